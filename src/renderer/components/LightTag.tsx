// A tag that looks like Ant Design's but is a plain <span>: the list renders dozens of them
// each time a page of results lands, and antd's Tag runs theme and style hooks for each one.
import type { ReactNode } from 'react';

export type TagColor = 'red' | 'gold' | 'green' | 'orange' | 'blue' | 'default';

export function LightTag({
  color,
  icon,
  children,
}: {
  color: TagColor;
  icon?: ReactNode;
  children: ReactNode;
}) {
  return (
    <span className={`tw-tag tw-tag-${color}`}>
      {icon}
      {children}
    </span>
  );
}

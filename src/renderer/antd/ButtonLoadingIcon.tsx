// Stands in for Ant Design's Button loading icon (antd/es/button/DefaultLoadingIcon; the renderer
// build swaps it in, see vite.renderer.config.ts). antd renders that icon in every Button without
// an icon of its own, loading or not, inside a CSSMotion whose first layout effect sets its state.
// A state set in a layout effect is a synchronous re-render at the end of the commit, and React
// runs every pending passive effect before it: the inbox's first commit ran all of its effects
// (its calls to the core, its subscriptions) in the same task as its DOM, 20 of its 32 ms in a
// traced log-in at 100k. The app turns motion off (App.tsx), so the icon never animates, and it
// gives buttons a loading icon of their own (ConfigProvider's button.loadingIcon), so this one
// shows only for a loading button outside that configuration.
import { LoadingOutlined } from '@ant-design/icons';
import type { CSSProperties } from 'react';

/** The props antd's Button passes its loading icon (DefaultLoadingIconProps, antd 6). */
export interface ButtonLoadingIconProps {
  prefixCls: string;
  existIcon: boolean;
  loading?: boolean | object;
  className?: string;
  style?: CSSProperties;
  mount: boolean;
}

export default function ButtonLoadingIcon({
  prefixCls,
  loading,
  className,
  style,
}: ButtonLoadingIconProps) {
  if (!loading) return null;
  // antd's markup for a loading icon: an icon wrapper with the loading class.
  const cls = [`${prefixCls}-icon`, `${prefixCls}-loading-icon`, className].filter(Boolean);
  return (
    <span className={cls.join(' ')} style={style}>
      <LoadingOutlined />
    </span>
  );
}

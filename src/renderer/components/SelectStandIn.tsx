import type { CSSProperties } from 'react';

/**
 * A select's current choice in a plain box of the select's size, shown in its place until the
 * select mounts (after a screen's first paint, see useAfterFirstPaint). No role: tests and
 * assistive technology wait for the real select.
 */
export function SelectStandIn({ label, style }: { label: string; style: CSSProperties }) {
  return (
    <span className="tw-select-placeholder" style={style} aria-hidden>
      {label}
    </span>
  );
}

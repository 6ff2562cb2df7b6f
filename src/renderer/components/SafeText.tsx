// Buyer-written text is text: React children only, never HTML. Only https links become
// clickable (the shells route target=_blank to the system browser); anything else stays text.
import { memo, type ReactNode } from 'react';

const URL_RE = /\bhttps?:\/\/[^\s<>"'）」]+/gi;

export function safeHttpsUrl(raw: string): string | null {
  try {
    const u = new URL(raw);
    return u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function linkify(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    const start = m.index;
    const href = safeHttpsUrl(m[0]);
    if (!href) continue;
    if (start > last) out.push(text.slice(last, start));
    out.push(
      <a key={start} href={href} target="_blank" rel="noopener noreferrer">
        {m[0]}
      </a>,
    );
    last = start + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export const SafeText = memo(function SafeText({ text }: { text: string }) {
  return <>{linkify(text)}</>;
});

// Text with personal-information spans marked; still plain text children, never HTML.
import { useTranslation } from 'react-i18next';
import type { PiiSpan } from '../../shared/api.js';

export function Highlighted({ text, spans }: { text: string; spans: PiiSpan[] }) {
  const { t } = useTranslation();
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const parts: React.ReactNode[] = [];
  let pos = 0;
  for (const s of sorted) {
    const start = Math.max(s.start, pos);
    const end = Math.min(s.end, text.length);
    if (end <= start) continue;
    if (start > pos) parts.push(text.slice(pos, start));
    parts.push(
      <mark key={start} title={t(`pii.${s.kind}`)}>
        {text.slice(start, end)}
      </mark>,
    );
    pos = end;
  }
  if (pos < text.length) parts.push(text.slice(pos));
  return <>{parts}</>;
}

// The inbox's text styles, laid out once while the seller is still on the login or the shop
// picker, so the inbox's first layout finds its fonts already looked up. Each new size or weight
// of the font stack is a lookup of its families, one by one until one exists (on Linux an IPC to
// the browser per family). In a traced log-in at 3k, the inbox's first layout spent 16.6 of its
// 22.9 ms there; after this warm-up, none (7.5 ms).
import { useAfterFirstPaint } from '../hooks/useAfterFirstPaint.js';
import { INBOX_TEXT_STYLES } from '../inbox/textStyles.js';

/**
 * Latin, digits, kana, a kanji and a simplified Chinese character: each script may resolve to
 * another family of the stack (not user-facing text: hidden from sight and from assistive
 * technology).
 */
const SAMPLE = 'Aa1 あア漢货';

/** Hidden text in each inbox style, rendered after the screen's own first paint. */
export function FontWarmup() {
  const ready = useAfterFirstPaint();
  if (!ready) return null;
  return (
    <div className="tw-font-warmup" aria-hidden>
      {INBOX_TEXT_STYLES.map(([size, weight]) => (
        <span key={`${size}-${weight}`} style={{ fontSize: size, fontWeight: weight }}>
          {SAMPLE}
        </span>
      ))}
    </div>
  );
}

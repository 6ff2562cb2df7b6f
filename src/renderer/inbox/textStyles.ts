// The font sizes and weights of the inbox's text and form controls ([px, weight]), laid out
// ahead of it by components/FontWarmup.tsx. The seller's-day test checks the inbox uses no other.
export const INBOX_TEXT_STYLES: readonly (readonly [number, number])[] = [
  [12, 400],
  [13, 400],
  [13, 600],
  [14, 400],
  [14, 600],
  [16, 600],
  [18, 700],
];

// The personal-information guard: finds phone numbers, e-mail addresses, postal codes,
// addresses, card numbers and written-out credentials in Japanese, Chinese or English text.
// It warns (on replies) and flags (public product questions); it never rewrites text, so it
// prefers missing an odd format to crying wolf on order numbers and dates.
import type { PiiKind, PiiSpan } from '../../../shared/api.js';
import {
  ADDRESS_CN,
  ADDRESS_JP,
  CARD_CANDIDATE,
  CARD_PREFIX,
  CREDENTIAL_CJK,
  CREDENTIAL_EN,
  EMAIL,
  PHONE_CN,
  PHONE_JP,
  POSTAL_JP,
  REFERENCE_CONTEXT,
  foldForPii,
} from './pii-patterns.js';

/** How far back a reference word ("注文番号", "order") may stand before a number. */
const CONTEXT_CHARS = 12;

const digitsOf = (s: string): string => s.replace(/\D/g, '');

/** Luhn checksum: what every payment card number satisfies. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

function isReference(text: string, start: number): boolean {
  return REFERENCE_CONTEXT.test(text.slice(Math.max(0, start - CONTEXT_CHARS), start));
}

type Check = (match: string, start: number, text: string) => boolean;

const RULES: { kind: PiiKind; pattern: RegExp; check?: Check }[] = [
  { kind: 'email', pattern: EMAIL },
  {
    kind: 'card',
    pattern: CARD_CANDIDATE,
    check: (m, start, text) => {
      const d = digitsOf(m);
      return d.length >= 13 && CARD_PREFIX.test(d) && luhnValid(d) && !isReference(text, start);
    },
  },
  {
    kind: 'phone',
    pattern: PHONE_JP,
    check: (m, start, text) => {
      const d = digitsOf(m.replace(/^\+81/, '0').replace('(0)', ''));
      return (d.length === 10 || d.length === 11) && !isReference(text, start);
    },
  },
  { kind: 'phone', pattern: PHONE_CN, check: (_m, start, text) => !isReference(text, start) },
  {
    kind: 'postal',
    pattern: POSTAL_JP,
    check: (m, start, text) => m.startsWith('〒') || !isReference(text, start),
  },
  { kind: 'address', pattern: ADDRESS_JP },
  { kind: 'address', pattern: ADDRESS_CN },
  { kind: 'credential', pattern: CREDENTIAL_CJK },
  { kind: 'credential', pattern: CREDENTIAL_EN },
];

/**
 * Spans of personal information, sorted by start, not overlapping (where two rules claim the
 * same characters the earlier, then longer, span wins). Offsets are UTF-16 indices into `text`.
 */
export function detectPii(text: string): PiiSpan[] {
  const folded = foldForPii(text);
  const found: PiiSpan[] = [];
  for (const rule of RULES) {
    for (const m of folded.matchAll(rule.pattern)) {
      const start = m.index;
      if (rule.check === undefined || rule.check(m[0], start, folded)) {
        found.push({ kind: rule.kind, start, end: start + m[0].length });
      }
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const spans: PiiSpan[] = [];
  for (const s of found) {
    const last = spans.at(-1);
    if (last === undefined || s.start >= last.end) spans.push(s);
  }
  return spans;
}

/** Spans over the messages of a thread, each tagged with its message. */
export function detectPiiInMessages(
  messages: readonly { seqNo: number; body: string }[],
): PiiSpan[] {
  return messages.flatMap((m) => detectPii(m.body).map((s) => ({ ...s, seqNo: m.seqNo })));
}

// One folding for everything searchable: the FTS documents, the queries, and any reference
// implementation in tests. NFKC makes full-width Latin and digits (ＡＢＣ１２３) and half-width
// katakana match their usual forms; toLowerCase makes the search case-insensitive; control
// characters become spaces so the field separator below can never occur inside text.

/** Ends every field of an FTS document: a 1–2 character substring of any field is then the
 * first characters of some trigram (see store/search.ts), and no match can span two fields. */
export const FIELD_END = '\u001f\u001f';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/g;

export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(CONTROL, ' ');
}

export interface SearchableThread {
  title: string;
  buyerName: string;
  itemName: string | null;
  bodies: readonly string[];
}

/** The FTS document of one inquiry: title, buyer name, product name, then every message body. */
export function buildSearchDocument(t: SearchableThread): string {
  let doc = normalizeForSearch(t.title) + FIELD_END;
  doc += normalizeForSearch(t.buyerName) + FIELD_END;
  doc += normalizeForSearch(t.itemName ?? '') + FIELD_END;
  for (const body of t.bodies) doc += normalizeForSearch(body) + FIELD_END;
  return doc;
}

/** A trigram index answers substrings of three or more characters directly. */
export const TRIGRAM = 3;

// FTS5 counts Unicode code points, not UTF-16 units or graphemes.
export const charLength = (s: string): number => Array.from(s).length;

/** A normalized query as one FTS5 phrase: the trigram tokenizer turns it into a substring match. */
export function ftsPhrase(normalizedQuery: string): string {
  return `"${normalizedQuery.replaceAll('"', '""')}"`;
}

/** The inclusive term range holding every trigram that starts with a 1–2 character query. */
export function trigramPrefixRange(normalizedQuery: string): [string, string] {
  const pad = TRIGRAM - charLength(normalizedQuery);
  return [normalizedQuery, normalizedQuery + '\u{10ffff}'.repeat(Math.max(pad, 0))];
}

// Migration 2: what searching needs on top of the tables of migration 1.
//
// Indexes. Every search is scoped to shops, so each index leads with shop_id. The two "scope"
// indexes carry every low-cardinality filter column after the date, so a count or a page over
// any mix of source / type / status / category / hidden plus a date range is answered from the
// index alone (no table lookups) — the exact `total` is what makes this matter. Status gets its
// own index because "unanswered / replying" is the hottest query (tabs, counters). rowid sits
// right after the date because pages are sorted by (date, rowid): the index order is then the
// page order, and a page stops after `limit` rows instead of sorting every match. Product and
// order numbers are exact matches of few rows: their indexes lead to those rows directly.
//
// Full text. One contentless FTS5 document per inquiry (rowid = inquiries.rowid), written by the
// store (src/main/core/store/inquiry-write.ts) from normalized text — see text/search-text.ts.
// Contentless because the document is a concatenation of many message rows: an external-content
// table would have to re-read a view with group_concat on every lookup, and it would store the
// text twice. `contentless_delete=1` lets the store replace a document when a thread changes.
// case_sensitive 1: the store folds case itself (NFKC + toLowerCase) so the index, the query and
// the short-query path (fts5vocab term ranges) agree on one folding.
export const migration002 = {
  version: 2,
  name: 'search',
  sql: /* sql */ `
CREATE INDEX inquiries_scope_received ON inquiries
  (shop_id, received_at, rowid, status, source, question_type, category, hidden);
CREATE INDEX inquiries_scope_answered ON inquiries
  (shop_id, answered_at, rowid, status, source, question_type, category, hidden)
  WHERE answered_at IS NOT NULL;
CREATE INDEX inquiries_status ON inquiries
  (shop_id, status, received_at, rowid, source, question_type, category, hidden);
CREATE INDEX inquiries_item_no ON inquiries (shop_id, item_no, received_at, rowid)
  WHERE item_no IS NOT NULL;
CREATE INDEX inquiries_order_no ON inquiries (shop_id, order_no, received_at, rowid)
  WHERE order_no IS NOT NULL;

CREATE VIRTUAL TABLE inquiry_fts USING fts5 (
  doc,
  tokenize = 'trigram case_sensitive 1',
  content = '',
  contentless_delete = 1
);
-- Term-level views of the index: 1–2 character queries are answered by a term range over the
-- trigrams (every document ends each field with padding, so any 1–2 character substring is the
-- prefix of some trigram).
CREATE VIRTUAL TABLE inquiry_fts_terms USING fts5vocab (inquiry_fts, 'instance');

-- Deleting an inquiry (or its shop, by cascade) drops its document.
CREATE TRIGGER inquiries_fts_delete AFTER DELETE ON inquiries BEGIN
  DELETE FROM inquiry_fts WHERE rowid = old.rowid;
END;
`,
} as const;

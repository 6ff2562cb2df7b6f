// Migration 5: FTS5 merges the full-text index's segments less eagerly. Every transaction that
// writes documents adds a segment (the sync writes a page's documents in one or two), and with
// automerge at its default of 4 FTS5 starts merging a level as soon as 4 segments pile up in it,
// so a document is rewritten many times on its way up the levels. At 8, writing 20k documents in
// transactions of 400–500 took 404–520 ms of CPU instead of 579–795 ms (medians of interleaved
// runs). A 100k cache then holds a few more segments (18 instead of 14); the JA/ZH searches of
// 1–2 and 4 characters were timed against the old setting, interleaved, and were no slower.
// The setting lives in the table's own config (inquiry_fts_config), so it applies to caches
// that already hold documents as well as to new ones.
export const migration005 = {
  version: 5,
  name: 'fts-automerge',
  sql: /* sql */ `
INSERT INTO inquiry_fts (inquiry_fts, rank) VALUES ('automerge', 8);
`,
} as const;

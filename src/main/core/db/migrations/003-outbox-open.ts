// Migration 3: finding an inquiry's first open outbox action (delivery is strictly in order per
// inquiry) must not walk that inquiry's whole sent history. A partial index over the open
// states keeps the "is this the head?" lookup proportional to what is still waiting.
export const migration003 = {
  version: 3,
  name: 'outbox-open',
  sql: /* sql */ `
CREATE INDEX outbox_open ON outbox (inquiry_id, seq)
  WHERE state IN ('queued', 'sending', 'failed', 'conflict');
`,
} as const;

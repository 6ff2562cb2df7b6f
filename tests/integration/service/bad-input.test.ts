// Bad input gets a clear, stable error code and changes nothing: 30+ cases through the
// InboxApi of a real core (real SQLite file) logged in to a real sandbox. After every case the
// local cache and the sandbox's state must be exactly as before.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type LocalCore } from '../../../src/main/core/index.js';
import type { InboxApi, InquirySummary } from '../../../src/shared/api.js';
import type { ErrorCode, Result } from '../../../src/shared/errors.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/server.js';

let sandbox: Sandbox;
let core: LocalCore;
let dir: string;
let product: InquirySummary;
let general: InquirySummary;
let myQoo10: InquirySummary;

/** Every table of the cache and the sandbox's inquiries and messages, hashed. */
function fingerprint(): string {
  const h = createHash('sha256');
  for (const table of [
    'inquiries',
    'messages',
    'outbox',
    'drafts',
    'templates',
    'settings',
    'attachments',
  ]) {
    h.update(JSON.stringify(core.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()));
  }
  for (const table of ['inquiries', 'messages']) {
    h.update(JSON.stringify(sandbox.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()));
  }
  return h.digest('hex');
}

beforeAll(async () => {
  sandbox = await startSandbox({ dbPath: ':memory:', seed: 9, inquiries: 300 });
  dir = mkdtempSync(join(tmpdir(), 'toiawase-bad-input-'));
  core = await createCore({ dataDir: dir, sandboxUrl: sandbox.url, background: false });
  const login = await core.api.login({ user: 'demo', password: 'demo1234', location: 'sandbox' });
  if (!login.ok) throw new Error(login.error.message);
  await core.api.syncNow({});
  const find = async (
    q: Parameters<InboxApi['search']>[0],
    pick: (r: InquirySummary) => boolean,
  ) => {
    const page = await core.api.search({ shopId: 'all', limit: 500, ...q });
    if (!page.ok) throw new Error(page.error.message);
    const hit = page.value.rows.find(pick);
    if (hit === undefined) throw new Error(`no inquiry for ${JSON.stringify(q)}`);
    return hit;
  };
  product = await find({ questionType: 'product' }, () => true);
  general = await find({ questionType: 'general', source: 'customer' }, () => true);
  myQoo10 = await find({ questionType: 'customer' }, () => true);
});

afterAll(async () => {
  await core.close();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

type Case = [name: string, expected: ErrorCode, run: (api: InboxApi) => Promise<Result<unknown>>];
const raw = (api: InboxApi, method: string, payload: unknown) =>
  (api as unknown as Record<string, (p: unknown) => Promise<Result<unknown>>>)[method]!(payload);

const cases = (): Case[] => [
  ['empty reply', 'REPLY_EMPTY', (a) => a.reply({ inquiryId: general.id, body: '', status: 'S3' })],
  [
    'blank reply',
    'REPLY_EMPTY',
    (a) => a.reply({ inquiryId: general.id, body: ' \n\t ', status: 'S3' }),
  ],
  [
    'reply over 1,000 characters',
    'REPLY_TOO_LONG',
    (a) => a.reply({ inquiryId: general.id, body: 'x'.repeat(1001), status: 'S3' }),
  ],
  [
    'reply of 1,001 CJK characters',
    'REPLY_TOO_LONG',
    (a) => a.reply({ inquiryId: general.id, body: '返'.repeat(1001), status: 'S2' }),
  ],
  [
    'reply with status S1',
    'VALIDATION',
    (a) => raw(a, 'reply', { inquiryId: general.id, body: 'ok', status: 'S1' }),
  ],
  [
    'reply with an unknown status',
    'VALIDATION',
    (a) => raw(a, 'reply', { inquiryId: general.id, body: 'ok', status: 'done' }),
  ],
  [
    'reply to an unknown inquiry',
    'INQUIRY_NOT_FOUND',
    (a) => a.reply({ inquiryId: `${general.shopId}:999999999`, body: 'ok', status: 'S3' }),
  ],
  [
    'reply to another seller’s shop',
    'INQUIRY_NOT_FOUND',
    (a) => a.reply({ inquiryId: 'otheracct:1', body: 'ok', status: 'S3' }),
  ],
  [
    'reply with a malformed inquiry id',
    'VALIDATION',
    (a) => a.reply({ inquiryId: 'no-colon', body: 'ok', status: 'S3' }),
  ],
  [
    'reply with four attachments',
    'VALIDATION',
    (a) =>
      a.reply({
        inquiryId: general.id,
        body: 'ok',
        status: 'S3',
        attachmentIds: ['a', 'b', 'c', 'd'],
      }),
  ],
  [
    'reply with an unknown field',
    'VALIDATION',
    (a) => raw(a, 'reply', { inquiryId: general.id, body: 'ok', status: 'S3', html: '<b>' }),
  ],
  [
    'hide without a title',
    'HIDE_TITLE_REQUIRED',
    (a) => a.hide({ inquiryId: product.id, title: '', reason: 'because' }),
  ],
  [
    'hide without a reason',
    'HIDE_REASON_REQUIRED',
    (a) => a.hide({ inquiryId: product.id, title: 'Notice', reason: '   ' }),
  ],
  [
    'hide a general inquiry',
    'HIDE_NOT_PRODUCT_QUESTION',
    (a) => a.hide({ inquiryId: general.id, title: 'Notice', reason: 'why' }),
  ],
  [
    'hide a MyQoo10 question',
    'HIDE_NOT_PRODUCT_QUESTION',
    (a) => a.hide({ inquiryId: myQoo10.id, title: 'Notice', reason: 'why' }),
  ],
  [
    'auto reply to a MyQoo10 question',
    'AUTO_REPLY_NOT_ALLOWED',
    (a) => a.autoReply({ inquiryId: myQoo10.id }),
  ],
  [
    'auto reply in an unknown language',
    'VALIDATION',
    (a) => raw(a, 'autoReply', { inquiryId: general.id, language: 'fr' }),
  ],
  ['search with an impossible date', 'DATE_INVALID', (a) => a.search({ from: '2026-02-30' })],
  ['search with a malformed date', 'VALIDATION', (a) => a.search({ from: '27/11/2026' })],
  [
    'search with from after to',
    'DATE_INVALID',
    (a) => a.search({ from: '2026-11-27', to: '2026-11-01' }),
  ],
  ['search with a forged cursor', 'VALIDATION', (a) => a.search({ cursor: 'not-a-cursor' })],
  ['search with limit 0', 'VALIDATION', (a) => a.search({ limit: 0 })],
  ['search with an unknown shop', 'SHOP_NOT_FOUND', (a) => a.search({ shopId: 'nope' })],
  ['search with an unknown status', 'VALIDATION', (a) => raw(a, 'search', { status: 'S4' })],
  [
    'open an unknown inquiry',
    'INQUIRY_NOT_FOUND',
    (a) => a.openThread({ inquiryId: `${general.shopId}:999999999` }),
  ],
  [
    'template with an unknown variable',
    'TEMPLATE_UNKNOWN_VARIABLE',
    (a) => a.saveTemplate({ name: 'x', body: 'Dear {customer}' }),
  ],
  ['template without a name', 'VALIDATION', (a) => a.saveTemplate({ name: '  ', body: 'hello' })],
  [
    'delete a built-in template',
    'VALIDATION',
    (a) => a.deleteTemplate({ id: 'builtin:auto-reply:ja' }),
  ],
  [
    'render an unknown template',
    'NOT_FOUND',
    (a) => a.renderTemplate({ templateId: 'nope', inquiryId: general.id }),
  ],
  [
    'draft with status S1',
    'VALIDATION',
    (a) => raw(a, 'saveDraft', { inquiryId: general.id, title: '', body: '', status: 'S1' }),
  ],
  [
    'settings with a too short sync interval',
    'VALIDATION',
    (a) => a.updateSettings({ syncIntervalSec: 1 }),
  ],
  [
    'settings in an unknown language',
    'VALIDATION',
    (a) => raw(a, 'updateSettings', { language: 'de' }),
  ],
  ['retry an unknown outbox item', 'NOT_FOUND', (a) => a.retryOutbox({ outboxId: 'nope' })],
  ['cancel an unknown outbox item', 'NOT_FOUND', (a) => a.cancelOutbox({ outboxId: 'nope' })],
  [
    'attach an executable',
    'ATTACHMENT_TYPE',
    (a) =>
      a.uploadAttachment({
        shopId: general.shopId,
        fileName: 'x.exe',
        mime: 'application/x-msdownload',
        dataBase64: 'TVo=',
      }),
  ],
  [
    'attach a file over 5 MB',
    'ATTACHMENT_TOO_LARGE',
    (a) =>
      a.uploadAttachment({
        shopId: general.shopId,
        fileName: 'big.png',
        mime: 'image/png',
        dataBase64: Buffer.alloc(5 * 1024 * 1024 + 1).toString('base64'),
      }),
  ],
  [
    'attach to another seller’s shop',
    'SHOP_NOT_FOUND',
    (a) =>
      a.uploadAttachment({
        shopId: 'nope',
        fileName: 'a.png',
        mime: 'image/png',
        dataBase64: 'AA==',
      }),
  ],
  ['select an unknown shop', 'SHOP_NOT_FOUND', (a) => a.selectShop({ shopId: 'nope' })],
  [
    'log in without a password',
    'VALIDATION',
    (a) => raw(a, 'login', { user: 'demo', location: 'sandbox' }),
  ],
  [
    'log in at an unknown location',
    'VALIDATION',
    (a) => raw(a, 'login', { user: 'demo', password: 'x', location: 'mars' }),
  ],
];

describe('bad input: a clear error, nothing changed', () => {
  it('has at least 30 cases', () => {
    expect(cases().length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases().map((c) => [c[0], c] as const))('%s', async (_name, [, expected, run]) => {
    const before = fingerprint();
    const result = await run(core.api);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(expected);
    expect(result.error.message.length).toBeGreaterThan(0);
    expect(fingerprint()).toBe(before);
  });
});

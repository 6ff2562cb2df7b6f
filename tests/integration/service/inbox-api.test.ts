// The InboxApi as hosts see it: createCore in-process against a real sandbox on 127.0.0.1 and a
// real SQLite file. Covers the service's own work (scoping, validation, composition of the
// thread view, templates, drafts, settings, attachments) on top of the store and remote halves.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type LocalCore } from '../../../src/main/core/index.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/server.js';
import type { InboxApi } from '../../../src/shared/api.js';
import type { Result } from '../../../src/shared/errors.js';

let sandbox: Sandbox;
let core: LocalCore;
let api: InboxApi;
let dir: string;

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const errorCode = (r: Result<unknown>): string => (r.ok ? 'ok' : r.error.code);

beforeAll(async () => {
  sandbox = await startSandbox({ dbPath: ':memory:', seed: 11, inquiries: 300, admin: true });
  dir = mkdtempSync(join(tmpdir(), 'toiawase-service-'));
  core = await createCore({ dataDir: dir, sandboxUrl: sandbox.url, background: false });
  api = core.api;
});

afterAll(async () => {
  await core.close();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('before login', () => {
  it('refuses what needs a session, with NOT_LOGGED_IN, and answers what does not', async () => {
    expect(errorCode(await api.search({}))).toBe('NOT_LOGGED_IN');
    expect(errorCode(await api.listShops({}))).toBe('NOT_LOGGED_IN');
    expect(value(await api.getSession({}))).toBeNull();
    expect(value(await api.getSettings({})).language).toBeTypeOf('string');
  });

  it('answers a malformed payload with VALIDATION and the offending field', async () => {
    const r = await api.login({ user: '', password: 'x', location: 'sandbox' } as never);
    expect(errorCode(r)).toBe('VALIDATION');
    const bad = await (api.search as (i: unknown) => Promise<Result<unknown>>)({ status: 'S9' });
    expect(errorCode(bad)).toBe('VALIDATION');
  });
});

describe('logged in', () => {
  beforeAll(async () => {
    value(await api.login({ user: 'demo', password: 'demo1234', location: 'sandbox' }));
    value(await api.syncNow({}));
  });

  it('syncs every shop and searches the unified inbox and one shop', async () => {
    const session = value(await api.getSession({}));
    expect(session?.shops.length).toBe(3);
    const all = value(await api.search({ shopId: 'all', limit: 500 }));
    expect(all.total).toBeGreaterThan(0);
    const perShop = await Promise.all(
      session!.shops.map(async (s) => value(await api.searchTotal({ shopId: s.id }))),
    );
    expect(perShop.reduce((a, b) => a + b, 0)).toBe(all.total);
  });

  it('answers a page before its total: the rows, then searchTotal counts them', async () => {
    const exact = value(await api.search({ shopId: 'all', limit: 5 }));
    expect(exact.total).toBeGreaterThan(5);
    // A fresh search (another filter set) asked without its total: the same rows, no count.
    const first = value(
      await api.search({ shopId: 'all', limit: 5, sort: 'oldest', total: false }),
    );
    const oldest = value(await api.search({ shopId: 'all', limit: 5, sort: 'oldest' }));
    expect(first.rows.map((r) => r.id)).toEqual(oldest.rows.map((r) => r.id));
    expect(value(await api.searchTotal({ shopId: 'all', sort: 'oldest' }))).toBe(exact.total);
    const notAll = value(
      await api.search({ shopId: 'all', status: 'S1', limit: 500, total: false }),
    );
    expect(value(await api.searchTotal({ shopId: 'all', status: 'S1' }))).toBe(
      notAll.total ?? notAll.rows.length,
    );
    // Paging belongs to search: the total's input refuses it, and bad filters change nothing.
    const paged = await api.searchTotal({ shopId: 'all', limit: 5 } as never);
    expect(paged.ok).toBe(false);
    const badDay = await api.searchTotal({ shopId: 'all', from: '2026-13-40' });
    expect(badDay.ok ? null : badDay.error.code).toBe('DATE_INVALID');
  });

  it('refuses a shop that is not this login’s', async () => {
    expect(errorCode(await api.search({ shopId: 'someone-else' }))).toBe('SHOP_NOT_FOUND');
    expect(errorCode(await api.selectShop({ shopId: 'someone-else' }))).toBe('SHOP_NOT_FOUND');
    expect(errorCode(await api.openThread({ inquiryId: 'someone-else:1' }))).toBe(
      'INQUIRY_NOT_FOUND',
    );
  });

  it('scopes to the selected shop when no shop is given', async () => {
    const session = value(await api.getSession({}));
    const shop = session!.shops[1]!.id;
    value(await api.selectShop({ shopId: shop }));
    const page = value(await api.search({ limit: 50 }));
    expect(page.rows.every((r) => r.shopId === shop)).toBe(true);
    value(await api.selectShop({ shopId: 'all' }));
  });

  it('opens a thread with its draft and pending actions, and replies through the outbox', async () => {
    const page = value(
      await api.search({ shopId: 'all', status: 'S1', source: 'customer', limit: 5 }),
    );
    const target = page.rows.find((r) => r.questionType !== 'product') ?? page.rows[0]!;
    value(
      await api.saveDraft({ inquiryId: target.id, title: 't', body: 'draft text', status: 'S3' }),
    );
    const before = value(await api.openThread({ inquiryId: target.id }));
    expect(before.draft?.body).toBe('draft text');
    expect(before.messages.length).toBeGreaterThan(0);

    const item = value(
      await api.reply({ inquiryId: target.id, body: 'ご連絡ありがとうございます。', status: 'S3' }),
    );
    expect(item.state).toBe('queued');
    const queued = value(await api.openThread({ inquiryId: target.id }));
    expect(queued.pending.map((p) => p.id)).toContain(item.id);
    expect(queued.inquiry.status).toBe('S3'); // optimistic effect, before delivery

    value(await api.syncNow({}));
    const after = value(await api.openThread({ inquiryId: target.id }));
    expect(after.pending).toEqual([]);
    expect(after.messages.at(-1)?.body).toBe('ご連絡ありがとうございます。');
    const sent = value(await api.listOutbox({ inquiryId: target.id }));
    expect(sent.find((i) => i.id === item.id)?.state).toBe('sent');
    // Exactly once on the server side.
    const res = await fetch(`${sandbox.url}/__admin/requests/${item.requestId}`);
    expect(JSON.stringify(await res.json())).toContain('1');
  });

  it('refuses bad replies with a clear code and queues nothing', async () => {
    const page = value(await api.search({ shopId: 'all', status: 'S1', limit: 1 }));
    const id = page.rows[0]!.id;
    const before = value(await api.listOutbox({})).length;
    expect(errorCode(await api.reply({ inquiryId: id, body: '   ', status: 'S3' }))).toBe(
      'REPLY_EMPTY',
    );
    expect(
      errorCode(await api.reply({ inquiryId: id, body: 'あ'.repeat(1001), status: 'S3' })),
    ).toBe('REPLY_TOO_LONG');
    expect(errorCode(await api.reply({ inquiryId: id, body: 'x', status: 'S1' as never }))).toBe(
      'VALIDATION',
    );
    expect(value(await api.listOutbox({})).length).toBe(before);
  });

  it('renders a template with the inquiry’s variables and rejects unknown ones', async () => {
    const page = value(await api.search({ shopId: 'all', limit: 1 }));
    const inquiry = page.rows[0]!;
    const t = value(
      await api.saveTemplate({ name: 'greeting', body: '{buyer}様 ご注文{order_no}について' }),
    );
    const rendered = value(await api.renderTemplate({ templateId: t.id, inquiryId: inquiry.id }));
    expect(rendered.body).toBe(`${inquiry.buyerName}様 ご注文${inquiry.orderNo ?? ''}について`);
    expect(rendered.title).toBe(`[Re] ${inquiry.title}`);
    expect(errorCode(await api.saveTemplate({ name: 'bad', body: 'hi {nickname}' }))).toBe(
      'TEMPLATE_UNKNOWN_VARIABLE',
    );
    const builtIns = value(await api.listTemplates({})).filter((x) => x.builtIn);
    expect(builtIns.length).toBe(3);
  });

  it('keeps settings and validates them', async () => {
    expect(value(await api.updateSettings({ language: 'ja' })).language).toBe('ja');
    expect(value(await api.getSettings({})).language).toBe('ja');
    expect(
      errorCode(
        await (api.updateSettings as (i: unknown) => Promise<Result<unknown>>)({ language: 'fr' }),
      ),
    ).toBe('VALIDATION');
  });

  it('flags personal information in public product questions and checks reply text', async () => {
    const spans = value(await api.checkPii({ text: '電話は090-1234-5678です' }));
    expect(spans.map((s) => s.kind)).toContain('phone');
    expect(value(await api.checkPii({ text: '注文番号 319099200 の件' }))).toEqual([]);
  });

  it('uploads an attachment and reads it back, refusing wrong types and sizes', async () => {
    const session = value(await api.getSession({}));
    const shopId = session!.shops[0]!.id;
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const meta = value(
      await api.uploadAttachment({
        shopId,
        fileName: 'a.png',
        mime: 'image/png',
        dataBase64: png.toString('base64'),
      }),
    );
    expect(meta.size).toBe(png.length);
    const back = value(await api.getAttachment({ attachmentId: meta.id }));
    expect(Buffer.from(back.dataBase64, 'base64').equals(png)).toBe(true);
    expect(
      errorCode(
        await api.uploadAttachment({
          shopId,
          fileName: 'a.exe',
          mime: 'application/x-msdownload',
          dataBase64: 'AA==',
        }),
      ),
    ).toBe('ATTACHMENT_TYPE');
  });
});

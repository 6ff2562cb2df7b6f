import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIRE_ERRORS, countsRowSchema, type ThreadRow } from '../../../src/shared/qapi.js';
import { parseWireDate } from '../../../src/shared/jst.js';
import type { Sandbox } from '../../../src/sandbox/server.js';
import { act, admin, buyerPost, errorOf, login, ok, page, start, thread } from './helpers.js';

const CHANGES = 'QpostAPI.GetChanges';
let sb: Sandbox;
let key: string;
beforeAll(async () => {
  sb = await start();
  key = await login(sb);
});
afterAll(() => sb.close());

describe('QpostAPI.GetChanges', () => {
  it('pages the whole shop exactly once, in change order, with full threads', async () => {
    const sizes: number[] = [];
    const threads: ThreadRow[] = [];
    let cursor = '';
    for (let i = 0; i < 100; i++) {
      const p = await page(sb, key, { shop_id: '100001', cursor, page_size: '25' });
      sizes.push(p.Inquiries.length);
      threads.push(...p.Inquiries);
      cursor = p.Cursor;
      if (!p.HasMore) break;
    }
    const count = (
      sb.db.prepare("SELECT COUNT(*) AS n FROM inquiries WHERE shop_id = '100001'").get() as {
        n: number;
      }
    ).n;
    expect(count).toBeGreaterThan(100);
    expect(threads).toHaveLength(count);
    expect(new Set(threads.map((t) => t.QUESTION_NO)).size).toBe(count);
    expect(sizes.slice(0, -1).every((n) => n === 25)).toBe(true);
    const upd = threads.map((t) => parseWireDate(t.UPD_DT)!);
    expect(upd).toEqual([...upd].sort((a, b) => a - b));
    for (const t of threads) {
      expect(t.SHOP_ID).toBe('100001');
      expect(t.MESSAGES.length).toBeGreaterThanOrEqual(1);
      expect(t.MESSAGES.length).toBeLessThanOrEqual(30);
      const seqs = t.MESSAGES.map((m) => m.SEQ_NO);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
    // At the end, the cursor answers an empty page until something changes.
    const tail = await page(sb, key, { shop_id: '100001', cursor });
    expect(tail).toEqual({ Inquiries: [], HasMore: false, Cursor: cursor });
    const posted = await buyerPost(sb, { shop_id: '100001', contents: 'new' });
    const next = await page(sb, key, { shop_id: '100001', cursor });
    expect(next.Inquiries.map((t) => t.QUESTION_NO)).toEqual([posted.QUESTION_NO]);
    // A follow-up moves an old inquiry to the end of the feed, one version up.
    const first = threads[0]!;
    await buyerPost(sb, { shop_id: '100001', question_no: first.QUESTION_NO, contents: 'again' });
    const again = await page(sb, key, { shop_id: '100001', cursor: next.Cursor });
    expect(again.Inquiries.map((t) => t.QUESTION_NO)).toEqual([first.QUESTION_NO]);
    expect(again.Inquiries[0]!.VERSION).toBe(first.VERSION + 1);
  });

  it('limits page_size to 1–500', async () => {
    expect(
      (await page(sb, key, { shop_id: '100001', page_size: '500' })).Inquiries.length,
    ).toBeGreaterThan(0);
    for (const size of ['501', '0', '-1', 'ten']) {
      expect((await errorOf(sb, CHANGES, { shop_id: '100001', page_size: size }, key)).code).toBe(
        WIRE_ERRORS.VALIDATION,
      );
    }
  });

  it('answers RESYNC_REQUIRED for an unknown, tampered or foreign cursor', async () => {
    const mine = await page(sb, key, { shop_id: '100001', page_size: '5' });
    const other = await page(sb, key, { shop_id: '100002', page_size: '5' });
    const forged =
      Buffer.from('100001.999999').toString('base64url') + '.' + mine.Cursor.split('.')[1]!;
    for (const cursor of [
      'garbage',
      'a.b',
      `${mine.Cursor}x`,
      `x${mine.Cursor}`,
      forged,
      other.Cursor,
    ]) {
      expect((await errorOf(sb, CHANGES, { shop_id: '100001', cursor }, key)).code).toBe(
        WIRE_ERRORS.RESYNC_REQUIRED,
      );
    }
  });

  it('makes every old cursor RESYNC_REQUIRED after a reset', async () => {
    const sb2 = await start({ inquiries: 30 });
    try {
      const k = await login(sb2);
      const before = await page(sb2, k, { shop_id: '100001', page_size: '5' });
      expect((await admin(sb2, 'POST', '/reset', { seed: 8, inquiries: 30 })).ResultCode).toBe(0);
      expect(
        (await errorOf(sb2, CHANGES, { shop_id: '100001', cursor: before.Cursor }, k)).code,
      ).toBe(WIRE_ERRORS.RESYNC_REQUIRED);
      expect(
        (await page(sb2, k, { shop_id: '100001', page_size: '5' })).Inquiries.length,
      ).toBeGreaterThan(0);
    } finally {
      await sb2.close();
    }
  });
});

describe('QpostAPI.GetThread and GetCounts', () => {
  it('returns one whole thread by number, and INQUIRY_NOT_FOUND otherwise', async () => {
    const first = (await page(sb, key, { shop_id: '100001', page_size: '1' })).Inquiries[0]!;
    expect((await thread(sb, key, '100001', first.QUESTION_NO)).QUESTION_NO).toBe(
      first.QUESTION_NO,
    );
    const get = (shop: string, q: string) =>
      errorOf(sb, 'QpostAPI.GetThread', { shop_id: shop, question_no: q }, key);
    expect((await get('100001', '1')).code).toBe(WIRE_ERRORS.INQUIRY_NOT_FOUND);
    expect((await get('100002', String(first.QUESTION_NO))).code).toBe(
      WIRE_ERRORS.INQUIRY_NOT_FOUND,
    );
    expect((await get('100001', 'abc')).code).toBe(WIRE_ERRORS.VALIDATION);
  });

  it('counts the last 30 days as the guide does', async () => {
    const sb2 = await start({ inquiries: 0 });
    try {
      const k = await login(sb2);
      const counts = () => ok(sb2, 'QpostAPI.GetCounts', { shop_id: '100003' }, k, countsRowSchema);
      const zero = {
        CUSTOMER_UNANSWERED: 0,
        CUSTOMER_REPLYING: 0,
        QOO10_UNANSWERED: 0,
        QOO10_UNCONFIRMED: 0,
      };
      expect(await counts()).toEqual(zero);
      const post = (body: object) => buyerPost(sb2, { shop_id: '100003', contents: 'q', ...body });
      const msg = await post({});
      await post({ inq_type: 'ITEM', item_no: '123456789' });
      const help = await post({ inq_type: 'HELP' });
      await post({ inq_type: 'HELP' });
      expect(await counts()).toEqual({
        CUSTOMER_UNANSWERED: 2,
        CUSTOMER_REPLYING: 0,
        QOO10_UNANSWERED: 2,
        QOO10_UNCONFIRMED: 0,
      });
      const reply = (q: number, id: string) =>
        act(sb2, k, 'QpostAPI.SetReply', {
          shop_id: '100003',
          question_no: String(q),
          contents: 'a',
          status: 'S2',
          request_id: id,
          version: '1',
        });
      await reply(msg.QUESTION_NO, 'c1');
      await reply(help.QUESTION_NO, 'c2');
      expect(await counts()).toEqual({
        CUSTOMER_UNANSWERED: 1,
        CUSTOMER_REPLYING: 1,
        QOO10_UNANSWERED: 1,
        QOO10_UNCONFIRMED: 1,
      });
      // 31 days later none of it is recent any more.
      await admin(sb2, 'POST', '/clock', { offset_ms: 31 * 24 * 60 * 60 * 1000 });
      expect(await counts()).toEqual(zero);
    } finally {
      await sb2.close();
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WIRE_ERRORS } from '../../../src/shared/qapi.js';
import { act, buyerPost, errorOf, login, page, start, thread } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-persist-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('persistence', () => {
  it('keeps keys, inquiries, replies, idempotency records and cursors across a restart', async () => {
    const dbPath = join(dir, 'sandbox.sqlite');
    const first = await start({ dbPath, inquiries: 50 });
    expect(first.generated).toBe(true);
    const key = await login(first);
    const q = (await buyerPost(first, { shop_id: '100001', contents: '再起動テスト' })).QUESTION_NO;
    const fields = {
      shop_id: '100001',
      question_no: String(q),
      contents: '回答',
      status: 'S2',
      request_id: 'persist-1',
      version: '1',
    };
    const replied = await act(first, key, 'QpostAPI.SetReply', fields);
    let cursor = '';
    for (;;) {
      const p = await page(first, key, { shop_id: '100001', cursor, page_size: '500' });
      cursor = p.Cursor;
      if (!p.HasMore) break;
    }
    await first.close();

    // Other generator options are ignored: the file's data is reused.
    const second = await start({ dbPath, inquiries: 5, seed: 99 });
    try {
      expect(second.generated).toBe(false);
      expect(second.dataset.inquiries).toBe(50);
      const t = await thread(second, key, '100001', q);
      expect(t).toMatchObject({ STATUS: 'S2', VERSION: 2 });
      expect(t.MESSAGES.map((m) => m.CONTENTS)).toEqual(['再起動テスト', '回答']);
      expect(await act(second, key, 'QpostAPI.SetReply', fields)).toEqual(replied);
      expect((await thread(second, key, '100001', q)).MESSAGES).toHaveLength(2);
      expect(await page(second, key, { shop_id: '100001', cursor })).toMatchObject({
        Inquiries: [],
        HasMore: false,
      });
    } finally {
      await second.close();
    }

    const third = await start({ dbPath, inquiries: 5, seed: 99, reset: true });
    try {
      expect(third.generated).toBe(true);
      expect(
        (await errorOf(third, 'QpostAPI.GetChanges', { shop_id: '100001', cursor }, key)).code,
      ).toBe(WIRE_ERRORS.RESYNC_REQUIRED);
      expect(
        (
          await errorOf(
            third,
            'QpostAPI.GetThread',
            { shop_id: '100001', question_no: String(q) },
            key,
          )
        ).code,
      ).toBe(WIRE_ERRORS.INQUIRY_NOT_FOUND);
    } finally {
      await third.close();
    }
  });
});

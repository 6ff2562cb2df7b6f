import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIRE_ERRORS, inquiryRowSchema } from '../../../src/shared/qapi.js';
import { parseWireDate, toQueryDate } from '../../../src/shared/jst.js';
import type { Sandbox } from '../../../src/sandbox/server.js';
import { z } from 'zod';
import { NOW, act, buyerPost, errorOf, login, ok, start, thread, wholeFeed } from './helpers.js';

const rowsSchema = z.array(inquiryRowSchema);

const GET = 'CSCenter.GetInquiryMessage';
const SET = 'CSCenter.SetInquiryMessage';
const DAY = 24 * 60 * 60 * 1000;

let sb: Sandbox;
let key: string;
beforeAll(async () => {
  sb = await start();
  key = await login(sb);
});
afterAll(() => sb.close());

const window = (from: string, to: string, status = 'S1') => ({
  search_start_dt: from,
  search_end_dt: to,
  proc_status: status,
});

describe('CSCenter.GetInquiryMessage', () => {
  it('caps the window at 31 days', async () => {
    expect(Array.isArray(await ok(sb, GET, window('20261001', '20261031'), key, rowsSchema))).toBe(
      true,
    );
    expect((await errorOf(sb, GET, window('20261001', '20261101'), key)).code).toBe(
      WIRE_ERRORS.DATE_RANGE_TOO_LONG,
    );
    expect((await errorOf(sb, GET, window('20261001000000', '20261101000000'), key)).code).toBe(
      WIRE_ERRORS.DATE_RANGE_TOO_LONG,
    );
  });

  it('refuses malformed or reversed dates with DATE_INVALID', async () => {
    for (const [from, to] of [
      ['2026-10-01', '20261010'],
      ['20261301', '20261310'],
      ['20260230', '20260301'],
      ['20261001', '20261010256000'],
      ['20261010', '20261001'],
    ] as const) {
      expect((await errorOf(sb, GET, window(from, to), key)).code).toBe(WIRE_ERRORS.DATE_INVALID);
    }
  });

  it('needs a valid proc_status', async () => {
    expect((await errorOf(sb, GET, window('20261101', '20261110', 'S4'), key)).code).toBe(
      WIRE_ERRORS.VALIDATION,
    );
    expect(
      (await errorOf(sb, GET, { search_start_dt: '20261101', search_end_dt: '20261110' }, key))
        .code,
    ).toBe(WIRE_ERRORS.VALIDATION);
  });

  it('returns exactly the first shop’s inquiries of that status whose latest buyer message is in the window', async () => {
    const threads = await wholeFeed(sb, key, '100001');
    const from = NOW - 20 * DAY;
    const to = NOW;
    for (const status of ['S1', 'S2', 'S3']) {
      const rows = await ok(
        sb,
        GET,
        window(toQueryDate(from, true), toQueryDate(to, true), status),
        key,
        rowsSchema,
      );
      const expected = threads
        .filter((t) => t.STATUS === status)
        .map((t) => ({ t, last: t.MESSAGES.filter((m) => m.AUTHOR !== 'SELLER').at(-1)! }))
        .filter(({ last }) => {
          const at = parseWireDate(last.SEND_DT)!;
          return at >= Math.floor(from / 1000) * 1000 && at <= to;
        })
        .map(({ t, last }) => `${t.QUESTION_NO}:${last.SEQ_NO}`)
        .sort();
      expect(rows.map((r) => `${r.QUESTION_NO}:${r.SEQ_NO}`).sort()).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
    }
  });

  it('shows a new buyer message as S1 on the first shop only', async () => {
    const mine = await buyerPost(sb, {
      shop_id: '100001',
      contents: '在庫はありますか？',
    });
    const second = await buyerPost(sb, { shop_id: '100002', contents: '別の店です' });
    const today = toQueryDate(Date.now());
    const rows = await ok(sb, GET, window(today, today), key, rowsSchema);
    const row = rows.find((r) => r.QUESTION_NO === mine.QUESTION_NO);
    expect(row).toMatchObject({
      SEQ_NO: mine.SEQ_NO,
      INQ_TYPE: 'MSG',
      STATUS: 'S1',
      CONTENTS: '在庫はありますか？',
      ANS_DT: null,
    });
    expect(rows.some((r) => r.QUESTION_NO === second.QUESTION_NO)).toBe(false);
  });
});

describe('CSCenter.SetInquiryMessage', () => {
  it('posts a reply to the named buyer message and marks the inquiry complete', async () => {
    const posted = await buyerPost(sb, { shop_id: '100001', contents: '届きません' });
    const q = String(posted.QUESTION_NO);
    const r = await act(sb, key, SET, {
      inq_type: 'MSG',
      question_no: q,
      seq_no: String(posted.SEQ_NO),
      contents: '本日発送しました。',
    });
    expect(r).toMatchObject({ QUESTION_NO: posted.QUESTION_NO, STATUS: 'S3', VERSION: 2 });
    const t = await thread(sb, key, '100001', Number(q));
    expect(t.STATUS).toBe('S3');
    expect(t.ANS_DT).not.toBeNull();
    expect(t.MESSAGES.at(-1)).toMatchObject({
      AUTHOR: 'SELLER',
      CONTENTS: '本日発送しました。',
      TITLE: '[Re] お問い合わせ',
    });
  });

  it('refuses a wrong type, a seller message, an unknown inquiry and bad lengths, changing nothing', async () => {
    const posted = await buyerPost(sb, { shop_id: '100001', contents: '質問です' });
    const q = String(posted.QUESTION_NO);
    const seq = String(posted.SEQ_NO);
    const base = { inq_type: 'MSG', question_no: q, seq_no: seq, contents: 'ok' };
    const cases: [Record<string, string>, number][] = [
      [{ ...base, inq_type: 'ITEM' }, WIRE_ERRORS.INQUIRY_NOT_FOUND],
      [{ ...base, inq_type: 'OTHER' }, WIRE_ERRORS.VALIDATION],
      [{ ...base, seq_no: '1' }, WIRE_ERRORS.INQUIRY_NOT_FOUND],
      [{ ...base, question_no: '1' }, WIRE_ERRORS.INQUIRY_NOT_FOUND],
      [{ ...base, contents: '' }, WIRE_ERRORS.REPLY_LENGTH],
      [{ ...base, contents: '   ' }, WIRE_ERRORS.REPLY_LENGTH],
      [{ ...base, contents: 'あ'.repeat(1001) }, WIRE_ERRORS.REPLY_LENGTH],
      [{ ...base, status: 'S3' }, WIRE_ERRORS.VALIDATION],
    ];
    for (const [fields, code] of cases)
      expect((await errorOf(sb, SET, fields, key)).code).toBe(code);
    const t = await thread(sb, key, '100001', Number(q));
    expect(t).toMatchObject({ VERSION: 1, STATUS: 'S1' });
    expect(t.MESSAGES).toHaveLength(1);
    // Exactly 1,000 characters (emoji count as one) is fine.
    const edge = '😀'.repeat(1000);
    expect((await act(sb, key, SET, { ...base, contents: edge })).STATUS).toBe('S3');
  });
});

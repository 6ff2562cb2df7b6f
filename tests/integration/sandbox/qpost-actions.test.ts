import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WIRE_ERRORS, conflictDetailSchema } from '../../../src/shared/qapi.js';
import { AUTO_REPLY_TEXT, HIDE_MAIL_SENDER } from '../../../src/shared/limits.js';
import type { Sandbox } from '../../../src/sandbox/server.js';
import { act, admin, buyerPost, errorOf, login, start, thread } from './helpers.js';

const SHOP = '100002';
const REPLY = 'QpostAPI.SetReply';
const AUTO = 'QpostAPI.SetAutoReply';
const HIDE = 'QpostAPI.SetHide';

let sb: Sandbox;
let key: string;
let n = 0;
const rid = () => `req-${++n}`;
beforeAll(async () => {
  sb = await start({ inquiries: 20 });
  key = await login(sb);
});
afterAll(() => sb.close());

/** A fresh unanswered inquiry for each test. */
let q: number;
beforeEach(async () => {
  q = (
    await buyerPost(sb, {
      shop_id: SHOP,
      title: 'サイズについて',
      contents: 'Mサイズはありますか？',
    })
  ).QUESTION_NO;
});

const replyFields = (extra: Record<string, string> = {}) => ({
  shop_id: SHOP,
  question_no: String(q),
  contents: 'ございます。',
  status: 'S3',
  request_id: rid(),
  version: '1',
  ...extra,
});

/** Asserts the inquiry is exactly as the buyer left it. */
async function unchanged(): Promise<void> {
  const t = await thread(sb, key, SHOP, q);
  expect(t).toMatchObject({ VERSION: 1, STATUS: 'S1', HIDDEN_YN: 'N', ANS_DT: null });
  expect(t.MESSAGES).toHaveLength(1);
}

describe('QpostAPI.SetReply', () => {
  it('adds the reply with the default [Re] title and the chosen status', async () => {
    const r = await act(sb, key, REPLY, replyFields({ status: 'S2' }));
    expect(r).toMatchObject({ QUESTION_NO: q, STATUS: 'S2', VERSION: 2, HIDDEN_YN: 'N' });
    const t = await thread(sb, key, SHOP, q);
    expect(t.STATUS).toBe('S2');
    expect(t.MESSAGES.at(-1)).toMatchObject({
      SEQ_NO: r.SEQ_NO,
      AUTHOR: 'SELLER',
      FROM_NM: 'mamepets',
      TO_NM: 'テスト購入者',
      TITLE: '[Re] サイズについて',
      CONTENTS: 'ございます。',
    });
    const own = await act(sb, key, REPLY, replyFields({ version: '2', title: '在庫のご案内' }));
    expect((await thread(sb, key, SHOP, q)).MESSAGES.at(-1)!.TITLE).toBe('在庫のご案内');
    expect(own.VERSION).toBe(3);
  });

  it('refuses bad input with a clear code and changes nothing', async () => {
    const cases: [Record<string, string>, number][] = [
      [{ contents: '' }, WIRE_ERRORS.REPLY_LENGTH],
      [{ contents: ' \n ' }, WIRE_ERRORS.REPLY_LENGTH],
      [{ contents: 'x'.repeat(1001) }, WIRE_ERRORS.REPLY_LENGTH],
      [{ status: 'S1' }, WIRE_ERRORS.STATUS_NOT_ALLOWED],
      [{ status: 'S9' }, WIRE_ERRORS.VALIDATION],
      [{ request_id: '' }, WIRE_ERRORS.VALIDATION],
      [{ request_id: 'has space' }, WIRE_ERRORS.VALIDATION],
      [{ version: '' }, WIRE_ERRORS.VALIDATION],
      [{ version: '0' }, WIRE_ERRORS.VALIDATION],
      [{ version: '9' }, WIRE_ERRORS.VALIDATION],
      [{ question_no: '999' }, WIRE_ERRORS.INQUIRY_NOT_FOUND],
      [{ shop_id: '100001' }, WIRE_ERRORS.INQUIRY_NOT_FOUND],
      [{ shop_id: '200001' }, WIRE_ERRORS.SHOP_NOT_FOUND],
      [{ attachment_ids: 'nope' }, WIRE_ERRORS.ATTACHMENT_NOT_FOUND],
      [{ attachment_ids: 'a,,b' }, WIRE_ERRORS.VALIDATION],
      [{ attachment_ids: 'a,b,c,d' }, WIRE_ERRORS.VALIDATION],
      [{ title: 't'.repeat(201) }, WIRE_ERRORS.VALIDATION],
      [{ colour: 'red' }, WIRE_ERRORS.VALIDATION],
    ];
    for (const [extra, code] of cases) {
      const e = await errorOf(sb, REPLY, replyFields(extra), key);
      expect([extra, e.code]).toEqual([extra, code]);
    }
    await unchanged();
    expect((await admin(sb, 'GET', `/inquiries/${q}`)).ResultObject.sellerMessages).toBe(0);
  });

  it('is idempotent: a repeated request_id returns the first result and creates nothing', async () => {
    const fields = replyFields();
    const first = await act(sb, key, REPLY, fields);
    const again = await act(sb, key, REPLY, fields);
    const third = await act(sb, key, REPLY, { ...fields, contents: 'different text' });
    expect(again).toEqual(first);
    expect(third).toEqual(first);
    const raw = (await admin(sb, 'GET', `/inquiries/${q}?request_id=${fields.request_id}`))
      .ResultObject;
    expect(raw.sellerMessagesWithRequestId).toBe(1);
    expect(raw.sellerMessages).toBe(1);
    expect(
      (await admin(sb, 'GET', `/requests/${fields.request_id}`)).ResultObject.sellerMessages,
    ).toBe(1);
    // The same id on another inquiry or action is a client bug, refused.
    const other = (await buyerPost(sb, { shop_id: SHOP, contents: 'other' })).QUESTION_NO;
    const reuse = await errorOf(sb, REPLY, { ...fields, question_no: String(other) }, key);
    expect(reuse.code).toBe(WIRE_ERRORS.VALIDATION);
    const asAuto = await errorOf(
      sb,
      AUTO,
      { shop_id: SHOP, question_no: String(q), request_id: fields.request_id, version: '2' },
      key,
    );
    expect(asAuto.code).toBe(WIRE_ERRORS.VALIDATION);
  });

  it('reports a CONFLICT naming who answered since the version the client saw', async () => {
    await act(sb, key, REPLY, replyFields({ staff: '佐藤', contents: '先に回答しました' }));
    const e = await errorOf(sb, REPLY, replyFields({ contents: '後から回答' }), key);
    expect(e.code).toBe(WIRE_ERRORS.CONFLICT);
    const detail = conflictDetailSchema.parse(e.obj);
    expect(detail).toMatchObject({ ANSWERED_BY: '佐藤', CONTENTS: '先に回答しました', VERSION: 2 });
    expect((await thread(sb, key, SHOP, q)).MESSAGES).toHaveLength(2);
    // A second login (another PC) sees the same conflict; with the new version it goes through.
    const key2 = await login(sb);
    expect((await errorOf(sb, REPLY, replyFields(), key2)).code).toBe(WIRE_ERRORS.CONFLICT);
    expect((await act(sb, key2, REPLY, replyFields({ version: '2' }))).VERSION).toBe(3);
  });

  it('does not treat buyer follow-ups as conflicts', async () => {
    await buyerPost(sb, { shop_id: SHOP, question_no: q, contents: '追加で質問です' });
    const r = await act(sb, key, REPLY, replyFields({ version: '1' }));
    expect(r.VERSION).toBe(3);
  });

  it('flips a complete inquiry back to unanswered on a buyer follow-up', async () => {
    await act(sb, key, REPLY, replyFields({ status: 'S3' }));
    const f = await buyerPost(sb, { shop_id: SHOP, question_no: q, contents: 'まだ届きません' });
    expect(f).toMatchObject({ STATUS: 'S1', VERSION: 3 });
    const t = await thread(sb, key, SHOP, q);
    expect(t.STATUS).toBe('S1');
    expect(t.MESSAGES.map((m) => m.AUTHOR)).toEqual(['BUYER', 'SELLER', 'BUYER']);
  });
});

describe('QpostAPI.SetAutoReply', () => {
  it('sends the guide’s standard text and marks the inquiry complete', async () => {
    const r = await act(sb, key, AUTO, {
      shop_id: SHOP,
      question_no: String(q),
      request_id: rid(),
      version: '1',
    });
    expect(r).toMatchObject({ STATUS: 'S3', VERSION: 2 });
    expect((await thread(sb, key, SHOP, q)).MESSAGES.at(-1)).toMatchObject({
      CONTENTS: AUTO_REPLY_TEXT.ja,
      TITLE: '[Re] サイズについて',
    });
    const q2 = (await buyerPost(sb, { shop_id: SHOP, contents: 'thanks' })).QUESTION_NO;
    await act(sb, key, AUTO, {
      shop_id: SHOP,
      question_no: String(q2),
      request_id: rid(),
      version: '1',
      lang: 'en',
    });
    expect((await thread(sb, key, SHOP, q2)).MESSAGES.at(-1)!.CONTENTS).toBe(AUTO_REPLY_TEXT.en);
  });

  it('is refused for MyQoo10 customer questions, for unknown languages and stale versions', async () => {
    const myq = (
      await buyerPost(sb, { shop_id: SHOP, contents: '非公開の質問', via_myqoo10: true })
    ).QUESTION_NO;
    const auto = (question: number, extra: Record<string, string> = {}) =>
      errorOf(
        sb,
        AUTO,
        { shop_id: SHOP, question_no: String(question), request_id: rid(), version: '1', ...extra },
        key,
      );
    expect((await auto(myq)).code).toBe(WIRE_ERRORS.AUTO_REPLY_NOT_ALLOWED);
    expect((await thread(sb, key, SHOP, myq)).VIA_MYQOO10).toBe('Y');
    expect((await auto(q, { lang: 'fr' })).code).toBe(WIRE_ERRORS.VALIDATION);
    await unchanged();
    await act(sb, key, REPLY, replyFields());
    expect((await auto(q)).code).toBe(WIRE_ERRORS.CONFLICT);
  });
});

describe('QpostAPI.SetHide', () => {
  let item: number;
  let buyer: string;
  beforeEach(async () => {
    buyer = `qb_hide_${n}`;
    item = (
      await buyerPost(sb, {
        shop_id: SHOP,
        inq_type: 'ITEM',
        item_no: '555000111',
        cust_id: buyer,
        contents: '電話番号は090-1234-5678です',
      })
    ).QUESTION_NO;
  });
  const hide = (extra: Record<string, string> = {}) => ({
    shop_id: SHOP,
    question_no: String(item),
    title: '質問を非表示にしました',
    reason: '個人情報が含まれていたため',
    request_id: rid(),
    version: '1',
    ...extra,
  });

  it('hides a product question, mails the reason to the buyer and can restrict the buyer', async () => {
    const r = await act(sb, key, HIDE, hide({ restrict_yn: 'Y' }));
    expect(r).toMatchObject({ SEQ_NO: null, HIDDEN_YN: 'Y', STATUS: 'S1', VERSION: 2 });
    expect((await thread(sb, key, SHOP, item)).HIDDEN_YN).toBe('Y');
    const mails = (await admin(sb, 'GET', `/mails?question_no=${item}`)).ResultObject;
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      from_addr: HIDE_MAIL_SENDER,
      to_addr: `${buyer}@buyer.example.jp`,
      subject: '質問を非表示にしました',
      body: '個人情報が含まれていたため',
    });
    const again = await admin(sb, 'POST', '/buyer-message', {
      shop_id: SHOP,
      inq_type: 'ITEM',
      item_no: '555000111',
      cust_id: buyer,
      contents: 'もう一度',
    });
    expect(again.ErrorCode).toBe(WIRE_ERRORS.BUYER_RESTRICTED);
    const followUp = await admin(sb, 'POST', '/buyer-message', {
      shop_id: SHOP,
      question_no: item,
      contents: 'もう一度',
    });
    expect(followUp.ErrorCode).toBe(WIRE_ERRORS.BUYER_RESTRICTED);
    // Other buyers, and this buyer on other products, may still ask.
    await buyerPost(sb, {
      shop_id: SHOP,
      inq_type: 'ITEM',
      item_no: '555000111',
      cust_id: 'qb_someone',
      contents: 'ok',
    });
    await buyerPost(sb, {
      shop_id: SHOP,
      inq_type: 'ITEM',
      item_no: '555000222',
      cust_id: buyer,
      contents: 'ok',
    });
  });

  it('without restrict_yn the buyer may still ask', async () => {
    await act(sb, key, HIDE, hide());
    await buyerPost(sb, {
      shop_id: SHOP,
      inq_type: 'ITEM',
      item_no: '555000111',
      cust_id: buyer,
      contents: 'ok',
    });
  });

  it('refuses non-product questions, missing title or reason, and bad flags; nothing changes', async () => {
    expect((await errorOf(sb, HIDE, hide({ question_no: String(q) }), key)).code).toBe(
      WIRE_ERRORS.HIDE_NOT_PRODUCT_QUESTION,
    );
    for (const extra of [{ title: '' }, { reason: '' }, { title: '  ', reason: '  ' }] as Record<
      string,
      string
    >[]) {
      const e = await errorOf(sb, HIDE, hide(extra), key);
      expect(e.code).toBe(WIRE_ERRORS.HIDE_FIELDS_REQUIRED);
    }
    const both = await errorOf(
      sb,
      HIDE,
      { shop_id: SHOP, question_no: String(item), request_id: rid(), version: '1' },
      key,
    );
    expect(both).toMatchObject({
      code: WIRE_ERRORS.HIDE_FIELDS_REQUIRED,
      obj: { MISSING: ['title', 'reason'] },
    });
    expect((await errorOf(sb, HIDE, hide({ restrict_yn: 'yes' }), key)).code).toBe(
      WIRE_ERRORS.VALIDATION,
    );
    expect((await errorOf(sb, HIDE, hide({ title: 't'.repeat(101) }), key)).code).toBe(
      WIRE_ERRORS.VALIDATION,
    );
    const t = await thread(sb, key, SHOP, item);
    expect(t).toMatchObject({ HIDDEN_YN: 'N', VERSION: 1 });
    expect((await admin(sb, 'GET', `/mails?question_no=${item}`)).ResultObject).toHaveLength(0);
  });

  it('counts as a seller action for conflicts', async () => {
    await act(sb, key, HIDE, hide({ staff: '田中' }));
    const e = await errorOf(sb, REPLY, { ...replyFields(), question_no: String(item) }, key);
    expect(e.code).toBe(WIRE_ERRORS.CONFLICT);
    expect(e.obj?.ANSWERED_BY).toBe('田中');
  });
});

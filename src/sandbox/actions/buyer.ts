// The buyer's side: a new inquiry or a follow-up. Used by the admin API and the live simulator.
// A follow-up always leaves the inquiry unanswered (S1): a complete one flips back, and a
// "replying" one too, because the new message is what now awaits an answer.
import type { Category, InqType, Status } from '../../shared/domain.js';
import { REPLY_MAX_CHARS } from '../../shared/limits.js';
import type { Clock } from '../clock.js';
import { QapiError } from '../envelope.js';
import { charCount } from '../form.js';
import type { Db } from '../db/schema.js';
import { nextChangeSeq, type ShopRecord } from '../db/shops.js';
import { getInquiry } from '../db/threads.js';
import { INSERT_INQUIRY_SQL, applyChange, insertMessage, nextQuestionNo } from '../db/writes.js';

export interface NewInquiry {
  inqType: InqType;
  viaMyqoo10: boolean;
  category: Category;
  title: string;
  custId: string;
  custNm: string;
  itemNo: string | null;
  itemNm: string | null;
  itemCategory: string | null;
  sellerCode: string | null;
  orderNo: string | null;
  cartNo: string | null;
}

export interface BuyerPostResult {
  QUESTION_NO: number;
  SEQ_NO: number;
  STATUS: Status;
  VERSION: number;
}

function checkBody(contents: string): void {
  if (contents.trim() === '' || charCount(contents) > REPLY_MAX_CHARS) {
    throw new QapiError('VALIDATION', `a buyer message is 1–${REPLY_MAX_CHARS} characters`, {
      FIELD: 'contents',
    });
  }
}

function checkRestriction(db: Db, shopId: string, itemNo: string | null, custId: string): void {
  if (itemNo === null) return;
  const row = db
    .prepare('SELECT 1 FROM restrictions WHERE shop_id = ? AND item_no = ? AND cust_id = ?')
    .get(shopId, itemNo, custId);
  if (row !== undefined) {
    throw new QapiError('BUYER_RESTRICTED', 'this buyer may not ask about this product again', {
      ITEM_NO: itemNo,
      CUST_ID: custId,
    });
  }
}

const authorOf = (t: InqType): 'BUYER' | 'QOO10' => (t === 'HELP' ? 'QOO10' : 'BUYER');

export function postFollowUp(
  db: Db,
  clock: Clock,
  shop: ShopRecord,
  questionNo: number,
  contents: string,
): BuyerPostResult {
  checkBody(contents);
  return db.transaction((): BuyerPostResult => {
    const inquiry = getInquiry(db, shop.shop_id, questionNo);
    if (inquiry.inq_type === 'ITEM')
      checkRestriction(db, shop.shop_id, inquiry.item_no, inquiry.cust_id);
    const now = clock.now();
    const seqNo = insertMessage(db, {
      questionNo,
      author: authorOf(inquiry.inq_type),
      fromNm: inquiry.cust_nm,
      toNm: shop.seller_nm,
      title: inquiry.title,
      contents,
      sendDt: now,
    });
    const version = applyChange(db, inquiry, now, {
      status: 'S1',
      buyerMessage: { seqNo, at: now },
    });
    return { QUESTION_NO: questionNo, SEQ_NO: seqNo, STATUS: 'S1', VERSION: version };
  })();
}

export function postNewInquiry(
  db: Db,
  clock: Clock,
  shop: ShopRecord,
  q: NewInquiry,
  contents: string,
): BuyerPostResult {
  checkBody(contents);
  if (q.inqType === 'ITEM' && q.itemNo === null) {
    throw new QapiError('VALIDATION', 'a product question needs item_no', { FIELD: 'item_no' });
  }
  return db.transaction((): BuyerPostResult => {
    if (q.inqType === 'ITEM') checkRestriction(db, shop.shop_id, q.itemNo, q.custId);
    const now = clock.now();
    const questionNo = nextQuestionNo(db);
    const seqNo = insertMessage(db, {
      questionNo,
      author: authorOf(q.inqType),
      fromNm: q.custNm,
      toNm: shop.seller_nm,
      title: q.title,
      contents,
      sendDt: now,
    });
    db.prepare(INSERT_INQUIRY_SQL).run({
      question_no: questionNo,
      shop_id: shop.shop_id,
      inq_type: q.inqType,
      via_myqoo10: q.viaMyqoo10 && q.inqType === 'MSG' ? 1 : 0,
      status: 'S1',
      category: q.category,
      title: q.title,
      cust_id: q.custId,
      cust_nm: q.custNm,
      receiver: shop.seller_nm,
      item_no: q.itemNo,
      item_nm: q.itemNm,
      item_category: q.itemCategory,
      seller_code: q.sellerCode,
      order_no: q.orderNo,
      cart_no: q.cartNo,
      inq_dt: now,
      ans_dt: null,
      upd_dt: now,
      hidden: 0,
      version: 1,
      change_seq: nextChangeSeq(db, shop.shop_id),
      last_buyer_seq: seqNo,
      last_buyer_dt: now,
      seller_version: 0,
      seller_by: null,
      seller_dt: null,
      seller_contents: null,
    });
    return { QUESTION_NO: questionNo, SEQ_NO: seqNo, STATUS: 'S1', VERSION: 1 };
  })();
}

// What a seller does to an inquiry: reply (Qpost and public QAPI), auto reply, hide. Each runs
// in one transaction with its idempotency record, so a repeated request_id returns the first
// result and creates nothing, even across restarts.
import type { ActionResult } from '../../shared/qapi.js';
import type { ReplyStatus } from '../../shared/domain.js';
import {
  ATTACHMENT_MAX_PER_REPLY,
  AUTO_REPLY_TEXT,
  HIDE_MAIL_SENDER,
  HIDE_REASON_MAX_CHARS,
  HIDE_TITLE_MAX_CHARS,
  replyTitle,
} from '../../shared/limits.js';
import type { Language } from '../../shared/domain.js';
import type { Clock } from '../clock.js';
import { QapiError } from '../envelope.js';
import { charCount } from '../form.js';
import type { Db } from '../db/schema.js';
import type { ShopRecord } from '../db/shops.js';
import { getInquiry, type InquiryRecord } from '../db/threads.js';
import {
  applyChange,
  attachFiles,
  findRequest,
  insertMessage,
  recordMail,
  saveRequest,
} from '../db/writes.js';
import { buyerMailAddress, checkReplyContents, checkVersion } from './rules.js';

export interface SellerContext {
  db: Db;
  clock: Clock;
  accountId: number;
  shop: ShopRecord;
}

interface Idempotent {
  requestId: string;
  version: number;
  /** Qpost's "extension": which staff member acts; defaults to the shop's seller name. */
  staff?: string | undefined;
}

const result = (
  i: InquiryRecord,
  seqNo: number | null,
  version: number,
  status: ActionResult['STATUS'],
  hidden: boolean,
): ActionResult => ({
  QUESTION_NO: i.question_no,
  SEQ_NO: seqNo,
  STATUS: status,
  VERSION: version,
  HIDDEN_YN: hidden ? 'Y' : 'N',
});

/** Runs `act` once per (account, request_id); a repeat returns the stored first result. */
function once(
  ctx: SellerContext,
  method: string,
  questionNo: number,
  requestId: string,
  act: () => ActionResult,
): ActionResult {
  return ctx.db.transaction(() => {
    const prior = findRequest(ctx.db, ctx.accountId, requestId);
    if (prior !== undefined) {
      if (prior.method !== method || prior.question_no !== questionNo) {
        throw new QapiError(
          'VALIDATION',
          `request_id was already used for ${prior.method} on inquiry ${prior.question_no}`,
          { FIELD: 'request_id' },
        );
      }
      return JSON.parse(prior.result) as ActionResult;
    }
    const out = act();
    saveRequest(ctx.db, ctx.accountId, requestId, method, questionNo, out, ctx.clock.now());
    return out;
  })();
}

function checkAttachments(ctx: SellerContext, ids: string[]): void {
  if (ids.length > ATTACHMENT_MAX_PER_REPLY) {
    throw new QapiError('VALIDATION', `at most ${ATTACHMENT_MAX_PER_REPLY} attachments per reply`, {
      FIELD: 'attachment_ids',
    });
  }
  const find = ctx.db.prepare(
    'SELECT 1 FROM attachments WHERE file_id = ? AND account_id = ? AND seq_no IS NULL',
  );
  for (const id of ids) {
    if (find.get(id, ctx.accountId) === undefined) {
      throw new QapiError('ATTACHMENT_NOT_FOUND', `no unused attachment "${id}" for this key`, {
        FILE_ID: id,
      });
    }
  }
}

/** Adds a seller message and sets the status; shared by every kind of reply. */
function addSellerMessage(
  ctx: SellerContext,
  inquiry: InquiryRecord,
  m: { title: string; contents: string; status: ReplyStatus; by: string; requestId?: string },
  fileIds: string[] = [],
): ActionResult {
  const now = ctx.clock.now();
  const seqNo = insertMessage(ctx.db, {
    questionNo: inquiry.question_no,
    author: 'SELLER',
    fromNm: ctx.shop.seller_nm,
    toNm: inquiry.cust_nm,
    title: m.title,
    contents: m.contents,
    sendDt: now,
    requestId: m.requestId,
  });
  attachFiles(ctx.db, fileIds, inquiry.question_no, seqNo);
  const version = applyChange(ctx.db, inquiry, now, {
    status: m.status,
    answeredAt: now,
    sellerAction: { by: m.by, contents: m.contents },
  });
  return result(inquiry, seqNo, version, m.status, inquiry.hidden === 1);
}

export function reply(
  ctx: SellerContext,
  questionNo: number,
  r: Idempotent & {
    title?: string | undefined;
    contents: string | undefined;
    status: ReplyStatus;
    attachmentIds: string[];
  },
): ActionResult {
  return once(ctx, 'SetReply', questionNo, r.requestId, () => {
    const inquiry = getInquiry(ctx.db, ctx.shop.shop_id, questionNo);
    const contents = checkReplyContents(r.contents);
    checkVersion(inquiry, r.version);
    checkAttachments(ctx, r.attachmentIds);
    return addSellerMessage(
      ctx,
      inquiry,
      {
        title: r.title ?? replyTitle(inquiry.title),
        contents,
        status: r.status,
        by: r.staff ?? ctx.shop.seller_nm,
        requestId: r.requestId,
      },
      r.attachmentIds,
    );
  });
}

export function autoReply(
  ctx: SellerContext,
  questionNo: number,
  r: Idempotent & { lang: Language },
): ActionResult {
  return once(ctx, 'SetAutoReply', questionNo, r.requestId, () => {
    const inquiry = getInquiry(ctx.db, ctx.shop.shop_id, questionNo);
    if (inquiry.via_myqoo10 === 1) {
      throw new QapiError(
        'AUTO_REPLY_NOT_ALLOWED',
        'no auto reply for a customer question sent through MyQoo10',
        { QUESTION_NO: questionNo },
      );
    }
    checkVersion(inquiry, r.version);
    return addSellerMessage(ctx, inquiry, {
      title: replyTitle(inquiry.title),
      contents: AUTO_REPLY_TEXT[r.lang],
      status: 'S3',
      by: r.staff ?? ctx.shop.seller_nm,
      requestId: r.requestId,
    });
  });
}

export function hide(
  ctx: SellerContext,
  questionNo: number,
  h: Idempotent & { title: string | undefined; reason: string | undefined; restrict: boolean },
): ActionResult {
  return once(ctx, 'SetHide', questionNo, h.requestId, () => {
    const inquiry = getInquiry(ctx.db, ctx.shop.shop_id, questionNo);
    if (inquiry.inq_type !== 'ITEM') {
      throw new QapiError('HIDE_NOT_PRODUCT_QUESTION', 'only product Q&A (ITEM) can be hidden', {
        INQ_TYPE: inquiry.inq_type,
      });
    }
    const title = h.title?.trim() ?? '';
    const reason = h.reason?.trim() ?? '';
    const missing = [title === '' ? 'title' : null, reason === '' ? 'reason' : null].filter(
      (x): x is string => x !== null,
    );
    if (missing.length > 0) {
      throw new QapiError('HIDE_FIELDS_REQUIRED', `hiding needs ${missing.join(' and ')}`, {
        MISSING: missing,
      });
    }
    if (charCount(title) > HIDE_TITLE_MAX_CHARS || charCount(reason) > HIDE_REASON_MAX_CHARS) {
      throw new QapiError(
        'VALIDATION',
        `hide title ≤ ${HIDE_TITLE_MAX_CHARS} and reason ≤ ${HIDE_REASON_MAX_CHARS} characters`,
        { FIELD: charCount(title) > HIDE_TITLE_MAX_CHARS ? 'title' : 'reason' },
      );
    }
    checkVersion(inquiry, h.version);
    const now = ctx.clock.now();
    const version = applyChange(ctx.db, inquiry, now, {
      hidden: true,
      sellerAction: { by: h.staff ?? ctx.shop.seller_nm, contents: `${title}\n${reason}` },
    });
    if (h.restrict && inquiry.item_no !== null) {
      ctx.db
        .prepare(
          'INSERT OR IGNORE INTO restrictions(shop_id, item_no, cust_id, created_at) VALUES (?, ?, ?, ?)',
        )
        .run(inquiry.shop_id, inquiry.item_no, inquiry.cust_id, now);
    }
    recordMail(ctx.db, {
      shopId: inquiry.shop_id,
      questionNo,
      from: HIDE_MAIL_SENDER,
      to: buyerMailAddress(inquiry.cust_id),
      subject: title,
      body: reason,
      at: now,
    });
    return result(inquiry, null, version, inquiry.status, true);
  });
}

/**
 * CSCenter.SetInquiryMessage: the public reply. It names the buyer message it answers
 * (inq_type + question_no + seq_no), carries no version or request id — as on Qoo10, a
 * repeat posts twice — and always marks the inquiry complete.
 */
export function publicReply(
  ctx: SellerContext,
  p: { inqType: string; questionNo: number; seqNo: number; contents: string | undefined },
): ActionResult {
  return ctx.db.transaction(() => {
    const inquiry = getInquiry(ctx.db, ctx.shop.shop_id, p.questionNo);
    if (inquiry.inq_type !== p.inqType) {
      throw new QapiError(
        'INQUIRY_NOT_FOUND',
        `inquiry ${p.questionNo} is not of type ${p.inqType}`,
        {
          QUESTION_NO: p.questionNo,
        },
      );
    }
    const answered = ctx.db
      .prepare("SELECT 1 FROM messages WHERE seq_no = ? AND question_no = ? AND author != 'SELLER'")
      .get(p.seqNo, p.questionNo);
    if (answered === undefined) {
      throw new QapiError(
        'INQUIRY_NOT_FOUND',
        `no buyer message ${p.seqNo} in inquiry ${p.questionNo}`,
        {
          QUESTION_NO: p.questionNo,
          SEQ_NO: p.seqNo,
        },
      );
    }
    const contents = checkReplyContents(p.contents);
    return addSellerMessage(ctx, inquiry, {
      title: replyTitle(inquiry.title),
      contents,
      status: 'S3',
      by: ctx.shop.seller_nm,
    });
  })();
}

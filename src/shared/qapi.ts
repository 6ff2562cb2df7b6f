// The wire contract between Toiawase's gateway (src/main/core) and Qoo10 — played here by the
// QSM sandbox (src/sandbox). Public QAPI names follow ../shared/research/qoo10_api.md §1;
// the QpostAPI class is the documented stand-in for what the Qpost client does beyond public
// QAPI (docs/sandbox-api.md). Both sides import these names and schemas, so they cannot drift.
import { z } from 'zod';
import { INQ_TYPES, STATUSES, CATEGORIES, REPLY_STATUSES } from './domain.js';

export const QAPI_PATH_PREFIX = '/GMKT.INC.Front.QAPIService/ebayjapan.qapi';
export const QAPI_KEY_HEADER = 'GiosisCertificationKey';
export const QAPI_VERSION_HEADER = 'QAPIVersion';
export const QAPI_VERSION = '1.0';

export const QAPI_METHODS = {
  createCertificationKey: 'CertificationAPI.CreateCertificationKey',
  getInquiryMessage: 'CSCenter.GetInquiryMessage',
  setInquiryMessage: 'CSCenter.SetInquiryMessage',
} as const;

export const QPOST_METHODS = {
  getShops: 'QpostAPI.GetShops',
  getChanges: 'QpostAPI.GetChanges',
  getThread: 'QpostAPI.GetThread',
  setReply: 'QpostAPI.SetReply',
  setAutoReply: 'QpostAPI.SetAutoReply',
  setHide: 'QpostAPI.SetHide',
  uploadAttachment: 'QpostAPI.UploadAttachment',
  getAttachment: 'QpostAPI.GetAttachment',
  getCounts: 'QpostAPI.GetCounts',
} as const;

export const qapiUrl = (base: string, method: string): string =>
  `${base.replace(/\/+$/, '')}${QAPI_PATH_PREFIX}/${method}`;

/**
 * ErrorCode values on the wire (always HTTP 200, body `{ErrorCode, ErrorMsg, ErrorObject?}`).
 * -90001 and -10001 are Qoo10's own (research §1.3); the rest are the sandbox's, documented in
 * docs/sandbox-api.md.
 */
export const WIRE_ERRORS = {
  UNKNOWN_API: -90001,
  INVALID_KEY: -10001,
  KEY_EXPIRED: -10002,
  KEY_REVOKED: -10003,
  LOGIN_FAILED: -10101,
  ACCOUNT_LOCKED: -10102,
  VALIDATION: -20001,
  DATE_INVALID: -20002,
  DATE_RANGE_TOO_LONG: -20003,
  BODY_TOO_LARGE: -20004,
  INQUIRY_NOT_FOUND: -30001,
  SHOP_NOT_FOUND: -30002,
  ATTACHMENT_NOT_FOUND: -30003,
  REPLY_LENGTH: -40001,
  STATUS_NOT_ALLOWED: -40002,
  HIDE_NOT_PRODUCT_QUESTION: -40003,
  HIDE_FIELDS_REQUIRED: -40004,
  AUTO_REPLY_NOT_ALLOWED: -40005,
  CONFLICT: -40006,
  BUYER_RESTRICTED: -40007,
  RESYNC_REQUIRED: -50001,
  ATTACHMENT_TOO_LARGE: -60001,
  ATTACHMENT_TYPE: -60002,
  RATE_LIMITED: -70001,
} as const;
export type WireErrorCode = (typeof WIRE_ERRORS)[keyof typeof WIRE_ERRORS];

export const successEnvelope = <T extends z.ZodType>(result: T) =>
  z.object({ ResultCode: z.literal(0), ResultMsg: z.string(), ResultObject: result });

export const errorEnvelopeSchema = z.object({
  ErrorCode: z.number().int().negative(),
  ErrorMsg: z.string(),
  ErrorObject: z.record(z.string(), z.unknown()).optional(),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** "yyyy-MM-dd HH:mm:ss" in JST. */
const wireDate = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
const yn = z.enum(['Y', 'N']);

// ---- public QAPI ----------------------------------------------------------------------------

/**
 * One row of CSCenter.GetInquiryMessage: one per inquiry whose status matches proc_status and
 * whose latest buyer message (SEQ_NO, the message a reply answers) falls in the date window.
 */
export const inquiryRowSchema = z.object({
  QUESTION_NO: z.number().int().positive(),
  SEQ_NO: z.number().int().positive(),
  INQ_TYPE: z.enum(INQ_TYPES),
  STATUS: z.enum(STATUSES),
  TITLE: z.string(),
  CONTENTS: z.string(),
  CUST_ID: z.string(),
  CUST_NM: z.string(),
  ITEM_NO: z.string().nullable(),
  ITEM_NM: z.string().nullable(),
  ORDER_NO: z.string().nullable(),
  INQ_DT: wireDate,
  ANS_DT: wireDate.nullable(),
});
export type InquiryRow = z.infer<typeof inquiryRowSchema>;

// ---- QpostAPI --------------------------------------------------------------------------------

export const shopRowSchema = z.object({ SHOP_ID: z.string(), SHOP_NM: z.string() });
export type ShopRow = z.infer<typeof shopRowSchema>;

export const attachmentRowSchema = z.object({
  FILE_ID: z.string(),
  FILE_NM: z.string(),
  MIME: z.string(),
  SIZE: z.number().int().nonnegative(),
});
export type AttachmentRow = z.infer<typeof attachmentRowSchema>;

/**
 * QpostAPI.GetAttachment with returnType=application/json: the file's row plus its bytes in
 * base64. (With returnType=application/octet-stream, or none, the answer is the raw bytes.)
 */
export const attachmentDataSchema = attachmentRowSchema.extend({ DATA: z.base64() });
export type AttachmentData = z.infer<typeof attachmentDataSchema>;

export const messageRowSchema = z.object({
  SEQ_NO: z.number().int().positive(),
  AUTHOR: z.enum(['BUYER', 'SELLER', 'QOO10']),
  FROM_NM: z.string(),
  TO_NM: z.string(),
  TITLE: z.string(),
  CONTENTS: z.string(),
  SEND_DT: wireDate,
  ATTACHMENTS: z.array(attachmentRowSchema),
});
export type MessageRow = z.infer<typeof messageRowSchema>;

/** A whole inquiry with its thread, as the change feed and GetThread return it. */
export const threadRowSchema = z.object({
  SHOP_ID: z.string(),
  QUESTION_NO: z.number().int().positive(),
  INQ_TYPE: z.enum(INQ_TYPES),
  /** Y: a customer question sent privately through MyQoo10 (no auto reply, never public). */
  VIA_MYQOO10: yn,
  STATUS: z.enum(STATUSES),
  CATEGORY: z.enum(CATEGORIES),
  TITLE: z.string(),
  CUST_ID: z.string(),
  CUST_NM: z.string(),
  RECEIVER: z.string(),
  ITEM_NO: z.string().nullable(),
  ITEM_NM: z.string().nullable(),
  ITEM_CATEGORY: z.string().nullable(),
  SELLER_CODE: z.string().nullable(),
  ORDER_NO: z.string().nullable(),
  CART_NO: z.string().nullable(),
  INQ_DT: wireDate,
  ANS_DT: wireDate.nullable(),
  UPD_DT: wireDate,
  HIDDEN_YN: yn,
  VERSION: z.number().int().positive(),
  MESSAGES: z.array(messageRowSchema),
});
export type ThreadRow = z.infer<typeof threadRowSchema>;

export const changesPageSchema = z.object({
  Inquiries: z.array(threadRowSchema),
  /** Opaque; pass back as `cursor` to continue. */
  Cursor: z.string(),
  HasMore: z.boolean(),
});
export type ChangesPage = z.infer<typeof changesPageSchema>;

/** Result of SetReply / SetAutoReply / SetHide. */
export const actionResultSchema = z.object({
  QUESTION_NO: z.number().int().positive(),
  /** The new message's SEQ_NO (null for SetHide, which adds no message to the thread). */
  SEQ_NO: z.number().int().positive().nullable(),
  STATUS: z.enum(STATUSES),
  VERSION: z.number().int().positive(),
  HIDDEN_YN: yn,
});
export type ActionResult = z.infer<typeof actionResultSchema>;

/** ErrorObject of a CONFLICT (-40006): who answered since the version the client saw. */
export const conflictDetailSchema = z.object({
  ANSWERED_BY: z.string(),
  ANSWERED_DT: wireDate,
  CONTENTS: z.string(),
  VERSION: z.number().int().positive(),
});

/** ErrorObject of RATE_LIMITED (-70001); the answer also carries a Retry-After header. */
export const rateLimitDetailSchema = z.object({
  RETRY_AFTER_MS: z.number().int().nonnegative(),
  RETRY_AFTER_SEC: z.number().int().positive(),
  /** The limit that was exceeded: requests per second per key. */
  LIMIT_PER_SEC: z.number().int().positive(),
});

export const countsRowSchema = z.object({
  CUSTOMER_UNANSWERED: z.number().int().nonnegative(),
  CUSTOMER_REPLYING: z.number().int().nonnegative(),
  QOO10_UNANSWERED: z.number().int().nonnegative(),
  QOO10_UNCONFIRMED: z.number().int().nonnegative(),
});
export type CountsRow = z.infer<typeof countsRowSchema>;

/** Form fields of QpostAPI.SetReply (all strings on the wire, as x-www-form-urlencoded). */
export const REPLY_WIRE_STATUSES = REPLY_STATUSES;

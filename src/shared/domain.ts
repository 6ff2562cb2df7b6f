// The domain every layer speaks: what an inquiry, a message and a shop are, independent of
// how Qoo10 spells them on the wire (see ./qapi.ts for that).

/** Qoo10's INQ_TYPE: shop↔customer memo, Qoo10 customer-centre memo, public product Q&A. */
export const INQ_TYPES = ['MSG', 'HELP', 'ITEM'] as const;
export type InqType = (typeof INQ_TYPES)[number];

/** The two tabs of the guide's search view. MSG and ITEM are customer memos; HELP is Qoo10's. */
export const SOURCES = ['customer', 'qoo10'] as const;
export type Source = (typeof SOURCES)[number];
export const sourceOf = (t: InqType): Source => (t === 'HELP' ? 'qoo10' : 'customer');

/**
 * The guide's type filter: general (基本/普通), customer question (客户疑问, private, sent through
 * MyQoo10) and product question (商品疑问, public on the product page).
 */
export const QUESTION_TYPES = ['general', 'customer', 'product'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Qoo10's proc_status: S1 unanswered (未处理), S2 replying (回复中), S3 complete (回复完成). */
export const STATUSES = ['S1', 'S2', 'S3'] as const;
export type Status = (typeof STATUSES)[number];
/** What a seller may choose when replying: never S1. */
export const REPLY_STATUSES = ['S2', 'S3'] as const;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];

export const CATEGORIES = ['shipping', 'product', 'payment', 'return', 'cancel', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export const AUTHORS = ['buyer', 'seller', 'qoo10'] as const;
export type Author = (typeof AUTHORS)[number];

export const LOGIN_LOCATIONS = ['japan', 'china', 'other', 'sandbox', 'custom'] as const;
export type LoginLocation = (typeof LOGIN_LOCATIONS)[number];

export const LANGUAGES = ['zh-CN', 'ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Shop {
  /** Qoo10's shop (seller) id, stable across sessions. */
  id: string;
  name: string;
}

export interface AttachmentMeta {
  id: string;
  fileName: string;
  mime: string;
  size: number;
}

export interface Message {
  /** Qoo10's SEQ_NO: one per message, increasing within a thread. */
  seqNo: number;
  author: Author;
  /** Display names as Qpost shows them ("From シヒ / To mamename"). */
  from: string;
  to: string;
  title: string;
  body: string;
  /** ISO-8601 with offset. */
  sentAt: string;
  attachments: AttachmentMeta[];
}

export interface Inquiry {
  /** Local id: `${shopId}:${questionNo}`. */
  id: string;
  shopId: string;
  /** Qoo10's QUESTION_NO: groups the conversation. */
  questionNo: number;
  inqType: InqType;
  questionType: QuestionType;
  status: Status;
  category: Category;
  title: string;
  buyerId: string;
  buyerName: string;
  /** Shop staff the inquiry is addressed to (the guide's 收取人 column). */
  receiver: string;
  itemNo: string | null;
  itemName: string | null;
  itemCategory: string | null;
  sellerCode: string | null;
  orderNo: string | null;
  cartNo: string | null;
  /** When the buyer first wrote (ISO-8601). */
  receivedAt: string;
  /** When the shop last answered, or null. */
  answeredAt: string | null;
  /** Last change of any kind; drives the change feed. */
  updatedAt: string;
  /** Product Q&A hidden from the product page (非表示). */
  hidden: boolean;
  /** Optimistic-concurrency version; bumps on every change. */
  version: number;
  messageCount: number;
}

/** A shop (or "all") as a search scope. */
export const ALL_SHOPS = 'all' as const;

export const makeInquiryId = (shopId: string, questionNo: number): string =>
  `${shopId}:${questionNo}`;

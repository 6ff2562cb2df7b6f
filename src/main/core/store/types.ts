// What the gateway hands the cache: one conversation in domain terms, times in epoch ms.
import type { Inquiry, Message } from '../../../shared/domain.js';

/** A message as the domain has it, with its time as epoch ms. */
export type MessageRecord = Omit<Message, 'sentAt'> & { sentAt: number };

/** The inquiry fields the server supplies (the rest — id, counts — the cache derives). */
type ServerInquiryFields = Pick<
  Inquiry,
  | 'shopId'
  | 'questionNo'
  | 'inqType'
  | 'status'
  | 'category'
  | 'title'
  | 'buyerId'
  | 'buyerName'
  | 'receiver'
  | 'itemNo'
  | 'itemName'
  | 'itemCategory'
  | 'sellerCode'
  | 'orderNo'
  | 'cartNo'
  | 'hidden'
  | 'version'
>;

export interface ThreadRecord extends ServerInquiryFields {
  /** A customer question sent privately through MyQoo10 (question type "customer"). */
  viaMyQoo10: boolean;
  receivedAt: number;
  answeredAt: number | null;
  updatedAt: number;
  messages: MessageRecord[];
  /**
   * True when `messages` is the whole thread (qpost feed): the cache replaces it. False when the
   * adapter only sees part of it (public QAPI rows): the cache merges by seqNo.
   */
  complete: boolean;
}

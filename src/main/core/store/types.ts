// What the gateway hands the cache: one conversation in domain terms, times in epoch ms.
import type { AttachmentMeta, Author, Category, InqType, Status } from '../../../shared/domain.js';

export interface MessageRecord {
  seqNo: number;
  author: Author;
  from: string;
  to: string;
  title: string;
  body: string;
  sentAt: number;
  attachments: AttachmentMeta[];
}

export interface ThreadRecord {
  shopId: string;
  questionNo: number;
  inqType: InqType;
  /** A customer question sent privately through MyQoo10 (question type "customer"). */
  viaMyQoo10: boolean;
  status: Status;
  category: Category;
  title: string;
  buyerId: string;
  buyerName: string;
  receiver: string;
  itemNo: string | null;
  itemName: string | null;
  itemCategory: string | null;
  sellerCode: string | null;
  orderNo: string | null;
  cartNo: string | null;
  receivedAt: number;
  answeredAt: number | null;
  updatedAt: number;
  hidden: boolean;
  version: number;
  messages: MessageRecord[];
  /**
   * True when `messages` is the whole thread (qpost feed): the cache replaces it. False when the
   * adapter only sees part of it (public QAPI rows): the cache merges by seqNo.
   */
  complete: boolean;
}

// The one interface sync, outbox and session use to reach Qoo10, whichever adapter answers.
import type { Capabilities, Counts } from '../../../shared/api.js';
import type {
  AttachmentMeta,
  InqType,
  Language,
  ReplyStatus,
  Shop,
  Status,
} from '../../../shared/domain.js';
import type { ThreadRecord } from '../store/types.js';

export type AdapterName = Capabilities['adapter'];

export interface ChangesResult {
  threads: ThreadRecord[];
  cursor: string;
  hasMore: boolean;
}

/** What a reply, auto reply or hide needs to name its target and be idempotent. */
export interface ActionTarget {
  shopId: string;
  questionNo: number;
  inqType: InqType;
  /** The buyer message being answered (public SetInquiryMessage needs it). */
  replySeqNo: number | null;
  /** Sent as request_id: a repeat gets the first answer and creates nothing. */
  requestId: string;
  /** The inquiry version the seller saw: stale → CONFLICT. */
  baseVersion: number;
  /**
   * Set when an earlier attempt may have reached the server (epoch ms of that attempt). Adapters
   * without request ids (public QAPI) read back before sending again, so nothing is sent twice.
   */
  unsureSince?: number | undefined;
  /** When the answered buyer message was sent (epoch ms): where a read-back looks. */
  lastBuyerAt?: number | undefined;
}

export interface ReplyRequest extends ActionTarget {
  title: string | null;
  body: string;
  status: ReplyStatus;
  attachmentIds: string[];
}

export interface AutoReplyRequest extends ActionTarget {
  /** The server writes the guide's standard text in this language. */
  language: Language;
}

export interface HideRequest extends ActionTarget {
  title: string;
  reason: string;
  restrictBuyer: boolean;
}

export interface ActionOutcome {
  questionNo: number;
  seqNo: number | null;
  status: Status;
  version: number | null;
  hidden: boolean;
}

/** Every method may throw AppFailure; a method the adapter lacks throws CAPABILITY_MISSING. */
export interface Gateway {
  readonly baseUrl: string;
  /** Known once the adapter is chosen (configured, or probed by `connect`). */
  readonly capabilities: Capabilities;
  /** Issues the seller key with ID/e-mail + password and settles the adapter. */
  connect(user: string, password: string): Promise<void>;
  /** Forgets the seller key (logout). */
  disconnect(): void;
  listShops(): Promise<Shop[]>;
  /** qpost: one page of the change feed (cursor null = from the beginning). */
  getChanges(shopId: string, cursor: string | null, pageSize: number): Promise<ChangesResult>;
  /** qpost: the whole thread of one inquiry. */
  getThread(shopId: string, questionNo: number): Promise<ThreadRecord>;
  /** Public QAPI: inquiries in one status whose latest buyer message is in [fromMs, toMs]. */
  listInquiries(
    shopId: string,
    status: Status,
    fromMs: number,
    toMs: number,
  ): Promise<ThreadRecord[]>;
  reply(req: ReplyRequest): Promise<ActionOutcome>;
  autoReply(req: AutoReplyRequest): Promise<ActionOutcome>;
  hide(req: HideRequest): Promise<ActionOutcome>;
  uploadAttachment(
    shopId: string,
    file: { fileName: string; mime: string; data: Uint8Array },
  ): Promise<AttachmentMeta>;
  getAttachment(attachmentId: string): Promise<{ meta: AttachmentMeta; data: Uint8Array }>;
  getCounts(shopId: string): Promise<Counts>;
}

export const QPOST_CAPABILITIES: Capabilities = {
  adapter: 'qpost',
  multiShop: true,
  replyingStatus: true,
  autoReply: true,
  hide: true,
  attachments: true,
  replyTitle: true,
};

/**
 * Public QAPI: one seller = one shop; SetInquiryMessage takes no status (it completes), no title,
 * no attachments; no hide method exists (research §1.5). Auto reply stays off too: the public
 * rows do not say whether a question came through MyQoo10, where the guide forbids it.
 */
export const QAPI_CAPABILITIES: Capabilities = {
  adapter: 'qapi',
  multiShop: false,
  replyingStatus: false,
  autoReply: false,
  hide: false,
  attachments: false,
  replyTitle: false,
};

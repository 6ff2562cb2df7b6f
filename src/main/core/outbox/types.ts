// What the outbox stores per action (the `payload` column) and its in-memory row.
import type { Language, ReplyStatus } from '../../../shared/domain.js';
import type { OutboxKind, OutboxState } from '../../../shared/api.js';

export interface ReplyPayload {
  title: string | null;
  body: string;
  status: ReplyStatus;
  attachmentIds: string[];
}
export interface AutoReplyPayload {
  body: string;
  language: Language;
}
export interface HidePayload {
  title: string;
  reason: string;
  restrictBuyer: boolean;
}

export type OutboxAction =
  | { kind: 'reply'; inquiryId: string; payload: ReplyPayload }
  | { kind: 'autoReply'; inquiryId: string; payload: AutoReplyPayload }
  | { kind: 'hide'; inquiryId: string; payload: HidePayload };

/** Delivery bookkeeping kept next to the action's fields. */
export interface DeliveryMeta {
  /** Epoch ms of the first attempt: when an unacknowledged send may have landed. */
  firstAttemptAt?: number;
}

export type StoredPayload = (ReplyPayload | AutoReplyPayload | HidePayload) & DeliveryMeta;

export interface OutboxRow {
  seq: number;
  id: string;
  request_id: string;
  inquiry_id: string;
  shop_id: string;
  kind: OutboxKind;
  state: OutboxState;
  payload: string;
  base_version: number;
  attempts: number;
  next_attempt_at: number;
  created_at: number;
  updated_at: number;
  error_code: string | null;
  error_message: string | null;
  conflict: string | null;
  result: string | null;
}

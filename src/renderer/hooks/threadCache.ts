// Conversations read ahead of the seller: the row the selection lands on is read while the
// seller looks at it, so Enter paints the thread at once instead of waiting for the core.
// Anything reported changed since a view was read (a sync, an outbox step) drops it, and so does
// leaving the conversation (its draft may have changed since); the open conversation is never
// read ahead.
import type { InboxBridge, ThreadView } from '../../shared/api.js';
import type { Result } from '../../shared/errors.js';
import { call, callAfterFirstPaint, subscribe } from '../api.js';
import { getBridge } from '../bridge/index.js';

/** Messages per read: the latest page of a conversation. */
export const THREAD_PAGE = 50;
/** Few: a seller moves one row at a time; each view holds a page of messages. */
const MAX_VIEWS = 8;

/**
 * One read per inquiry, its view once it arrived. A read that is dropped while in flight is no
 * longer in the map, so its answer lands nowhere (as api.ts does with answers asked ahead).
 */
interface Read {
  answer: Promise<Result<ThreadView>>;
  view?: ThreadView;
}
const reads = new Map<string, Read>();
/** The bridge the views came through and the invalidations are heard on. */
let boundTo: InboxBridge | null = null;

/** Drops what is known of an inquiry, a read in flight included. */
export function forgetThread(inquiryId: string): void {
  reads.delete(inquiryId);
}

/** Views from another bridge (another connection, another test) are not this one's. */
function bind(): void {
  const bridge = getBridge();
  if (bridge === boundTo) return;
  boundTo = bridge;
  reads.clear();
  subscribe('inquiriesChanged', ({ inquiryIds }) => inquiryIds.forEach(forgetThread));
  subscribe('outboxChanged', (item) => forgetThread(item.inquiryId));
}

const readLatest = (inquiryId: string, ahead = false): Promise<Result<ThreadView>> =>
  (ahead ? callAfterFirstPaint : call)('openThread', { inquiryId, limit: THREAD_PAGE });

/** Reads a conversation ahead (its latest page), unless known or being read. */
export function readThreadAhead(inquiryId: string): void {
  bind();
  if (reads.has(inquiryId)) return;
  const read: Read = { answer: readLatest(inquiryId, true) };
  reads.set(inquiryId, read);
  while (reads.size > MAX_VIEWS) {
    const oldest = reads.keys().next().value; // a Map keeps insertion order
    if (oldest === undefined) break;
    reads.delete(oldest);
  }
  void read.answer.then((res) => {
    if (res.ok) read.view = res.value;
    else if (reads.get(inquiryId) === read) reads.delete(inquiryId); // may be asked again
  });
}

/**
 * The conversation's latest page: the read ahead of it when still valid (arrived or in flight,
 * so Enter right after the selection moved waits for that read instead of queuing a second
 * one behind it in the core), else a new read.
 */
export function readThread(inquiryId: string): Promise<Result<ThreadView>> {
  bind();
  return reads.get(inquiryId)?.answer ?? readLatest(inquiryId);
}

/** The read-ahead view of an inquiry, if it has arrived. */
export function peekThread(inquiryId: string): ThreadView | undefined {
  bind();
  return reads.get(inquiryId)?.view;
}

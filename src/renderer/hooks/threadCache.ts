// Conversations read ahead of the seller: the row the selection lands on is read while the
// seller looks at it, so Enter paints the thread at once instead of waiting for the core.
// Anything reported changed since a view was read (a sync, an outbox step) drops it, and so does
// leaving the conversation (its draft may have changed since); the open conversation is never
// read ahead.
import type { InboxBridge, ThreadView } from '../../shared/api.js';
import { call, subscribe } from '../api.js';
import { getBridge } from '../bridge/index.js';

/** Few: a seller moves one row at a time; each view holds a page of messages. */
const MAX_VIEWS = 8;
const views = new Map<string, ThreadView>();
const inFlight = new Set<string>();
/** Bumped by every invalidation, so a read that started before it is not kept. */
const generations = new Map<string, number>();
/** The bridge the views came through and the invalidations are heard on. */
let boundTo: InboxBridge | null = null;

/** Drops what is known of an inquiry; a read of it in flight is not kept either. */
export function forgetThread(inquiryId: string): void {
  views.delete(inquiryId);
  generations.set(inquiryId, (generations.get(inquiryId) ?? 0) + 1);
}

/** Views from another bridge (another connection, another test) are not this one's. */
function bind(): void {
  const bridge = getBridge();
  if (bridge === boundTo) return;
  boundTo = bridge;
  views.clear();
  inFlight.clear();
  subscribe('inquiriesChanged', ({ inquiryIds }) => inquiryIds.forEach(forgetThread));
  subscribe('outboxChanged', (item) => forgetThread(item.inquiryId));
}

/** Reads a conversation ahead (its latest `limit` messages), unless known or being read. */
export function readThreadAhead(inquiryId: string, limit: number): void {
  bind();
  if (views.has(inquiryId) || inFlight.has(inquiryId)) return;
  const generation = generations.get(inquiryId) ?? 0;
  const bridge = boundTo;
  inFlight.add(inquiryId);
  void call('openThread', { inquiryId, limit }).then((res) => {
    if (bridge !== boundTo) return;
    inFlight.delete(inquiryId);
    if (!res.ok || (generations.get(inquiryId) ?? 0) !== generation) return;
    views.set(inquiryId, res.value);
    while (views.size > MAX_VIEWS) {
      const oldest = views.keys().next().value;
      if (oldest === undefined) break;
      views.delete(oldest);
    }
  });
}

/** The read-ahead view of an inquiry, if any. */
export function peekThread(inquiryId: string): ThreadView | undefined {
  bind();
  return views.get(inquiryId);
}

// Sending one outbox row through the gateway and recording what happened. Pure bookkeeping
// around one remote call; the scheduling (order per inquiry, parallelism, timers) is in
// ./outbox.ts.
import { AppFailure } from '../../../shared/errors.js';
import type { Database } from '../db/open.js';
import { fullJitterDelay, type BackoffPolicy } from '../gateway/backoff.js';
import {
  isTransient,
  type ActionOutcome,
  type ActionTarget,
  type ConflictDetails,
  type Gateway,
} from '../gateway/index.js';
import { getInquiryForAction, applyThreads } from '../store/inquiries.js';
import type { Emit } from '../sync/events.js';
import { reapplyPendingEffects } from './effects.js';
import {
  advanceBaseVersion,
  getRow,
  isHead,
  markFinalError,
  markRetryLater,
  markSending,
  markSent,
  toItem,
} from './repo.js';
import type {
  AutoReplyPayload,
  HidePayload,
  OutboxRow,
  ReplyPayload,
  StoredPayload,
} from './types.js';

export interface DeliverContext {
  db: Database;
  gateway: Gateway;
  emit: Emit;
  now: () => number;
  backoff: BackoffPolicy;
  /** Server-side transient failures (5xx, rate limit) before an action is marked failed. */
  maxServerAttempts: number;
  refreshAfterSend: boolean;
}

/** What the scheduler should do after this row: keep going, or pause the whole drain. */
export type DeliverOutcome = 'sent' | 'retry' | 'failed' | 'conflict' | 'pause' | 'skipped';

function send(gw: Gateway, row: OutboxRow, target: ActionTarget, p: StoredPayload) {
  switch (row.kind) {
    case 'reply': {
      const r = p as ReplyPayload;
      return gw.reply({
        ...target,
        title: r.title,
        body: r.body,
        status: r.status,
        attachmentIds: r.attachmentIds,
      });
    }
    case 'autoReply':
      return gw.autoReply({ ...target, language: (p as AutoReplyPayload).language });
    case 'hide': {
      const h = p as HidePayload;
      return gw.hide({
        ...target,
        title: h.title,
        reason: h.reason,
        restrictBuyer: h.restrictBuyer,
      });
    }
  }
}

function errorOf(e: unknown): { code: string; message: string } {
  return e instanceof AppFailure
    ? { code: e.code, message: e.message }
    : { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
}

/** The server's copy of the thread, so the cache holds the message as Qoo10 stored it. */
async function refreshThread(ctx: DeliverContext, row: OutboxRow, questionNo: number) {
  if (ctx.gateway.capabilities.adapter !== 'qpost') return; // the next sync brings it
  try {
    const thread = await ctx.gateway.getThread(row.shop_id, questionNo);
    const { changedIds } = ctx.db.transaction(() => {
      const out = applyThreads(ctx.db, [thread]);
      reapplyPendingEffects(ctx.db, [row.inquiry_id]);
      return out;
    })();
    if (changedIds.length > 0) {
      ctx.emit('inquiriesChanged', { shopId: row.shop_id, inquiryIds: changedIds });
    }
  } catch {
    // Not fatal: the action is delivered; the change feed will bring the thread.
  }
}

export async function deliverRow(
  ctx: DeliverContext,
  candidate: OutboxRow,
): Promise<DeliverOutcome> {
  const { db, emit } = ctx;
  // The scheduler picked it a moment ago; the seller may have cancelled it since.
  const row = getRow(db, candidate.id);
  if (row === undefined || (row.state !== 'queued' && row.state !== 'sending')) return 'skipped';
  if (!isHead(db, row)) return 'skipped';
  const inquiry = getInquiryForAction(db, row.inquiry_id, ctx.now());
  if (inquiry === null) {
    const failed = markFinalError(
      db,
      row.id,
      'failed',
      { code: 'INQUIRY_NOT_FOUND', message: `no inquiry ${row.inquiry_id} in the cache` },
      null,
      ctx.now(),
    );
    emit('outboxChanged', toItem(failed));
    return 'failed';
  }
  const before = JSON.parse(row.payload) as StoredPayload;
  const sending = markSending(db, row, ctx.now());
  emit('outboxChanged', toItem(sending));
  const target: ActionTarget = {
    shopId: row.shop_id,
    questionNo: inquiry.questionNo,
    inqType: inquiry.inqType,
    replySeqNo: inquiry.replySeqNo,
    requestId: row.request_id,
    baseVersion: row.base_version,
    unsureSince: row.attempts > 0 ? before.firstAttemptAt : undefined,
    lastBuyerAt: inquiry.lastBuyerAt ?? undefined,
  };

  let outcome: ActionOutcome;
  try {
    outcome = await send(ctx.gateway, row, target, before);
  } catch (e) {
    return recordFailure(ctx, sending, e);
  }
  const sent = db.transaction(() => {
    const out = markSent(db, row.id, outcome, ctx.now());
    if (outcome.version !== null) {
      advanceBaseVersion(db, row.inquiry_id, row.seq, row.base_version, outcome.version);
    }
    return out;
  })();
  emit('outboxChanged', toItem(sent));
  if (ctx.refreshAfterSend) await refreshThread(ctx, row, inquiry.questionNo);
  return 'sent';
}

function recordFailure(ctx: DeliverContext, row: OutboxRow, e: unknown): DeliverOutcome {
  const { db, emit } = ctx;
  const now = ctx.now();
  const error = errorOf(e);
  const f = e instanceof AppFailure ? e : null;

  if (f?.code === 'CONFLICT') {
    const d = f.details as unknown as ConflictDetails;
    const conflict: ConflictDetails = {
      answeredBy: d.answeredBy,
      answeredAt: d.answeredAt,
      body: d.body,
      version: d.version,
    };
    emit('outboxChanged', toItem(markFinalError(db, row.id, 'conflict', error, conflict, now)));
    return 'conflict';
  }
  // No session, or offline: the action waits (same request id), and the drain pauses.
  const offline = f?.code === 'NETWORK' || f?.code === 'TIMEOUT';
  const noSession = f?.code === 'SESSION_EXPIRED' || f?.code === 'NOT_LOGGED_IN';
  const serverBusy = isTransient(e) && !offline;
  if (offline || noSession || (serverBusy && row.attempts < ctx.maxServerAttempts)) {
    const hint = f?.details?.retryAfterMs;
    const delay =
      typeof hint === 'number' ? hint : fullJitterDelay(Math.max(0, row.attempts - 1), ctx.backoff);
    emit('outboxChanged', toItem(markRetryLater(db, row.id, error, now + delay, now)));
    return offline || noSession ? 'pause' : 'retry';
  }
  emit('outboxChanged', toItem(markFinalError(db, row.id, 'failed', error, null, now)));
  return 'failed';
}

// createOutbox: the durable queue of the seller's actions. Enqueue writes first (with the local
// effect), delivery follows: in order per inquiry, a few inquiries in parallel, retried with
// backoff, replayed on start (a row left "sending" by a crash goes out again with the same
// request id, and the server answers it with its first result: exactly once).
import type { OutboxItem } from '../../../shared/api.js';
import { AppFailure } from '../../../shared/errors.js';
import type { Database } from '../db/open.js';
import type { BackoffPolicy } from '../gateway/backoff.js';
import type { ConflictDetails, Gateway } from '../gateway/index.js';
import { applyThreads } from '../store/inquiries.js';
import type { Connectivity } from '../sync/connectivity.js';
import { noEmit, type Emit } from '../sync/events.js';
import { deliverRow, type DeliverContext, type DeliverOutcome } from './deliver.js';
import { afterAnswer } from './after-answer.js';
import { enqueue, type ActionInput } from './enqueue.js';
import {
  countByState,
  dueHeads,
  getRow,
  listRows,
  markCancelled,
  nextDueAt,
  requeue,
  toItem,
} from './repo.js';
import type { OutboxRow } from './types.js';
import type { AutoReplyAction, HideAction, ReplyAction } from './validate.js';

export interface OutboxOptions {
  db: Database;
  /** The gateway, or a getter (null while logged out: delivery waits). */
  gateway: Gateway | (() => Gateway | null);
  emit?: Emit;
  now?: () => number;
  /** Wakes delivery when the network returns. */
  connectivity?: Connectivity;
  /** Inquiries delivered at the same time (each one strictly in order). */
  parallel?: number;
  backoff?: BackoffPolicy;
  maxServerAttempts?: number;
  /**
   * After a send, fetch the thread so the cache holds the server's copy at once (default true);
   * false leaves that to the next sync (bulk delivery).
   */
  refreshAfterSend?: boolean;
}

export interface DeliveryReport {
  sent: number;
  failed: number;
  conflict: number;
  retried: number;
  /** Rows still queued or sending afterwards (waiting for a retry time, the network, a login). */
  pending: number;
}

export interface Outbox {
  enqueueReply(action: ReplyAction): OutboxItem;
  enqueueAutoReply(action: AutoReplyAction): OutboxItem;
  enqueueHide(action: HideAction): OutboxItem;
  /** Delivers every row due now; resolves when none is due or in flight. */
  deliverPending(): Promise<DeliveryReport>;
  /** Keeps delivering (waiting for retry times) until nothing is pending or `deadline` passes. */
  deliverAll(deadlineMs: number): Promise<DeliveryReport>;
  retry(id: string): OutboxItem;
  cancel(id: string): OutboxItem;
  list(inquiryId?: string): OutboxItem[];
  get(id: string): OutboxItem | null;
  /** Replays what a previous run left, then delivers whenever something becomes due. */
  start(): void;
  stop(): Promise<void>;
}

const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 60_000 };
const BATCH = 64;

export function createOutbox(opts: OutboxOptions): Outbox {
  const { db } = opts;
  const news = afterAnswer(opts.emit ?? noEmit, () => wake());
  const emit = news.now;
  const now = opts.now ?? Date.now;
  const parallel = Math.max(1, opts.parallel ?? 4);
  const gatewayOf =
    typeof opts.gateway === 'function' ? opts.gateway : () => opts.gateway as Gateway;
  let draining: Promise<DeliveryReport> | null = null;
  let started = false;
  let timer: NodeJS.Timeout | null = null;
  let unsubscribe: (() => void) | null = null;

  function requireGateway(): Gateway {
    const gw = gatewayOf();
    if (gw === null) throw new AppFailure('NOT_LOGGED_IN', 'log in first');
    return gw;
  }

  function add(input: ActionInput): OutboxItem {
    const row = enqueue(db, input, requireGateway().capabilities, now());
    const item = toItem(row);
    // Told (and delivered) once this call has answered: see after-answer.ts.
    news.later('outboxChanged', item);
    news.later('inquiriesChanged', { shopId: row.shop_id, inquiryIds: [row.inquiry_id] });
    return item;
  }

  function pendingCount(): number {
    const c = countByState(db);
    return c.queued + c.sending;
  }

  async function drain(): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, failed: 0, conflict: 0, retried: 0, pending: 0 };
    const gw = gatewayOf();
    if (gw === null) return { ...report, pending: pendingCount() };
    const ctx: DeliverContext = {
      db,
      gateway: gw,
      emit,
      now,
      backoff: opts.backoff ?? DEFAULT_BACKOFF,
      maxServerAttempts: opts.maxServerAttempts ?? 8,
      refreshAfterSend: opts.refreshAfterSend ?? true,
    };
    const inflight = new Map<string, Promise<void>>();
    // Candidates are read in batches (one query per batch, not per delivery); each is the head
    // of its inquiry, so a batch never holds two actions of one inquiry.
    let batch: OutboxRow[] = [];
    // An object, not a `let`: the delivery callbacks flip it while this loop awaits.
    const flow = { paused: false };
    const count = (o: DeliverOutcome): void => {
      if (o === 'pause') flow.paused = true;
      else if (o === 'retry') report.retried++;
      else if (o !== 'skipped') report[o]++;
    };
    for (;;) {
      while (!flow.paused && inflight.size < parallel) {
        if (batch.length === 0) {
          batch = dueHeads(db, now(), BATCH + inflight.size).filter(
            (r) => !inflight.has(r.inquiry_id),
          );
          if (batch.length === 0) break;
        }
        const row = batch.shift();
        if (row === undefined || inflight.has(row.inquiry_id)) continue;
        const p = deliverRow(ctx, row)
          .then(count, (e: unknown) => {
            // A bug or a database error: stop this drain rather than spin on it.
            flow.paused = true;
            throw e;
          })
          .finally(() => inflight.delete(row.inquiry_id));
        inflight.set(row.inquiry_id, p);
      }
      if (inflight.size === 0) break;
      await Promise.race(inflight.values());
    }
    return { ...report, pending: pendingCount() };
  }

  function deliverPending(): Promise<DeliveryReport> {
    draining ??= drain().finally(() => {
      draining = null;
      schedule();
    });
    return draining;
  }

  /** While started: a timer for the next retry time. */
  function schedule(): void {
    if (!started) return;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const at = nextDueAt(db);
    if (at === null) return;
    timer = setTimeout(wake, Math.max(50, at - now()));
    timer.unref();
  }

  function wake(): void {
    if (started) void deliverPending().catch(() => undefined);
  }

  function rowOrThrow(id: string): OutboxRow {
    const row = getRow(db, id);
    if (row === undefined) throw new AppFailure('NOT_FOUND', `no outbox item ${id}`);
    return row;
  }

  return {
    enqueueReply: (a) => add({ kind: 'reply', ...a }),
    enqueueAutoReply: (a) => add({ kind: 'autoReply', ...a }),
    enqueueHide: (a) => add({ kind: 'hide', ...a }),
    deliverPending,

    async deliverAll(deadlineMs) {
      const total: DeliveryReport = { sent: 0, failed: 0, conflict: 0, retried: 0, pending: 0 };
      for (;;) {
        const r = await deliverPending();
        total.sent += r.sent;
        total.failed += r.failed;
        total.conflict += r.conflict;
        total.retried += r.retried;
        total.pending = r.pending;
        const at = nextDueAt(db);
        if (r.pending === 0 || at === null || now() >= deadlineMs) return total;
        await new Promise((resolve) =>
          setTimeout(resolve, Math.max(10, Math.min(at - now(), deadlineMs - now()))),
        );
      }
    },

    retry(id) {
      const row = rowOrThrow(id);
      if (row.state !== 'failed' && row.state !== 'conflict' && row.state !== 'queued') {
        throw new AppFailure('OUTBOX_STATE', `cannot retry an item that is ${row.state}`);
      }
      const base =
        row.state === 'conflict' && row.conflict !== null
          ? (JSON.parse(row.conflict) as ConflictDetails).version
          : row.base_version;
      const item = toItem(requeue(db, row, base, now()));
      emit('outboxChanged', item);
      wake();
      return item;
    },

    cancel(id) {
      const row = rowOrThrow(id);
      if (row.state !== 'queued' && row.state !== 'failed' && row.state !== 'conflict') {
        throw new AppFailure('OUTBOX_STATE', `cannot cancel an item that is ${row.state}`);
      }
      const item = toItem(markCancelled(db, id, now()));
      emit('outboxChanged', item);
      // The optimistic effect is undone by the server's copy of the thread (best effort).
      const gw = gatewayOf();
      if (gw !== null && gw.capabilities.adapter === 'qpost') {
        const questionNo = Number(row.inquiry_id.slice(row.inquiry_id.lastIndexOf(':') + 1));
        void gw
          .getThread(row.shop_id, questionNo)
          .then((t) => {
            const { changedIds } = applyThreads(db, [t]);
            emit('inquiriesChanged', { shopId: row.shop_id, inquiryIds: changedIds });
          })
          .catch(() => undefined);
      }
      wake();
      return item;
    },

    list: (inquiryId) => listRows(db, inquiryId).map(toItem),
    get(id) {
      const row = getRow(db, id);
      return row === undefined ? null : toItem(row);
    },

    start() {
      if (started) return;
      started = true;
      unsubscribe =
        opts.connectivity?.onChange((online) => {
          if (online) wake();
        }) ?? null;
      wake();
    },

    async stop() {
      started = false;
      unsubscribe?.();
      unsubscribe = null;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await draining?.catch(() => undefined);
    },
  };
}

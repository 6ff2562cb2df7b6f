/* eslint-disable @typescript-eslint/require-await -- the double answers synchronously behind InboxApi's async signature */
// An in-memory InboxApi for component tests of the UI. It keeps state (replies queue, hide
// marks the inquiry, drafts persist) and records every call so tests can check what the UI
// asked for. The end-to-end tests use the real stack instead.
import type {
  Capabilities,
  Draft,
  InboxApi,
  InboxBridge,
  InboxEventName,
  InboxEvents,
  InboxMethod,
  InquirySummary,
  OutboxItem,
  SessionInfo,
  Settings,
  Template,
  ThreadView,
} from '../../../src/shared/api.js';
import type { Message } from '../../../src/shared/domain.js';
import { fail, ok, type ErrorCode, type Result } from '../../../src/shared/errors.js';
import { AUTO_REPLY_TEXT } from '../../../src/shared/limits.js';

export const FULL_CAPS: Capabilities = {
  adapter: 'qpost',
  multiShop: true,
  replyingStatus: true,
  autoReply: true,
  hide: true,
  attachments: true,
  replyTitle: true,
};

export function inquiry(n: number, patch: Partial<InquirySummary> = {}): InquirySummary {
  const day = String(28 - (n % 20)).padStart(2, '0');
  return {
    id: `shop-a:${1000 + n}`,
    shopId: 'shop-a',
    questionNo: 1000 + n,
    inqType: 'MSG',
    questionType: 'general',
    status: 'S1',
    category: 'shipping',
    title: `Question ${n}`,
    buyerId: `buyer${n}`,
    buyerName: `シヒ${n}`,
    receiver: 'mamename',
    itemNo: `52266${String(n).padStart(4, '0')}`,
    itemName: `テスト商品 ${n}`,
    itemCategory: '犬洋服',
    sellerCode: `SC-${n}`,
    orderNo: `31909${String(n).padStart(4, '0')}`,
    cartNo: `13404${n}`,
    receivedAt: `2026-03-${day}T12:32:23+09:00`,
    answeredAt: null,
    updatedAt: `2026-03-${day}T12:32:23+09:00`,
    hidden: false,
    version: 1,
    messageCount: 2,
    shopName: 'Shop A',
    snippet: 'preview',
    waitingHours: 2,
    pendingCount: 0,
    ...patch,
  };
}

export function message(seqNo: number, patch: Partial<Message> = {}): Message {
  return {
    seqNo,
    author: seqNo % 2 === 1 ? 'buyer' : 'seller',
    from: seqNo % 2 === 1 ? 'シヒ' : 'mamename',
    to: seqNo % 2 === 1 ? 'mamename' : 'シヒ',
    title: '',
    body: `Message body ${seqNo}`,
    sentAt: `2026-03-01T09:${String(seqNo % 60).padStart(2, '0')}:00+09:00`,
    attachments: [],
    ...patch,
  };
}

type Handler<M extends InboxMethod> = (
  input: Parameters<InboxApi[M]>[0],
) => Promise<Result<unknown>>;

export class FakeInbox {
  calls: { method: InboxMethod; input: unknown }[] = [];
  capabilities: Capabilities = { ...FULL_CAPS };
  session: SessionInfo | null = null;
  shops = [
    { id: 'shop-a', name: 'Shop A' },
    { id: 'shop-b', name: 'Shop B' },
  ];
  inquiries: InquirySummary[] = [];
  threads = new Map<string, Message[]>();
  outbox: OutboxItem[] = [];
  drafts = new Map<string, Draft>();
  templates: Template[] = [
    { id: 'builtin-ja', name: '自動返信', body: AUTO_REPLY_TEXT.ja, builtIn: true },
    {
      id: 't1',
      name: 'Shipping',
      body: 'Dear {buyer}, order {order_no} ships today.',
      builtIn: false,
    },
  ];
  settings: Settings = {
    language: 'en',
    notifications: true,
    hourlyDigest: false,
    openAtLogin: false,
    syncIntervalSec: 60,
  };
  /** method → error code for its next call. */
  failures = new Map<InboxMethod, ErrorCode>();
  /** Hold a method's answer until the test releases it. */
  gates = new Map<InboxMethod, Promise<void>>();
  private listeners = new Map<InboxEventName, Set<(p: unknown) => void>>();
  private seq = 0;

  constructor(count = 30) {
    for (let n = 1; n <= count; n++) {
      this.inquiries.push(inquiry(n));
      this.threads.set(`shop-a:${1000 + n}`, [message(1), message(2)]);
    }
  }

  emit<E extends InboxEventName>(event: E, payload: InboxEvents[E]): void {
    for (const l of this.listeners.get(event) ?? []) l(payload);
  }

  callsOf(method: InboxMethod): unknown[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.input);
  }

  loggedIn(selectedShopId: string | null = 'shop-a'): this {
    this.session = this.makeSession(selectedShopId);
    return this;
  }

  private makeSession(selectedShopId: string | null): SessionInfo {
    return {
      user: 'demo',
      location: 'sandbox',
      serverUrl: 'http://127.0.0.1:8787',
      shops: this.shops,
      selectedShopId,
      capabilities: this.capabilities,
      remembered: false,
    };
  }

  private outboxItem(
    inquiryId: string,
    kind: OutboxItem['kind'],
    patch: Partial<OutboxItem>,
  ): OutboxItem {
    const now = new Date().toISOString();
    const item: OutboxItem = {
      id: `ob-${++this.seq}`,
      requestId: `req-${this.seq}`,
      inquiryId,
      kind,
      state: 'queued',
      title: null,
      body: null,
      status: null,
      attempts: 0,
      createdAt: now,
      updatedAt: now,
      error: null,
      conflict: null,
      ...patch,
    };
    this.outbox.push(item);
    return item;
  }

  private matching(q: Parameters<InboxApi['searchTotal']>[0]): InquirySummary[] {
    return this.inquiries.filter(
      (r) =>
        (!q.source || (q.source === 'qoo10') === (r.inqType === 'HELP')) &&
        (!q.status || r.status === q.status) &&
        (!q.questionType || r.questionType === q.questionType) &&
        (!q.itemNo || r.itemNo === q.itemNo) &&
        (!q.orderNo || r.orderNo === q.orderNo) &&
        (!q.text || r.title.includes(q.text)) &&
        (!q.shopId || q.shopId === 'all' || r.shopId === q.shopId),
    );
  }

  private find(id: string): InquirySummary | undefined {
    return this.inquiries.find((i) => i.id === id);
  }

  readonly handlers: { [M in InboxMethod]: Handler<M> } = {
    login: async (i) => {
      if (i.user !== 'demo' || i.password !== 'demo1234') return fail('LOGIN_FAILED', 'bad');
      this.session = this.makeSession(null);
      return ok(this.session);
    },
    logout: async () => {
      this.session = null;
      return ok(null);
    },
    getSession: async () => ok(this.session),
    listShops: async () => ok(this.shops),
    selectShop: async (i) => {
      if (!this.session) return fail('NOT_LOGGED_IN', 'no');
      this.session = { ...this.session, selectedShopId: i.shopId };
      return ok(this.session);
    },
    search: async (q) => {
      const rows = this.matching(q).sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
      const start = q.cursor ? Number(q.cursor) : 0;
      const limit = q.limit ?? 100;
      const page = rows.slice(start, start + limit);
      const next = start + limit < rows.length ? String(start + limit) : null;
      // As the core: without `total: false` exact; with it, only what the page itself shows.
      const total = q.total !== false || (start === 0 && next === null) ? rows.length : null;
      return ok({ rows: page, nextCursor: next, total });
    },
    searchTotal: async (q) => ok(this.matching(q).length),
    counts: async () =>
      ok({ customerUnanswered: 7, customerReplying: 3, qoo10Unanswered: 1, qoo10Unconfirmed: 2 }),
    openThread: async (i) => {
      const inq = this.find(i.inquiryId);
      if (!inq) return fail('INQUIRY_NOT_FOUND', 'no');
      const all = this.threads.get(i.inquiryId) ?? [];
      const before = i.beforeSeq ? all.filter((m) => m.seqNo < (i.beforeSeq ?? 0)) : all;
      const limit = i.limit ?? 50;
      const messages = before.slice(Math.max(0, before.length - limit));
      const view: ThreadView = {
        inquiry: inq,
        messages,
        hasOlder: before.length > messages.length,
        pending: this.outbox.filter(
          (o) => o.inquiryId === inq.id && o.state !== 'sent' && o.state !== 'cancelled',
        ),
        draft: this.drafts.get(inq.id) ?? null,
        piiFlags: [],
      };
      return ok(view);
    },
    reply: async (i) => {
      if (!i.body.trim()) return fail('REPLY_EMPTY', 'empty');
      // As the core: a queued reply takes its draft with it.
      this.drafts.delete(i.inquiryId);
      return ok(
        this.outboxItem(i.inquiryId, 'reply', {
          title: i.title ?? null,
          body: i.body,
          status: i.status,
        }),
      );
    },
    autoReply: async (i) => {
      const inq = this.find(i.inquiryId);
      if (inq?.questionType === 'customer') return fail('AUTO_REPLY_NOT_ALLOWED', 'no');
      return ok(
        this.outboxItem(i.inquiryId, 'autoReply', { body: AUTO_REPLY_TEXT.ja, status: 'S3' }),
      );
    },
    hide: async (i) => {
      if (!i.title.trim()) return fail('HIDE_TITLE_REQUIRED', 'title');
      if (!i.reason.trim()) return fail('HIDE_REASON_REQUIRED', 'reason');
      const inq = this.find(i.inquiryId);
      if (inq) inq.hidden = true;
      return ok(this.outboxItem(i.inquiryId, 'hide', { title: i.title, body: i.reason }));
    },
    uploadAttachment: async (i) =>
      ok({ id: `att-${++this.seq}`, fileName: i.fileName, mime: i.mime, size: 10 }),
    getAttachment: async (i) =>
      ok({ id: i.attachmentId, fileName: 'a.png', mime: 'image/png', size: 1, dataBase64: 'AA==' }),
    listTemplates: async () => ok(this.templates),
    saveTemplate: async (i) => {
      const tpl: Template = {
        id: i.id ?? `t${++this.seq}`,
        name: i.name,
        body: i.body,
        builtIn: false,
      };
      this.templates = [...this.templates.filter((x) => x.id !== tpl.id), tpl];
      return ok(tpl);
    },
    deleteTemplate: async (i) => {
      this.templates = this.templates.filter((x) => x.id !== i.id);
      return ok(null);
    },
    renderTemplate: async (i) => {
      const tpl = this.templates.find((x) => x.id === i.templateId);
      const inq = this.find(i.inquiryId);
      if (!tpl || !inq) return fail('NOT_FOUND', 'no');
      const body = tpl.body
        .replace('{buyer}', inq.buyerName)
        .replace('{order_no}', inq.orderNo ?? '');
      return ok({ title: `[Re] ${inq.title}`, body });
    },
    getDraft: async (i) => ok(this.drafts.get(i.inquiryId) ?? null),
    saveDraft: async (i) => {
      const d: Draft = { ...i, updatedAt: new Date().toISOString() };
      this.drafts.set(i.inquiryId, d);
      return ok(d);
    },
    deleteDraft: async (i) => {
      this.drafts.delete(i.inquiryId);
      return ok(null);
    },
    checkPii: async (i) => {
      const spans = [...i.text.matchAll(/0\d{1,3}-\d{2,4}-\d{3,4}/g)].map((m) => ({
        kind: 'phone' as const,
        start: m.index,
        end: m.index + m[0].length,
      }));
      return ok(spans);
    },
    getSettings: async () => ok(this.settings),
    updateSettings: async (i) => {
      this.settings = { ...this.settings, ...i };
      return ok(this.settings);
    },
    listOutbox: async () => ok(this.outbox),
    retryOutbox: async (i) => this.setOutboxState(i.outboxId, 'queued'),
    cancelOutbox: async (i) => this.setOutboxState(i.outboxId, 'cancelled'),
    syncNow: async () =>
      ok({ state: 'idle', lastSyncAt: '2026-03-28T10:00:00+09:00', error: null }),
    syncStatus: async () =>
      ok({ state: 'idle', lastSyncAt: '2026-03-28T10:00:00+09:00', error: null }),
  };

  private async setOutboxState(
    id: string,
    state: OutboxItem['state'],
  ): Promise<Result<OutboxItem>> {
    const item = this.outbox.find((o) => o.id === id);
    if (!item) return fail('NOT_FOUND', 'no');
    Object.assign(item, { state, error: null, updatedAt: new Date().toISOString() });
    return ok({ ...item });
  }

  bridge(): InboxBridge {
    const api = {} as Record<InboxMethod, (input: unknown) => Promise<Result<unknown>>>;
    for (const method of Object.keys(this.handlers) as InboxMethod[]) {
      api[method] = async (input: unknown) => {
        this.calls.push({ method, input });
        await this.gates.get(method);
        const code = this.failures.get(method);
        if (code) {
          this.failures.delete(method);
          return fail(code, `${method} failed`);
        }
        const handler = this.handlers[method] as (i: unknown) => Promise<Result<unknown>>;
        return handler(input);
      };
    }
    return {
      api: api as unknown as InboxApi,
      on: (event, listener) => {
        const set = this.listeners.get(event) ?? new Set();
        set.add(listener as (p: unknown) => void);
        this.listeners.set(event, set);
        return () => set.delete(listener as (p: unknown) => void);
      },
    };
  }
}

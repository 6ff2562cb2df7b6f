// A tiny but real in-memory InboxApi for tests of the transports (worker port, WebSocket) while
// they must not depend on the SQLite core. It keeps state, validates nothing itself (dispatch()
// does that in front of it) and has a few switches to make the hosting thread misbehave.
import { getPriority } from 'node:os';
import type {
  Draft,
  InboxApi,
  InboxEventName,
  InboxEvents,
  SessionInfo,
  Settings,
  Template,
} from '../../../../../src/shared/api.js';
import { fail, ok, type Result } from '../../../../../src/shared/errors.js';
import type { Core, CoreOptions } from '../../../../../src/main/core/host.js';

export const DEMO = { user: 'demo', password: 'demo1234' };
export const SHOPS = [
  { id: 'shop-a', name: 'まめショップ' },
  { id: 'shop-b', name: 'Shop <b>B</b>' },
];

const notLoggedIn = fail('NOT_LOGGED_IN', 'log in first');

export async function createCore(options: CoreOptions): Promise<Core> {
  await Promise.resolve();
  if (options.dataDir === '/nonexistent/refuse') throw new Error('data dir refused');
  const listeners = new Map<InboxEventName, Set<(p: unknown) => void>>();
  const emit = <E extends InboxEventName>(event: E, payload: InboxEvents[E]): void => {
    for (const l of listeners.get(event) ?? []) l(payload);
  };
  let session: SessionInfo | null = null;
  let settings: Settings = {
    language: 'ja',
    notifications: true,
    hourlyDigest: false,
    openAtLogin: false,
    syncIntervalSec: 60,
  };
  const templates = new Map<string, Template>();
  const drafts = new Map<string, Draft>();
  let templateSeq = 0;
  const now = (): string => new Date().toISOString();
  const needSession = <T>(f: (s: SessionInfo) => Result<T>): Promise<Result<T>> =>
    Promise.resolve(session ? f(session) : notLoggedIn);
  const noInquiry = (inquiryId: string) =>
    Promise.resolve(session ? fail('INQUIRY_NOT_FOUND', `no inquiry ${inquiryId}`) : notLoggedIn);

  const api: InboxApi = {
    login: async (input) => {
      if (
        ![DEMO.user, 'demo@example.com'].includes(input.user) ||
        input.password !== DEMO.password
      ) {
        options.logger?.warn('login failed', { user: input.user });
        return fail('LOGIN_FAILED', 'wrong ID or password');
      }
      if (input.remember === true) {
        if (!options.vault?.isAvailable()) {
          return fail('SECURE_STORAGE_UNAVAILABLE', 'no encrypted storage');
        }
        await options.vault.save(input.user, input.password);
      }
      session = {
        user: input.user,
        location: input.location,
        serverUrl: options.sandboxUrl ?? 'http://127.0.0.1:0',
        shops: SHOPS,
        selectedShopId: null,
        capabilities: {
          adapter: 'qpost',
          multiShop: true,
          replyingStatus: true,
          autoReply: true,
          hide: true,
          attachments: true,
          replyTitle: true,
        },
        remembered: input.remember === true,
      };
      options.logger?.info('logged in', { user: input.user });
      return ok(session);
    },
    logout: () => {
      session = null;
      return Promise.resolve(ok(null));
    },
    getSession: () => Promise.resolve(ok(session)),
    listShops: () => needSession((s) => ok(s.shops)),
    selectShop: (input) =>
      needSession((s) => {
        if (input.shopId !== 'all' && !s.shops.some((x) => x.id === input.shopId)) {
          return fail('SHOP_NOT_FOUND', `no shop ${input.shopId}`);
        }
        session = { ...s, selectedShopId: input.shopId };
        return ok(session);
      }),
    search: () => needSession(() => ok({ rows: [], nextCursor: null, total: 0 })),
    searchTotal: () => needSession(() => ok(0)),
    counts: () =>
      needSession(() =>
        ok({ customerUnanswered: 0, customerReplying: 0, qoo10Unanswered: 0, qoo10Unconfirmed: 0 }),
      ),
    openThread: (input) => noInquiry(input.inquiryId),
    reply: (input) => noInquiry(input.inquiryId),
    autoReply: (input) => noInquiry(input.inquiryId),
    hide: (input) => noInquiry(input.inquiryId),
    uploadAttachment: (input) =>
      needSession(() =>
        ok({
          id: 'att-1',
          fileName: input.fileName,
          mime: input.mime,
          size: input.dataBase64.length,
        }),
      ),
    getAttachment: (input) =>
      needSession(() => fail('NOT_FOUND', `no attachment ${input.attachmentId}`)),
    listTemplates: () => Promise.resolve(ok([...templates.values()])),
    saveTemplate: (input) => {
      // Switches for the worker host's crash tests.
      if (input.name === '__crash__') {
        setImmediate(() => {
          throw new Error('fixture crash');
        });
        return new Promise<never>(() => undefined);
      }
      if (input.name === '__exit__') process.exit(7);
      if (input.name === '__hang__') return new Promise<never>(() => undefined);
      const t: Template = {
        id: input.id ?? `t${++templateSeq}`,
        name: input.name,
        body: input.body,
        builtIn: false,
      };
      templates.set(t.id, t);
      return Promise.resolve(ok(t));
    },
    deleteTemplate: (input) =>
      Promise.resolve(
        templates.delete(input.id) ? ok(null) : fail('NOT_FOUND', `no template ${input.id}`),
      ),
    renderTemplate: (input) => noInquiry(input.inquiryId),
    getDraft: (input) => Promise.resolve(ok(drafts.get(input.inquiryId) ?? null)),
    saveDraft: (input) => {
      const d: Draft = { ...input, updatedAt: now() };
      drafts.set(input.inquiryId, d);
      return Promise.resolve(ok(d));
    },
    deleteDraft: (input) => {
      drafts.delete(input.inquiryId);
      return Promise.resolve(ok(null));
    },
    checkPii: (input) => {
      const m = /0\d{1,4}-\d{1,4}-\d{3,4}/.exec(input.text);
      return Promise.resolve(
        ok(m ? [{ kind: 'phone' as const, start: m.index, end: m.index + m[0].length }] : []),
      );
    },
    getSettings: () => Promise.resolve(ok(settings)),
    updateSettings: (input) => {
      settings = { ...settings, ...input };
      return Promise.resolve(ok(settings));
    },
    listOutbox: () => Promise.resolve(ok([])),
    retryOutbox: (input) => Promise.resolve(fail('NOT_FOUND', `no outbox item ${input.outboxId}`)),
    cancelOutbox: (input) => Promise.resolve(fail('NOT_FOUND', `no outbox item ${input.outboxId}`)),
    syncNow: () =>
      needSession((s) => {
        // A pass begins as the real core's does; the priority it leaves the thread is told.
        options.beforeSyncPass?.();
        emit('timing', { name: 'fixture.nice', ms: 0, detail: { nice: getPriority(0) } });
        for (const shop of s.shops)
          emit('syncProgress', { shopId: shop.id, fetched: 3, applied: 3, done: true });
        return ok({ state: 'idle', lastSyncAt: now(), error: null });
      }),
    syncStatus: () => Promise.resolve(ok({ state: 'idle', lastSyncAt: null, error: null })),
  };

  return {
    api,
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const l = listener as (p: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
    close: () => {
      listeners.clear();
      return Promise.resolve();
    },
  };
}

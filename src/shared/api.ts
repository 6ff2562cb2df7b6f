// InboxApi: the one interface every host serves (Electron IPC, the browser shell's WebSocket,
// the CLI in-process) and the renderer consumes. Each call is declared once: its input schema in
// api-schemas.ts (validated by the host before the core sees it), its output type here. This
// module loads no zod, so the renderer can import it.
import type { z } from 'zod';
import type { hideInput, inboxInputs, loginInput, replyInput, searchInput } from './api-schemas.js';
import type {
  AttachmentMeta,
  Inquiry,
  Language,
  LoginLocation,
  Message,
  ReplyStatus,
  Shop,
  Status,
} from './domain.js';
import type { Result } from './errors.js';

export type LoginInput = z.input<typeof loginInput>;
export type SearchInput = z.input<typeof searchInput>;
export type SearchQuery = z.output<typeof searchInput>;
export type ReplyInput = z.input<typeof replyInput>;
export type HideInput = z.input<typeof hideInput>;

// ---- outputs ---------------------------------------------------------------------------------

export interface Capabilities {
  /** Adapter name: "qpost" (full) or "qapi" (public QAPI only). */
  adapter: 'qpost' | 'qapi';
  multiShop: boolean;
  replyingStatus: boolean;
  autoReply: boolean;
  hide: boolean;
  attachments: boolean;
  replyTitle: boolean;
}

export interface SessionInfo {
  user: string;
  location: LoginLocation;
  serverUrl: string;
  shops: Shop[];
  /** The selected shop, or "all". Null until the seller picks one. */
  selectedShopId: string | null;
  capabilities: Capabilities;
  remembered: boolean;
}

export interface InquirySummary extends Inquiry {
  shopName: string;
  /** Preview of the latest message. */
  snippet: string;
  /** Hours since the buyer's unanswered message; null when answered. */
  waitingHours: number | null;
  /** Outbox items not yet sent for this inquiry. */
  pendingCount: number;
}

export interface SearchPage {
  rows: InquirySummary[];
  nextCursor: string | null;
  /** Total matches (exact); null when asked with `total: false` and not known without counting. */
  total: number | null;
}

export interface Counts {
  customerUnanswered: number;
  customerReplying: number;
  qoo10Unanswered: number;
  qoo10Unconfirmed: number;
}

export const OUTBOX_KINDS = ['reply', 'autoReply', 'hide'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];
export const OUTBOX_STATES = [
  'queued',
  'sending',
  'sent',
  'failed',
  'conflict',
  'cancelled',
] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export interface OutboxItem {
  id: string;
  /** Sent to the server as request_id: a repeat returns the first answer. */
  requestId: string;
  inquiryId: string;
  kind: OutboxKind;
  state: OutboxState;
  title: string | null;
  body: string | null;
  status: ReplyStatus | null;
  attempts: number;
  createdAt: string;
  updatedAt: string;
  error: { code: string; message: string } | null;
  /** On conflict: what the other staff member sent. */
  conflict: { answeredBy: string; answeredAt: string; body: string } | null;
}

export interface ThreadView {
  inquiry: InquirySummary;
  /** Oldest → newest; a page ends at `beforeSeq` when given. */
  messages: Message[];
  hasOlder: boolean;
  /** Outgoing actions still waiting, shown at the end of the thread. */
  pending: OutboxItem[];
  draft: Draft | null;
  /** PII spans in the buyer's messages (flags public product questions). */
  piiFlags: PiiSpan[];
}

export interface Template {
  id: string;
  name: string;
  body: string;
  builtIn: boolean;
}

export interface Draft {
  inquiryId: string;
  title: string;
  body: string;
  status: ReplyStatus;
  updatedAt: string;
}

export const PII_KINDS = ['phone', 'email', 'postal', 'address', 'card', 'credential'] as const;
export type PiiKind = (typeof PII_KINDS)[number];
export interface PiiSpan {
  kind: PiiKind;
  start: number;
  end: number;
  /** For thread flags: the message the span is in. */
  seqNo?: number;
}

export interface Settings {
  language: Language;
  notifications: boolean;
  hourlyDigest: boolean;
  openAtLogin: boolean;
  syncIntervalSec: number;
}

export interface SyncStatus {
  state: 'idle' | 'syncing' | 'offline' | 'error';
  lastSyncAt: string | null;
  error: string | null;
}

// ---- the API ---------------------------------------------------------------------------------

export type InboxMethod = keyof typeof inboxInputs;

/** Output of every call. */
export interface InboxOutputs {
  login: SessionInfo;
  logout: null;
  getSession: SessionInfo | null;
  listShops: Shop[];
  selectShop: SessionInfo;
  search: SearchPage;
  searchTotal: number;
  counts: Counts;
  openThread: ThreadView;
  reply: OutboxItem;
  autoReply: OutboxItem;
  hide: OutboxItem;
  uploadAttachment: AttachmentMeta;
  getAttachment: AttachmentMeta & { dataBase64: string };
  listTemplates: Template[];
  saveTemplate: Template;
  deleteTemplate: null;
  renderTemplate: { title: string; body: string };
  getDraft: Draft | null;
  saveDraft: Draft;
  deleteDraft: null;
  checkPii: PiiSpan[];
  getSettings: Settings;
  updateSettings: Settings;
  listOutbox: OutboxItem[];
  retryOutbox: OutboxItem;
  cancelOutbox: OutboxItem;
  syncNow: SyncStatus;
  syncStatus: SyncStatus;
}

/** Every method takes its schema's *input* type and answers a Result — errors are values. */
export type InboxApi = {
  [K in InboxMethod]: (input: z.input<(typeof inboxInputs)[K]>) => Promise<Result<InboxOutputs[K]>>;
};

/** Every method once; a key missing or extra here is a type error (the schemas' key set rules). */
const METHODS: Record<InboxMethod, true> = {
  login: true,
  logout: true,
  getSession: true,
  listShops: true,
  selectShop: true,
  search: true,
  searchTotal: true,
  counts: true,
  openThread: true,
  reply: true,
  autoReply: true,
  hide: true,
  uploadAttachment: true,
  getAttachment: true,
  listTemplates: true,
  saveTemplate: true,
  deleteTemplate: true,
  renderTemplate: true,
  getDraft: true,
  saveDraft: true,
  deleteDraft: true,
  checkPii: true,
  getSettings: true,
  updateSettings: true,
  listOutbox: true,
  retryOutbox: true,
  cancelOutbox: true,
  syncNow: true,
  syncStatus: true,
};
export const INBOX_METHODS = Object.keys(METHODS) as InboxMethod[];

// ---- events ----------------------------------------------------------------------------------

export interface InboxEvents {
  syncProgress: { shopId: string; fetched: number; applied: number; done: boolean };
  inquiriesChanged: { shopId: string; inquiryIds: string[] };
  outboxChanged: OutboxItem;
  sessionExpired: { reason: string };
  connectivity: { online: boolean };
  /** Phase timings the core reports itself (benchmarks read these instead of sleeping). */
  timing: { name: string; ms: number; detail?: Record<string, number> };
}
export type InboxEventName = keyof InboxEvents;
export const INBOX_EVENTS: InboxEventName[] = [
  'syncProgress',
  'inquiriesChanged',
  'outboxChanged',
  'sessionExpired',
  'connectivity',
  'timing',
];
/**
 * The events a window is sent. The core's timings are for benchmarks and logs: forwarded, one
 * arrived ahead of nearly every answer and woke the page for nothing.
 */
export const PAGE_EVENTS: InboxEventName[] = INBOX_EVENTS.filter((e) => e !== 'timing');

/** What the renderer sees on `window.toiawase`: calls plus an event subscription. */
export interface InboxBridge {
  api: InboxApi;
  on<E extends InboxEventName>(event: E, listener: (payload: InboxEvents[E]) => void): () => void;
}

export type { Status };

/**
 * An InboxApi whose every method forwards to one `invoke(method, input)` — how each transport
 * (the preload's IPC, the browser shell's WebSocket, the core worker's port) builds its side.
 */
export function apiFromInvoke(
  invoke: (method: InboxMethod, input: unknown) => Promise<Result<unknown>>,
): InboxApi {
  return Object.fromEntries(
    INBOX_METHODS.map((method) => [method, (input: unknown) => invoke(method, input)]),
  ) as unknown as InboxApi;
}

// InboxApi: the one interface every host serves (Electron IPC, the browser shell's WebSocket,
// the CLI in-process) and the renderer consumes. Each call is declared once here: its input
// schema (validated by the host before the core sees it) and its output type.
import { z } from 'zod';
import {
  CATEGORIES,
  LANGUAGES,
  LOGIN_LOCATIONS,
  QUESTION_TYPES,
  REPLY_STATUSES,
  SOURCES,
  STATUSES,
  inquiryIdSchema,
  shopIdSchema,
  type AttachmentMeta,
  type Inquiry,
  type Language,
  type LoginLocation,
  type Message,
  type ReplyStatus,
  type Shop,
  type Status,
} from './domain.js';
import type { Result } from './errors.js';

// ---- inputs ----------------------------------------------------------------------------------

export const loginInput = z.strictObject({
  /** ID or e-mail. */
  user: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
  location: z.enum(LOGIN_LOCATIONS),
  /** Only with location "custom". */
  serverUrl: z.url().optional(),
  /** Save login information (password kept encrypted by the host's vault). */
  remember: z.boolean().default(false),
});

const dayString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date is yyyy-MM-dd');

export const searchInput = z.strictObject({
  /** A shop id, or "all" for the unified inbox; omitted = the selected shop. */
  shopId: z.union([shopIdSchema, z.literal('all')]).optional(),
  source: z.enum(SOURCES).optional(),
  questionType: z.enum(QUESTION_TYPES).optional(),
  status: z.enum(STATUSES).optional(),
  category: z.enum(CATEGORIES).optional(),
  /** Date range, inclusive, as JST calendar days. */
  dateField: z.enum(['received', 'answered']).default('received'),
  from: dayString.optional(),
  to: dayString.optional(),
  itemNo: z.string().trim().min(1).max(40).optional(),
  orderNo: z.string().trim().min(1).max(40).optional(),
  /** Full text over titles, bodies, buyer and product names (CJK-aware, substring). */
  text: z.string().trim().min(1).max(200).optional(),
  hidden: z.boolean().optional(),
  sort: z.enum(['newest', 'oldest']).default('newest'),
  /** Keyset paging: the `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export const inquiryRef = z.strictObject({ inquiryId: inquiryIdSchema });

export const openThreadInput = z.strictObject({
  inquiryId: inquiryIdSchema,
  /** Page older messages: messages with seqNo < beforeSeq. */
  beforeSeq: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const replyInput = z.strictObject({
  inquiryId: inquiryIdSchema,
  title: z.string().trim().min(1).max(200).optional(),
  body: z.string(),
  status: z.enum(REPLY_STATUSES),
  attachmentIds: z.array(z.string().min(1).max(100)).max(3).default([]),
});

export const autoReplyInput = z.strictObject({
  inquiryId: inquiryIdSchema,
  language: z.enum(LANGUAGES).default('ja'),
});

export const hideInput = z.strictObject({
  inquiryId: inquiryIdSchema,
  title: z.string(),
  reason: z.string(),
  restrictBuyer: z.boolean().default(false),
});

export const uploadAttachmentInput = z.strictObject({
  shopId: shopIdSchema,
  fileName: z.string().min(1).max(200),
  mime: z.string().min(1).max(100),
  dataBase64: z.string(),
});

export const attachmentRef = z.strictObject({ attachmentId: z.string().min(1).max(100) });

export const templateInput = z.strictObject({
  id: z.string().min(1).max(64).optional(),
  name: z.string().trim().min(1).max(100),
  body: z.string().min(1).max(1000),
});

export const renderTemplateInput = z.strictObject({
  templateId: z.string().min(1).max(64),
  inquiryId: inquiryIdSchema,
});

export const draftInput = z.strictObject({
  inquiryId: inquiryIdSchema,
  title: z.string().max(200),
  body: z.string().max(5000),
  status: z.enum(REPLY_STATUSES),
});

export const settingsPatch = z.strictObject({
  language: z.enum(LANGUAGES).optional(),
  notifications: z.boolean().optional(),
  hourlyDigest: z.boolean().optional(),
  openAtLogin: z.boolean().optional(),
  syncIntervalSec: z.number().int().min(15).max(3600).optional(),
});

export const outboxRef = z.strictObject({ outboxId: z.string().min(1).max(64) });
export const piiInput = z.strictObject({ text: z.string().max(10_000) });
export const empty = z.strictObject({});
export const selectShopInput = z.strictObject({
  shopId: z.union([shopIdSchema, z.literal('all')]),
});
export const countsInput = z.strictObject({
  shopId: z.union([shopIdSchema, z.literal('all')]).optional(),
});

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
  /** Total matches (exact). */
  total: number;
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

/** Input schema of every call. Hosts validate with these; the key set *is* the API. */
export const inboxInputs = {
  login: loginInput,
  logout: empty,
  getSession: empty,
  listShops: empty,
  selectShop: selectShopInput,
  search: searchInput,
  counts: countsInput,
  openThread: openThreadInput,
  reply: replyInput,
  autoReply: autoReplyInput,
  hide: hideInput,
  uploadAttachment: uploadAttachmentInput,
  getAttachment: attachmentRef,
  listTemplates: empty,
  saveTemplate: templateInput,
  deleteTemplate: z.strictObject({ id: z.string().min(1).max(64) }),
  renderTemplate: renderTemplateInput,
  getDraft: inquiryRef,
  saveDraft: draftInput,
  deleteDraft: inquiryRef,
  checkPii: piiInput,
  getSettings: empty,
  updateSettings: settingsPatch,
  listOutbox: z.strictObject({ inquiryId: inquiryIdSchema.optional() }),
  retryOutbox: outboxRef,
  cancelOutbox: outboxRef,
  syncNow: empty,
  syncStatus: empty,
} as const;

export type InboxMethod = keyof typeof inboxInputs;

/** Output of every call. */
export interface InboxOutputs {
  login: SessionInfo;
  logout: null;
  getSession: SessionInfo | null;
  listShops: Shop[];
  selectShop: SessionInfo;
  search: SearchPage;
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

export const INBOX_METHODS = Object.keys(inboxInputs) as InboxMethod[];

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

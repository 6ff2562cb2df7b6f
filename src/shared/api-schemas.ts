// The zod schemas of the contract: what every host validates a call's input with (the key set of
// `inboxInputs` *is* the API), plus the shapes of ids and errors. The renderer imports none of
// this: it would load zod and build every schema before its first call (60-100 ms of a cold
// start); api.ts, domain.ts and errors.ts take only types from here.
import { z } from 'zod';
import {
  CATEGORIES,
  LANGUAGES,
  LOGIN_LOCATIONS,
  QUESTION_TYPES,
  REPLY_STATUSES,
  SOURCES,
  STATUSES,
} from './domain.js';
import { ERROR_CODES } from './errors.js';

// ---- ids and errors --------------------------------------------------------------------------

export const shopIdSchema = z.string().min(1).max(64);
export const inquiryIdSchema = z
  .string()
  .regex(/^[^:\s]{1,64}:\d{1,18}$/, 'inquiry id is "<shopId>:<questionNo>"');

export const appErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

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
  /** false: answer the page without counting every match (total null unless already known);
   * `searchTotal` then counts them. A list shows its rows sooner that way. */
  total: z.boolean().default(true),
});

/** The exact number of matches of a search (its paging and sort play no part). */
export const searchTotalInput = searchInput.omit({ cursor: true, limit: true, total: true });

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

// ---- the API ---------------------------------------------------------------------------------

/** Input schema of every call. Hosts validate with these; the key set *is* the API. */
export const inboxInputs = {
  login: loginInput,
  logout: empty,
  getSession: empty,
  listShops: empty,
  selectShop: selectShopInput,
  search: searchInput,
  searchTotal: searchTotalInput,
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

// Checks an action before anything is written: the rules Qoo10 enforces, plus what the connected
// adapter can do. Each failure is a clear AppFailure code; nothing reaches the outbox.
import type { Capabilities } from '../../../shared/api.js';
import { REPLY_STATUSES, type Language } from '../../../shared/domain.js';
import { AppFailure } from '../../../shared/errors.js';
import {
  ATTACHMENT_MAX_PER_REPLY,
  AUTO_REPLY_TEXT,
  HIDE_REASON_MAX_CHARS,
  HIDE_TITLE_MAX_CHARS,
  REPLY_MAX_CHARS,
  replyTitle,
} from '../../../shared/limits.js';
import type { InquiryForAction } from '../store/inquiries.js';
import type { OutboxAction } from './types.js';

/** Characters as a person (and the server) counts them: code points. */
// eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points are the unit here
const chars = (s: string): number => [...s].length;
const TITLE_MAX_CHARS = 200;

export interface ReplyAction {
  inquiryId: string;
  title?: string | null | undefined;
  body: string;
  /** Checked here: anything but S2/S3 is STATUS_NOT_ALLOWED. */
  status: string;
  attachmentIds?: string[] | undefined;
}
export interface AutoReplyAction {
  inquiryId: string;
  language?: Language | undefined;
}
export interface HideAction {
  inquiryId: string;
  title: string;
  reason: string;
  restrictBuyer?: boolean | undefined;
}

function missing(feature: string, caps: Capabilities): never {
  throw new AppFailure(
    'CAPABILITY_MISSING',
    `${feature} is not available with the ${caps.adapter} adapter`,
    {
      adapter: caps.adapter,
      feature,
    },
  );
}

export function validateReply(
  a: ReplyAction,
  inquiry: InquiryForAction,
  caps: Capabilities,
): OutboxAction {
  const body = a.body.trim();
  if (body === '') throw new AppFailure('REPLY_EMPTY', 'the reply is empty');
  if (chars(body) > REPLY_MAX_CHARS) {
    throw new AppFailure('REPLY_TOO_LONG', `the reply is over ${REPLY_MAX_CHARS} characters`, {
      length: chars(body),
      max: REPLY_MAX_CHARS,
    });
  }
  const status = REPLY_STATUSES.find((s) => s === a.status);
  if (status === undefined) {
    throw new AppFailure('STATUS_NOT_ALLOWED', 'a reply sets "replying" (S2) or "complete" (S3)');
  }
  if (status === 'S2' && !caps.replyingStatus) missing('the "replying" status', caps);
  const attachmentIds = a.attachmentIds ?? [];
  if (attachmentIds.length > 0 && !caps.attachments) missing('attachments', caps);
  if (attachmentIds.length > ATTACHMENT_MAX_PER_REPLY) {
    throw new AppFailure('VALIDATION', `at most ${ATTACHMENT_MAX_PER_REPLY} attachments`);
  }
  let title = a.title?.trim() ?? null;
  if (title === '') title = null;
  if (title !== null && chars(title) > TITLE_MAX_CHARS) {
    throw new AppFailure('VALIDATION', `the title is over ${TITLE_MAX_CHARS} characters`);
  }
  if (title !== null && !caps.replyTitle) {
    // The default title is what the server writes anyway; anything else cannot be honoured.
    if (title !== replyTitle(inquiry.title)) missing('a custom reply title', caps);
    title = null;
  }
  return { kind: 'reply', inquiryId: a.inquiryId, payload: { title, body, status, attachmentIds } };
}

export function validateAutoReply(
  a: AutoReplyAction,
  inquiry: InquiryForAction,
  caps: Capabilities,
): OutboxAction {
  if (!caps.autoReply) missing('auto reply', caps);
  if (inquiry.viaMyQoo10) {
    throw new AppFailure(
      'AUTO_REPLY_NOT_ALLOWED',
      'auto reply is not offered for customer questions sent through MyQoo10',
    );
  }
  const language = a.language ?? 'ja';
  return {
    kind: 'autoReply',
    inquiryId: a.inquiryId,
    payload: { body: AUTO_REPLY_TEXT[language], language },
  };
}

export function validateHide(
  a: HideAction,
  inquiry: InquiryForAction,
  caps: Capabilities,
): OutboxAction {
  if (!caps.hide) missing('hiding a product question', caps);
  if (inquiry.inqType !== 'ITEM') {
    throw new AppFailure('HIDE_NOT_PRODUCT_QUESTION', 'only product questions can be hidden');
  }
  const title = a.title.trim();
  const reason = a.reason.trim();
  if (title === '') throw new AppFailure('HIDE_TITLE_REQUIRED', 'hiding needs a title');
  if (reason === '') throw new AppFailure('HIDE_REASON_REQUIRED', 'hiding needs a reason');
  if (chars(title) > HIDE_TITLE_MAX_CHARS || chars(reason) > HIDE_REASON_MAX_CHARS) {
    throw new AppFailure(
      'VALIDATION',
      `hide title ≤ ${HIDE_TITLE_MAX_CHARS} and reason ≤ ${HIDE_REASON_MAX_CHARS} characters`,
    );
  }
  if (inquiry.hidden) throw new AppFailure('VALIDATION', 'this question is already hidden');
  return {
    kind: 'hide',
    inquiryId: a.inquiryId,
    payload: { title, reason, restrictBuyer: a.restrictBuyer ?? false },
  };
}

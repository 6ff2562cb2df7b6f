// Qoo10 answers every failure on HTTP 200 with a negative ErrorCode. This maps each one to the
// app's stable ErrorCode, so nothing above the gateway ever sees a wire number.
import { AppFailure, type ErrorCode } from '../../../shared/errors.js';
import { conflictDetailSchema, WIRE_ERRORS, type ErrorEnvelope } from '../../../shared/qapi.js';
import { parseWireDate, toIsoJst } from '../../../shared/jst.js';

const W = WIRE_ERRORS;

const WIRE_TO_CODE = new Map<number, ErrorCode>([
  [W.UNKNOWN_API, 'CAPABILITY_MISSING'],
  [W.INVALID_KEY, 'SESSION_EXPIRED'],
  [W.KEY_EXPIRED, 'SESSION_EXPIRED'],
  [W.KEY_REVOKED, 'SESSION_EXPIRED'],
  [W.LOGIN_FAILED, 'LOGIN_FAILED'],
  [W.ACCOUNT_LOCKED, 'ACCOUNT_LOCKED'],
  [W.VALIDATION, 'VALIDATION'],
  [W.DATE_INVALID, 'DATE_INVALID'],
  [W.DATE_RANGE_TOO_LONG, 'DATE_RANGE_TOO_LONG'],
  [W.BODY_TOO_LARGE, 'VALIDATION'],
  [W.INQUIRY_NOT_FOUND, 'INQUIRY_NOT_FOUND'],
  [W.SHOP_NOT_FOUND, 'SHOP_NOT_FOUND'],
  [W.ATTACHMENT_NOT_FOUND, 'NOT_FOUND'],
  [W.REPLY_LENGTH, 'REPLY_TOO_LONG'],
  [W.STATUS_NOT_ALLOWED, 'STATUS_NOT_ALLOWED'],
  [W.HIDE_NOT_PRODUCT_QUESTION, 'HIDE_NOT_PRODUCT_QUESTION'],
  [W.HIDE_FIELDS_REQUIRED, 'VALIDATION'],
  [W.AUTO_REPLY_NOT_ALLOWED, 'AUTO_REPLY_NOT_ALLOWED'],
  [W.CONFLICT, 'CONFLICT'],
  [W.BUYER_RESTRICTED, 'BUYER_RESTRICTED'],
  [W.RESYNC_REQUIRED, 'RESYNC_REQUIRED'],
  [W.ATTACHMENT_TOO_LARGE, 'ATTACHMENT_TOO_LARGE'],
  [W.ATTACHMENT_TYPE, 'ATTACHMENT_TYPE'],
  [W.RATE_LIMITED, 'RATE_LIMITED'],
]);

/** Details of a CONFLICT, in app terms: who answered, when (ISO), what, at which version. */
export interface ConflictDetails {
  answeredBy: string;
  answeredAt: string;
  body: string;
  version: number;
}

function conflictDetails(obj: Record<string, unknown> | undefined): ConflictDetails | undefined {
  const parsed = conflictDetailSchema.safeParse(obj);
  if (!parsed.success) return undefined;
  const ms = parseWireDate(parsed.data.ANSWERED_DT);
  return {
    answeredBy: parsed.data.ANSWERED_BY,
    answeredAt: ms === null ? parsed.data.ANSWERED_DT : toIsoJst(ms),
    body: parsed.data.CONTENTS,
    version: parsed.data.VERSION,
  };
}

/** A retry hint in ms from an error object, whichever spelling the server used. */
export function retryHintMs(obj: Record<string, unknown> | undefined): number | undefined {
  if (obj === undefined) return undefined;
  for (const [key, scale] of [
    ['RETRY_AFTER_MS', 1],
    ['RetryAfterMs', 1],
    ['RETRY_AFTER', 1000],
    ['RetryAfter', 1000],
  ] as const) {
    const v = obj[key];
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return v * scale;
    if (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v)) return Number(v) * scale;
  }
  return undefined;
}

/** The wire error as an AppFailure; `details.wireCode` keeps the number for logs. */
export function wireFailure(method: string, env: ErrorEnvelope): AppFailure {
  const code = WIRE_TO_CODE.get(env.ErrorCode) ?? 'SERVER_ERROR';
  const details: Record<string, unknown> = { wireCode: env.ErrorCode, method };
  if (code === 'CONFLICT') {
    const c = conflictDetails(env.ErrorObject);
    if (c === undefined) {
      return new AppFailure(
        'BAD_RESPONSE',
        `${method}: conflict without a valid detail object`,
        details,
      );
    }
    Object.assign(details, c);
  }
  const hint = retryHintMs(env.ErrorObject);
  if (hint !== undefined) details.retryAfterMs = hint;
  // ErrorMsg is the server's text (Japanese on real Qoo10); keep it short and never echo input.
  return new AppFailure(code, `${method}: ${env.ErrorMsg.slice(0, 200)}`, details);
}

/**
 * Worth trying the same request again later: the network failed, the server was overloaded or
 * asked us to slow down. An unknown wire code (SERVER_ERROR with a wireCode) is a definite answer,
 * not a transient one.
 */
export function isTransient(e: unknown): boolean {
  if (!(e instanceof AppFailure)) return false;
  switch (e.code) {
    case 'NETWORK':
    case 'TIMEOUT':
    case 'RATE_LIMITED':
      return true;
    case 'SERVER_ERROR':
      return e.details?.wireCode === undefined;
    default:
      return false;
  }
}

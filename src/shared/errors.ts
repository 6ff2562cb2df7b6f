// Stable error codes. The UI translates each through locales/<lng>.json under `errors.<code>`;
// `message` is an English fallback for logs and the CLI, never shown as-is in the UI.

export const ERROR_CODES = [
  // input
  'VALIDATION',
  'REPLY_EMPTY',
  'REPLY_TOO_LONG',
  'STATUS_NOT_ALLOWED',
  'HIDE_TITLE_REQUIRED',
  'HIDE_REASON_REQUIRED',
  'HIDE_NOT_PRODUCT_QUESTION',
  'AUTO_REPLY_NOT_ALLOWED',
  'DATE_INVALID',
  'DATE_RANGE_TOO_LONG',
  'TEMPLATE_UNKNOWN_VARIABLE',
  'ATTACHMENT_TOO_LARGE',
  'ATTACHMENT_TYPE',
  // lookup
  'NOT_FOUND',
  'SHOP_NOT_FOUND',
  'INQUIRY_NOT_FOUND',
  'NO_SHOP_SELECTED',
  // session
  'NOT_LOGGED_IN',
  'LOGIN_FAILED',
  'ACCOUNT_LOCKED',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  // remote
  'NETWORK',
  'TIMEOUT',
  'SERVER_ERROR',
  'RATE_LIMITED',
  'BAD_RESPONSE',
  'CONFLICT',
  'BUYER_RESTRICTED',
  'RESYNC_REQUIRED',
  'CAPABILITY_MISSING',
  // local
  'OUTBOX_STATE',
  'SECURE_STORAGE_UNAVAILABLE',
  'DB_TOO_NEW',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  /** English, for logs and the CLI. The UI shows t(`errors.${code}`, details). */
  message: string;
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): { ok: false; error: AppError } => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/** Thrown inside the core and turned into a `Result` at the API boundary. */
export class AppFailure extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppFailure';
    this.code = code;
    this.details = details;
  }
  toError(): AppError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** Anything thrown → an AppError, without leaking stack traces to the UI. */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppFailure) return e.toError();
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'INTERNAL', message };
}

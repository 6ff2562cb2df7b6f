// Exit codes a script can rely on (documented in `toiawase help` and the README).
import type { ErrorCode } from '../../shared/errors.js';

export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  input: 3,
  notFound: 4,
  auth: 5,
  remote: 6,
  conflict: 7,
} as const;

const BY_CODE: Partial<Record<ErrorCode, number>> = {
  NOT_FOUND: EXIT.notFound,
  SHOP_NOT_FOUND: EXIT.notFound,
  INQUIRY_NOT_FOUND: EXIT.notFound,
  NO_SHOP_SELECTED: EXIT.input,
  NOT_LOGGED_IN: EXIT.auth,
  LOGIN_FAILED: EXIT.auth,
  ACCOUNT_LOCKED: EXIT.auth,
  SESSION_EXPIRED: EXIT.auth,
  FORBIDDEN: EXIT.auth,
  SECURE_STORAGE_UNAVAILABLE: EXIT.auth,
  NETWORK: EXIT.remote,
  TIMEOUT: EXIT.remote,
  SERVER_ERROR: EXIT.remote,
  RATE_LIMITED: EXIT.remote,
  BAD_RESPONSE: EXIT.remote,
  RESYNC_REQUIRED: EXIT.remote,
  CONFLICT: EXIT.conflict,
  INTERNAL: EXIT.internal,
  DB_TOO_NEW: EXIT.internal,
};

/** Input problems (validation, limits, capability) are 3; the rest as mapped above. */
export const exitCodeFor = (code: ErrorCode): number => BY_CODE[code] ?? EXIT.input;

// The browser shell's WebSocket protocol: the wire constants both sides share live in
// src/shared/web-protocol.ts; what only the shell needs is here.
import { WS_PROTOCOL } from '../../shared/web-protocol.js';
import { ATTACHMENT_MAX_BYTES } from '../../shared/limits.js';

export {
  WS_PATH,
  WS_PROTOCOL,
  WS_TOKEN_PREFIX,
  CLOSE_BAD_TOKEN,
  CLOSE_BAD_ORIGIN,
  CLOSE_TOO_MANY_CONNECTIONS,
} from '../../shared/web-protocol.js';

/** "Internal error" (RFC 6455): the core did not start; the page reconnects as for any drop. */
export const CLOSE_CORE_FAILED = 1011;

/** The first frame on an accepted socket: a refused one is closed before it, never after. */
export const HELLO_FRAME = JSON.stringify({ hello: WS_PROTOCOL });

/** The largest frame answered normally: an attachment upload (base64) plus its envelope. */
export const MAX_FRAME_BYTES = Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 64 * 1024;
/** Frames up to this size get a VALIDATION answer; larger ones close the socket (1009). */
export const HARD_MAX_FRAME_BYTES = 2 * MAX_FRAME_BYTES;
export const MAX_METHOD_CHARS = 64;

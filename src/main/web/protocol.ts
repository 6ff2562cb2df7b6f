// The browser shell's WebSocket protocol. The page's bridge (src/renderer/bridge/ws-bridge.ts)
// speaks the other side and keeps its own copy of these constants (the renderer may import
// nothing of src/main); tests/integration/web checks that both copies agree.
//
//   page → shell   {"id": 7, "method": "search", "payload": {...}}
//   shell → page   {"id": 7, "result": {"ok": true, "value": ...}}     (id null: unusable frame)
//   shell → page   {"event": "syncProgress", "payload": {...}}
//   shell → page   {"hello": "toiawase.v1"}    once, after the origin and token were accepted
import { ATTACHMENT_MAX_BYTES } from '../../shared/limits.js';

export const WS_PATH = '/ws';
/** Subprotocols the page offers: the protocol version, and the run's token. */
export const WS_PROTOCOL = 'toiawase.v1';
export const WS_TOKEN_PREFIX = 'toiawase.token.';
/** The first frame on an accepted socket: a refused one is closed before it, never after. */
export const HELLO_FRAME = JSON.stringify({ hello: WS_PROTOCOL });

/** Close codes (4000–4999 are the application's): the page stops reconnecting on these. */
export const CLOSE_BAD_TOKEN = 4401;
export const CLOSE_BAD_ORIGIN = 4403;
export const CLOSE_TOO_MANY_CONNECTIONS = 4429;

/** The largest frame answered normally: an attachment upload (base64) plus its envelope. */
export const MAX_FRAME_BYTES = Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 64 * 1024;
/** Frames up to this size get a VALIDATION answer; larger ones close the socket (1009). */
export const HARD_MAX_FRAME_BYTES = 2 * MAX_FRAME_BYTES;
export const MAX_METHOD_CHARS = 64;

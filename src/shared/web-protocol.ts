// The browser shell's WebSocket protocol, shared by the shell (src/main/web) and the page's
// bridge (src/renderer/bridge/ws-bridge.ts), which may import nothing of each other.
//
//   page → shell   {"id": 7, "method": "search", "payload": {...}}
//   shell → page   {"id": 7, "result": {"ok": true, "value": ...}}     (id null: unusable frame)
//   shell → page   {"event": "syncProgress", "payload": {...}}
//   shell → page   {"hello": "toiawase.v1"}    once, after the origin and token were accepted
export const WS_PATH = '/ws';
/** Subprotocols the page offers: the protocol version, and the run's token. */
export const WS_PROTOCOL = 'toiawase.v1';
export const WS_TOKEN_PREFIX = 'toiawase.token.';

/** Close codes (4000–4999 are the application's): the page stops reconnecting on these. */
export const CLOSE_BAD_TOKEN = 4401;
export const CLOSE_BAD_ORIGIN = 4403;
export const CLOSE_TOO_MANY_CONNECTIONS = 4429;

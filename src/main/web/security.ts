// What keeps other local pages and processes away from the inbox: a per-run secret token, an
// Origin/Host allow-list pinned to the shell's own loopback origin, and strict response headers.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { WS_TOKEN_PREFIX } from './protocol.js';

/** 32 random bytes, URL- and subprotocol-safe (base64url has no characters a token forbids). */
export function makeToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison: the token never leaks through response timing. */
export function tokenMatches(expected: string, presented: string | null): boolean {
  if (presented === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token offered as a `toiawase.token.<token>` WebSocket subprotocol, if any. */
export function tokenFromProtocols(headers: IncomingHttpHeaders): string | null {
  const header = headers['sec-websocket-protocol'];
  if (typeof header !== 'string') return null;
  for (const part of header.split(',')) {
    const p = part.trim();
    if (p.startsWith(WS_TOKEN_PREFIX)) return p.slice(WS_TOKEN_PREFIX.length);
  }
  return null;
}

/** The names the shell answers to; anything else (a DNS-rebinding host name) is refused. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function allowedOrigins(port: number): Set<string> {
  return new Set([...allowedHosts(port)].map((h) => `http://${h}`));
}

/**
 * Headers on every response. Scripts only from the shell itself, no eval, no framing, sockets
 * only back to the shell. Styles allow inline because Ant Design injects its CSS-in-JS at run
 * time; inline *scripts* stay forbidden, which is what matters against injected markup.
 */
export function securityHeaders(port: number): Record<string, string> {
  const sockets = [...allowedHosts(port)].map((h) => `ws://${h}`).join(' ');
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${sockets}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'cache-control': 'no-store',
  };
}

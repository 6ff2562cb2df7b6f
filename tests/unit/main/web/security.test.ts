import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../../../src/main/web/rate-limit.js';
import { hasDisplay, opener } from '../../../../src/main/web/open-browser.js';
import {
  allowedOrigins,
  makeToken,
  securityHeaders,
  tokenFromProtocols,
  tokenMatches,
} from '../../../../src/main/web/security.js';

describe('tokens', () => {
  it('are random, 256-bit and subprotocol-safe', () => {
    const a = makeToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(makeToken()).not.toBe(a);
  });

  it('match only exactly', () => {
    const t = makeToken();
    expect(tokenMatches(t, t)).toBe(true);
    expect(tokenMatches(t, null)).toBe(false);
    expect(tokenMatches(t, '')).toBe(false);
    expect(tokenMatches(t, t.slice(1))).toBe(false);
    expect(tokenMatches(t, `${t}x`)).toBe(false);
  });

  it('are read from the offered subprotocols', () => {
    expect(
      tokenFromProtocols({ 'sec-websocket-protocol': 'toiawase.v1, toiawase.token.abc' }),
    ).toBe('abc');
    expect(tokenFromProtocols({ 'sec-websocket-protocol': 'toiawase.v1' })).toBeNull();
    expect(tokenFromProtocols({})).toBeNull();
  });
});

describe('origins and headers', () => {
  it('allow only the shell itself', () => {
    expect([...allowedOrigins(8080)]).toEqual(['http://127.0.0.1:8080', 'http://localhost:8080']);
  });

  it('forbid eval, inline scripts, framing and foreign sockets', () => {
    const csp = securityHeaders(8080)['content-security-policy']!;
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:8080 ws://localhost:8080;");
    expect(csp).toContain("object-src 'none'");
  });
});

describe('TokenBucket', () => {
  it('allows a burst, then refills at the sustained rate', () => {
    let now = 0;
    const bucket = new TokenBucket({ burst: 3, perSecond: 2 }, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    now = 499;
    expect(bucket.take()).toBe(false);
    now = 500;
    expect(bucket.take()).toBe(true);
    now = 100_000;
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});

describe('opening a browser', () => {
  it('needs a display on Linux, never on macOS or Windows', () => {
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(hasDisplay({}, 'darwin')).toBe(true);
    expect(hasDisplay({}, 'win32')).toBe(true);
  });

  it('uses each platform opener with a file URL, never the tokenised URL', () => {
    expect(opener('file:///tmp/x/open.html', 'linux')).toEqual({
      command: 'xdg-open',
      args: ['file:///tmp/x/open.html'],
    });
    expect(opener('file:///tmp/x/open.html', 'darwin').command).toBe('open');
    expect(opener('file:///C:/x/open.html', 'win32')).toEqual({
      command: 'cmd',
      args: ['/c', 'start', '""', '"file:///C:/x/open.html"'],
    });
  });
});

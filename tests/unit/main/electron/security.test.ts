import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents, WebFrameMain } from 'electron';
import {
  applyContentSecurityPolicy,
  contentSecurityPolicy,
  denyAllPermissions,
  guardNavigation,
  isSafeExternalUrl,
  isTrustedSender,
  originOf,
  secureWebPreferences,
} from '../../../../src/main/electron/security.js';
import { FakeSession, FakeWebContents } from './electron-mock.js';

const directives = (csp: string) =>
  new Map(
    csp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );

describe('web preferences', () => {
  it('keep every checklist flag locked', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('content security policy', () => {
  it('allows only our own scripts, never eval, inline scripts or remote code', () => {
    const csp = contentSecurityPolicy();
    expect(csp).not.toMatch(/unsafe-eval/);
    const d = directives(csp);
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'none'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('opens connect-src to the loopback dev server only in development', () => {
    const csp = contentSecurityPolicy('http://localhost:5173');
    expect(csp).not.toMatch(/unsafe-eval/);
    const d = directives(csp);
    expect(d.get('connect-src')).toEqual([
      "'self'",
      'http://localhost:5173',
      'ws://localhost:5173',
    ]);
    expect(d.get('script-src')).toEqual(["'self'", 'http://localhost:5173', "'unsafe-inline'"]);
  });

  it('replaces whatever CSP a response carried', () => {
    const session = new FakeSession();
    applyContentSecurityPolicy(session as unknown as Session, "script-src 'self'");
    const callback = vi.fn();
    session.headersListener!(
      { responseHeaders: { 'content-security-policy': ['script-src *'], 'X-Other': ['1'] } },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': ["script-src 'self'"] },
    });
  });
});

describe('permissions', () => {
  it('refuses every permission request and check', () => {
    const session = new FakeSession();
    denyAllPermissions(session as unknown as Session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const cb = vi.fn();
      session.permissionRequest!({}, permission, cb);
      expect(cb).toHaveBeenCalledWith(false);
    }
    expect(session.permissionCheck!({}, 'media')).toBe(false);
  });
});

describe('navigation and new windows', () => {
  const setup = () => {
    const contents = new FakeWebContents();
    const openExternal = vi.fn(() => Promise.resolve());
    guardNavigation(contents as unknown as WebContents, { openExternal });
    return { contents, openExternal };
  };

  it('never navigates the window; https links go to the default browser', () => {
    const { contents, openExternal } = setup();
    expect(contents.navigate('will-navigate', 'https://www.qoo10.jp/item/1')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://www.qoo10.jp/item/1');
  });

  it('drops every other scheme without opening anything', () => {
    const { contents, openExternal } = setup();
    for (const url of [
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'ms-settings:privacy',
      'https://user:pw@example.com/',
      'not a url',
    ]) {
      expect(contents.navigate('will-navigate', url)).toBe(true);
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('denies window.open even for https, handing the link to the browser', () => {
    const { contents, openExternal } = setup();
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    });
    expect(openExternal).toHaveBeenCalledOnce();
  });

  it('refuses redirects and webviews', () => {
    const { contents } = setup();
    expect(contents.navigate('will-redirect', 'https://example.com/')).toBe(true);
    expect(contents.navigate('will-attach-webview', 'https://example.com/')).toBe(true);
  });

  it('classifies external URLs', () => {
    expect(isSafeExternalUrl('https://qoo10.jp')).toBe(true);
    expect(isSafeExternalUrl('HTTPS://QOO10.JP/x')).toBe(true);
    expect(isSafeExternalUrl('http://qoo10.jp')).toBe(false);
    expect(isSafeExternalUrl('')).toBe(false);
  });
});

describe('IPC sender check', () => {
  const win = (url: string) => {
    const contents = new FakeWebContents();
    contents.mainFrame.url = url;
    return { webContents: contents as unknown as WebContents, contents };
  };
  const frameOf = (w: ReturnType<typeof win>) => w.contents.mainFrame as unknown as WebFrameMain;

  it('accepts our window top frame on the app origin', () => {
    const w = win('app://toiawase/index.html#/inbox');
    expect(isTrustedSender(frameOf(w), w, 'app://toiawase')).toBe(true);
  });

  it('refuses subframes, other windows, other origins and destroyed windows', () => {
    const w = win('app://toiawase/index.html');
    const other = win('app://toiawase/index.html');
    const sub = { url: 'app://toiawase/index.html' } as unknown as WebFrameMain;
    expect(isTrustedSender(sub, w, 'app://toiawase')).toBe(false);
    expect(isTrustedSender(frameOf(other), w, 'app://toiawase')).toBe(false);
    expect(isTrustedSender(null, w, 'app://toiawase')).toBe(false);
    expect(isTrustedSender(frameOf(w), null, 'app://toiawase')).toBe(false);
    const evil = win('https://evil.example/');
    expect(isTrustedSender(frameOf(evil), evil, 'app://toiawase')).toBe(false);
    const file = win('file:///tmp/x.html');
    expect(isTrustedSender(frameOf(file), file, 'app://toiawase')).toBe(false);
    w.contents.destroyed = true;
    expect(isTrustedSender(frameOf(w), w, 'app://toiawase')).toBe(false);
  });

  it('accepts the dev server only when it is the configured origin', () => {
    const dev = win('http://localhost:5173/');
    expect(isTrustedSender(frameOf(dev), dev, 'http://localhost:5173')).toBe(true);
    expect(isTrustedSender(frameOf(dev), dev, 'app://toiawase')).toBe(false);
    expect(originOf('app://toiawase/a/b')).toBe('app://toiawase');
    expect(originOf('file:///x')).toBeNull();
  });
});

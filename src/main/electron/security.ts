// The window's defences from Electron's security checklist, kept in one place: the web
// preferences, the Content-Security-Policy, navigation/window-open refusal, permission denial
// and the IPC sender check.
import type { Session, WebContents, WebFrameMain, WebPreferences } from 'electron';

/** Renderer web preferences; nothing here may be relaxed for convenience. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/**
 * The renderer is a local bundle that talks only through the preload: no remote scripts, no
 * eval, no plugins, no network. antd's CSS-in-JS injects <style> elements, hence
 * 'unsafe-inline' for styles only. In development (a loopback Vite dev server) scripts may also
 * come from that server, and the React refresh preamble is an inline script.
 */
export function contentSecurityPolicy(devServerOrigin?: string): string {
  const connect = devServerOrigin
    ? `'self' ${devServerOrigin} ${devServerOrigin.replace(/^http/, 'ws')}`
    : "'none'";
  const script = devServerOrigin ? `'self' ${devServerOrigin} 'unsafe-inline'` : "'self'";
  return [
    "default-src 'none'",
    `script-src ${script}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Adds the CSP header to every response the window's session loads. */
export function applyContentSecurityPolicy(session: Session, csp: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') Reflect.deleteProperty(headers, name);
    }
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });
}

/** The app asks for no permission (camera, notifications from the page, geolocation, …). */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}

/** Only plain https links may leave the app, and only to the default browser. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

export interface NavigationGuardDeps {
  openExternal: (url: string) => Promise<void>;
}

/**
 * The window never navigates and never opens another window: a link to an https page goes to
 * the default browser; everything else (http, file, javascript:, custom schemes) is dropped.
 */
export function guardNavigation(contents: WebContents, deps: NavigationGuardDeps): void {
  const sendOut = (url: string): void => {
    if (isSafeExternalUrl(url)) void deps.openExternal(url).catch(() => undefined);
  };
  contents.setWindowOpenHandler(({ url }) => {
    sendOut(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    sendOut(url);
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** `scheme://host` of a URL; WHATWG gives custom schemes an opaque "null" origin. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host === '' ? null : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/**
 * True when an IPC message comes from our window's top frame showing our own renderer (the
 * app:// bundle, or the dev server in development) — not from a subframe, another window, or
 * a page the window was somehow steered to.
 */
export function isTrustedSender(
  frame: WebFrameMain | null | undefined,
  window: { webContents: WebContents } | null,
  rendererOrigin: string,
): boolean {
  if (!frame || !window || window.webContents.isDestroyed()) return false;
  if (frame !== window.webContents.mainFrame) return false;
  return originOf(frame.url) === rendererOrigin;
}

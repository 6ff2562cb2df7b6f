// The renderer's only door to the app: an InboxBridge on `window.toiawase`. The Electron
// preload puts it there; in a plain browser the browser shell's WebSocket bridge does.
import type { InboxBridge } from '../../shared/api.js';

declare global {
  interface Window {
    toiawase?: InboxBridge;
  }
}

let bridge: InboxBridge | null = null;
let connecting: Promise<InboxBridge> | null = null;

/**
 * Resolve the bridge once at start-up: the preload's, or a WebSocket one to the browser shell.
 * Callers before it is up share the one attempt (a second call must not open a second socket).
 */
export function ensureBridge(): Promise<InboxBridge> {
  if (bridge) return Promise.resolve(bridge);
  if (window.toiawase) {
    bridge = window.toiawase;
    return Promise.resolve(bridge);
  }
  connecting ??= import('./ws-bridge.js')
    .then(({ connectWebBridge }) => connectWebBridge(window.location))
    .then((b) => {
      bridge = b;
      window.toiawase = b;
      return b;
    })
    .finally(() => {
      connecting = null;
    });
  return connecting;
}

/** The bridge after `ensureBridge()` resolved (tests may install one with `setBridge`). */
export function getBridge(): InboxBridge {
  if (!bridge) throw new Error('InboxBridge used before ensureBridge()');
  return bridge;
}

export function setBridge(b: InboxBridge | null): void {
  bridge = b;
}

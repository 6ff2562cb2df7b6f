// The renderer's only door to the app: an InboxBridge on `window.toiawase`. The Electron
// preload puts it there; in a plain browser the browser shell's WebSocket bridge does.
import type { InboxBridge } from '../../shared/api.js';

declare global {
  interface Window {
    toiawase?: InboxBridge;
  }
}

let bridge: InboxBridge | null = null;

/** Resolve the bridge once at start-up: the preload's, or a WebSocket one to the browser shell. */
export async function ensureBridge(): Promise<InboxBridge> {
  if (bridge) return bridge;
  if (window.toiawase) {
    bridge = window.toiawase;
    return bridge;
  }
  const { connectWebBridge } = await import('./ws-bridge.js');
  bridge = await connectWebBridge(window.location);
  window.toiawase = bridge;
  return bridge;
}

/** The bridge after `ensureBridge()` resolved (tests may install one with `setBridge`). */
export function getBridge(): InboxBridge {
  if (!bridge) throw new Error('InboxBridge used before ensureBridge()');
  return bridge;
}

export function setBridge(b: InboxBridge | null): void {
  bridge = b;
}

// A fake ipcMain/ipcRenderer pair wired like Electron's: invoke() reaches the handler with an
// event naming the sender's frame, and values cross by structured clone (functions, class
// instances and prototypes do not survive). Used by the IPC tests and the transport contract.
import { EventEmitter } from 'node:events';
import type { IpcMain, WebContents } from 'electron';
import type { InboxApi, InboxBridge } from '../../../../src/shared/api.js';
import {
  forwardInboxEvents,
  registerInboxIpc,
  type EventSource,
} from '../../../../src/main/electron/ipc.js';
import { RENDERER_ORIGIN } from '../../../../src/main/electron/renderer-protocol.js';
import { isTrustedSender } from '../../../../src/main/electron/security.js';
import { createInboxBridge, type RendererIpc } from '../../../../src/preload/bridge.js';

type Handler = (event: { senderFrame: unknown }, ...args: unknown[]) => unknown;

export interface FakeIpcPair {
  ipcMain: { handle(channel: string, fn: Handler): void; removeHandler(channel: string): void };
  ipcRenderer: RendererIpc;
  /** What main sends to this renderer (webContents.send). */
  send(channel: string, ...args: unknown[]): void;
  /** The frame the renderer's calls claim to come from. */
  frame: { url: string };
}

export function createFakeIpcPair(frame: { url: string } = { url: 'app://toiawase/index.html' }) {
  const handlers = new Map<string, Handler>();
  const renderer = new EventEmitter();
  const pair: FakeIpcPair = {
    frame,
    ipcMain: {
      handle: (channel, fn) => {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, fn);
      },
      removeHandler: (channel) => handlers.delete(channel),
    },
    ipcRenderer: {
      invoke: async (channel, ...args) => {
        const handler = handlers.get(channel);
        if (!handler) throw new Error(`No handler registered for '${channel}'`);
        const result = await handler({ senderFrame: pair.frame }, ...structuredClone(args));
        return structuredClone(result);
      },
      on: (channel, listener) => renderer.on(channel, listener),
      removeListener: (channel, listener) => renderer.removeListener(channel, listener),
    },
    send: (channel, ...args) => {
      renderer.emit(channel, { sender: 'ipc-event-object' }, ...structuredClone(args));
    },
  };
  return pair;
}

/**
 * The Electron transport end to end without Electron: the main side exactly as the app wires
 * it (registerInboxIpc with the sender check, forwardInboxEvents) and the preload's bridge, over
 * a fake pair. For the transport contract suite shared with the browser shell's WebSocket.
 */
export function ipcBridgeFor(core: { api: InboxApi } & EventSource): {
  bridge: InboxBridge;
  pair: FakeIpcPair;
  close(): void;
} {
  const pair = createFakeIpcPair();
  const window = {
    webContents: { isDestroyed: () => false, mainFrame: pair.frame } as unknown as WebContents,
  };
  const unregister = registerInboxIpc({
    ipcMain: pair.ipcMain as unknown as Pick<IpcMain, 'handle' | 'removeHandler'>,
    api: core.api,
    isTrusted: (event) => isTrustedSender(event.senderFrame, window, RENDERER_ORIGIN),
  });
  const stopEvents = forwardInboxEvents(
    core,
    () =>
      ({
        isDestroyed: () => false,
        send: (channel: string, ...args: unknown[]) => pair.send(channel, ...args),
      }) as unknown as WebContents,
  );
  return {
    bridge: createInboxBridge(pair.ipcRenderer),
    pair,
    close: () => {
      stopEvents();
      unregister();
    },
  };
}

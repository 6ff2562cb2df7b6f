// The InboxBridge the preload exposes, built over an ipcRenderer-like object so the same code
// runs against a fake ipcMain/ipcRenderer pair in tests. Only `api` and `on` leave this file:
// never ipcRenderer itself, never the IPC event object.
import {
  INBOX_EVENTS,
  apiFromInvoke,
  type InboxBridge,
  type InboxEventName,
  type InboxEvents,
} from '../shared/api.js';
import { fail, type Result } from '../shared/errors.js';
import { INBOX_CHANNEL, INBOX_EVENT_CHANNEL } from '../main/electron/ipc-channels.js';

export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const isEventName = (name: unknown): name is InboxEventName =>
  (INBOX_EVENTS as unknown[]).includes(name);

export function createInboxBridge(ipc: RendererIpc): InboxBridge {
  const call = async (method: string, input: unknown): Promise<Result<unknown>> => {
    try {
      return (await ipc.invoke(INBOX_CHANNEL, method, input)) as Result<unknown>;
    } catch (e) {
      // The main process is gone or no handler exists yet: still an error value, never a throw.
      return fail('INTERNAL', e instanceof Error ? e.message : 'IPC call failed');
    }
  };
  const api = Object.freeze(apiFromInvoke(call));

  const bridge = {
    api,
    on<E extends InboxEventName>(event: E, listener: (payload: InboxEvents[E]) => void) {
      if (!isEventName(event)) return () => undefined;
      const relay = (_event: unknown, name: unknown, payload: unknown): void => {
        if (name === event) listener(payload as InboxEvents[E]);
      };
      ipc.on(INBOX_EVENT_CHANNEL, relay);
      return () => {
        ipc.removeListener(INBOX_EVENT_CHANNEL, relay);
      };
    },
  } satisfies InboxBridge;
  return bridge;
}

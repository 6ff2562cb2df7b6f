// Main-process side of the bridge: one `invoke` channel serving InboxApi through dispatch()
// (zod validation, errors as values) to our own window only, and one channel pushing the
// core's events to that window.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  PAGE_EVENTS,
  type InboxApi,
  type InboxEventName,
  type InboxEvents,
} from '../../shared/api.js';
import { fail, toAppError, type Result } from '../../shared/errors.js';
import { dispatch } from '../core/dispatch.js';
import { INBOX_CHANNEL, INBOX_EVENT_CHANNEL } from './ipc-channels.js';

export interface InboxIpcDeps {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  /** The core's api, or its start: the window loads while the core boots, and a call it makes
   *  meanwhile waits for the core (one that cannot start answers with its error). */
  api: InboxApi | Promise<InboxApi>;
  /** The sender check (security.ts isTrustedSender bound to our window and origin). */
  isTrusted: (event: IpcMainInvokeEvent) => boolean;
  /** Sees every payload before validation, e.g. to teach the log redactor a password. */
  inspect?: (method: unknown, payload: unknown) => void;
  onRejected?: (reason: string, method: unknown) => void;
}

/** Registers the handler; returns its removal. */
export function registerInboxIpc(deps: InboxIpcDeps): () => void {
  deps.ipcMain.handle(
    INBOX_CHANNEL,
    async (event, method: unknown, payload: unknown): Promise<Result<unknown>> => {
      if (!deps.isTrusted(event)) {
        deps.onRejected?.('untrusted sender', method);
        return fail('FORBIDDEN', 'IPC call from an untrusted sender');
      }
      try {
        deps.inspect?.(method, payload);
        return await dispatch(await deps.api, method, payload);
      } catch (e) {
        // dispatch() already turns the core's throws into values; this guards `inspect` and a
        // core that did not start.
        return { ok: false, error: toAppError(e) };
      }
    },
  );
  return () => deps.ipcMain.removeHandler(INBOX_CHANNEL);
}

export interface EventSource {
  on<E extends InboxEventName>(event: E, listener: (payload: InboxEvents[E]) => void): () => void;
}

/** Forwards the core's events for windows (PAGE_EVENTS) to the one current when each fires. */
export function forwardInboxEvents(
  source: EventSource,
  target: () => WebContents | null,
): () => void {
  const offs = PAGE_EVENTS.map((name) =>
    source.on(name, (payload) => {
      const contents = target();
      if (contents && !contents.isDestroyed()) contents.send(INBOX_EVENT_CHANNEL, name, payload);
    }),
  );
  return () => {
    for (const off of offs) off();
  };
}

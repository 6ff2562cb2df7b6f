// Wires the Redactor into electron-log: a hook rewrites every message's arguments before any
// transport (file, console) sees them, so no code path can write a password or seller key.
import type { LogFunctions, LogMessage } from 'electron-log';
import type { CoreLogger } from '../core/host.js';
import type { Redactor } from './redact.js';

type Hook = (message: LogMessage) => LogMessage | false;

export function redactionHook(redactor: Redactor): Hook {
  return (message) => ({ ...message, data: message.data.map((d: unknown) => redactor.value(d)) });
}

/** The CoreLogger the core and the shell log through. */
export function coreLogger(log: Pick<LogFunctions, 'info' | 'warn' | 'error'>): CoreLogger {
  const write =
    (fn: (...params: unknown[]) => void) =>
    (message: string, fields?: Record<string, unknown>): void => {
      if (fields === undefined) fn(message);
      else fn(message, fields);
    };
  return { info: write(log.info), warn: write(log.warn), error: write(log.error) };
}

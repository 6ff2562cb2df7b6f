// electron-log for the main process: a file under the app's logs folder, console in
// development, and the redaction hook first in line.
import log from 'electron-log/main';
import type { CoreLogger } from '../core/host.js';
import { coreLogger, redactionHook } from './log-redaction.js';
import type { Redactor } from './redact.js';

export function setupLogging(redactor: Redactor, dev: boolean): CoreLogger {
  log.hooks.unshift(redactionHook(redactor));
  log.transports.file.level = 'info';
  log.transports.file.maxSize = 5 * 1024 * 1024;
  log.transports.console.level = dev ? 'debug' : false;
  log.errorHandler.startCatching({ showDialog: false });
  return coreLogger(log);
}

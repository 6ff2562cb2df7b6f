// The core worker thread's entry: creates the core here, off the host's main thread, so SQLite
// and sync never block a window or the browser shell's event loop. Calls arrive as untrusted
// (method, payload) pairs and go through dispatch(), exactly as they would in-process.
import { parentPort, workerData } from 'node:worker_threads';
import { INBOX_EVENTS } from '../../../shared/api.js';
import { fail, toAppError, type Result } from '../../../shared/errors.js';
import { dispatch } from '../dispatch.js';
import type { Core, CoreLogger, CoreOptions, CredentialVault } from '../host.js';
import { yieldCpuToTheWindow } from './background-priority.js';
import type { CoreWorkerData, HostMessage, LogLevel, VaultOp, WorkerMessage } from './protocol.js';

type CreateCore = (options: CoreOptions) => Promise<Core>;

if (!parentPort) throw new Error('core-worker runs only as a worker thread');
const port = parentPort;
const data = workerData as CoreWorkerData;
const post = (message: WorkerMessage): void => port.postMessage(message);

// ---- the host's vault and logger, reached through the port -----------------------------------

const vaultWaiters = new Map<number, (result: Result<string | null>) => void>();
let nextVaultId = 1;

function callVault(op: VaultOp, args: string[]): Promise<string | null> {
  const id = nextVaultId++;
  return new Promise((resolve, reject) => {
    vaultWaiters.set(id, (result) => {
      if (result.ok) resolve(result.value);
      else reject(new Error(`${result.error.code}: ${result.error.message}`));
    });
    post({ type: 'vault', id, op, args });
  });
}

function makeVault(available: boolean): CredentialVault {
  return {
    isAvailable: () => available,
    save: async (account, secret) => {
      await callVault('save', [account, secret]);
    },
    load: (account) => callVault('load', [account]),
    clear: async (account) => {
      await callVault('clear', [account]);
    },
  };
}

function log(level: LogLevel, message: string, fields?: Record<string, unknown>): void {
  try {
    post(
      fields === undefined
        ? { type: 'log', level, message }
        : { type: 'log', level, message, fields },
    );
  } catch {
    // Fields that cannot be cloned (functions, sockets) are dropped rather than losing the line.
    post({ type: 'log', level, message });
  }
}

const logger: CoreLogger = {
  info: (message, fields) => log('info', message, fields),
  warn: (message, fields) => log('warn', message, fields),
  error: (message, fields) => log('error', message, fields),
};

// ---- the core ---------------------------------------------------------------------------------

async function loadCreateCore(): Promise<CreateCore> {
  const mod: unknown =
    data.coreModule === undefined ? await import('../index.js') : await import(data.coreModule);
  const createCore = (mod as { createCore?: unknown }).createCore;
  if (typeof createCore !== 'function') {
    throw new Error(`${data.coreModule ?? 'the core'} exports no createCore function`);
  }
  return createCore as CreateCore;
}

let core: Core | null = null;
let closing = false;

async function call(method: unknown, payload: unknown): Promise<Result<unknown>> {
  if (core === null || closing) return fail('INTERNAL', 'the core is not running');
  // dispatch() stringifies a bad method name for its message; a hostile object would throw.
  if (typeof method !== 'string') return fail('VALIDATION', 'method must be a string');
  try {
    return await dispatch(core.api, method, payload);
  } catch (e) {
    return { ok: false, error: toAppError(e) };
  }
}

async function answer(id: number, method: unknown, payload: unknown): Promise<void> {
  const result = await call(method, payload);
  try {
    post({ type: 'result', id, result });
  } catch (e) {
    // A value the structured clone cannot copy is a core bug; answer it instead of hanging.
    post({ type: 'result', id, result: { ok: false, error: toAppError(e) } });
  }
}

async function close(): Promise<void> {
  if (closing) return;
  closing = true;
  try {
    await core?.close();
  } catch (e) {
    log('error', 'core close failed', { error: toAppError(e).message });
  }
  post({ type: 'closed' });
  port.close();
}

port.on('message', (message: HostMessage) => {
  switch (message.type) {
    case 'call':
      void answer(message.id, message.method, message.payload);
      break;
    case 'vault-result': {
      const waiter = vaultWaiters.get(message.id);
      vaultWaiters.delete(message.id);
      waiter?.(message.result);
      break;
    }
    case 'close':
      void close();
      break;
  }
});

try {
  const createCore = await loadCreateCore();
  // From the first sync pass on, this thread gives way to the window (background-priority.ts).
  const options: CoreOptions = { ...data.options, beforeSyncPass: yieldCpuToTheWindow };
  if (data.vaultAvailable !== null) options.vault = makeVault(data.vaultAvailable);
  if (data.hasLogger) options.logger = logger;
  core = await createCore(options);
  for (const event of INBOX_EVENTS) {
    core.on(event, (payload) => post({ type: 'event', event, payload }));
  }
  post({ type: 'ready' });
} catch (e) {
  post({ type: 'start-failed', error: toAppError(e) });
  port.close();
}

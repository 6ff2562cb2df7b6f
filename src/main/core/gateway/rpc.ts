// A call with the seller key: the adapters' one way to talk to the server.
import type { KeyManager } from './auth.js';
import type { FileAnswer, Transport } from './transport.js';

export interface Rpc {
  (method: string, form: Record<string, string>, opts?: { idempotent?: boolean }): Promise<unknown>;
  multipart(method: string, body: () => FormData): Promise<unknown>;
  file(method: string, form: Record<string, string>): Promise<FileAnswer>;
}

export function createRpc(transport: Transport, keys: KeyManager): Rpc {
  const rpc = ((method, form, opts) =>
    keys.withKey((key) =>
      transport.call(method, form, { key, idempotent: opts?.idempotent ?? true }),
    )) as Rpc;
  rpc.multipart = (method, body) =>
    keys.withKey((key) => transport.callMultipart(method, body(), { key }));
  rpc.file = (method, form) => keys.withKey((key) => transport.callFile(method, form, { key }));
  return rpc;
}

// A call with the seller key: the adapters' one way to talk to the server.
import type { KeyManager } from './auth.js';
import type { Transport } from './transport.js';

export interface Rpc {
  (method: string, form: Record<string, string>, opts?: { idempotent?: boolean }): Promise<unknown>;
  multipart(method: string, body: () => FormData): Promise<unknown>;
}

export function createRpc(transport: Transport, keys: KeyManager): Rpc {
  const rpc = ((method, form, opts) =>
    keys.withKey((key) =>
      transport.call(method, form, { key, idempotent: opts?.idempotent ?? true }),
    )) as Rpc;
  rpc.multipart = (method, body) =>
    keys.withKey((key) => transport.callMultipart(method, body(), { key }));
  return rpc;
}

// createGateway: endpoint + transport + seller key + the adapter the server supports.
import { AppFailure } from '../../../shared/errors.js';
import type { Capabilities } from '../../../shared/api.js';
import { QPOST_METHODS } from '../../../shared/qapi.js';
import { createKeyManager, type Credentials } from './auth.js';
import { createQapiAdapter } from './qapi-adapter.js';
import { createQpostAdapter, type QpostAdapter } from './qpost-adapter.js';
import { createRpc, type Rpc } from './rpc.js';
import { createTransport, type TransportOptions } from './transport.js';
import type { AdapterName, Gateway } from './types.js';

export interface GatewayOptions extends Omit<TransportOptions, 'baseUrl'> {
  /** From resolveEndpoint(location, …). */
  baseUrl: string;
  /** The app's QAPI key (GiosisCertificationKey for CreateCertificationKey). */
  apiKey: string;
  /** "auto" (default) probes the server at connect; a name skips the probe. */
  adapter?: AdapterName | 'auto';
  /** The login, for a re-issue before `connect` ran (restored offline session). */
  user?: string;
  credentials?: () => Promise<Credentials | null>;
  onSessionExpired?: (reason: string) => void;
}

/** QpostAPI.GetShops answering "no such API" means a plain QAPI server. */
async function probeAdapter(rpc: Rpc): Promise<AdapterName> {
  try {
    await rpc(QPOST_METHODS.getShops, {});
    return 'qpost';
  } catch (e) {
    if (e instanceof AppFailure && e.code === 'CAPABILITY_MISSING') return 'qapi';
    throw e;
  }
}

export function createGateway(opts: GatewayOptions): Gateway {
  const transport = createTransport(opts);
  const keys = createKeyManager({
    transport,
    apiKey: opts.apiKey,
    ...(opts.credentials === undefined ? {} : { credentials: opts.credentials }),
    ...(opts.onSessionExpired === undefined ? {} : { onSessionExpired: opts.onSessionExpired }),
  });
  const rpc = createRpc(transport, keys);
  let user = opts.user ?? '';
  let adapter: QpostAdapter | null = null;

  const build = (name: AdapterName): QpostAdapter =>
    name === 'qpost' ? createQpostAdapter(rpc) : createQapiAdapter(rpc, () => user);
  if (opts.adapter !== undefined && opts.adapter !== 'auto') adapter = build(opts.adapter);

  function current(): QpostAdapter {
    if (adapter === null) throw new AppFailure('NOT_LOGGED_IN', 'not connected to the server');
    return adapter;
  }

  return {
    baseUrl: transport.baseUrl,
    get capabilities(): Capabilities {
      return current().capabilities;
    },
    async connect(login, password) {
      await keys.issue(login, password);
      user = login;
      adapter ??= build(await probeAdapter(rpc));
    },
    disconnect() {
      keys.clear();
    },
    listShops: () => current().listShops(),
    getChanges: (shopId, cursor, pageSize) => current().getChanges(shopId, cursor, pageSize),
    getThread: (shopId, questionNo) => current().getThread(shopId, questionNo),
    listInquiries: (shopId, status, fromMs, toMs) =>
      current().listInquiries(shopId, status, fromMs, toMs),
    reply: (req) => current().reply(req),
    autoReply: (req) => current().autoReply(req),
    hide: (req) => current().hide(req),
    uploadAttachment: (shopId, file) => current().uploadAttachment(shopId, file),
    getAttachment: (id) => current().getAttachment(id),
    getCounts: (shopId) => current().getCounts(shopId),
  };
}

export { resolveEndpoint, REMOTE_ENDPOINTS, DEFAULT_SANDBOX_URL } from './endpoints.js';
export { isTransient } from './wire-errors.js';
export type { ConflictDetails } from './wire-errors.js';
export type { Credentials } from './auth.js';
export type { FetchLike } from './transport.js';
export * from './types.js';

// The seller's session: login (ID or e-mail + password + location) → seller key (memory only),
// shops, capabilities and the account row; "save login information" through the host's
// encrypted vault (refused where none exists — never plain text); restore on start, offline
// too (the cache is usable and the key is issued when the network returns); logout forgets
// the key and the saved password.
import { z } from 'zod';
import { loginInput, type LoginInput, type SessionInfo } from '../../../shared/api.js';
import type { LoginLocation, Shop } from '../../../shared/domain.js';
import { AppFailure } from '../../../shared/errors.js';
import type { Database } from '../db/open.js';
import { stmt } from '../db/statements.js';
import {
  createGateway,
  QAPI_CAPABILITIES,
  QPOST_CAPABILITIES,
  resolveEndpoint,
  type AdapterName,
  type Gateway,
  type GatewayOptions,
} from '../gateway/index.js';
import type { CredentialVault } from '../host.js';
import { listShops, replaceShops, upsertAccount } from '../store/inquiries.js';
import { lastShop, rememberShop } from '../store/last-shop.js';
import type { Connectivity } from '../sync/connectivity.js';
import { noEmit, type Emit } from '../sync/events.js';

/** The sandbox's documented demo key; real Qoo10 needs the app's own (CoreOptions.apiKey). */
export const SANDBOX_API_KEY = 'SANDBOX-KEY';
/** One vault entry holds the remembered login (all of it encrypted by the host). */
export const VAULT_ENTRY = 'toiawase.session';

const savedLogin = z.object({
  user: z.string().min(1),
  password: z.string().min(1),
  location: loginInput.shape.location,
  serverUrl: z.string().min(1),
});
type SavedLogin = z.infer<typeof savedLogin>;

export interface SessionOptions {
  db: Database;
  apiKey?: string | undefined;
  sandboxUrl?: string | undefined;
  vault?: CredentialVault | undefined;
  emit?: Emit;
  connectivity?: Connectivity;
  /** Force an adapter instead of probing (tests, or a host that knows its server). */
  adapter?: AdapterName | 'auto';
  /** Transport knobs (fetch, timeouts, retries) passed to the gateway. */
  transport?: Partial<Pick<GatewayOptions, 'fetch' | 'timeoutMs' | 'maxAttempts' | 'backoff'>>;
}

export interface Session {
  login(input: LoginInput): Promise<SessionInfo>;
  /** Logs in again with the saved login, if any; null when nothing is saved. */
  restore(): Promise<SessionInfo | null>;
  logout(): Promise<void>;
  info(): SessionInfo | null;
  gateway(): Gateway | null;
  accountId(): number | null;
  shopIds(): string[];
  selectShop(shopId: string): SessionInfo;
  /**
   * The cached account without a password (the CLI's reading commands): shops from the cache,
   * no seller key, so nothing is delivered until a real login. NOT_LOGGED_IN when the cache
   * holds no account for that server (or, without `user`, more than one).
   */
  openCached(target: {
    user?: string | undefined;
    location: LoginLocation;
    serverUrl?: string | undefined;
  }): SessionInfo;
}

interface Current {
  info: SessionInfo;
  gateway: Gateway;
  accountId: number;
  /** Only when the seller chose to save it: lets the key be re-issued silently. */
  saved: SavedLogin | null;
}

const OFFLINE_CODES = new Set(['NETWORK', 'TIMEOUT', 'SERVER_ERROR', 'RATE_LIMITED']);

export function createSession(opts: SessionOptions): Session {
  const emit = opts.emit ?? noEmit;
  let current: Current | null = null;

  function vaultOrThrow(): CredentialVault {
    if (opts.vault?.isAvailable() !== true) {
      throw new AppFailure(
        'SECURE_STORAGE_UNAVAILABLE',
        'this system offers no encrypted storage, so the login cannot be saved',
      );
    }
    return opts.vault;
  }

  function apiKeyFor(location: LoginLocation): string {
    if (opts.apiKey !== undefined) return opts.apiKey;
    if (location === 'sandbox' || location === 'custom') return SANDBOX_API_KEY;
    throw new AppFailure('VALIDATION', 'no QAPI key is configured for the Qoo10 servers');
  }

  function makeGateway(
    serverUrl: string,
    location: LoginLocation,
    user: string,
    adapter: AdapterName | 'auto',
  ): Gateway {
    return createGateway({
      ...opts.transport,
      baseUrl: serverUrl,
      apiKey: apiKeyFor(location),
      adapter,
      user,
      credentials: () => {
        const saved = current?.saved ?? null;
        return Promise.resolve(
          saved === null ? null : { user: saved.user, password: saved.password },
        );
      },
      onSessionExpired: (reason) => emit('sessionExpired', { reason }),
      ...(opts.connectivity === undefined
        ? {}
        : { onOutcome: (reachable: boolean) => opts.connectivity?.report(reachable) }),
    });
  }

  function sessionInfo(
    saved: { user: string; location: LoginLocation; serverUrl: string },
    shops: Shop[],
    capabilities: SessionInfo['capabilities'],
    remembered: boolean,
  ): SessionInfo {
    return {
      user: saved.user,
      location: saved.location,
      serverUrl: saved.serverUrl,
      shops,
      selectedShopId: shops.length === 1 && shops[0] !== undefined ? shops[0].id : null,
      capabilities,
      remembered,
    };
  }

  async function login(raw: LoginInput): Promise<SessionInfo> {
    const parsed = loginInput.safeParse(raw);
    if (!parsed.success) throw new AppFailure('VALIDATION', z.prettifyError(parsed.error));
    const input = parsed.data;
    const serverUrl = resolveEndpoint(input.location, {
      sandboxUrl: opts.sandboxUrl,
      serverUrl: input.serverUrl,
    });
    const vault = input.remember ? vaultOrThrow() : null; // refuse before any network traffic
    const gateway = makeGateway(serverUrl, input.location, input.user, opts.adapter ?? 'auto');
    await gateway.connect(input.user, input.password);
    const shops = await gateway.listShops();
    const capabilities = gateway.capabilities;
    const accountId = opts.db.transaction(() => {
      const id = upsertAccount(opts.db, {
        user: input.user,
        serverUrl,
        location: input.location,
        adapter: capabilities.adapter,
      });
      replaceShops(opts.db, id, shops);
      return id;
    })();
    const saved: SavedLogin = {
      user: input.user,
      password: input.password,
      location: input.location,
      serverUrl,
    };
    if (vault !== null) await vault.save(VAULT_ENTRY, JSON.stringify(saved));
    else if (opts.vault?.isAvailable() === true) await opts.vault.clear(VAULT_ENTRY);
    current?.gateway.disconnect();
    current = {
      info: sessionInfo(saved, shops, capabilities, vault !== null),
      gateway,
      accountId,
      saved: vault === null ? null : saved,
    };
    return current.info;
  }

  /** Offline start: the cached account and shops, a gateway that logs in when it can. */
  function restoreOffline(saved: SavedLogin): SessionInfo | null {
    const row = stmt<[string, string], { id: number; adapter: AdapterName }>(
      opts.db,
      'SELECT id, adapter FROM accounts WHERE user = ? AND server_url = ?',
    ).get(saved.user, saved.serverUrl);
    if (row === undefined) return null;
    const gateway = makeGateway(saved.serverUrl, saved.location, saved.user, row.adapter);
    const caps = row.adapter === 'qpost' ? QPOST_CAPABILITIES : QAPI_CAPABILITIES;
    current = {
      info: sessionInfo(saved, listShops(opts.db, row.id), caps, true),
      gateway,
      accountId: row.id,
      saved,
    };
    return current.info;
  }

  /** Logs in again with a saved login; offline, from the cache. Null: the login is gone. */
  async function restoreLogin(saved: SavedLogin): Promise<SessionInfo | null> {
    try {
      return await login({
        user: saved.user,
        password: saved.password,
        location: saved.location,
        ...(saved.location === 'custom' ? { serverUrl: saved.serverUrl } : {}),
        remember: true,
      });
    } catch (e) {
      if (e instanceof AppFailure && OFFLINE_CODES.has(e.code)) return restoreOffline(saved);
      if (e instanceof AppFailure && (e.code === 'LOGIN_FAILED' || e.code === 'ACCOUNT_LOCKED')) {
        // A saved password the server refuses would only lock the account: forget it.
        await opts.vault?.clear(VAULT_ENTRY);
        emit('sessionExpired', { reason: e.code });
        return null;
      }
      throw e;
    }
  }

  /** A restored login opens the shop the seller last worked in, when it is still theirs. */
  function reopenLastShop(): SessionInfo | null {
    if (current === null) return null;
    const last = lastShop(opts.db, current.accountId);
    if (last !== null && (last === 'all' || current.info.shops.some((s) => s.id === last))) {
      current.info = { ...current.info, selectedShopId: last };
    }
    return current.info;
  }

  function openCached(target: {
    user?: string | undefined;
    location: LoginLocation;
    serverUrl?: string | undefined;
  }): SessionInfo {
    const serverUrl = resolveEndpoint(target.location, {
      sandboxUrl: opts.sandboxUrl,
      serverUrl: target.serverUrl,
    });
    const rows = stmt<[string], { id: number; user: string; adapter: AdapterName }>(
      opts.db,
      'SELECT id, user, adapter FROM accounts WHERE server_url = ? ORDER BY id',
    )
      .all(serverUrl)
      .filter((r) => target.user === undefined || r.user === target.user);
    const row = rows[0];
    if (row === undefined || rows.length > 1) {
      throw new AppFailure(
        'NOT_LOGGED_IN',
        row === undefined
          ? `no cached account for ${serverUrl}: log in once`
          : 'several cached accounts: say which user',
      );
    }
    const gateway = makeGateway(serverUrl, target.location, row.user, row.adapter);
    const caps = row.adapter === 'qpost' ? QPOST_CAPABILITIES : QAPI_CAPABILITIES;
    const where = { user: row.user, location: target.location, serverUrl };
    current?.gateway.disconnect();
    current = {
      info: sessionInfo(where, listShops(opts.db, row.id), caps, false),
      gateway,
      accountId: row.id,
      saved: null,
    };
    return current.info;
  }

  return {
    login,
    openCached,

    async restore() {
      if (opts.vault?.isAvailable() !== true) return null;
      const text = await opts.vault.load(VAULT_ENTRY);
      if (text === null) return null;
      let saved: SavedLogin;
      try {
        saved = savedLogin.parse(JSON.parse(text));
      } catch {
        await opts.vault.clear(VAULT_ENTRY);
        return null;
      }
      return (await restoreLogin(saved)) === null ? null : reopenLastShop();
    },

    async logout() {
      current?.gateway.disconnect();
      current = null;
      if (opts.vault?.isAvailable() === true) await opts.vault.clear(VAULT_ENTRY);
    },

    info: () => current?.info ?? null,
    gateway: () => current?.gateway ?? null,
    accountId: () => current?.accountId ?? null,
    shopIds: () => current?.info.shops.map((s) => s.id) ?? [],

    selectShop(shopId) {
      if (current === null) throw new AppFailure('NOT_LOGGED_IN', 'log in first');
      if (shopId !== 'all' && !current.info.shops.some((s) => s.id === shopId)) {
        throw new AppFailure('SHOP_NOT_FOUND', `no shop ${shopId} in this login`);
      }
      current.info = { ...current.info, selectedShopId: shopId };
      rememberShop(opts.db, current.accountId, shopId);
      return current.info;
    },
  };
}

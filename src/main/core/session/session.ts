// The seller's session: login (ID or e-mail + password + location) → seller key (memory only),
// shops, capabilities and the account row; "save login information" through the host's
// encrypted vault (refused where none exists — never plain text); restore on start, from the
// cache first when it holds the account (the login is confirmed with the server in the
// background, and offline the key is issued when the network returns); logout forgets the key
// and the saved password.
import { z } from 'zod';
import type { LoginInput, SessionInfo } from '../../../shared/api.js';
import { loginInput } from '../../../shared/api-schemas.js';
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
import { awaitingGateway } from './awaiting-gateway.js';
import type { Quiet } from './quiet-start.js';
import { loginAgain, readSavedLogin, VAULT_ENTRY, type SavedLogin } from './saved-login.js';

export { VAULT_ENTRY } from './saved-login.js';
/** The sandbox's documented demo key; real Qoo10 needs the app's own (CoreOptions.apiKey). */
export const SANDBOX_API_KEY = 'SANDBOX-KEY';

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
  /**
   * Starts with the saved login, if any; null when nothing is saved. When the cache holds the
   * account, answers from it at once and confirms the login with the server in the background:
   * calls to the server wait for that, and a password the server refuses then ends the session
   * ('sessionExpired') and is forgotten. With a `quiet`, that confirmation waits until the
   * quiet is over, and the first call that needs the server ends it.
   */
  restore(quiet?: Quiet): Promise<SessionInfo | null>;
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
/** A saved password the server refuses would only lock the account: it is forgotten. */
const REFUSED_CODES = new Set(['LOGIN_FAILED', 'ACCOUNT_LOCKED']);

const codeOf = (e: unknown): string => (e instanceof AppFailure ? e.code : 'INTERNAL');

/** What a login learned from the server. */
interface Connected {
  gateway: Gateway;
  shops: Shop[];
}

export function createSession(opts: SessionOptions): Session {
  const emit = opts.emit ?? noEmit;
  let current: Current | null = null;
  /** Moves on whenever the session is replaced or ended: a background login that finishes
   *  later applies only to the session it was started for. */
  let generation = 0;

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

  /** The session from now on; the one before it loses its key. */
  function adopt(next: Current): SessionInfo {
    current?.gateway.disconnect();
    current = next;
    generation += 1;
    return next.info;
  }

  /** Issues the seller key, settles the adapter and fetches the shops. */
  async function connect(
    login: { user: string; password: string; location: LoginLocation },
    serverUrl: string,
  ): Promise<Connected> {
    const gateway = makeGateway(serverUrl, login.location, login.user, opts.adapter ?? 'auto');
    await gateway.connect(login.user, login.password);
    return { gateway, shops: await gateway.listShops() };
  }

  /** The account row and its shops, as the server just listed them. */
  function storeAccount(saved: SavedLogin, { gateway, shops }: Connected): number {
    return opts.db.transaction(() => {
      const id = upsertAccount(opts.db, {
        user: saved.user,
        serverUrl: saved.serverUrl,
        location: saved.location,
        adapter: gateway.capabilities.adapter,
      });
      replaceShops(opts.db, id, shops);
      return id;
    })();
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
    const connected = await connect(input, serverUrl);
    const saved: SavedLogin = {
      user: input.user,
      password: input.password,
      location: input.location,
      serverUrl,
    };
    const accountId = storeAccount(saved, connected);
    if (vault !== null) await vault.save(VAULT_ENTRY, JSON.stringify(saved));
    else if (opts.vault?.isAvailable() === true) await opts.vault.clear(VAULT_ENTRY);
    const { gateway, shops } = connected;
    return adopt({
      info: sessionInfo(saved, shops, gateway.capabilities, vault !== null),
      gateway,
      accountId,
      saved: vault === null ? null : saved,
    });
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
    return adopt({
      info: sessionInfo(saved, listShops(opts.db, row.id), caps, true),
      gateway,
      accountId: row.id,
      saved,
    });
  }

  /** Ends the session whose saved login the server would not take (see REFUSED_CODES). */
  async function expire(code: string): Promise<void> {
    current = null;
    generation += 1;
    if (REFUSED_CODES.has(code)) await opts.vault?.clear(VAULT_ENTRY);
    emit('sessionExpired', { reason: code });
  }

  /** Logs in again with a saved login; offline, from the cache. Null: the login is gone. */
  async function restoreLogin(saved: SavedLogin): Promise<SessionInfo | null> {
    try {
      return await login(loginAgain(saved));
    } catch (e) {
      if (OFFLINE_CODES.has(codeOf(e))) return restoreOffline(saved);
      if (REFUSED_CODES.has(codeOf(e))) {
        await expire(codeOf(e));
        return null;
      }
      throw e;
    }
  }

  /**
   * The background half of an offline-first restore: the login the cache was opened with,
   * confirmed with the server. Resolves with the gateway the session goes on with (the fresh
   * one; offline, the cached one, which logs in when it can); rejects when the session ended.
   * The session keeps the shop it is showing when the server still lists it.
   */
  async function confirmRestored(
    saved: SavedLogin,
    restoredAs: number,
    cached: Gateway,
  ): Promise<Gateway> {
    const ended = (): AppFailure => new AppFailure('NOT_LOGGED_IN', 'the restored session ended');
    let connected: Connected;
    try {
      connected = await connect(saved, saved.serverUrl);
    } catch (e) {
      if (restoredAs !== generation || current === null) throw ended();
      if (OFFLINE_CODES.has(codeOf(e))) {
        current.gateway = cached;
        return cached;
      }
      // Refused, or a server that cannot be used: the login screen, as a start without the
      // cache shows (only a refused password is forgotten).
      await expire(codeOf(e));
      throw new AppFailure('SESSION_EXPIRED', `the saved login was not accepted (${codeOf(e)})`);
    }
    if (restoredAs !== generation || current === null) {
      connected.gateway.disconnect();
      throw ended();
    }
    const shown = current.info.selectedShopId;
    const accountId = storeAccount(saved, connected);
    const info = sessionInfo(saved, connected.shops, connected.gateway.capabilities, true);
    adopt({
      info: stillListed(shown, info.shops) ? { ...info, selectedShopId: shown } : info,
      gateway: connected.gateway,
      accountId,
      saved,
    });
    return connected.gateway;
  }

  /** A restored login opens the shop the seller last worked in, when it is still theirs. */
  function reopenLastShop(): SessionInfo | null {
    if (current === null) return null;
    const last = lastShop(opts.db, current.accountId);
    if (stillListed(last, current.info.shops)) {
      current.info = { ...current.info, selectedShopId: last };
    }
    return current.info;
  }

  async function restore(quiet?: Quiet): Promise<SessionInfo | null> {
    const saved = await readSavedLogin(opts.vault);
    if (saved === null) return null;
    const endpoint = resolveEndpoint(saved.location, {
      sandboxUrl: opts.sandboxUrl,
      serverUrl: saved.serverUrl,
    });
    // Offline first: with the account cached for this very server, the inbox can open before
    // the server answers. Without it there is nothing to show until then.
    if (endpoint !== saved.serverUrl || restoreOffline(saved) === null || current === null) {
      return (await restoreLogin(saved)) === null ? null : reopenLastShop();
    }
    const cached = current.gateway;
    const restoredAs = generation;
    const confirmed = (quiet?.over ?? Promise.resolve()).then(() =>
      confirmRestored(saved, restoredAs, cached),
    );
    current.gateway = awaitingGateway(cached, confirmed, quiet?.end);
    return reopenLastShop();
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
    return adopt({
      info: sessionInfo(where, listShops(opts.db, row.id), caps, false),
      gateway,
      accountId: row.id,
      saved: null,
    });
  }

  return {
    login,
    openCached,
    restore,

    async logout() {
      current?.gateway.disconnect();
      current = null;
      generation += 1;
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

/** 'all', or a shop the login still lists. */
function stillListed(shopId: string | null, shops: readonly Shop[]): shopId is string {
  return shopId !== null && (shopId === 'all' || shops.some((s) => s.id === shopId));
}

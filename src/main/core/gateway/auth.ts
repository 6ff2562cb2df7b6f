// The seller key (販売認証キー): issued by CreateCertificationKey, held in memory only, and
// re-issued once, transparently, when the server says it expired or was revoked — if the session
// can still produce the password. Otherwise the caller gets SESSION_EXPIRED and the session is
// told, so the UI can ask the seller to log in again.
import { z } from 'zod';
import { AppFailure } from '../../../shared/errors.js';
import { QAPI_METHODS } from '../../../shared/qapi.js';
import { parseAnswer } from './convert.js';
import type { Transport } from './transport.js';

export interface Credentials {
  user: string;
  password: string;
}

export interface KeyManagerOptions {
  transport: Transport;
  /** The app's QAPI key, sent as GiosisCertificationKey when issuing a seller key. */
  apiKey: string;
  /** Asked when the key must be re-issued; null when no password is available. */
  credentials?: () => Promise<Credentials | null>;
  /** Told once per loss of the key that could not be repaired. */
  onSessionExpired?: (reason: string) => void;
}

export interface KeyManager {
  issue(user: string, password: string): Promise<void>;
  /** Runs `fn` with a valid key, re-issuing once on an expired/revoked/invalid key. */
  withKey<T>(fn: (key: string) => Promise<T>): Promise<T>;
  clear(): void;
  readonly hasKey: boolean;
}

const keySchema = z.string().min(1);

export function createKeyManager(opts: KeyManagerOptions): KeyManager {
  let key: string | null = null;
  let renewing: Promise<string> | null = null;

  async function issueKey(user: string, password: string): Promise<string> {
    const method = QAPI_METHODS.createCertificationKey;
    try {
      const answer = await opts.transport.call(
        method,
        { user_id: user, pwd: password },
        { key: opts.apiKey },
      );
      return parseAnswer(keySchema, answer, method);
    } catch (e) {
      // A refused *API key* is a configuration problem, not an expired session.
      if (e instanceof AppFailure && e.code === 'SESSION_EXPIRED') {
        throw new AppFailure('FORBIDDEN', 'the server refused the application API key');
      }
      throw e;
    }
  }

  function expired(reason: string): AppFailure {
    key = null;
    opts.onSessionExpired?.(reason);
    return new AppFailure('SESSION_EXPIRED', `session expired: ${reason}`);
  }

  /** One renewal at a time: parallel calls that all saw the dead key share it. */
  function renew(reason: string): Promise<string> {
    renewing ??= (async () => {
      try {
        const creds = (await opts.credentials?.()) ?? null;
        if (creds === null) throw expired(reason);
        try {
          key = await issueKey(creds.user, creds.password);
          return key;
        } catch (e) {
          if (
            e instanceof AppFailure &&
            (e.code === 'LOGIN_FAILED' || e.code === 'ACCOUNT_LOCKED')
          ) {
            throw expired(`re-login refused (${e.code})`);
          }
          throw e;
        }
      } finally {
        renewing = null;
      }
    })();
    return renewing;
  }

  return {
    get hasKey() {
      return key !== null;
    },
    async issue(user, password) {
      key = await issueKey(user, password);
    },
    clear() {
      key = null;
    },
    async withKey(fn) {
      const used = key ?? (await renew('no seller key'));
      try {
        return await fn(used);
      } catch (e) {
        if (!(e instanceof AppFailure) || e.code !== 'SESSION_EXPIRED') throw e;
        // Another call may already have renewed it while this one was in flight.
        const fresh = key !== null && key !== used ? key : await renew(e.message);
        try {
          return await fn(fresh);
        } catch (again) {
          if (again instanceof AppFailure && again.code === 'SESSION_EXPIRED') {
            throw expired('a freshly issued key was refused');
          }
          throw again;
        }
      }
    },
  };
}

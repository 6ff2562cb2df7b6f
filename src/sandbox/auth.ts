// Accounts and keys. The account API key (issued by Qoo10 on request) only buys a seller
// authorization key through CertificationAPI.CreateCertificationKey; every other call carries
// that seller key. Passwords are scrypt hashes and keys are stored as SHA-256 digests, so the
// database file never holds a usable credential.
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Db } from './db/schema.js';
import type { Clock } from './clock.js';
import { QapiError } from './envelope.js';

/** The Nth wrong password in a row locks the account (docs/sandbox-api.md). */
export const LOCK_AFTER_FAILED_LOGINS = 5;
/** Seller authorization keys are valid for one year (research §1.2). */
export const SELLER_KEY_VALID_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * scrypt at N=4096: a quarter of Node's default cost. This guards sandbox fixtures, not real
 * accounts, and tests log in often; the point is that no password is stored readable.
 */
const SCRYPT = { N: 4096, r: 8, p: 1 };

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

export function hashPassword(pwd: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(pwd, salt, 32, SCRYPT);
  return `scrypt$${salt.toString('hex')}$${hash.toString('hex')}`;
}

function verifyPassword(pwd: string, stored: string): boolean {
  const [scheme, saltHex, hashHex] = stored.split('$');
  if (scheme !== 'scrypt' || saltHex === undefined || hashHex === undefined) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = scryptSync(pwd, Buffer.from(saltHex, 'hex'), expected.length, SCRYPT);
  return timingSafeEqual(actual, expected);
}

interface AccountRow {
  id: number;
  user_id: string;
  email: string;
  pwd_hash: string;
  failed_logins: number;
  locked: number;
}

export interface AccountSeed {
  userId: string;
  email: string;
  password: string;
  apiKey: string;
}

export function insertAccount(db: Db, a: AccountSeed): number {
  const info = db
    .prepare('INSERT INTO accounts(user_id, email, api_key_hash, pwd_hash) VALUES (?, ?, ?, ?)')
    .run(a.userId, a.email, sha256(a.apiKey), hashPassword(a.password));
  return Number(info.lastInsertRowid);
}

/** CertificationAPI.CreateCertificationKey: API key + (ID or e-mail) + password → seller key. */
export function createSellerKey(
  db: Db,
  clock: Clock,
  apiKey: string | undefined,
  login: string,
  pwd: string,
): { key: string; expiresAt: number } {
  if (apiKey === undefined || apiKey === '') {
    throw new QapiError('INVALID_KEY', 'GiosisCertificationKey header (API key) is missing');
  }
  const account = db
    .prepare(
      'SELECT id, user_id, email, pwd_hash, failed_logins, locked FROM accounts WHERE api_key_hash = ?',
    )
    .get(sha256(apiKey)) as AccountRow | undefined;
  if (account === undefined) throw new QapiError('INVALID_KEY', 'unknown API key');
  const sameLogin =
    login.toLowerCase() === account.user_id.toLowerCase() ||
    login.toLowerCase() === account.email.toLowerCase();
  if (!sameLogin) throw new QapiError('LOGIN_FAILED', 'wrong user ID/e-mail or password');
  if (account.locked === 1) {
    throw new QapiError('ACCOUNT_LOCKED', 'account locked after repeated wrong passwords', {
      FAILED_LOGINS: account.failed_logins,
    });
  }
  if (!verifyPassword(pwd, account.pwd_hash)) {
    const failed = account.failed_logins + 1;
    const locked = failed >= LOCK_AFTER_FAILED_LOGINS;
    db.prepare('UPDATE accounts SET failed_logins = ?, locked = ? WHERE id = ?').run(
      failed,
      locked ? 1 : 0,
      account.id,
    );
    if (locked) {
      throw new QapiError('ACCOUNT_LOCKED', 'account locked after repeated wrong passwords', {
        FAILED_LOGINS: failed,
      });
    }
    throw new QapiError('LOGIN_FAILED', 'wrong user ID/e-mail or password', {
      ATTEMPTS_LEFT: LOCK_AFTER_FAILED_LOGINS - failed,
    });
  }
  const key = randomBytes(24).toString('base64url');
  const now = clock.now();
  const expiresAt = now + SELLER_KEY_VALID_MS;
  db.transaction(() => {
    db.prepare('UPDATE accounts SET failed_logins = 0 WHERE id = ?').run(account.id);
    db.prepare(
      'INSERT INTO seller_keys(key_hash, account_id, issued_at, expires_at) VALUES (?, ?, ?, ?)',
    ).run(sha256(key), account.id, now, expiresAt);
  })();
  return { key, expiresAt };
}

/** The account a seller key belongs to, or the reason it cannot be used. */
export function authenticate(db: Db, clock: Clock, key: string | undefined): number {
  if (key === undefined || key === '') {
    throw new QapiError('INVALID_KEY', 'GiosisCertificationKey header is missing');
  }
  const row = db
    .prepare('SELECT account_id, expires_at, revoked FROM seller_keys WHERE key_hash = ?')
    .get(sha256(key)) as { account_id: number; expires_at: number; revoked: number } | undefined;
  if (row === undefined) throw new QapiError('INVALID_KEY', 'unknown seller authorization key');
  if (row.revoked === 1) {
    throw new QapiError(
      'KEY_REVOKED',
      'key revoked: the account password changed since it was issued',
    );
  }
  if (row.expires_at <= clock.now()) throw new QapiError('KEY_EXPIRED', 'seller key expired');
  return row.account_id;
}

/** Admin: a new password revokes every key issued before and unlocks the account. */
export function changePassword(db: Db, login: string, pwd: string): boolean {
  return db.transaction(() => {
    const account = db
      .prepare('SELECT id FROM accounts WHERE user_id = ? OR email = ?')
      .get(login, login) as { id: number } | undefined;
    if (account === undefined) return false;
    db.prepare('UPDATE accounts SET pwd_hash = ?, failed_logins = 0, locked = 0 WHERE id = ?').run(
      hashPassword(pwd),
      account.id,
    );
    db.prepare('UPDATE seller_keys SET revoked = 1 WHERE account_id = ?').run(account.id);
    return true;
  })();
}

// "Save login information": the password is encrypted with Electron's safeStorage (DPAPI on
// Windows, Keychain on macOS, the Secret Service / KWallet on Linux) and only the ciphertext is
// stored. Where the OS offers nothing better than plain text, saving is refused with a reason.
import { createHash } from 'node:crypto';
import type { SafeStorage } from 'electron';
import type { CredentialVault } from '../core/host.js';
import { AppFailure } from '../../shared/errors.js';

/** Where ciphertexts live (an electron-store with dot-notation off). */
export interface CiphertextStore {
  get(key: string): unknown;
  set(key: string, value: string): void;
  delete(key: string): void;
}

type SafeStorageApi = Pick<
  SafeStorage,
  | 'isAsyncEncryptionAvailable'
  | 'encryptStringAsync'
  | 'decryptStringAsync'
  | 'getSelectedStorageBackend'
>;

/** Account names are not secret, but hashing keeps the store's keys uniform and dot-free. */
const keyFor = (account: string): string =>
  `v1:${createHash('sha256').update(account.trim().toLowerCase()).digest('hex')}`;

/**
 * Electron's encryption is asynchronous (the sync calls are deprecated), while the core asks
 * `isAvailable()` synchronously: `create()` probes once, after `app.whenReady()`.
 */
export class SafeStorageVault implements CredentialVault {
  readonly #safe: SafeStorageApi;
  readonly #store: CiphertextStore;
  readonly #platform: NodeJS.Platform;
  readonly #onSecret: (secret: string) => void;
  #encryptionAvailable = false;

  /** `onSecret` sees every password saved or loaded (the log redactor learns it there). */
  static async create(
    safe: SafeStorageApi,
    store: CiphertextStore,
    platform: NodeJS.Platform = process.platform,
    onSecret: (secret: string) => void = () => undefined,
  ): Promise<SafeStorageVault> {
    const vault = new SafeStorageVault(safe, store, platform, onSecret);
    vault.#encryptionAvailable = await safe.isAsyncEncryptionAvailable().catch(() => false);
    return vault;
  }

  private constructor(
    safe: SafeStorageApi,
    store: CiphertextStore,
    platform: NodeJS.Platform,
    onSecret: (secret: string) => void,
  ) {
    this.#onSecret = onSecret;
    this.#safe = safe;
    this.#store = store;
    this.#platform = platform;
  }

  /** Why secure storage is missing, or null when it is there. */
  unavailableReason(): string | null {
    if (!this.#encryptionAvailable) {
      return 'the operating system offers no encryption for saved passwords';
    }
    // On Linux without a keyring Chromium falls back to a hard-coded key: that is plain text.
    if (this.#platform === 'linux' && this.#safe.getSelectedStorageBackend() === 'basic_text') {
      return 'no keyring (Secret Service or KWallet) is running, only plain-text storage exists';
    }
    return null;
  }

  isAvailable(): boolean {
    return this.unavailableReason() === null;
  }

  async save(account: string, secret: string): Promise<void> {
    const reason = this.unavailableReason();
    if (reason !== null) {
      throw new AppFailure('SECURE_STORAGE_UNAVAILABLE', `Cannot save the password: ${reason}.`);
    }
    this.#onSecret(secret);
    const cipher = await this.#safe.encryptStringAsync(secret);
    this.#store.set(keyFor(account), cipher.toString('base64'));
  }

  async load(account: string): Promise<string | null> {
    const stored = this.#store.get(keyFor(account));
    if (typeof stored !== 'string' || !this.isAvailable()) return null;
    try {
      const { result, shouldReEncrypt } = await this.#safe.decryptStringAsync(
        Buffer.from(stored, 'base64'),
      );
      this.#onSecret(result);
      // The OS rotated the key: store a ciphertext made with the new one.
      if (shouldReEncrypt) await this.save(account, result);
      return result;
    } catch {
      // The key is gone (new OS user profile, other keyring): the ciphertext is useless now.
      this.#store.delete(keyFor(account));
      return null;
    }
  }

  clear(account: string): Promise<void> {
    this.#store.delete(keyFor(account));
    return Promise.resolve();
  }
}

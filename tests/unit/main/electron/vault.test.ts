import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { safeStorage } from 'electron';
import { SafeStorageVault } from '../../../../src/main/electron/vault.js';
import { fakeSafeStorage, resetElectronMock } from './electron-mock.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electronModule);

let dir: string;
let store: Conf<Record<string, string>>;

beforeEach(() => {
  resetElectronMock();
  dir = mkdtempSync(join(tmpdir(), 'toiawase-vault-'));
  // electron-store is conf plus Electron's default folder; the same options as the app.
  store = new Conf<Record<string, string>>({
    cwd: dir,
    projectName: 'toiawase-test',
    configName: 'credentials',
    accessPropertiesByDotNotation: false,
    configFileMode: 0o600,
  });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const secret = 'S3cret-pässwörd!';

describe('credential vault (safeStorage)', () => {
  it('stores only the ciphertext, base64, and reads the password back', async () => {
    const vault = await SafeStorageVault.create(safeStorage, store, 'linux');
    expect(vault.isAvailable()).toBe(true);
    await vault.save('demo@example.com', secret);
    expect(fakeSafeStorage.encryptStringAsync).toHaveBeenCalledWith(secret);

    const file = readFileSync(store.path, 'utf8');
    expect(file).not.toContain(secret);
    expect(file).not.toContain(Buffer.from(secret).toString('base64'));
    expect(file).not.toContain('demo@example.com');
    const [stored] = Object.values(JSON.parse(file) as Record<string, string>);
    expect(stored).toMatch(/^[A-Za-z0-9+/]+=*$/);

    await expect(vault.load('demo@example.com')).resolves.toBe(secret);
    await expect(vault.load('DEMO@example.com ')).resolves.toBe(secret);
    await expect(vault.load('someone-else')).resolves.toBeNull();
    await vault.clear('demo@example.com');
    await expect(vault.load('demo@example.com')).resolves.toBeNull();
  });

  it('refuses to save on a Linux plain-text backend, and says why', async () => {
    fakeSafeStorage.backend = 'basic_text';
    const vault = await SafeStorageVault.create(safeStorage, store, 'linux');
    expect(vault.isAvailable()).toBe(false);
    expect(vault.unavailableReason()).toMatch(/plain-text/);
    await expect(vault.save('demo', secret)).rejects.toMatchObject({
      code: 'SECURE_STORAGE_UNAVAILABLE',
      message: expect.stringMatching(/keyring/),
    });
    expect(fakeSafeStorage.encryptStringAsync).not.toHaveBeenCalled();
    expect(store.size).toBe(0);
  });

  it('refuses when the OS offers no encryption at all', async () => {
    fakeSafeStorage.asyncAvailable = false;
    const vault = await SafeStorageVault.create(safeStorage, store, 'win32');
    expect(vault.isAvailable()).toBe(false);
    await expect(vault.save('demo', secret)).rejects.toMatchObject({
      code: 'SECURE_STORAGE_UNAVAILABLE',
    });
  });

  it('ignores the Linux backend name on Windows and macOS', async () => {
    fakeSafeStorage.backend = 'basic_text';
    for (const platform of ['win32', 'darwin'] as const) {
      const vault = await SafeStorageVault.create(safeStorage, store, platform);
      expect(vault.isAvailable()).toBe(true);
    }
  });

  it('forgets a ciphertext the OS can no longer decrypt', async () => {
    const vault = await SafeStorageVault.create(safeStorage, store, 'linux');
    await vault.save('demo', secret);
    const [key] = Object.keys(store.store);
    store.set(key!, Buffer.from('garbage').toString('base64'));
    await expect(vault.load('demo')).resolves.toBeNull();
    expect(store.size).toBe(0);
  });

  it('tells the log redactor every password it saves or loads', async () => {
    const seen: string[] = [];
    const vault = await SafeStorageVault.create(safeStorage, store, 'linux', (s) => seen.push(s));
    await vault.save('demo', secret);
    await vault.load('demo');
    expect(seen).toEqual([secret, secret]);
  });

  it('re-encrypts when the OS rotated its key', async () => {
    const vault = await SafeStorageVault.create(safeStorage, store, 'darwin');
    await vault.save('demo', secret);
    fakeSafeStorage.decryptStringAsync.mockResolvedValueOnce({
      result: secret,
      shouldReEncrypt: true,
    });
    await expect(vault.load('demo')).resolves.toBe(secret);
    expect(fakeSafeStorage.encryptStringAsync).toHaveBeenCalledTimes(2);
  });
});

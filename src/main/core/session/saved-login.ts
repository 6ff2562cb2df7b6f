// The remembered login as the vault holds it (the host encrypts the whole entry).
import { z } from 'zod';
import { loginInput } from '../../../shared/api-schemas.js';
import type { CredentialVault } from '../host.js';

/** One vault entry holds the remembered login. */
export const VAULT_ENTRY = 'toiawase.session';

export const savedLogin = z.object({
  user: z.string().min(1),
  password: z.string().min(1),
  location: loginInput.shape.location,
  serverUrl: z.string().min(1),
});
export type SavedLogin = z.infer<typeof savedLogin>;

/** The saved login, or null when none is (or can be) saved; an unreadable entry is forgotten. */
export async function readSavedLogin(
  vault: CredentialVault | undefined,
): Promise<SavedLogin | null> {
  if (vault?.isAvailable() !== true) return null;
  const text = await vault.load(VAULT_ENTRY);
  if (text === null) return null;
  try {
    return savedLogin.parse(JSON.parse(text));
  } catch {
    await vault.clear(VAULT_ENTRY);
    return null;
  }
}

/** The login form's input that logs in again with a saved login. */
export function loginAgain(saved: SavedLogin) {
  return {
    user: saved.user,
    password: saved.password,
    location: saved.location,
    ...(saved.location === 'custom' ? { serverUrl: saved.serverUrl } : {}),
    remember: true,
  };
}

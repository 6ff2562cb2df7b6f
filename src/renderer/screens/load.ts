// Where each screen's code is: its own chunk, loaded once, on demand. Kept free of React so
// boot.ts can start loading the screen a session opens into before the app's code has arrived.
import type { SessionInfo } from '../../shared/api.js';

export interface Chunk<M> {
  load(): Promise<M>;
  /** The module once it has loaded, else null. */
  loaded(): M | null;
}

/** A module loaded once, on demand (a screen, or a part of one the first paint does not show). */
export function chunk<M>(importer: () => Promise<M>): Chunk<M> {
  let loading: Promise<M> | null = null;
  let module: M | null = null;
  return {
    load: () =>
      (loading ??= importer().then((m) => {
        module = m;
        return m;
      })),
    loaded: () => module,
  };
}

export const loginChunk = chunk(() => import('./Login.js'));
export const shopPickerChunk = chunk(() => import('./ShopPicker.js'));
export const inboxChunk = chunk(() => import('../inbox/InboxScreen.js'));

/**
 * Loads the screen this session opens into (none: the login). A failed load resolves too: it
 * surfaces where the screen renders (React.lazy rethrows it there).
 */
export function loadScreenFor(session: SessionInfo | null): Promise<void> {
  const next =
    session === null ? loginChunk : session.selectedShopId === null ? shopPickerChunk : inboxChunk;
  return next.load().then(
    () => undefined,
    () => undefined,
  );
}

/**
 * While the seller is on the login or the shop picker, the code of the screen that usually
 * follows loads (the picker, the inbox and the parts of it its first paint does without):
 * evaluated then, not in the same task as the switch.
 */
export function preloadNextScreen(session: SessionInfo | null): void {
  if (session !== null && session.selectedShopId !== null) return; // in the inbox already
  // A failed load surfaces where the screen renders.
  if (session === null) shopPickerChunk.load().catch(() => undefined);
  else
    inboxChunk
      .load()
      .then((m) => m.preloadInboxParts())
      .catch(() => undefined);
}

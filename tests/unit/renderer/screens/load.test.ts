// What loads ahead of the next screen while the seller is on the login or the shop picker
// (src/renderer/screens/load.ts).
import { describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '../../../../src/shared/api.js';

const loaded = vi.hoisted(() => ({ inbox: 0, parts: 0, picker: 0 }));
vi.mock('../../../../src/renderer/inbox/InboxScreen.js', () => {
  loaded.inbox++;
  return { InboxScreen: () => null, preloadInboxParts: () => loaded.parts++ };
});
vi.mock('../../../../src/renderer/screens/ShopPicker.js', () => {
  loaded.picker++;
  return { ShopPicker: () => null };
});

const { preloadNextScreen, inboxChunk } = await import('../../../../src/renderer/screens/load.js');

const session = (selectedShopId: string | null) => ({ selectedShopId }) as SessionInfo;

describe('preloadNextScreen', () => {
  it('loads the shop picker from the login, then the inbox and its later parts from the picker', async () => {
    preloadNextScreen(null);
    await vi.waitFor(() => expect(loaded.picker).toBe(1));
    expect(loaded.inbox).toBe(0);

    preloadNextScreen(session(null));
    await inboxChunk.load();
    await vi.waitFor(() => expect(loaded.parts).toBe(1));

    preloadNextScreen(session('all')); // in the inbox already: nothing more
    await Promise.resolve();
    expect(loaded).toEqual({ inbox: 1, parts: 1, picker: 1 });
  });
});

// What the first screen needs from the core, fetched as early as possible: main.tsx starts this
// as soon as the bridge is up, while the app's code (React, Ant Design) is still loading. With a
// restored session that means the inbox's first list and counters too, so the core answers them
// while the inbox's code loads rather than after it mounted.
import type { InboxOutputs } from '../shared/api.js';
import type { Result } from '../shared/errors.js';
import { call, prefetch, subscribe } from './api.js';
import { DEFAULT_FILTERS, toSearchInput } from './inbox/filters.js';
import { loadScreenFor } from './screens/load.js';

export interface BootData {
  session: Result<InboxOutputs['getSession']>;
  settings: Result<InboxOutputs['getSettings']>;
}

export interface Boot {
  readonly data: Promise<BootData>;
  /** The data once it arrived: a screen mounted after that renders it at once. */
  readonly ready: BootData | null;
  /**
   * The core ended the session after start-up began (a saved login the server refused in the
   * background), possibly before any screen listened: the session in `data` is then void.
   */
  readonly expired: boolean;
}

/**
 * Resolves once the answers, the code of the screen they lead to and, for a restored inbox, its
 * first page and counters are in: the screen then renders complete in one pass. Before, the
 * session arrived first and the inbox's lazy component suspended behind a spinner for its
 * chunk (React then rendered it again as a retry, in 5 ms time slices); later the inbox
 * rendered empty because its first page, asked for ahead, had not been handed to the page
 * yet, and rendered and laid out again when it was.
 */
export async function loadBootData(): Promise<BootData> {
  const session = call('getSession', {});
  const settings = call('getSettings', {});
  const opened = await session;
  const firstScreen = [
    ...prefetchFirstScreen(opened),
    loadScreenFor(opened.ok ? opened.value : null),
  ];
  const data = { session: opened, settings: await settings };
  await Promise.all(firstScreen);
  return data;
}

/** The inbox's first calls (its own default query) when the session opens straight into it. */
function prefetchFirstScreen(session: BootData['session']): Promise<void>[] {
  const shopId = session.ok ? session.value?.selectedShopId : null;
  if (shopId === null || shopId === undefined) return [];
  return [
    prefetch('search', toSearchInput(DEFAULT_FILTERS, shopId)),
    prefetch('counts', { shopId }),
  ];
}

/** Starts the boot calls; the bridge must be up. */
export function startBoot(): Boot {
  let ready: BootData | null = null;
  let expired = false;
  subscribe('sessionExpired', () => {
    expired = true;
  });
  const data = loadBootData().then((d) => (ready = d));
  return {
    data,
    get ready() {
      return ready;
    },
    get expired() {
      return expired;
    },
  };
}

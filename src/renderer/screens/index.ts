// The screens as components that load their own chunk: a start that opens the inbox from a
// restored session evaluates no login code, and the login does not wait for the inbox's code.
import { createElement, lazy, type ComponentType, type FunctionComponent } from 'react';
import { inboxChunk, loginChunk, shopPickerChunk, type Chunk } from './load.js';

/**
 * Like React.lazy, but a component whose code has already loaded (boot.ts loads the screen the
 * session opens into) renders in the first pass instead of suspending behind a fallback for a tick.
 */
export function chunkComponent<M, P extends object>(
  code: Chunk<M>,
  pick: (m: M) => ComponentType<P>,
): FunctionComponent<P> {
  const Lazy = lazy(() => code.load().then((m) => ({ default: pick(m) })));
  return function Screen(props: P) {
    const m = code.loaded();
    return createElement(m === null ? Lazy : pick(m), props);
  };
}

export const Login = chunkComponent(loginChunk, (m) => m.Login);
export const ShopPicker = chunkComponent(shopPickerChunk, (m) => m.ShopPicker);
export const InboxScreen = chunkComponent(inboxChunk, (m) => m.InboxScreen);

// Online/offline as the outcome of the last request, not a guess from the OS: a server that
// answered (even with an error) is reachable. Emits `connectivity` on each change and wakes
// whoever waits for the network to return (sync, outbox).
import type { Emit } from './events.js';

export interface Connectivity {
  readonly online: boolean;
  /** Feed every request's outcome here (the gateway's onOutcome). */
  report(reachable: boolean): void;
  /** Called with the new state on each change; returns an unsubscribe function. */
  onChange(listener: (online: boolean) => void): () => void;
}

export function createConnectivity(emit: Emit, initial = true): Connectivity {
  let online = initial;
  const listeners = new Set<(online: boolean) => void>();
  return {
    get online() {
      return online;
    },
    report(reachable) {
      if (reachable === online) return;
      online = reachable;
      emit('connectivity', { online });
      for (const l of [...listeners]) l(online);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

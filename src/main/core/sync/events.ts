// How the core's engines report to the service: one emit function the service wires to its
// InboxEvents listeners (and tests to an array).
import type { Emit } from '../events.js';

export type { Emit };

export const noEmit: Emit = () => undefined;

/** Lets the event loop run (I/O, timers, the UI host) between chunks of synchronous work. */
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

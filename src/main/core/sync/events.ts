// How the core's engines report to the service: one emit function the service wires to its
// InboxEvents listeners (and tests to an array).
import type { InboxEventName, InboxEvents } from '../../../shared/api.js';

export type Emit = <E extends InboxEventName>(event: E, payload: InboxEvents[E]) => void;

export const noEmit: Emit = () => undefined;

/** Lets the event loop run (I/O, timers, the UI host) between chunks of synchronous work. */
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

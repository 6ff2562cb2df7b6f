import { startTransition, useEffect, useRef } from 'react';
import type { InboxEventName, InboxEvents } from '../../shared/api.js';
import { subscribe } from '../api.js';

/**
 * Subscribe to a bridge event for the component's lifetime; the latest listener is used.
 *
 * What the listener sets is a transition: news from the core (a delivery step, a synced batch,
 * progress) arrives right behind the answers the seller is waiting for, and rendered at once it
 * sat between that answer and its paint (a send's queued reply waited for the outbox's own
 * events). As a transition it renders after the urgent work, yielding to the browser.
 */
export function useBridgeEvent<E extends InboxEventName>(
  event: E,
  listener: (payload: InboxEvents[E]) => void,
): void {
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => subscribe(event, (p) => startTransition(() => ref.current(p))), [event]);
}

import { useEffect, useRef } from 'react';
import type { InboxEventName, InboxEvents } from '../../shared/api.js';
import { subscribe } from '../api.js';

/** Subscribe to a bridge event for the component's lifetime; the latest listener is used. */
export function useBridgeEvent<E extends InboxEventName>(
  event: E,
  listener: (payload: InboxEvents[E]) => void,
): void {
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => subscribe(event, (p) => ref.current(p)), [event]);
}

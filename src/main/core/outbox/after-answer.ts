// The news of a queued action goes out after the answer to the call that queued it. The answer
// is what shows the seller the reply is safe; every event makes the screen re-read and
// re-render, and those would sit in front of it. Order is kept: any other outbox event flushes
// the held ones first, so a listener never sees "sending" before "queued".
import type { Emit } from '../sync/events.js';

export interface AfterAnswer {
  /** Emits now, after whatever is still held. */
  now: Emit;
  /** Holds the event until the current call has answered (the next turn of the event loop). */
  later: Emit;
}

/** `then` runs after each flush of held events (the outbox starts delivery there). */
export function afterAnswer(emit: Emit, then: () => void): AfterAnswer {
  const held: (() => void)[] = [];
  let scheduled = false;
  const flush = (): void => {
    for (const send of held.splice(0)) send();
  };
  return {
    now: (event, payload) => {
      flush();
      emit(event, payload);
    },
    later: (event, payload) => {
      held.push(() => emit(event, payload));
      if (scheduled) return;
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        flush();
        then();
      });
    },
  };
}

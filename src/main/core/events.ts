// The core's typed event hub: sync, outbox and session emit; hosts subscribe and forward.
import { EventEmitter } from 'node:events';
import type { InboxEventName, InboxEvents } from '../../shared/api.js';

export type Emit = <E extends InboxEventName>(event: E, payload: InboxEvents[E]) => void;

export class CoreEvents {
  readonly #emitter = new EventEmitter();

  constructor() {
    // Every open window/socket subscribes; the default cap of 10 would warn on busy hosts.
    this.#emitter.setMaxListeners(100);
  }

  emit: Emit = (event, payload) => {
    this.#emitter.emit(event, payload);
  };

  on<E extends InboxEventName>(event: E, listener: (payload: InboxEvents[E]) => void): () => void {
    this.#emitter.on(event, listener);
    return () => this.#emitter.off(event, listener);
  }

  clear(): void {
    this.#emitter.removeAllListeners();
  }
}

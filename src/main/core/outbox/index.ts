export { createOutbox, type Outbox, type OutboxOptions, type DeliveryReport } from './outbox.js';
export { enqueue, type ActionInput } from './enqueue.js';
export { reapplyPendingEffects } from './effects.js';
export type { ReplyAction, AutoReplyAction, HideAction } from './validate.js';

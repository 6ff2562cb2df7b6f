// Typed calls to InboxApi through the bridge. Errors stay values: a transport failure (the
// bridge itself throwing) becomes an AppError like any other, so screens handle one shape.
import type {
  InboxApi,
  InboxEventName,
  InboxEvents,
  InboxMethod,
  InboxOutputs,
} from '../shared/api.js';
import { toAppError, type Result } from '../shared/errors.js';
import { getBridge } from './bridge/index.js';

export type CallInput<M extends InboxMethod> = Parameters<InboxApi[M]>[0];

export async function call<M extends InboxMethod>(
  method: M,
  input: CallInput<M>,
): Promise<Result<InboxOutputs[M]>> {
  const fn = getBridge().api[method] as (i: CallInput<M>) => Promise<Result<InboxOutputs[M]>>;
  try {
    return await fn(input);
  } catch (e) {
    return { ok: false, error: toAppError(e) };
  }
}

export function subscribe<E extends InboxEventName>(
  event: E,
  listener: (payload: InboxEvents[E]) => void,
): () => void {
  return getBridge().on(event, listener);
}

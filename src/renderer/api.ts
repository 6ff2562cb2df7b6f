// Typed calls to InboxApi through the bridge. Errors stay values: a transport failure (the
// bridge itself throwing) becomes an AppError like any other, so screens handle one shape.
import type {
  InboxApi,
  InboxBridge,
  InboxEventName,
  InboxEvents,
  InboxMethod,
  InboxOutputs,
} from '../shared/api.js';
import { toAppError, type Result } from '../shared/errors.js';
import { getBridge } from './bridge/index.js';

export type CallInput<M extends InboxMethod> = Parameters<InboxApi[M]>[0];

/**
 * Answers asked for ahead of the screen that will ask (start-up: the first page of the list
 * while the inbox's code still loads), by method, with the input they were asked with.
 */
const early = new Map<
  InboxMethod,
  { input: string; answer: Promise<Result<unknown>>; settled?: Result<unknown> }
>();
/** Listens for changed inquiries while any answer asked for ahead waits to be taken. */
let stopWatching: (() => void) | null = null;

function forgetEarly(method?: InboxMethod): void {
  if (method === undefined) early.clear();
  else early.delete(method);
  if (early.size > 0 || stopWatching === null) return;
  stopWatching();
  stopWatching = null;
}

function ask<M extends InboxMethod>(
  method: M,
  input: CallInput<M>,
): Promise<Result<InboxOutputs[M]>> {
  const fn = getBridge().api[method] as (i: CallInput<M>) => Promise<Result<InboxOutputs[M]>>;
  return fn(input).catch((e: unknown) => ({ ok: false, error: toAppError(e) }));
}

/**
 * Starts a call now that a screen about to mount will make: its first call of that method with
 * the same input gets this answer instead of asking again. Any other input asks anew. Changed
 * inquiries reported meanwhile void it (the answer may predate them). Resolves once the answer
 * is in (peekArrived sees it from then on).
 */
export function prefetch<M extends InboxMethod>(method: M, input: CallInput<M>): Promise<void> {
  stopWatching?.(); // one listener, on the bridge of now
  stopWatching = subscribe('inquiriesChanged', () => forgetEarly());
  const entry: { input: string; answer: Promise<Result<unknown>>; settled?: Result<unknown> } = {
    input: JSON.stringify(input),
    answer: ask(method, input),
  };
  early.set(method, entry);
  return entry.answer.then((r) => {
    entry.settled = r;
  });
}

/**
 * The answer asked for ahead with this input, if it has already arrived: a screen mounting
 * after it renders it in its first render instead of one render (and frame) later. Only read
 * here: a render may be thrown away and run again (a Suspense retry, an interrupted
 * transition), and the answer must still be there; the screen drops it once it has mounted
 * (dropArrived), or its own call of the method takes it.
 */
export function peekArrived<M extends InboxMethod>(
  method: M,
  input: CallInput<M>,
): Result<InboxOutputs[M]> | undefined {
  const ahead = early.get(method);
  if (ahead?.settled === undefined || ahead.input !== JSON.stringify(input)) return undefined;
  return ahead.settled as Result<InboxOutputs[M]>;
}

/** The answer asked for ahead is used (peekArrived): later calls ask anew. */
export function dropArrived(method: InboxMethod): void {
  if (early.has(method)) forgetEarly(method);
}

export function call<M extends InboxMethod>(
  method: M,
  input: CallInput<M>,
): Promise<Result<InboxOutputs[M]>> {
  const ahead = early.get(method);
  if (ahead !== undefined) {
    forgetEarly(method);
    if (ahead.input === JSON.stringify(input)) {
      return ahead.answer as Promise<Result<InboxOutputs[M]>>;
    }
  }
  return ask(method, input);
}

/**
 * Per bridge (a page load has one; each test makes its own): resolves once the first screen's
 * answer is painted (firstScreenShown).
 */
const firstScreens = new WeakMap<InboxBridge, { shown: Promise<void>; show: () => void }>();

function firstScreenOf(bridge: InboxBridge): { shown: Promise<void>; show: () => void } {
  let entry = firstScreens.get(bridge);
  if (entry === undefined) {
    let show = (): void => undefined;
    const shown = new Promise<void>((resolve) => {
      show = resolve;
    });
    entry = { shown, show };
    firstScreens.set(bridge, entry);
  }
  return entry;
}

/** The inbox's first answer (rows, none or an error) has been painted. */
export function firstScreenShown(): void {
  firstScreenOf(getBridge()).show();
}

/**
 * A call the first paint does without (the list's total and next page, a conversation read
 * ahead, the sync status, the outbox): until the inbox's first answer is painted it waits, then
 * goes out as call() would. Asked as the inbox mounted, these had the core answer them, and the
 * page take their answers and render them, while the first frame was being built. Cold starts
 * at 100k, alternated: mean 1,005 -> 929, 927 -> 912 and 926 -> 911 ms in three sets of 10-12
 * (the last two within their spread). Later calls go out at once.
 */
export function callAfterFirstPaint<M extends InboxMethod>(
  method: M,
  input: CallInput<M>,
): Promise<Result<InboxOutputs[M]>> {
  return firstScreenOf(getBridge()).shown.then(() => call(method, input));
}

export function subscribe<E extends InboxEventName>(
  event: E,
  listener: (payload: InboxEvents[E]) => void,
): () => void {
  return getBridge().on(event, listener);
}

// Every InboxApi method goes through `call`: the input is parsed with its schema (defaults
// applied, bad input refused before anything runs), and whatever is thrown becomes a Result
// error value — the UI never sees an exception or a stack trace.
import { z } from 'zod';
import type { InboxMethod, InboxOutputs } from '../../../shared/api.js';
import { inboxInputs } from '../../../shared/api-schemas.js';
import { AppFailure, ok, toAppError, type Result } from '../../../shared/errors.js';
import type { CoreLogger } from '../host.js';
import type { WindowFirst } from '../sync/window-first.js';

export type Parsed<K extends InboxMethod> = z.output<(typeof inboxInputs)[K]>;

export function parseInput<K extends InboxMethod>(method: K, input: unknown): Parsed<K> {
  const parsed = inboxInputs[method].safeParse(input ?? {});
  if (!parsed.success) {
    throw new AppFailure('VALIDATION', z.prettifyError(parsed.error), {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return parsed.data as Parsed<K>;
}

export function makeCaller(logger: CoreLogger | undefined, windowFirst?: WindowFirst) {
  return async function call<K extends InboxMethod>(
    method: K,
    input: unknown,
    run: (parsed: Parsed<K>) => InboxOutputs[K] | Promise<InboxOutputs[K]>,
  ): Promise<Result<InboxOutputs[K]>> {
    windowFirst?.touch(method);
    try {
      return ok(await run(parseInput(method, input)));
    } catch (e) {
      const error = toAppError(e);
      // Expected failures (bad input, offline, conflicts) are values; only the unexpected is logged.
      if (error.code === 'INTERNAL') logger?.error(`${method} failed`, { message: error.message });
      return { ok: false, error };
    } finally {
      windowFirst?.touch(method); // the window draws the answer now
    }
  };
}

export type Caller = ReturnType<typeof makeCaller>;

// The one place where an untrusted (method, payload) pair from a transport — Electron IPC, the
// browser shell's WebSocket — becomes a typed InboxApi call. Unknown methods and malformed
// payloads are answered with a VALIDATION error; nothing reaches the core unchecked.
import { z } from 'zod';
import type { InboxApi, InboxMethod } from '../../shared/api.js';
import { inboxInputs } from '../../shared/api-schemas.js';
import { fail, toAppError, type Result } from '../../shared/errors.js';

export function isInboxMethod(name: unknown): name is InboxMethod {
  return typeof name === 'string' && Object.hasOwn(inboxInputs, name);
}

export async function dispatch(
  api: InboxApi,
  method: unknown,
  payload: unknown,
): Promise<Result<unknown>> {
  if (!isInboxMethod(method)) {
    // A hostile payload may send any JSON as the method; never call its toString.
    const name = typeof method === 'string' ? method.slice(0, 60) : typeof method;
    return fail('VALIDATION', `unknown method: ${name}`);
  }
  const parsed = inboxInputs[method].safeParse(payload ?? {});
  if (!parsed.success) {
    return fail('VALIDATION', z.prettifyError(parsed.error), {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  try {
    const call = api[method] as (input: unknown) => Promise<Result<unknown>>;
    return await call(parsed.data);
  } catch (e) {
    return { ok: false, error: toAppError(e) };
  }
}

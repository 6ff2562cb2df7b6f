// Untrusted text from the page → a call frame, or the VALIDATION answer it deserves.
import { fail, type AppError, type Result } from '../../shared/errors.js';
import { MAX_FRAME_BYTES, MAX_METHOD_CHARS } from './protocol.js';

export interface CallFrame {
  id: number;
  method: string;
  payload: unknown;
}

export type ParsedFrame =
  { ok: true; frame: CallFrame } | { ok: false; id: number | null; error: AppError };

const isId = (v: unknown): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** The bridge writes `{"id":N,...` first, so an oversized frame can still be answered by id. */
function idFromHead(text: string): number | null {
  const m = /^\s*\{\s*"id"\s*:\s*(\d{1,15})\s*[,}]/.exec(text.slice(0, 64));
  return m?.[1] === undefined ? null : Number(m[1]);
}

function invalid(id: number | null, message: string): ParsedFrame {
  return { ok: false, id, error: fail('VALIDATION', message).error };
}

export function parseFrame(text: string, byteLength: number): ParsedFrame {
  if (byteLength > MAX_FRAME_BYTES) {
    return invalid(
      idFromHead(text),
      `frame too large: ${byteLength} bytes (max ${MAX_FRAME_BYTES})`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return invalid(idFromHead(text), 'frame is not JSON');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return invalid(null, 'frame is not an object');
  }
  const { id, method, payload } = data as Record<string, unknown>;
  if (!isId(id)) return invalid(null, 'frame id must be a non-negative integer');
  if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_CHARS) {
    return invalid(id, 'frame method must be a short string');
  }
  return { ok: true, frame: { id, method, payload } };
}

export const resultFrame = (id: number | null, result: Result<unknown>): string => {
  try {
    return JSON.stringify({ id, result });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return JSON.stringify({
      id,
      result: fail('INTERNAL', `result could not be encoded: ${message}`),
    });
  }
};

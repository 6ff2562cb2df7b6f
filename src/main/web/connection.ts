// One authenticated page connection: frames in, results out, with a bounded call rate and a
// bounded number of calls in flight so a runaway page cannot pile work onto the core.
import type { RawData } from 'ws';
import { fail, type Result } from '../../shared/errors.js';
import { parseFrame, resultFrame } from './frames.js';
import { TokenBucket, type RateLimit } from './rate-limit.js';

export type Invoke = (method: unknown, payload: unknown) => Promise<Result<unknown>>;

/** What the shell needs of a `ws` socket (structural, so fakes and real sockets both fit). */
export interface PageSocket {
  readonly readyState: number;
  readonly OPEN: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  on(event: 'message', listener: (data: RawData, isBinary: boolean) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
}

export interface ConnectionLimits {
  rate: RateLimit;
  maxInFlight: number;
}

function asText(data: RawData): { text: string; bytes: number } {
  const buffer = Array.isArray(data)
    ? Buffer.concat(data)
    : Buffer.isBuffer(data)
      ? data
      : Buffer.from(data);
  return { text: buffer.toString('utf8'), bytes: buffer.byteLength };
}

export function serveConnection(
  socket: PageSocket,
  invoke: Invoke,
  limits: ConnectionLimits,
): void {
  const bucket = new TokenBucket(limits.rate);
  let inFlight = 0;
  const send = (id: number | null, result: Result<unknown>): void => {
    if (socket.readyState === socket.OPEN) socket.send(resultFrame(id, result));
  };

  socket.on('message', (data: RawData, isBinary: boolean) => {
    if (isBinary) {
      send(null, fail('VALIDATION', 'binary frames are not accepted'));
      return;
    }
    const { text, bytes } = asText(data);
    const parsed = parseFrame(text, bytes);
    if (!parsed.ok) {
      send(parsed.id, { ok: false, error: parsed.error });
      return;
    }
    const { id, method, payload } = parsed.frame;
    if (!bucket.take()) {
      send(id, fail('RATE_LIMITED', 'too many calls on this connection', { retryAfterMs: 1000 }));
      return;
    }
    if (inFlight >= limits.maxInFlight) {
      send(id, fail('RATE_LIMITED', `more than ${limits.maxInFlight} calls in flight`));
      return;
    }
    inFlight++;
    void invoke(method, payload)
      .catch((e: unknown) => fail('INTERNAL', e instanceof Error ? e.message : String(e)))
      .then((result) => {
        inFlight--;
        send(id, result);
      });
  });
}

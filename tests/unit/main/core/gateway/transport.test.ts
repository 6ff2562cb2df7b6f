import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../../src/shared/errors.js';
import { WIRE_ERRORS } from '../../../../../src/shared/qapi.js';
import { createTransport } from '../../../../../src/main/core/gateway/transport.js';
import { ok, startScriptServer, wireError, type ScriptServer } from './script-server.js';

let srv: ScriptServer;
beforeEach(async () => {
  srv = await startScriptServer();
});
afterEach(() => srv.close());

const fast = { baseMs: 1, capMs: 5 };

async function failure(p: Promise<unknown>): Promise<AppFailure> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppFailure) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

describe('transport', () => {
  it('posts the form with the key and version headers and unwraps ResultObject', async () => {
    srv.push(ok({ x: 1 }));
    const t = createTransport({ baseUrl: srv.url, backoff: fast });
    await expect(t.call('A.B', { a: '1' }, { key: 'K' })).resolves.toEqual({ x: 1 });
    const r = srv.requests[0]!;
    expect(r.url).toBe('/GMKT.INC.Front.QAPIService/ebayjapan.qapi/A.B');
    expect(r.headers.giosiscertificationkey).toBe('K');
    expect(r.headers.qapiversion).toBe('1.0');
    expect(new URLSearchParams(r.body).get('a')).toBe('1');
    expect(new URLSearchParams(r.body).get('returnType')).toBe('application/json');
  });

  it('retries 5xx and dropped connections, then succeeds', async () => {
    srv.push({ text: '<h1>503</h1>', status: 503 }, { drop: true }, ok('done'));
    const seen: boolean[] = [];
    const t = createTransport({ baseUrl: srv.url, backoff: fast, onOutcome: (r) => seen.push(r) });
    await expect(t.call('A.B', {}, { key: 'K' })).resolves.toBe('done');
    expect(srv.requests).toHaveLength(3);
    expect(seen).toEqual([true, false, true]);
  });

  it('gives up after maxAttempts with SERVER_ERROR', async () => {
    srv.push(...Array.from({ length: 3 }, () => ({ text: 'x', status: 500 })));
    const t = createTransport({ baseUrl: srv.url, backoff: fast, maxAttempts: 3 });
    const f = await failure(t.call('A.B', {}, { key: 'K' }));
    expect(f.code).toBe('SERVER_ERROR');
    expect(srv.requests).toHaveLength(3);
  });

  it('honours the wire rate-limit hint before retrying', async () => {
    srv.push(wireError(WIRE_ERRORS.RATE_LIMITED, { ErrorObject: { RETRY_AFTER_MS: 120 } }), ok(1));
    const t = createTransport({ baseUrl: srv.url, backoff: fast });
    const t0 = Date.now();
    await t.call('A.B', {}, { key: 'K' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(115);
  });

  it('honours an HTTP 429 Retry-After header', async () => {
    srv.push({ text: 'slow down', status: 429, headers: { 'retry-after': '0' } }, ok(2));
    const t = createTransport({ baseUrl: srv.url, backoff: fast });
    await expect(t.call('A.B', {}, { key: 'K' })).resolves.toBe(2);
  });

  it('does not retry a non-idempotent call after a dropped connection', async () => {
    srv.push({ drop: true }, ok('twice'));
    const t = createTransport({ baseUrl: srv.url, backoff: fast });
    const f = await failure(t.call('A.B', {}, { key: 'K', idempotent: false }));
    expect(f.code).toBe('NETWORK');
    expect(srv.requests).toHaveLength(1);
  });

  it('times out a stalled answer', async () => {
    srv.push({ stallMs: 500 });
    const t = createTransport({ baseUrl: srv.url, backoff: fast, timeoutMs: 100, maxAttempts: 1 });
    expect((await failure(t.call('A.B', {}, { key: 'K' }))).code).toBe('TIMEOUT');
  });

  it('maps wire errors to stable codes without retrying them', async () => {
    srv.push(wireError(WIRE_ERRORS.KEY_EXPIRED), wireError(WIRE_ERRORS.LOGIN_FAILED));
    const t = createTransport({ baseUrl: srv.url, backoff: fast });
    expect((await failure(t.call('A.B', {}, { key: 'K' }))).code).toBe('SESSION_EXPIRED');
    expect((await failure(t.call('A.B', {}, { key: 'K' }))).code).toBe('LOGIN_FAILED');
    expect(srv.requests).toHaveLength(2);
  });

  it('turns a conflict into details the outbox can keep', async () => {
    srv.push(
      wireError(WIRE_ERRORS.CONFLICT, {
        ErrorObject: {
          ANSWERED_BY: 'staff2',
          ANSWERED_DT: '2026-03-01 10:00:00',
          CONTENTS: 'already answered',
          VERSION: 7,
        },
      }),
    );
    const t = createTransport({ baseUrl: srv.url, backoff: fast });
    const f = await failure(t.call('A.B', {}, { key: 'K' }));
    expect(f.code).toBe('CONFLICT');
    expect(f.details).toMatchObject({
      answeredBy: 'staff2',
      answeredAt: '2026-03-01T10:00:00+09:00',
      body: 'already answered',
      version: 7,
    });
  });

  it.each([
    ['not JSON', { text: '<html>', status: 200 }],
    ['no envelope', { json: { hello: 1 } }],
    ['bad error envelope', { json: { ErrorCode: 'x' } }],
    ['HTTP 404', { json: {}, status: 404 }],
  ])('answers BAD_RESPONSE for %s', async (_name, step) => {
    srv.push(step);
    const t = createTransport({ baseUrl: srv.url, backoff: fast });
    expect((await failure(t.call('A.B', {}, { key: 'K' }))).code).toBe('BAD_RESPONSE');
  });

  it('reports NETWORK for a server that is not there, and never leaks the form', async () => {
    const url = srv.url;
    await srv.close();
    const t = createTransport({ baseUrl: url, backoff: fast, maxAttempts: 2 });
    const f = await failure(t.call('A.B', { pwd: 'hunter2' }, { key: 'SECRETKEY' }));
    expect(f.code).toBe('NETWORK');
    expect(JSON.stringify(f.toError())).not.toMatch(/hunter2|SECRETKEY/);
    srv = await startScriptServer();
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WIRE_ERRORS } from '../../../../../src/shared/qapi.js';
import { createGateway } from '../../../../../src/main/core/gateway/index.js';
import { ok, startScriptServer, wireError, type ScriptServer } from './script-server.js';

let srv: ScriptServer;
beforeEach(async () => {
  srv = await startScriptServer();
});
afterEach(() => srv.close());

const method = (i: number) => srv.requests[i]?.url.split('/').pop();
const keyOf = (i: number) => srv.requests[i]?.headers.giosiscertificationkey;
const fast = { baseMs: 1, capMs: 5 };

describe('createGateway', () => {
  it('probes: a server without QpostAPI gets the qapi adapter', async () => {
    srv.push(ok('SELLER-1'), wireError(WIRE_ERRORS.UNKNOWN_API));
    const gw = createGateway({ baseUrl: srv.url, apiKey: 'APP', backoff: fast });
    expect(() => gw.capabilities).toThrow(
      expect.objectContaining({ code: 'NOT_LOGGED_IN' }) as Error,
    );
    await gw.connect('seller', 'pw');
    expect(gw.capabilities.adapter).toBe('qapi');
    expect(method(0)).toBe('CertificationAPI.CreateCertificationKey');
    expect(keyOf(0)).toBe('APP');
    expect(keyOf(1)).toBe('SELLER-1');
    await expect(gw.getChanges('x', null, 10)).rejects.toMatchObject({
      code: 'CAPABILITY_MISSING',
    });
    await expect(gw.listShops()).resolves.toEqual([{ id: 'seller', name: 'seller' }]);
  });

  it('probes: a server with QpostAPI gets the qpost adapter', async () => {
    srv.push(ok('K'), ok([{ SHOP_ID: '1', SHOP_NM: 'a' }]));
    const gw = createGateway({ baseUrl: srv.url, apiKey: 'APP', backoff: fast });
    await gw.connect('seller', 'pw');
    expect(gw.capabilities.adapter).toBe('qpost');
  });

  it('re-issues an expired key once, with the saved credentials, and repeats the call', async () => {
    srv.push(ok('OLD'), wireError(WIRE_ERRORS.KEY_EXPIRED), ok('NEW'), ok([]));
    const expired: string[] = [];
    const gw = createGateway({
      baseUrl: srv.url,
      apiKey: 'APP',
      adapter: 'qpost',
      backoff: fast,
      credentials: () => Promise.resolve({ user: 'seller', password: 'pw' }),
      onSessionExpired: (r) => expired.push(r),
    });
    await gw.connect('seller', 'pw');
    await expect(gw.listShops()).resolves.toEqual([]);
    expect(srv.requests.map((_, i) => keyOf(i))).toEqual(['APP', 'OLD', 'APP', 'NEW']);
    expect(expired).toEqual([]);
  });

  it('without a saved password an expired key ends the session once', async () => {
    srv.push(ok('OLD'), wireError(WIRE_ERRORS.KEY_REVOKED));
    const expired: string[] = [];
    const gw = createGateway({
      baseUrl: srv.url,
      apiKey: 'APP',
      adapter: 'qpost',
      backoff: fast,
      onSessionExpired: (r) => expired.push(r),
    });
    await gw.connect('seller', 'pw');
    await expect(gw.listShops()).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(expired).toHaveLength(1);
  });

  it('a refused application key is FORBIDDEN, not an expired session', async () => {
    srv.push(wireError(WIRE_ERRORS.INVALID_KEY));
    const gw = createGateway({ baseUrl: srv.url, apiKey: 'WRONG', backoff: fast });
    await expect(gw.connect('seller', 'pw')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a malformed answer is BAD_RESPONSE', async () => {
    srv.push(ok('K'), ok([{ SHOP_ID: 1 }]));
    const gw = createGateway({ baseUrl: srv.url, apiKey: 'APP', adapter: 'qpost', backoff: fast });
    await gw.connect('seller', 'pw');
    await expect(gw.listShops()).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  QAPI_KEY_HEADER,
  QAPI_VERSION_HEADER,
  WIRE_ERRORS,
  errorEnvelopeSchema,
  qapiUrl,
  successEnvelope,
  shopRowSchema,
} from '../../../src/shared/qapi.js';
import type { Sandbox } from '../../../src/sandbox/server.js';
import { errorOf, login, post, start } from './helpers.js';
import { z } from 'zod';

let sb: Sandbox;
let key: string;
beforeAll(async () => {
  sb = await start();
  key = await login(sb);
});
afterAll(() => sb.close());

describe('the QAPI envelope', () => {
  it('answers success as {ResultCode:0, ResultMsg:"SUCCESS", ResultObject} in JSON', async () => {
    const a = await post(sb, 'QpostAPI.GetShops', {}, { key });
    expect(a.status).toBe(200);
    expect(a.headers.get('content-type')).toMatch(/^application\/json/);
    const env = successEnvelope(z.array(shopRowSchema)).parse(a.body);
    expect(env.ResultMsg).toBe('SUCCESS');
    expect(env.ResultObject.map((s) => s.SHOP_ID)).toEqual(['100001', '100002', '100003']);
  });

  it('answers failures on HTTP 200 as {ErrorCode, ErrorMsg}', async () => {
    const a = await post(sb, 'QpostAPI.GetShops', {}, { key: 'nope' });
    expect(a.status).toBe(200);
    const env = errorEnvelopeSchema.parse(a.body);
    expect(env.ErrorCode).toBe(WIRE_ERRORS.INVALID_KEY);
    expect(a.body).not.toHaveProperty('ResultCode');
  });

  it('treats method names case-insensitively, like Qoo10', async () => {
    const a = await post(sb, 'qpostapi.getshops', {}, { key });
    expect(a.body.ResultCode).toBe(0);
    const b = await post(sb, 'QPOSTAPI.GETSHOPS', {}, { key });
    expect(b.body.ResultObject).toEqual(a.body.ResultObject);
  });

  it('answers an unknown class or method with -90001', async () => {
    expect((await errorOf(sb, 'QpostAPI.NoSuchMethod', {}, key)).code).toBe(
      WIRE_ERRORS.UNKNOWN_API,
    );
    expect((await errorOf(sb, 'Nope.GetShops', {}, key)).code).toBe(WIRE_ERRORS.UNKNOWN_API);
    const res = await fetch(qapiUrl(sb.url, 'QpostAPI.GetShops'));
    expect(res.status).toBe(200);
    expect((await res.json()).ErrorCode).toBe(WIRE_ERRORS.UNKNOWN_API);
  });

  it('requires the QAPIVersion header', async () => {
    const res = await fetch(qapiUrl(sb.url, 'QpostAPI.GetShops'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', [QAPI_KEY_HEADER]: key },
      body: 'returnType=application/json',
    });
    const body = await res.json();
    expect(body.ErrorCode).toBe(WIRE_ERRORS.VALIDATION);
    expect(body.ErrorObject.FIELD).toBe(QAPI_VERSION_HEADER);
  });

  it('rejects unknown and repeated fields', async () => {
    const unknown = await errorOf(sb, 'QpostAPI.GetShops', { shop: '100001' }, key);
    expect(unknown.code).toBe(WIRE_ERRORS.VALIDATION);
    expect(unknown.obj?.FIELD).toBe('shop');
    const res = await fetch(qapiUrl(sb.url, 'QpostAPI.GetCounts'), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        [QAPI_KEY_HEADER]: key,
        [QAPI_VERSION_HEADER]: '1.0',
      },
      body: 'shop_id=100001&shop_id=100002&returnType=application/json',
    });
    expect((await res.json()).ErrorCode).toBe(WIRE_ERRORS.VALIDATION);
  });

  it('rejects an oversized body with BODY_TOO_LARGE', async () => {
    const a = await post(sb, 'QpostAPI.GetShops', { junk: 'x'.repeat(70 * 1024) }, { key });
    expect(a.status).toBe(200);
    expect(a.body.ErrorCode).toBe(WIRE_ERRORS.BODY_TOO_LARGE);
  });

  it('rejects a body that is not a form', async () => {
    const res = await fetch(qapiUrl(sb.url, 'QpostAPI.GetShops'), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [QAPI_KEY_HEADER]: key,
        [QAPI_VERSION_HEADER]: '1.0',
      },
      body: '{"returnType":"application/json"}',
    });
    expect(res.status).toBe(200);
    expect((await res.json()).ErrorCode).toBe(WIRE_ERRORS.VALIDATION);
  });

  it('answers JSON for returnType application/json or json, and refuses XML outside certification', async () => {
    expect(
      (await post(sb, 'QpostAPI.GetShops', {}, { key, returnType: 'json' })).body.ResultCode,
    ).toBe(0);
    expect(
      (await post(sb, 'QpostAPI.GetShops', {}, { key, returnType: null })).body.ResultCode,
    ).toBe(0);
    const xml = await post(sb, 'QpostAPI.GetShops', {}, { key, returnType: 'text/xml' });
    expect(xml.body.ErrorCode).toBe(WIRE_ERRORS.VALIDATION);
  });

  it('answers the certification call in XML when asked', async () => {
    const a = await post(
      sb,
      'CertificationAPI.CreateCertificationKey',
      { user_id: 'demo', pwd: 'demo1234' },
      {
        key: 'SANDBOX-KEY',
        returnType: 'text/xml',
      },
    );
    expect(a.headers.get('content-type')).toMatch(/^text\/xml/);
    const sak = /<ResultObject>([^<]+)<\/ResultObject>/.exec(a.body)?.[1];
    expect(a.body).toContain('<ResultCode>0</ResultCode>');
    expect(sak).toBeTruthy();
    expect((await post(sb, 'QpostAPI.GetShops', {}, { key: sak! })).body.ResultCode).toBe(0);
    const bad = await post(
      sb,
      'CertificationAPI.CreateCertificationKey',
      { user_id: 'demo', pwd: 'wrong' },
      {
        key: 'SANDBOX-KEY',
        returnType: 'text/xml',
      },
    );
    expect(bad.body).toContain(`<ErrorCode>${WIRE_ERRORS.LOGIN_FAILED}</ErrorCode>`);
  });

  it('keeps the admin API off unless enabled', async () => {
    const plain = await start({ admin: false, inquiries: 0 });
    try {
      const res = await fetch(`${plain.url}/__admin/state`);
      expect(res.status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});

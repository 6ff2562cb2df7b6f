import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIRE_ERRORS, rateLimitDetailSchema } from '../../../src/shared/qapi.js';
import type { Sandbox } from '../../../src/sandbox/server.js';
import { act, admin, buyerPost, login, post, start } from './helpers.js';

let sb: Sandbox;
let key: string;
beforeAll(async () => {
  sb = await start({ inquiries: 20, faultSeed: 42 });
  key = await login(sb);
});
afterAll(() => sb.close());

const setFaults = async (spec: string) => {
  const a = await admin(sb, 'PUT', '/faults', { spec });
  expect(a.ResultCode).toBe(0);
};

describe('faults', () => {
  it('delays answers by the configured latency', async () => {
    await setFaults('latency=250,jitter=50');
    try {
      const started = performance.now();
      expect((await post(sb, 'QpostAPI.GetShops', {}, { key })).body.ResultCode).toBe(0);
      // A lower bound only: the sandbox sleeps at least this long before answering.
      expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    } finally {
      await setFaults('');
    }
  });

  it('answers 5xx before or after the call ran; retrying with the request id delivers exactly once', async () => {
    // One inquiry per request, so every retry is valid on its own (no version interplay).
    const ids = Array.from({ length: 16 }, (_, i) => `err-${i}`);
    const questions = new Map<string, number>();
    for (const id of ids)
      questions.set(id, (await buyerPost(sb, { shop_id: '100001', contents: id })).QUESTION_NO);
    const fields = (id: string) => ({
      shop_id: '100001',
      question_no: String(questions.get(id)),
      contents: id,
      status: 'S2',
      request_id: id,
      version: '1',
    });
    const deliveries = async (id: string) =>
      (await admin(sb, 'GET', `/requests/${id}`)).ResultObject.sellerMessages as number;

    await setFaults('error=1');
    for (const id of ids) {
      const a = await post(sb, 'QpostAPI.SetReply', fields(id), { key });
      expect(a.status).toBe(503);
      expect(a.headers.get('content-type')).toMatch(/^text\/html/);
    }
    // The admin API is never faulted.
    expect((await admin(sb, 'GET', '/state')).ResultCode).toBe(0);
    await setFaults('');
    const before = await Promise.all(ids.map(deliveries));
    expect(before.filter((n) => n === 1).length).toBeGreaterThan(0); // struck after the commit
    expect(before.filter((n) => n === 0).length).toBeGreaterThan(0); // struck before the call
    for (const id of ids)
      expect((await act(sb, key, 'QpostAPI.SetReply', fields(id))).VERSION).toBe(2);
    expect(await Promise.all(ids.map(deliveries))).toEqual(ids.map(() => 1));
  });

  it('drops connections; a retried reply is delivered exactly once', async () => {
    await setFaults('drop=1');
    const q = (await buyerPost(sb, { shop_id: '100001', contents: 'drop test' })).QUESTION_NO;
    const fields = {
      shop_id: '100001',
      question_no: String(q),
      contents: 'once',
      status: 'S3',
      request_id: 'drop-1',
      version: '1',
    };
    for (let i = 0; i < 4; i++) {
      await expect(post(sb, 'QpostAPI.SetReply', fields, { key })).rejects.toThrow();
    }
    await setFaults('');
    const r = await act(sb, key, 'QpostAPI.SetReply', fields);
    expect(r.STATUS).toBe('S3');
    expect(
      (await admin(sb, 'GET', `/inquiries/${q}?request_id=drop-1`)).ResultObject
        .sellerMessagesWithRequestId,
    ).toBe(1);
  });

  it('rate-limits per key with a retry hint and a Retry-After header', async () => {
    await setFaults('ratelimit=1');
    try {
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => post(sb, 'QpostAPI.GetShops', {}, { key })),
      );
      const limited = answers.filter((a) => a.body.ErrorCode === WIRE_ERRORS.RATE_LIMITED);
      expect(limited.length).toBeGreaterThanOrEqual(1);
      for (const a of limited) {
        expect(a.status).toBe(200);
        const detail = rateLimitDetailSchema.parse(a.body.ErrorObject);
        expect(detail.LIMIT_PER_SEC).toBe(1);
        expect(detail.RETRY_AFTER_MS).toBeLessThanOrEqual(1000);
        expect(Number(a.headers.get('retry-after'))).toBe(detail.RETRY_AFTER_SEC);
      }
      expect(answers.some((a) => a.body.ResultCode === 0)).toBe(true);
    } finally {
      await setFaults('');
    }
  });

  it('refuses a malformed fault spec and keeps the old one', async () => {
    await setFaults('latency=1');
    for (const spec of ['error=2', 'latency=-1', 'boom=1', 'ratelimit=1.5', 'drop']) {
      expect((await admin(sb, 'PUT', '/faults', { spec })).ErrorCode).toBe(WIRE_ERRORS.VALIDATION);
    }
    expect((await admin(sb, 'GET', '/faults')).ResultObject.spec).toBe(
      'latency=1,jitter=0,error=0,drop=0,ratelimit=0',
    );
    await setFaults('');
  });

  it('takes faults at start-up too', async () => {
    const faulty = await start({ inquiries: 0, faults: 'error=1' });
    try {
      expect((await post(faulty, 'QpostAPI.GetShops', {}, { key: 'x' })).status).toBe(503);
    } finally {
      await faulty.close();
    }
  });
});

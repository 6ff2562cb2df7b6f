import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIRE_ERRORS } from '../../../src/shared/qapi.js';
import { LOCK_AFTER_FAILED_LOGINS, SELLER_KEY_VALID_MS } from '../../../src/sandbox/auth.js';
import type { Sandbox } from '../../../src/sandbox/server.js';
import { z } from 'zod';
import { shopRowSchema } from '../../../src/shared/qapi.js';
import { admin, errorOf, login, ok, page, post, start } from './helpers.js';

const shops = z.array(shopRowSchema);

const CERT = 'CertificationAPI.CreateCertificationKey';
let sb: Sandbox;
beforeAll(async () => {
  sb = await start();
});
afterAll(() => sb.close());

describe('CertificationAPI.CreateCertificationKey', () => {
  it('issues a seller key for the user ID or the e-mail address', async () => {
    const byId = await login(sb, 'demo');
    const byMail = await login(sb, 'DEMO@example.com');
    expect(byId).not.toBe(byMail);
    for (const key of [byId, byMail]) {
      expect((await ok(sb, 'QpostAPI.GetShops', {}, key, shops)).length).toBe(3);
    }
  });

  it('refuses a missing or unknown API key and a user of another account', async () => {
    const none = await post(sb, CERT, { user_id: 'demo', pwd: 'demo1234' });
    expect(none.body.ErrorCode).toBe(WIRE_ERRORS.INVALID_KEY);
    expect((await errorOf(sb, CERT, { user_id: 'demo', pwd: 'demo1234' }, 'WRONG')).code).toBe(
      WIRE_ERRORS.INVALID_KEY,
    );
    // The other account's API key with the demo login: no hint that the user exists elsewhere.
    expect(
      (await errorOf(sb, CERT, { user_id: 'demo', pwd: 'demo1234' }, 'SANDBOX-KEY-2')).code,
    ).toBe(WIRE_ERRORS.LOGIN_FAILED);
  });

  it('needs user_id and pwd, and accepts no other field', async () => {
    expect((await errorOf(sb, CERT, { user_id: 'demo' }, 'SANDBOX-KEY')).code).toBe(
      WIRE_ERRORS.VALIDATION,
    );
    expect(
      (await errorOf(sb, CERT, { user_id: 'demo', pwd: 'demo1234', x: '1' }, 'SANDBOX-KEY')).code,
    ).toBe(WIRE_ERRORS.VALIDATION);
  });

  it('does not accept the account API key in place of a seller key', async () => {
    expect((await errorOf(sb, 'QpostAPI.GetShops', {}, 'SANDBOX-KEY')).code).toBe(
      WIRE_ERRORS.INVALID_KEY,
    );
  });

  it(`locks the account after ${LOCK_AFTER_FAILED_LOGINS} wrong passwords in a row; a new password unlocks it`, async () => {
    const sb2 = await start({ inquiries: 0 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < LOCK_AFTER_FAILED_LOGINS; i++) {
        codes.push(
          (await errorOf(sb2, CERT, { user_id: 'other', pwd: 'bad' }, 'SANDBOX-KEY-2')).code,
        );
      }
      expect(codes.slice(0, -1).every((c) => c === WIRE_ERRORS.LOGIN_FAILED)).toBe(true);
      expect(codes.at(-1)).toBe(WIRE_ERRORS.ACCOUNT_LOCKED);
      // Even the right password is refused while locked.
      expect(
        (await errorOf(sb2, CERT, { user_id: 'other', pwd: 'other1234' }, 'SANDBOX-KEY-2')).code,
      ).toBe(WIRE_ERRORS.ACCOUNT_LOCKED);
      // The demo account is untouched.
      await login(sb2);
      expect(
        (await admin(sb2, 'POST', '/password', { user_id: 'other', pwd: 'newpass99' })).ResultCode,
      ).toBe(0);
      await login(sb2, 'other', 'newpass99', 'SANDBOX-KEY-2');
    } finally {
      await sb2.close();
    }
  });

  it('resets the failure count after a successful login', async () => {
    const sb2 = await start({ inquiries: 0 });
    try {
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < LOCK_AFTER_FAILED_LOGINS - 1; i++) {
          await errorOf(sb2, CERT, { user_id: 'other', pwd: 'bad' }, 'SANDBOX-KEY-2');
        }
        await login(sb2, 'other', 'other1234', 'SANDBOX-KEY-2');
      }
    } finally {
      await sb2.close();
    }
  });

  it('revokes every earlier key when the password changes', async () => {
    const sb2 = await start({ inquiries: 0 });
    try {
      const old = await login(sb2, 'other', 'other1234', 'SANDBOX-KEY-2');
      await admin(sb2, 'POST', '/password', { user_id: 'other', pwd: 'changed123' });
      expect((await errorOf(sb2, 'QpostAPI.GetShops', {}, old)).code).toBe(WIRE_ERRORS.KEY_REVOKED);
      expect(
        (await errorOf(sb2, CERT, { user_id: 'other', pwd: 'other1234' }, 'SANDBOX-KEY-2')).code,
      ).toBe(WIRE_ERRORS.LOGIN_FAILED);
      const fresh = await login(sb2, 'other', 'changed123', 'SANDBOX-KEY-2');
      expect((await ok(sb2, 'QpostAPI.GetShops', {}, fresh, shops)).length).toBe(1);
    } finally {
      await sb2.close();
    }
  });

  it('expires a seller key after one year', async () => {
    const sb2 = await start({ inquiries: 0 });
    try {
      const key = await login(sb2);
      await admin(sb2, 'POST', '/clock', { offset_ms: SELLER_KEY_VALID_MS - 60_000 });
      expect((await ok(sb2, 'QpostAPI.GetShops', {}, key, shops)).length).toBe(3);
      await admin(sb2, 'POST', '/clock', { offset_ms: SELLER_KEY_VALID_MS + 1000 });
      expect((await errorOf(sb2, 'QpostAPI.GetShops', {}, key)).code).toBe(WIRE_ERRORS.KEY_EXPIRED);
    } finally {
      await sb2.close();
    }
  });
});

describe('account isolation', () => {
  it('never shows one seller the shops, inquiries or files of another', async () => {
    const demo = await login(sb);
    const other = await login(sb, 'other', 'other1234', 'SANDBOX-KEY-2');
    expect((await ok(sb, 'QpostAPI.GetShops', {}, other, shops)).map((s) => s.SHOP_ID)).toEqual([
      '200001',
    ]);
    for (const method of ['QpostAPI.GetChanges', 'QpostAPI.GetCounts']) {
      expect((await errorOf(sb, method, { shop_id: '100001' }, other)).code).toBe(
        WIRE_ERRORS.SHOP_NOT_FOUND,
      );
      expect((await errorOf(sb, method, { shop_id: '200001' }, demo)).code).toBe(
        WIRE_ERRORS.SHOP_NOT_FOUND,
      );
    }
    const feed = await page(sb, demo, { shop_id: '100001', page_size: '1' });
    const q = String(feed.Inquiries[0]!.QUESTION_NO);
    expect(
      (await errorOf(sb, 'QpostAPI.GetThread', { shop_id: '200001', question_no: q }, other)).code,
    ).toBe(WIRE_ERRORS.INQUIRY_NOT_FOUND);
    expect(
      (
        await errorOf(
          sb,
          'QpostAPI.SetReply',
          {
            shop_id: '100001',
            question_no: q,
            contents: 'x',
            status: 'S3',
            request_id: 'iso-1',
            version: '1',
          },
          other,
        )
      ).code,
    ).toBe(WIRE_ERRORS.SHOP_NOT_FOUND);
    const unknownShop = await errorOf(sb, 'QpostAPI.GetCounts', { shop_id: '999999' }, demo);
    expect(unknownShop.code).toBe(WIRE_ERRORS.SHOP_NOT_FOUND);
  });
});

// Change-feed cursors: opaque to clients, signed by the sandbox. A cursor from another shop,
// from before a reset, or tampered with is "unknown" and answers RESYNC_REQUIRED.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { QapiError } from './envelope.js';

const mac = (secret: string, payload: string): Buffer =>
  createHmac('sha256', secret).update(payload).digest().subarray(0, 12);

export function encodeCursor(secret: string, shopId: string, seq: number): string {
  const payload = `${shopId}.${seq}`;
  return `${Buffer.from(payload).toString('base64url')}.${mac(secret, payload).toString('base64url')}`;
}

/** The change sequence a cursor stands for; empty means "from the beginning". */
export function decodeCursor(
  secret: string,
  shopId: string,
  cursor: string | undefined,
  currentSeq: number,
): number {
  if (cursor === undefined || cursor === '') return 0;
  const resync = (): QapiError =>
    new QapiError('RESYNC_REQUIRED', 'unknown cursor: start again without one', {
      SHOP_ID: shopId,
    });
  const [body] = cursor.split('.');
  const payload = Buffer.from(body ?? '', 'base64url').toString();
  const dot = payload.lastIndexOf('.');
  const seq = Number(payload.slice(dot + 1));
  if (dot < 0 || payload.slice(0, dot) !== shopId || !Number.isSafeInteger(seq) || seq < 0) {
    throw resync();
  }
  // Re-encoding must give back exactly the cursor: rejects tampering, even in padding bits.
  const given = Buffer.from(cursor);
  const expected = Buffer.from(encodeCursor(secret, shopId, seq));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw resync();
  if (seq > currentSeq) throw resync();
  return seq;
}

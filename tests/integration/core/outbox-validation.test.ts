import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../src/shared/errors.js';
import { createOutbox, type Outbox } from '../../../src/main/core/outbox/index.js';
import { createSyncEngine } from '../../../src/main/core/sync/index.js';
import type { Sandbox } from '../../../src/sandbox/server.js';
import { loggedIn, startTestSandbox, tempDb, type TempDb } from './helpers.js';

// Bad input never reaches the outbox: each case gets its stable code and changes nothing.
let sandbox: Sandbox;
let cache: TempDb;
let outbox: Outbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ inquiries: 200 });
  cache = tempDb();
  const session = await loggedIn(sandbox, cache.db);
  await createSyncEngine({
    db: cache.db,
    gateway: () => session.gateway(),
    shops: () => session.shopIds(),
  }).syncAll();
  outbox = createOutbox({ db: cache.db, gateway: () => session.gateway() });
});
afterAll(async () => {
  cache.cleanup();
  await sandbox.close();
});

function pick(where: string): string {
  const row = cache.db
    .prepare(
      `SELECT id FROM inquiries WHERE shop_id = '100001' AND ${where} ORDER BY question_no LIMIT 1`,
    )
    .get() as { id: string } | undefined;
  if (row === undefined) throw new Error(`no inquiry where ${where}`);
  return row.id;
}
const outboxRows = () =>
  (cache.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;

describe('outbox input checks: a clear code, nothing written', () => {
  const cases: [string, (o: Outbox, ids: Record<string, string>) => unknown, string][] = [
    [
      'empty reply',
      (o, i) => o.enqueueReply({ inquiryId: i.msg!, body: '   ', status: 'S3' }),
      'REPLY_EMPTY',
    ],
    [
      '1,001 characters',
      (o, i) => o.enqueueReply({ inquiryId: i.msg!, body: 'あ'.repeat(1001), status: 'S3' }),
      'REPLY_TOO_LONG',
    ],
    [
      'status S1',
      (o, i) => o.enqueueReply({ inquiryId: i.msg!, body: 'x', status: 'S1' }),
      'STATUS_NOT_ALLOWED',
    ],
    [
      'unknown status',
      (o, i) => o.enqueueReply({ inquiryId: i.msg!, body: 'x', status: 'done' }),
      'STATUS_NOT_ALLOWED',
    ],
    [
      'four attachments',
      (o, i) =>
        o.enqueueReply({
          inquiryId: i.msg!,
          body: 'x',
          status: 'S3',
          attachmentIds: ['a', 'b', 'c', 'd'],
        }),
      'VALIDATION',
    ],
    [
      'unknown inquiry',
      (o) => o.enqueueReply({ inquiryId: '100001:999999999', body: 'x', status: 'S3' }),
      'INQUIRY_NOT_FOUND',
    ],
    [
      'hide without title',
      (o, i) => o.enqueueHide({ inquiryId: i.item!, title: ' ', reason: 'r' }),
      'HIDE_TITLE_REQUIRED',
    ],
    [
      'hide without reason',
      (o, i) => o.enqueueHide({ inquiryId: i.item!, title: 't', reason: '' }),
      'HIDE_REASON_REQUIRED',
    ],
    [
      'hide a memo',
      (o, i) => o.enqueueHide({ inquiryId: i.msg!, title: 't', reason: 'r' }),
      'HIDE_NOT_PRODUCT_QUESTION',
    ],
    [
      'hide title too long',
      (o, i) => o.enqueueHide({ inquiryId: i.item!, title: 't'.repeat(101), reason: 'r' }),
      'VALIDATION',
    ],
    [
      'auto reply via MyQoo10',
      (o, i) => o.enqueueAutoReply({ inquiryId: i.myqoo10! }),
      'AUTO_REPLY_NOT_ALLOWED',
    ],
  ];
  it.each(cases)('%s', (_name, act, code) => {
    const ids = {
      msg: pick("inq_type = 'MSG' AND question_type = 'general'"),
      item: pick("inq_type = 'ITEM' AND hidden = 0"),
      myqoo10: pick("question_type = 'customer'"),
    };
    const snapshot = cache.db
      .prepare('SELECT id, status, hidden, answered_at FROM inquiries ORDER BY id')
      .all();
    let thrown: unknown;
    try {
      act(outbox, ids);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(AppFailure);
    expect((thrown as AppFailure).code).toBe(code);
    expect(outboxRows()).toBe(0);
    expect(
      cache.db.prepare('SELECT id, status, hidden, answered_at FROM inquiries ORDER BY id').all(),
    ).toEqual(snapshot);
  });
});

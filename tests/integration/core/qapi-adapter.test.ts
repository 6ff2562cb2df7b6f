import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../src/shared/errors.js';
import { createOutbox, type Outbox } from '../../../src/main/core/outbox/index.js';
import type { Session } from '../../../src/main/core/session/index.js';
import { createSyncEngine, type SyncEngine } from '../../../src/main/core/sync/index.js';
import type { Sandbox } from '../../../src/sandbox/server.js';
import { loggedIn, serverCount, startTestSandbox, tempDb, type TempDb } from './helpers.js';

// The public-QAPI adapter against the public methods of the same sandbox (they act on the
// account's first shop, 100001).
let sandbox: Sandbox;
let cache: TempDb;
let session: Session;
let sync: SyncEngine;
let outbox: Outbox;
const DAY = 24 * 60 * 60 * 1000;

// One sandbox and one first pass for the file: each test works on inquiries of its own.
beforeAll(async () => {
  sandbox = await startTestSandbox({ inquiries: 300 });
  cache = tempDb();
  session = await loggedIn(sandbox, cache.db, { adapter: 'qapi' });
  sync = createSyncEngine({
    db: cache.db,
    gateway: () => session.gateway(),
    shops: () => session.shopIds(),
  });
  outbox = createOutbox({ db: cache.db, gateway: () => session.gateway() });
  await sync.syncAll();
});
afterAll(async () => {
  cache.cleanup();
  await sandbox.close();
});

const local = (sql: string, ...p: unknown[]) =>
  cache.db.prepare(sql).get(...p) as Record<string, unknown>;
function code(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return e instanceof AppFailure ? e.code : 'thrown';
  }
}

describe('qapi adapter', () => {
  it('reports what public QAPI can do: one shop, no hide, no replying status', () => {
    const info = session.info()!;
    expect(info.shops).toEqual([{ id: 'demo', name: 'demo' }]);
    expect(info.capabilities).toEqual({
      adapter: 'qapi',
      multiShop: false,
      replyingStatus: false,
      autoReply: false,
      hide: false,
      attachments: false,
      replyTitle: false,
    });
  });

  it('syncs 30 days of day windows per status: what the server lists, nothing more', () => {
    expect(sync.status().state).toBe('idle');
    const since = Date.now() - 30 * DAY;
    const expected = serverCount(
      sandbox,
      "SELECT count(*) AS n FROM inquiries WHERE shop_id = '100001' AND last_buyer_dt > ?",
      since + 60_000, // a minute of slack for the clock moving during the test
    );
    const got = local("SELECT count(*) AS n FROM inquiries WHERE shop_id = 'demo'").n as number;
    expect(got).toBeGreaterThanOrEqual(expected);
    expect(got).toBeLessThanOrEqual(
      serverCount(
        sandbox,
        "SELECT count(*) AS n FROM inquiries WHERE shop_id = '100001' AND last_buyer_dt > ?",
        since - 60_000,
      ),
    );
  });

  it('replies through SetInquiryMessage; refuses what the adapter cannot do', async () => {
    const row = local(
      "SELECT id, question_no AS q FROM inquiries WHERE shop_id = 'demo' AND status = 'S1' AND inq_type = 'ITEM' LIMIT 1",
    );
    const id = row.id as string;
    expect(code(() => outbox.enqueueReply({ inquiryId: id, body: 'x', status: 'S2' }))).toBe(
      'CAPABILITY_MISSING',
    );
    expect(code(() => outbox.enqueueHide({ inquiryId: id, title: 't', reason: 'r' }))).toBe(
      'CAPABILITY_MISSING',
    );
    expect(code(() => outbox.enqueueAutoReply({ inquiryId: id }))).toBe('CAPABILITY_MISSING');
    expect(
      code(() => outbox.enqueueReply({ inquiryId: id, title: 'Custom', body: 'x', status: 'S3' })),
    ).toBe('CAPABILITY_MISSING');

    const before = serverCount(
      sandbox,
      "SELECT count(*) AS n FROM messages WHERE question_no = ? AND author = 'SELLER'",
      row.q,
    );
    outbox.enqueueReply({ inquiryId: id, body: '公開APIからの回答', status: 'S3' });
    expect((await outbox.deliverPending()).sent).toBe(1);
    expect(
      serverCount(
        sandbox,
        "SELECT count(*) AS n FROM messages WHERE question_no = ? AND author = 'SELLER'",
        row.q,
      ),
    ).toBe(before + 1);
    expect(
      serverCount(
        sandbox,
        "SELECT count(*) AS n FROM inquiries WHERE question_no = ? AND status = 'S3'",
        row.q,
      ),
    ).toBe(1);
  });

  it('an unacknowledged send is read back, not sent twice', async () => {
    const row = local(
      "SELECT id, question_no AS q, reply_seq_no AS seq, inq_type AS t FROM inquiries WHERE shop_id = 'demo' AND status = 'S1' LIMIT 1",
    );
    const item = outbox.enqueueReply({
      inquiryId: row.id as string,
      body: '一度だけ',
      status: 'S3',
    });
    const firstAttemptAt = Date.now();
    // The crashed run sent it; the answer was lost.
    await session.gateway()!.reply({
      shopId: 'demo',
      questionNo: row.q as number,
      inqType: row.t as 'MSG',
      replySeqNo: row.seq as number,
      requestId: item.requestId,
      baseVersion: 1,
      title: null,
      body: '一度だけ',
      status: 'S3',
      attachmentIds: [],
    });
    cache.db
      .prepare(
        "UPDATE outbox SET state = 'sending', attempts = 1, payload = json_set(payload, '$.firstAttemptAt', ?) WHERE id = ?",
      )
      .run(firstAttemptAt, item.id);
    await outbox.deliverPending();
    expect(outbox.get(item.id)?.state).toBe('sent');
    expect(
      serverCount(
        sandbox,
        "SELECT count(*) AS n FROM messages WHERE question_no = ? AND contents = '一度だけ'",
        row.q,
      ),
    ).toBe(1);
  });

  it('catches an S1 → S3 transition made elsewhere on the next pass', async () => {
    // An old unanswered one (outside the recent S3 re-poll), answered from another client.
    const row = local(
      "SELECT id, question_no AS q FROM inquiries WHERE shop_id = 'demo' AND status = 'S1' AND last_buyer_at < ? ORDER BY last_buyer_at LIMIT 1",
      Date.now() - 10 * DAY,
    );
    const other = tempDb();
    try {
      const qpost = await loggedIn(sandbox, other.db);
      const t = await qpost.gateway()!.getThread('100001', row.q as number);
      await qpost.gateway()!.reply({
        shopId: '100001',
        questionNo: row.q as number,
        inqType: t.inqType,
        replySeqNo: null,
        requestId: 'elsewhere-1',
        baseVersion: t.version,
        title: null,
        body: '別端末から',
        status: 'S3',
        attachmentIds: [],
      });
    } finally {
      other.cleanup();
    }
    await sync.syncAll();
    expect(local('SELECT status FROM inquiries WHERE id = ?', row.id).status).toBe('S3');
  });
});

import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTO_REPLY_TEXT } from '../../../src/shared/limits.js';
import { createOutbox, type Outbox } from '../../../src/main/core/outbox/index.js';
import type { Session } from '../../../src/main/core/session/index.js';
import { createSyncEngine } from '../../../src/main/core/sync/index.js';
import type { Sandbox } from '../../../src/sandbox/server.js';
import { getDraft, saveDraft } from '../../../src/main/core/store/drafts.js';
import {
  admin,
  failureCode,
  loggedIn,
  recorder,
  startTestSandbox,
  tempDb,
  type TempDb,
} from './helpers.js';

let sandbox: Sandbox;
let cache: TempDb;
let session: Session;
let events: ReturnType<typeof recorder>;
let outbox: Outbox;

async function syncAll(s: Session, c: TempDb) {
  await createSyncEngine({
    db: c.db,
    gateway: () => s.gateway(),
    shops: () => s.shopIds(),
  }).syncAll();
}

// One sandbox and one first sync for the file; every test acts on inquiries no other test used.
beforeAll(async () => {
  sandbox = await startTestSandbox({ inquiries: 200 });
  cache = tempDb();
  session = await loggedIn(sandbox, cache.db);
  await syncAll(session, cache);
});
afterAll(async () => {
  cache.cleanup();
  await sandbox.close();
});
beforeEach(() => {
  events = recorder();
  outbox = createOutbox({
    db: cache.db,
    gateway: () => session.gateway(),
    emit: events.emit,
    backoff: { baseMs: 5, capMs: 50 },
  });
});
afterEach(() => outbox.stop());

interface Local {
  id: string;
  status: string;
  hidden: number;
  version: number;
  message_count: number;
  question_no: number;
}
const local = (id: string) =>
  cache.db
    .prepare(
      'SELECT id, status, hidden, version, message_count, question_no FROM inquiries WHERE id = ?',
    )
    .get(id) as Local;
const used = new Set<string>();
function pick(where: string, n = 1): string[] {
  const rows = (
    cache.db
      .prepare(
        `SELECT id FROM inquiries WHERE shop_id = '100001' AND ${where} ORDER BY question_no`,
      )
      .all() as { id: string }[]
  )
    .map((r) => r.id)
    .filter((id) => !used.has(id))
    .slice(0, n);
  expect(rows).toHaveLength(n);
  for (const id of rows) used.add(id);
  return rows;
}
const qno = (id: string) => Number(id.split(':')[1]);
const serverInquiry = (id: string) =>
  admin<{
    inquiry: Record<string, unknown>;
    messages: Record<string, unknown>[];
    sellerMessages: number;
  }>(sandbox, 'GET', `/inquiries/${qno(id)}`);

describe('outbox round trips', () => {
  it('reply: durable and visible at once, delivered once, the server copy cached', async () => {
    const [id] = pick("status = 'S1' AND inq_type = 'MSG'");
    const before = local(id!);
    const item = outbox.enqueueReply({
      inquiryId: id!,
      body: '  発送しました。<b>x</b>  ',
      status: 'S3',
    });
    expect(item).toMatchObject({ state: 'queued', body: '発送しました。<b>x</b>', status: 'S3' });
    expect(local(id!).status).toBe('S3');
    // The news waits for this call's answer (what shows the seller the reply is safe).
    expect(events.of('outboxChanged')).toEqual([]);

    const report = await outbox.deliverPending();
    expect(report).toMatchObject({ sent: 1, failed: 0, pending: 0 });
    expect(outbox.get(item.id)?.state).toBe('sent');
    const deliveries = await admin<{ sellerMessages: number }>(
      sandbox,
      'GET',
      `/requests/${item.requestId}`,
    );
    expect(deliveries.sellerMessages).toBe(1);
    const after = local(id!);
    expect(after.message_count).toBe(before.message_count + 1);
    expect(after.version).toBeGreaterThan(before.version);
    const last = cache.db
      .prepare(
        'SELECT body, author FROM messages m JOIN inquiries i ON i.rowid = m.inquiry_rowid WHERE i.id = ? ORDER BY seq_no DESC LIMIT 1',
      )
      .get(id) as { body: string; author: string };
    expect(last).toEqual({ body: '発送しました。<b>x</b>', author: 'seller' });
    expect(events.of('outboxChanged').map((e) => e.state)).toEqual(['queued', 'sending', 'sent']);
  });

  it('a queued reply takes its draft with it; a refused one leaves the draft alone', async () => {
    const [id] = pick("status = 'S2'");
    const [other] = pick("status <> 'S1'");
    const draft = { title: '[Re] x', body: 'half written', status: 'S3' as const };
    saveDraft(cache.db, { inquiryId: id!, ...draft });
    saveDraft(cache.db, { inquiryId: other!, ...draft });
    expect(
      await failureCode(
        Promise.resolve().then(() =>
          outbox.enqueueReply({ inquiryId: id!, body: '   ', status: 'S3' }),
        ),
      ),
    ).toBe('REPLY_EMPTY');
    expect(getDraft(cache.db, id!)?.body).toBe('half written');

    outbox.enqueueReply({ inquiryId: id!, body: 'ご連絡ありがとうございます。', status: 'S3' });
    expect(getDraft(cache.db, id!)).toBeNull();
    expect(getDraft(cache.db, other!)?.body).toBe('half written');
    await outbox.deliverPending();
  });

  it('reply with the "replying" status leaves the inquiry S2 on both sides', async () => {
    const [id] = pick("status = 'S1'");
    outbox.enqueueReply({ inquiryId: id!, body: '確認中です', status: 'S2' });
    await outbox.deliverPending();
    expect((await serverInquiry(id!)).inquiry.status).toBe('S2');
    expect(local(id!).status).toBe('S2');
  });

  it('auto reply sends the standard text and completes', async () => {
    const [id] = pick("status = 'S1' AND question_type != 'customer'");
    outbox.enqueueAutoReply({ inquiryId: id!, language: 'ja' });
    await outbox.deliverPending();
    const server = await serverInquiry(id!);
    expect(server.inquiry.status).toBe('S3');
    expect(server.messages.at(-1)?.contents).toBe(AUTO_REPLY_TEXT.ja);
  });

  it('hide: a product question, reason mailed to the buyer, hidden locally and remotely', async () => {
    const [id] = pick("inq_type = 'ITEM' AND hidden = 0");
    outbox.enqueueHide({
      inquiryId: id!,
      title: '非表示のお知らせ',
      reason: '個人情報が含まれるため',
      restrictBuyer: true,
    });
    expect(local(id!).hidden).toBe(1);
    await outbox.deliverPending();
    expect((await serverInquiry(id!)).inquiry.hidden).toBe(1);
    const mails = await admin<{ subject: string; body: string; from_addr: string }[]>(
      sandbox,
      'GET',
      `/mails?question_no=${qno(id!)}`,
    );
    expect(mails).toMatchObject([
      {
        subject: '非表示のお知らせ',
        body: '個人情報が含まれるため',
        from_addr: 'no-reply@qoo10.jp',
      },
    ]);
  });

  it('reply then hide on one inquiry: in order, the second follows the first version', async () => {
    const [id] = pick("inq_type = 'ITEM' AND hidden = 0 AND status = 'S1'");
    const a = outbox.enqueueReply({ inquiryId: id!, body: '回答します', status: 'S3' });
    const b = outbox.enqueueHide({ inquiryId: id!, title: 't', reason: 'r' });
    const report = await outbox.deliverPending();
    expect(report.sent).toBe(2);
    const sentAt = outbox.list(id).map((i) => [i.id, i.state]);
    expect(sentAt).toEqual([
      [a.id, 'sent'],
      [b.id, 'sent'],
    ]);
  });

  it('conflict: another staff answered first — ours is kept, theirs shown, retry sends ours', async () => {
    const [id] = pick("status = 'S1' AND inq_type = 'MSG'");
    const sellerBefore = (await serverInquiry(id!)).sellerMessages;
    const other = tempDb();
    try {
      const second = await loggedIn(sandbox, other.db);
      await syncAll(second, other);
      const theirs = createOutbox({ db: other.db, gateway: () => second.gateway() });
      outbox.enqueueReply({ inquiryId: id!, body: '私の回答', status: 'S3' });
      theirs.enqueueReply({ inquiryId: id!, body: '別担当の回答', status: 'S3' });
      await theirs.deliverPending();
    } finally {
      other.cleanup();
    }
    await outbox.deliverPending();
    const [mine] = outbox.list(id);
    expect(mine).toMatchObject({
      state: 'conflict',
      body: '私の回答',
      error: { code: 'CONFLICT' },
    });
    expect(mine?.conflict).toMatchObject({
      body: '別担当の回答',
      answeredBy: expect.any(String) as string,
    });

    outbox.retry(mine!.id);
    await outbox.deliverPending();
    expect(outbox.get(mine!.id)?.state).toBe('sent');
    expect((await serverInquiry(id!)).sellerMessages).toBe(sellerBefore + 2);
  });

  it('a row left "sending" by a crash is re-sent with its request id: exactly once', async () => {
    const [id] = pick("status = 'S1' AND inq_type = 'MSG'");
    const item = outbox.enqueueReply({ inquiryId: id!, body: '再送テスト', status: 'S3' });
    // The crashed process got this far: the server applied it, the answer never came back.
    const inquiry = local(id!);
    await session.gateway()!.reply({
      shopId: '100001',
      questionNo: inquiry.question_no,
      inqType: 'MSG',
      replySeqNo: null,
      requestId: item.requestId,
      baseVersion: inquiry.version,
      title: null,
      body: '再送テスト',
      status: 'S3',
      attachmentIds: [],
    });
    cache.db.prepare("UPDATE outbox SET state = 'sending', attempts = 1 WHERE id = ?").run(item.id);

    const restarted = createOutbox({ db: cache.db, gateway: () => session.gateway() });
    await restarted.deliverPending();
    expect(restarted.get(item.id)?.state).toBe('sent');
    const d = await admin<{ sellerMessages: number }>(
      sandbox,
      'GET',
      `/requests/${item.requestId}`,
    );
    expect(d.sellerMessages).toBe(1);
  });

  it('queued while the server is down, delivered when it is back', async () => {
    // Its own file-backed sandbox and cache: the seller key must survive the restart.
    const own = tempDb();
    const dbPath = join(own.dir, 'sandbox.sqlite');
    let server = await startTestSandbox({ inquiries: 60, dbPath });
    try {
      const s = await loggedIn(server, own.db);
      await syncAll(s, own);
      const box = createOutbox({
        db: own.db,
        gateway: () => s.gateway(),
        backoff: { baseMs: 5, capMs: 50 },
      });
      const { id } = own.db
        .prepare("SELECT id FROM inquiries WHERE status = 'S1' AND inq_type = 'MSG' LIMIT 1")
        .get() as { id: string };
      const port = server.port;
      await server.close();
      const item = box.enqueueReply({ inquiryId: id, body: 'オフラインで書いた', status: 'S3' });
      const first = await box.deliverPending();
      expect(first).toMatchObject({ sent: 0, pending: 1 });
      expect(box.get(item.id)).toMatchObject({ state: 'queued', error: { code: 'NETWORK' } });
      server = await startTestSandbox({ dbPath, port });
      const done = await box.deliverAll(Date.now() + 10_000);
      expect(done.sent).toBe(1);
      expect(box.get(item.id)?.state).toBe('sent');
    } finally {
      own.cleanup();
      await server.close();
    }
  });

  it('cancel keeps the row, sends nothing, and restores the server state locally', async () => {
    const [id] = pick("status = 'S1' AND inq_type = 'MSG'");
    const sellerBefore = (await serverInquiry(id!)).sellerMessages;
    const item = outbox.enqueueReply({ inquiryId: id!, body: 'やっぱりやめる', status: 'S3' });
    expect(outbox.cancel(item.id).state).toBe('cancelled');
    await outbox.deliverPending();
    expect(outbox.get(item.id)?.state).toBe('cancelled');
    expect((await serverInquiry(id!)).sellerMessages).toBe(sellerBefore);
    await vi.waitFor(() => expect(local(id!).status).toBe('S1'));
    expect(() => outbox.cancel(item.id)).toThrow(
      expect.objectContaining({ code: 'OUTBOX_STATE' }) as Error,
    );
    expect(() => outbox.retry(item.id)).toThrow(
      expect.objectContaining({ code: 'OUTBOX_STATE' }) as Error,
    );
    expect(() => outbox.cancel('nope')).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }) as Error,
    );
  });

  it('a permanent refusal fails with its reason; retry uses a fresh request id', async () => {
    const [id] = pick("status = 'S1' AND inq_type = 'MSG'");
    const item = outbox.enqueueReply({
      inquiryId: id!,
      body: 'x',
      status: 'S3',
      attachmentIds: ['Fmissing'],
    });
    await outbox.deliverPending();
    const failed = outbox.get(item.id)!;
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'NOT_FOUND' } });
    const again = outbox.retry(item.id);
    expect(again.state).toBe('queued');
    expect(again.requestId).not.toBe(item.requestId);
  });
});

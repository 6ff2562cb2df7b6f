import { describe, expect, it } from 'vitest';
import {
  applyLocalEffect,
  applyThreads,
  getInquiry,
  getInquiryForAction,
  readThread,
} from '../../../../../src/main/core/store/inquiries.js';
import {
  writeSearchDocs,
  type DeferredDocs,
} from '../../../../../src/main/core/store/inquiry-write.js';
import { searchInquiries } from '../../../../../src/main/core/store/search.js';
import { tempDb } from '../db/temp-db.js';
import { HOUR, T0, message, seedShops, thread } from './builders.js';

const textHits = (db: ReturnType<typeof tempDb>, text: string): string[] =>
  searchInquiries(db, { shopIds: ['shopA', 'shopB'], text }, T0).rows.map((r) => r.id);

describe('applyThreads', () => {
  it('inserts inquiries with derived columns and reports them changed', () => {
    const db = tempDb();
    seedShops(db);
    const t = thread(1, {
      messages: [
        message(1, { author: 'buyer', sentAt: T0 }),
        message(2, { author: 'seller', sentAt: T0 + HOUR }),
        message(3, { author: 'buyer', sentAt: T0 + 2 * HOUR, body: '  まだ\n届きません  ' }),
      ],
    });
    expect(applyThreads(db, [t])).toEqual({ changedIds: ['shopA:1'] });
    const row = db.prepare('SELECT * FROM inquiries').get() as Record<string, unknown>;
    expect(row).toMatchObject({
      id: 'shopA:1',
      source: 'customer',
      question_type: 'general',
      last_buyer_at: T0 + 2 * HOUR,
      reply_seq_no: 3,
      snippet: 'まだ 届きません',
      message_count: 3,
    });
  });

  it('derives source and question type from INQ_TYPE and the MyQoo10 flag', () => {
    const db = tempDb();
    seedShops(db);
    applyThreads(db, [
      thread(1, { inqType: 'ITEM' }),
      thread(2, { inqType: 'MSG', viaMyQoo10: true }),
      thread(3, { inqType: 'MSG' }),
      thread(4, { inqType: 'HELP', viaMyQoo10: true }),
    ]);
    const rows = db
      .prepare('SELECT question_no, source, question_type FROM inquiries ORDER BY question_no')
      .all();
    expect(rows).toEqual([
      { question_no: 1, source: 'customer', question_type: 'product' },
      { question_no: 2, source: 'customer', question_type: 'customer' },
      { question_no: 3, source: 'customer', question_type: 'general' },
      { question_no: 4, source: 'qoo10', question_type: 'general' },
    ]);
  });

  it('cuts the snippet of a long message at 120 characters', () => {
    const db = tempDb();
    seedShops(db);
    applyThreads(db, [thread(1, { messages: [message(1, { body: 'あ'.repeat(300) })] })]);
    const snippet = db.prepare('SELECT snippet FROM inquiries').pluck().get() as string;
    expect(Array.from(snippet)).toHaveLength(120);
    expect(snippet.endsWith('…')).toBe(true);
  });

  it('replaces the messages of a complete thread and keeps the full text in step', () => {
    const db = tempDb();
    seedShops(db);
    applyThreads(db, [thread(1, { messages: [message(1, { body: '配送について' }), message(2)] })]);
    expect(textHits(db, '配送')).toEqual(['shopA:1']);
    const { changedIds } = applyThreads(db, [
      thread(1, {
        version: 2,
        updatedAt: T0 + HOUR,
        messages: [message(1, { body: '返品について' })],
      }),
    ]);
    expect(changedIds).toEqual(['shopA:1']);
    expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(1);
    expect(textHits(db, '配送')).toEqual([]);
    expect(textHits(db, '返品')).toEqual(['shopA:1']);
    expect(textHits(db, '返品について')).toEqual(['shopA:1']);
  });

  it('merges a partial thread by seqNo', () => {
    const db = tempDb();
    seedShops(db);
    applyThreads(db, [thread(1, { messages: [message(1, { body: 'first' }), message(2)] })]);
    applyThreads(db, [
      thread(1, {
        complete: false,
        messages: [message(2, { body: 'second edited' }), message(3, { body: 'third' })],
      }),
    ]);
    const bodies = db.prepare('SELECT body FROM messages ORDER BY seq_no').pluck().all();
    expect(bodies).toEqual(['first', 'second edited', 'third']);
    expect(db.prepare('SELECT message_count, reply_seq_no FROM inquiries').get()).toEqual({
      message_count: 3,
      reply_seq_no: 3,
    });
    expect(textHits(db, 'first')).toEqual(['shopA:1']);
    expect(textHits(db, 'third')).toEqual(['shopA:1']);
  });

  it('a partial thread of an inquiry the cache does not know yet stores its messages', () => {
    const db = tempDb();
    seedShops(db);
    applyThreads(db, [thread(1, { complete: false, messages: [message(4, { body: 'late' })] })]);
    expect(db.prepare('SELECT seq_no, body FROM messages').all()).toEqual([
      { seq_no: 4, body: 'late' },
    ]);
  });

  it('a new inquiry that reuses the rowid of a deleted one gets only its own messages', () => {
    const db = tempDb();
    seedShops(db);
    applyThreads(db, [thread(1), thread(2, { messages: [message(1), message(2)] })]);
    const rowid = db.prepare("SELECT rowid FROM inquiries WHERE id = 'shopA:2'").pluck().get();
    db.prepare("DELETE FROM inquiries WHERE id = 'shopA:2'").run();
    // A fresh insert takes max(rowid) + 1: the deleted inquiry's rowid again.
    applyThreads(db, [thread(3, { messages: [message(2, { body: 'only me' })] })]);
    expect(db.prepare("SELECT rowid FROM inquiries WHERE id = 'shopA:3'").pluck().get()).toBe(
      rowid,
    );
    expect(
      db.prepare('SELECT seq_no, body FROM messages WHERE inquiry_rowid = ?').all(rowid),
    ).toEqual([{ seq_no: 2, body: 'only me' }]);
  });

  it('defers full-text documents to the caller, one per inquiry, the later one winning', () => {
    const db = tempDb();
    seedShops(db);
    const docs: DeferredDocs = new Map();
    applyThreads(db, [thread(1, { title: '配送の件' })], { deferDocs: docs });
    applyThreads(db, [thread(1, { version: 2, updatedAt: T0 + HOUR, title: '返品の件' })], {
      deferDocs: docs,
    });
    expect(docs.size).toBe(1);
    expect(textHits(db, '返品')).toEqual([]);
    writeSearchDocs(db, docs);
    expect(textHits(db, '返品')).toEqual(['shopA:1']);
    expect(textHits(db, '配送')).toEqual([]);
  });

  it('a deferred document that was never written is written when the thread comes again', () => {
    const db = tempDb();
    seedShops(db);
    // The process died after the rows committed and before the documents did.
    applyThreads(db, [thread(1, { title: '配送の件' })], { deferDocs: new Map() });
    expect(textHits(db, '配送')).toEqual([]);
    expect(applyThreads(db, [thread(1, { title: '配送の件' })]).changedIds).toEqual([]);
    expect(textHits(db, '配送')).toEqual(['shopA:1']);
    // Seen once more: the document is there, nothing is written twice.
    applyThreads(db, [thread(1, { title: '配送の件' })]);
    expect(db.prepare('SELECT count(*) FROM inquiry_fts_docsize').pluck().get()).toBe(1);
  });

  it('a changed thread whose new document was lost never keeps the old one', () => {
    const db = tempDb();
    seedShops(db);
    applyThreads(db, [thread(1, { title: '配送の件' })]);
    const changed = thread(1, { version: 2, updatedAt: T0 + HOUR, title: '返品の件' });
    applyThreads(db, [changed], { deferDocs: new Map() });
    expect(textHits(db, '配送')).toEqual([]);
    applyThreads(db, [changed]);
    expect(textHits(db, '返品')).toEqual(['shopA:1']);
  });

  it('keeps one message per seqNo when a page repeats one', () => {
    const db = tempDb();
    seedShops(db);
    applyThreads(db, [
      thread(1, {
        messages: [message(1, { body: 'old' }), message(2), message(1, { body: 'new' })],
      }),
    ]);
    expect(db.prepare('SELECT body FROM messages ORDER BY seq_no').pluck().all()).toEqual([
      'new',
      'body 2',
    ]);
    expect(db.prepare('SELECT message_count FROM inquiries').pluck().get()).toBe(2);
  });

  it('reports nothing changed when the same thread arrives again', () => {
    const db = tempDb();
    seedShops(db);
    applyThreads(db, [thread(1), thread(2)]);
    expect(applyThreads(db, [thread(1), thread(2, { status: 'S3' })]).changedIds).toEqual([
      'shopA:2',
    ]);
    expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(2);
  });

  it('keeps attachment metadata and its downloaded path, dropping ones no longer present', () => {
    const db = tempDb();
    seedShops(db);
    const a = { id: 'att1', fileName: 'photo.jpg', mime: 'image/jpeg', size: 10 };
    const b = { id: 'att2', fileName: 'doc.pdf', mime: 'application/pdf', size: 20 };
    applyThreads(db, [thread(1, { messages: [message(1, { attachments: [a, b] })] })]);
    db.prepare("UPDATE attachments SET local_path = '/cache/att1' WHERE id = 'att1'").run();
    applyThreads(db, [thread(1, { version: 2, messages: [message(1, { attachments: [a] })] })]);
    expect(db.prepare('SELECT id, local_path FROM attachments').all()).toEqual([
      { id: 'att1', local_path: '/cache/att1' },
    ]);
  });

  it("joins the caller's transaction instead of opening its own", () => {
    const db = tempDb();
    seedShops(db);
    expect(() =>
      db.transaction(() => {
        applyThreads(db, [thread(1)]);
        throw new Error('crash before the cursor is saved');
      })(),
    ).toThrow('crash');
    expect(db.prepare('SELECT count(*) FROM inquiries').pluck().get()).toBe(0);
    expect(textHits(db, 'body')).toEqual([]);
  });

  it('applies nothing of a batch when one thread is invalid', () => {
    const db = tempDb();
    seedShops(db);
    expect(() => applyThreads(db, [thread(1), thread(2, { shopId: 'unknownShop' })])).toThrow();
    expect(db.prepare('SELECT count(*) FROM inquiries').pluck().get()).toBe(0);
  });

  it('drops the full-text document when an inquiry goes with its shop', () => {
    const db = tempDb();
    seedShops(db);
    applyThreads(db, [thread(1, { title: '消える問い合わせ' })]);
    db.prepare("DELETE FROM shops WHERE id = 'shopA'").run();
    expect(
      db.prepare("SELECT count(*) FROM inquiry_fts WHERE inquiry_fts MATCH '消える'").pluck().get(),
    ).toBe(0);
  });
});

describe('applyLocalEffect', () => {
  it('changes status, hidden and answer time without touching the version', () => {
    const db = tempDb();
    seedShops(db);
    applyThreads(db, [thread(1, { inqType: 'ITEM' })]);
    expect(applyLocalEffect(db, 'shopA:1', { status: 'S3', answeredAt: T0 + HOUR })).toBe(true);
    expect(applyLocalEffect(db, 'shopA:1', { hidden: true })).toBe(true);
    const s = getInquiry(db, 'shopA:1', T0)!;
    expect(s).toMatchObject({
      status: 'S3',
      hidden: true,
      version: 1,
      answeredAt: '2026-11-01T13:00:00+09:00',
    });
    expect(applyLocalEffect(db, 'shopA:999', { status: 'S3' })).toBe(false);
  });
});

describe('getInquiry / getInquiryForAction', () => {
  it('returns the summary with shop name, waiting hours and pending outbox items', () => {
    const db = tempDb();
    seedShops(db);
    applyThreads(db, [thread(1, { inqType: 'MSG', viaMyQoo10: true })]);
    const insert = db.prepare(
      `INSERT INTO outbox (id, request_id, inquiry_id, shop_id, kind, state, payload, base_version, created_at, updated_at)
       VALUES (?, ?, 'shopA:1', 'shopA', 'reply', ?, '{}', 1, 0, 0)`,
    );
    ['queued', 'failed', 'sent', 'cancelled'].forEach((state, n) =>
      insert.run(`o${n}`, `r${n}`, state),
    );
    const s = getInquiryForAction(db, 'shopA:1', T0 + 30 * HOUR)!;
    expect(s).toMatchObject({
      id: 'shopA:1',
      shopName: 'Shop A',
      pendingCount: 2,
      waitingHours: 29, // buyer wrote at T0 + 1h
      replySeqNo: 1,
      viaMyQoo10: true,
      inqType: 'MSG',
      receivedAt: '2026-11-01T12:00:00+09:00',
    });
    expect(getInquiry(db, 'shopA:2')).toBeNull();
    expect(getInquiryForAction(db, 'shopA:2')).toBeNull();
  });

  it('has no waiting time once answered, and counts again when the buyer writes after a "replying" answer', () => {
    const db = tempDb();
    seedShops(db);
    applyThreads(db, [
      thread(1, { status: 'S3', answeredAt: T0 + 2 * HOUR }),
      thread(2, {
        status: 'S2',
        answeredAt: T0 + 2 * HOUR,
        messages: [message(1), message(2), message(3)],
      }),
      thread(3, {
        status: 'S2',
        answeredAt: T0 + 5 * HOUR,
        messages: [message(1), message(2), message(3)],
      }),
    ]);
    expect(getInquiry(db, 'shopA:1', T0 + 10 * HOUR)!.waitingHours).toBeNull();
    expect(getInquiry(db, 'shopA:2', T0 + 10 * HOUR)!.waitingHours).toBe(7);
    expect(getInquiry(db, 'shopA:3', T0 + 10 * HOUR)!.waitingHours).toBeNull();
  });
});

describe('readThread', () => {
  it('pages messages oldest to newest with ISO JST dates and attachments', () => {
    const db = tempDb();
    seedShops(db);
    const att = { id: 'a1', fileName: 'x.png', mime: 'image/png', size: 3 };
    const messages = Array.from({ length: 7 }, (_, k) =>
      message(k + 1, k === 5 ? { attachments: [att] } : {}),
    );
    applyThreads(db, [thread(1, { messages })]);
    const last = readThread(db, 'shopA:1', { limit: 3 }, T0)!;
    expect(last.messages.map((m) => m.seqNo)).toEqual([5, 6, 7]);
    expect(last.hasOlder).toBe(true);
    expect(last.messages[0]!.sentAt).toBe('2026-11-01T17:00:00+09:00');
    expect(last.messages[1]!.attachments).toEqual([att]);
    expect(last.inquiry.id).toBe('shopA:1');
    const older = readThread(db, 'shopA:1', { beforeSeq: 5, limit: 3 }, T0)!;
    expect(older.messages.map((m) => m.seqNo)).toEqual([2, 3, 4]);
    expect(older.hasOlder).toBe(true);
    const first = readThread(db, 'shopA:1', { beforeSeq: 2, limit: 3 }, T0)!;
    expect(first.messages.map((m) => m.seqNo)).toEqual([1]);
    expect(first.hasOlder).toBe(false);
    expect(readThread(db, 'shopA:9', { limit: 3 })).toBeNull();
  });
});

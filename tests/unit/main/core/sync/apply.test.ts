import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Database } from '../../../../../src/main/core/db/open.js';
import { replaceShops, upsertAccount } from '../../../../../src/main/core/store/inquiries.js';
import type { ThreadRecord } from '../../../../../src/main/core/store/types.js';
import {
  createSliceApplier,
  MAX_SLICE,
  MIN_SLICE,
  nextSliceSize,
  TARGET_SLICE_MS,
  type SliceApplier,
} from '../../../../../src/main/core/sync/apply.js';
import type { WindowFirst } from '../../../../../src/main/core/sync/window-first.js';
import { readSyncState, saveSyncPosition } from '../../../../../src/main/core/sync/state.js';
import { enqueue } from '../../../../../src/main/core/outbox/enqueue.js';
import { QPOST_CAPABILITIES } from '../../../../../src/main/core/gateway/index.js';

let dir: string;
let db: Database;
let appliers: SliceApplier[] = [];
/** A slice applier that afterEach closes (a bulk apply starts a checkpoint worker). */
function applierFor(database: Database, windowFirst?: WindowFirst): SliceApplier {
  const applier = createSliceApplier(database, windowFirst);
  appliers.push(applier);
  return applier;
}
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'toiawase-apply-'));
  db = openDatabase(join(dir, 'c.db'));
  const account = upsertAccount(db, {
    user: 'u',
    serverUrl: 'http://x',
    location: 'sandbox',
    adapter: 'qpost',
  });
  replaceShops(db, account, [{ id: 's1', name: 'Shop' }]);
});
afterEach(async () => {
  await Promise.all(appliers.map((a) => a.close()));
  appliers = [];
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const thread = (q: number, status: ThreadRecord['status'] = 'S1'): ThreadRecord => ({
  shopId: 's1',
  questionNo: q,
  inqType: 'MSG',
  viaMyQoo10: false,
  status,
  category: 'other',
  title: `t${q}`,
  buyerId: 'b',
  buyerName: 'B',
  receiver: 'r',
  itemNo: null,
  itemName: null,
  itemCategory: null,
  sellerCode: null,
  orderNo: null,
  cartNo: null,
  receivedAt: 1_700_000_000_000,
  answeredAt: null,
  updatedAt: 1_700_000_000_000 + q,
  hidden: false,
  version: 1,
  messages: [
    {
      seqNo: q * 10,
      author: 'buyer',
      from: 'B',
      to: 'r',
      title: 't',
      body: `本文${q}`,
      sentAt: 1_700_000_000_000,
      attachments: [],
    },
  ],
  complete: true,
});

describe('slice applier', () => {
  it('applies a page in slices and writes the cursor with the last one, idempotently', async () => {
    const applier = applierFor(db);
    const page = Array.from({ length: 450 }, (_, i) => thread(i + 1));
    const changed = await applier.apply(page, () => saveSyncPosition(db, 's1', 'c1', true, 5));
    expect(changed).toHaveLength(450);
    expect(applier.slices).toBeGreaterThanOrEqual(1);
    expect(readSyncState(db, 's1')).toMatchObject({ cursor: 'c1', fullDone: true, lastSyncAt: 5 });
    // The same page again (a crash before the cursor moved): nothing new, nothing doubled.
    expect(await applier.apply(page)).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM inquiries').get()).toEqual({ n: 450 });
    expect(db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 450 });
  });

  it('a failing slice leaves the cursor where it was', async () => {
    const applier = applierFor(db);
    saveSyncPosition(db, 's1', 'before', false, 1);
    const bad = { ...thread(1), shopId: 'no-such-shop' };
    await expect(
      applier.apply([bad], () => saveSyncPosition(db, 's1', 'after', true, 2)),
    ).rejects.toThrow();
    expect(readSyncState(db, 's1').cursor).toBe('before');
  });

  it("keeps the seller's unsent action visible over the server state", async () => {
    const applier = applierFor(db);
    await applier.apply([thread(1)]);
    enqueue(
      db,
      { kind: 'reply', inquiryId: 's1:1', body: 'まだ送っていない', status: 'S3' },
      QPOST_CAPABILITIES,
      10,
    );
    await applier.apply([{ ...thread(1), version: 2, updatedAt: 1_800_000_000_000 }]);
    expect(db.prepare("SELECT status FROM inquiries WHERE id = 's1:1'").get()).toEqual({
      status: 'S3',
    });
  });

  it('never puts more than MAX_SLICE threads in one transaction', async () => {
    const applier = applierFor(db);
    const page = Array.from({ length: 2 * MAX_SLICE + 1 }, (_, i) => thread(i + 1));
    await applier.apply(page);
    expect(applier.slices).toBeGreaterThanOrEqual(3);
    expect(db.prepare('SELECT count(*) AS n FROM inquiries').get()).toEqual({ n: page.length });
  });
});

describe('giving way to the window', () => {
  it('writes no slice until the window lets it, and asks before every slice', async () => {
    let letGo = (): void => undefined;
    const busy = new Promise<void>((resolve) => {
      letGo = resolve;
    });
    const windowFirst = { touch: () => undefined, clear: vi.fn(() => busy) };
    const applier = applierFor(db, windowFirst);
    const count = () => db.prepare('SELECT count(*) AS n FROM inquiries').get();
    const applying = applier.apply(
      Array.from({ length: MAX_SLICE + 1 }, (_, i) => thread(i + 1)),
      () => saveSyncPosition(db, 's1', 'c1', true, 5),
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(count()).toEqual({ n: 0 });
    expect(readSyncState(db, 's1').cursor).toBeNull();
    letGo();
    await applying;
    expect(count()).toEqual({ n: MAX_SLICE + 1 });
    expect(readSyncState(db, 's1').cursor).toBe('c1');
    expect(windowFirst.clear).toHaveBeenCalledTimes(applier.slices);
  });
});

describe('full-text documents of a page', () => {
  it('are all committed, once each, by the time the cursor is', async () => {
    const applier = applierFor(db);
    const page = Array.from({ length: 300 }, (_, i) => thread(i + 1));
    await applier.apply(page, () => saveSyncPosition(db, 's1', 'c1', false, 5));
    expect(db.prepare('SELECT count(*) AS n FROM inquiry_fts_docsize').get()).toEqual({ n: 300 });
    expect(
      db.prepare("SELECT count(*) AS n FROM inquiry_fts WHERE inquiry_fts MATCH '本文12'").get(),
    ).toEqual({ n: 11 }); // 本文12 and 本文120–129
    await applier.apply(page, () => saveSyncPosition(db, 's1', 'c1', false, 6));
    expect(db.prepare('SELECT count(*) AS n FROM inquiry_fts_docsize').get()).toEqual({ n: 300 });
  });
});

describe('slice size', () => {
  it('aims at the target time from the cost per thread, within the bounds', () => {
    expect(nextSliceSize(TARGET_SLICE_MS / 50)).toBe(50);
    expect(nextSliceSize(0.0001)).toBe(MAX_SLICE);
    expect(nextSliceSize(1000)).toBe(MIN_SLICE);
    expect(nextSliceSize(0)).toBe(MAX_SLICE);
    expect(nextSliceSize(Number.NaN)).toBe(MAX_SLICE);
  });
});

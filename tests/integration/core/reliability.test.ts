// Crash safety with real processes: a client child is killed with SIGKILL in the middle of
// delivering 1,000 actions under network faults, or in the middle of a sync, then restarted.
// Every action must reach the sandbox exactly once (counted there, per request id), and the
// sync must resume from its cursor with nothing lost and nothing doubled.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutbox } from '../../../src/main/core/outbox/index.js';
import { openDatabase } from '../../../src/main/core/db/open.js';
import { createSyncEngine } from '../../../src/main/core/sync/index.js';
import type { Sandbox } from '../../../src/sandbox/server.js';
import { runDriver } from './child.js';
import {
  admin,
  DEMO,
  loggedIn,
  serverCount,
  startTestSandbox,
  tempDb,
  type TempDb,
} from './helpers.js';

let sandbox: Sandbox;
let cache: TempDb;
beforeEach(async () => {
  sandbox = await startTestSandbox({ inquiries: 700, seed: 11 });
  cache = tempDb();
});
afterEach(async () => {
  cache.cleanup();
  await sandbox.close();
});

const args = (mode: string, extra: string[] = []) => [
  mode,
  '--server',
  sandbox.url,
  '--db',
  cache.path,
  ...extra,
];

describe('reliability', () => {
  it(
    '1,000 actions under faults, kill -9 mid-delivery, restart: each delivered exactly once',
    { timeout: 120_000 },
    async () => {
      const session = await loggedIn(sandbox, cache.db);
      await createSyncEngine({
        db: cache.db,
        gateway: () => session.gateway(),
        shops: () => ['100001'],
      }).syncAll();
      const outbox = createOutbox({ db: cache.db, gateway: () => session.gateway() });
      const targets = cache.db
        .prepare("SELECT id FROM inquiries WHERE shop_id = '100001' ORDER BY question_no LIMIT 250")
        .all() as { id: string }[];
      expect(targets).toHaveLength(250);
      for (let round = 0; round < 4; round++) {
        for (const [i, t] of targets.entries()) {
          outbox.enqueueReply({
            inquiryId: t.id,
            body: `返信 ${round}-${i}`,
            status: round % 2 === 0 ? 'S2' : 'S3',
          });
        }
      }
      cache.db.close();
      await admin(sandbox, 'PUT', '/faults', { spec: 'error=0.05,drop=0.01' });

      const first = runDriver(args('deliver'), DEMO.password);
      await first.waitFor((l) => l === 'sent 300');
      first.proc.kill('SIGKILL');
      expect((await first.exited).signal).toBe('SIGKILL');

      const afterKill = openDatabase(cache.path);
      const states = Object.fromEntries(
        (
          afterKill.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all() as {
            state: string;
            n: number;
          }[]
        ).map((r) => [r.state, r.n]),
      );
      afterKill.close();
      expect(states.sent).toBeGreaterThanOrEqual(300);
      expect(states.sent).toBeLessThan(1000);

      const second = runDriver(args('deliver'), DEMO.password);
      const done = await second.waitFor((l) => l.startsWith('done '));
      expect((await second.exited).code).toBe(0);
      expect(JSON.parse(done.slice(5))).toMatchObject({ pending: 0, failed: 0, conflict: 0 });
      await admin(sandbox, 'PUT', '/faults', { spec: '' });

      const db = openDatabase(cache.path);
      try {
        const rows = db.prepare('SELECT request_id, state FROM outbox').all() as {
          request_id: string;
          state: string;
        }[];
        expect(rows).toHaveLength(1000);
        expect(rows.every((r) => r.state === 'sent')).toBe(true);
        // Counted on the sandbox side: every request id in its database, exactly once...
        const perRequest = sandbox.db
          .prepare(
            `SELECT request_id AS id, count(*) AS n FROM messages
             WHERE request_id IS NOT NULL AND author = 'SELLER' GROUP BY request_id`,
          )
          .all() as { id: string; n: number }[];
        const byId = new Map(perRequest.map((r) => [r.id, r.n]));
        expect(rows.filter((r) => byId.get(r.request_id) !== 1)).toEqual([]);
        expect(perRequest).toHaveLength(1000);
        // ...and through its admin API for a sample spread over the whole run.
        const sample = rows.filter((_, i) => i % 20 === 0);
        const answers = await Promise.all(
          sample.map((r) =>
            admin<{ sellerMessages: number }>(sandbox, 'GET', `/requests/${r.request_id}`),
          ),
        );
        expect(answers.map((a) => a.sellerMessages)).toEqual(sample.map(() => 1));
      } finally {
        db.close();
      }
    },
  );

  it(
    'kill -9 mid-sync: the restart resumes from the cursor, nothing lost or doubled',
    { timeout: 60_000 },
    async () => {
      const session = await loggedIn(sandbox, cache.db);
      expect(session.shopIds()).toContain('100001');
      cache.db.close();
      const total = serverCount(
        sandbox,
        "SELECT count(*) AS n FROM inquiries WHERE shop_id = '100001'",
      );
      const messages = serverCount(
        sandbox,
        "SELECT count(*) AS n FROM messages m JOIN inquiries i USING (question_no) WHERE i.shop_id = '100001'",
      );

      const first = runDriver(
        args('sync', ['--page-size', '50', '--pause-ms', '300']),
        DEMO.password,
      );
      await first.waitFor((l) => l === 'page 3');
      first.proc.kill('SIGKILL');
      await first.exited;

      const mid = openDatabase(cache.path);
      const applied = (
        mid.prepare("SELECT count(*) AS n FROM inquiries WHERE shop_id = '100001'").get() as {
          n: number;
        }
      ).n;
      const cursor = mid
        .prepare("SELECT cursor FROM sync_state WHERE shop_id = '100001'")
        .get() as {
        cursor: string | null;
      };
      mid.close();
      expect(applied).toBeGreaterThanOrEqual(150);
      expect(applied).toBeLessThan(total);
      expect(cursor.cursor).not.toBeNull();

      const second = runDriver(args('sync', ['--page-size', '50']), DEMO.password);
      const done = await second.waitFor((l) => l.startsWith('done '));
      expect((await second.exited).code).toBe(0);
      // Resumed: the second run fetched only what the first had not committed.
      expect(JSON.parse(done.slice(5)).fetched).toBe(total - applied);

      const db = openDatabase(cache.path);
      try {
        const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
        expect(n("SELECT count(*) AS n FROM inquiries WHERE shop_id = '100001'")).toBe(total);
        expect(
          n(
            "SELECT count(*) AS n FROM messages m JOIN inquiries i ON i.rowid = m.inquiry_rowid WHERE i.shop_id = '100001'",
          ),
        ).toBe(messages);
        expect(
          n("SELECT count(*) AS n FROM sync_state WHERE shop_id = '100001' AND full_done = 1"),
        ).toBe(1);
      } finally {
        db.close();
      }
    },
  );
});

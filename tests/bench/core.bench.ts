// `npm run bench:core [-- --inquiries N] [--sync-only]`: the core's figures for a 100k-inquiry shop, each next
// to a reference measured in the same run.
//  - initial sync: time and rows/s, next to the raw limit (same pages fetched, parsed and
//    bulk-inserted with prepared statements, nothing else);
//  - incremental sync with nothing changed, next to one empty change-feed round trip;
//  - search p50/p95 per filter shape, next to the same query in bare SQL;
//  - the longest event-loop block during the sync.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createCore, type LocalCore } from '../../src/main/core/index.js';
import type { InboxEvents } from '../../src/shared/api.js';
import { rawSync } from './lib/raw-sync.js';
import { startBenchSandbox } from './lib/sandbox-process.js';
import { markdownTable, ms, summarize } from './lib/stats.js';
import { runSearchBench } from './core-search.js';
import { searchShapesTable } from './lib/figures.js';

const { values } = parseArgs({
  options: {
    inquiries: { type: 'string' },
    quick: { type: 'boolean' },
    // Sync figures only (no search shapes): for old/new pairs run back to back.
    'sync-only': { type: 'boolean' },
    // Incremental syncs timed after the initial one (the p50 is the figure; the spread shows
    // whether background work after the initial sync lands on some of them).
    'incremental-samples': { type: 'string' },
  },
});
const inquiries = Number(values.inquiries ?? (values.quick === true ? 10_000 : 100_000));
const DEMO = { apiKey: 'SANDBOX-KEY', user: 'demo', password: 'demo1234' };

const work = mkdtempSync(join(tmpdir(), 'toiawase-bench-core-'));
const sandbox = await startBenchSandbox(work, inquiries);

try {
  // Reference first and last: the better of two raw runs is the limit.
  const raw1 = await rawSync(sandbox.url, DEMO, join(work, 'raw1.db'));

  const dataDir = join(work, 'core');
  const core = await createCore({ dataDir, sandboxUrl: sandbox.url, background: false });
  const timings: InboxEvents['timing'][] = [];
  core.on('timing', (t) => timings.push(t));
  const login = await core.api.login({
    user: DEMO.user,
    password: DEMO.password,
    location: 'sandbox',
  });
  if (!login.ok) throw new Error(login.error.message);

  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  // The machine is shared: the load and the CPU time actually spent tell a slow run from a
  // contended one.
  const load = loadavg()[0] ?? 0;
  const cpu0 = process.cpuUsage();
  const s0 = performance.now();
  const status = await core.sync.syncAll();
  const syncMs = performance.now() - s0;
  const syncCpu = process.cpuUsage(cpu0);
  const syncCpuMs = (syncCpu.user + syncCpu.system) / 1000;
  loop.disable();
  if (status.state !== 'idle') throw new Error(`sync ended ${status.state}: ${status.error ?? ''}`);
  const counts = core.db
    .prepare('SELECT (SELECT count(*) FROM inquiries) AS i, (SELECT count(*) FROM messages) AS m')
    .get() as { i: number; m: number };

  const incremental: number[] = [];
  const incrementalSamples = Math.max(1, Number(values['incremental-samples'] ?? 20));
  for (let i = 0; i < incrementalSamples; i++) {
    const i0 = performance.now();
    await core.sync.syncAll();
    incremental.push(performance.now() - i0);
  }
  const incrementalStats = summarize(incremental);
  const incrementalMs = incrementalStats.p50;
  const emptyRoundTrip = await timeEmptyFeed(core, login.value.shops[0]?.id ?? '');
  await core.close();

  const raw2 = await rawSync(sandbox.url, DEMO, join(work, 'raw2.db'));
  const raw = raw1.ms <= raw2.ms ? raw1 : raw2;

  const syncTimings = timings.filter((t) => t.name === 'sync.shop');
  const longestSlice = Math.max(...syncTimings.map((t) => t.detail?.longestApplySliceMs ?? 0));
  const applySlices = syncTimings.reduce((n, t) => n + (t.detail?.applySlices ?? 0), 0);
  const rowsPerSec = (counts.i + counts.m) / (syncMs / 1000);
  const rawRowsPerSec = (raw.inquiries + raw.messages) / (raw.ms / 1000);

  const dbFile = join(dataDir, 'toiawase.db');
  const search =
    values['sync-only'] === true
      ? []
      : runSearchBench(dbFile, {
          warmup: 5,
          iterations: 40,
          shopIds: login.value.shops.map((x) => x.id),
          now: Date.now(),
        });

  const syncTable = markdownTable(
    ['figure', 'Toiawase', 'reference (same run)', 'ratio'],
    [
      [
        'initial sync',
        `${ms(syncMs)} (${counts.i} inquiries, ${counts.m} messages)`,
        `raw limit ${ms(raw.ms)} (of which HTTP ${ms(raw.fetchMs)})`,
        `${(raw.ms / syncMs).toFixed(2)}× of raw speed`,
      ],
      [
        'rows/s',
        Math.round(rowsPerSec),
        Math.round(rawRowsPerSec),
        (rowsPerSec / rawRowsPerSec).toFixed(2),
      ],
      [
        `incremental sync, nothing changed (all shops, p50 of ${incremental.length})`,
        `${ms(incrementalMs)} (p95 ${ms(incrementalStats.p95)}; first five ${incremental
          .slice(0, 5)
          .map((x) => x.toFixed(0))
          .join(', ')})`,
        `one empty feed round trip ${ms(emptyRoundTrip)}`,
        (incrementalMs / emptyRoundTrip).toFixed(1),
      ],
      ['longest event-loop delay during sync', ms(loop.max / 1e6), '—', '—'],
      ['longest synchronous apply slice', `${ms(longestSlice)} (${applySlices} slices)`, '—', '—'],
      [
        'CPU time of this process during the sync (all threads)',
        ms(syncCpuMs),
        `load average at start ${load.toFixed(2)}`,
        '—',
      ],
      ['cache size on disk', `${(statSync(dbFile).size / 1e6).toFixed(1)} MB`, '—', '—'],
    ],
  );
  const searchTable = searchShapesTable(search);
  console.log(
    `\n## Core benchmark (${inquiries} inquiries generated)\n\n${syncTable}\n\n${searchTable}\n`,
  );

  const outDir = resolve(import.meta.dirname, '../../bench-results');
  mkdirSync(outDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  writeFileSync(
    join(outDir, `core-${stamp}.json`),
    JSON.stringify(
      {
        inquiries,
        syncMs,
        counts,
        raw,
        incrementalMs,
        incremental,
        emptyRoundTrip,
        loopMaxMs: loop.max / 1e6,
        longestSlice,
        applySlices,
        syncCpuMs,
        loadAverage: load,
        search,
      },
      null,
      2,
    ),
  );
  writeFileSync(join(outDir, `core-${stamp}.md`), `${syncTable}\n\n${searchTable}\n`);
} finally {
  await sandbox.stop();
  rmSync(work, { recursive: true, force: true });
}

/** The reference for an incremental sync: one change-feed round trip that returns nothing. */
async function timeEmptyFeed(core: LocalCore, shopId: string): Promise<number> {
  const gateway = core.session.gateway();
  const row = core.db.prepare('SELECT cursor FROM sync_state WHERE shop_id = ?').get(shopId) as
    { cursor: string | null } | undefined;
  if (gateway === null || row?.cursor == null) throw new Error('no synced cursor to time');
  const samples: number[] = [];
  for (let i = 0; i < 21; i++) {
    const t = performance.now();
    const page = await gateway.getChanges(shopId, row.cursor, 500);
    if (page.threads.length > 0) throw new Error('the feed was not empty');
    if (i > 0) samples.push(performance.now() - t); // the first one warms the connection
  }
  return summarize(samples).p50;
}

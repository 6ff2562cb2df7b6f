// `npm run bench:shell [-- --inquiries N]`: how long the shell's main thread is blocked while
// the core syncs a large shop (target ≤ 50 ms). The core runs in its worker thread, as in the
// Electron and browser shells; the reference is the same sync with the core on the main thread,
// measured in the same run against the same sandbox (a separate process, so its own work never
// lands on the event loop being measured).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createCore } from '../../src/main/core/index.js';
import type { Core } from '../../src/main/core/host.js';
import { startCoreWorker } from '../../src/main/core/worker/start-core-worker.js';
import { startSandboxProcess } from './lib/sandbox-process.js';
import { markdownTable, ms } from './lib/stats.js';

const { values } = parseArgs({
  options: { inquiries: { type: 'string' }, quick: { type: 'boolean' } },
});
const inquiries = Number(values.inquiries ?? (values.quick === true ? 10_000 : 100_000));
if (!Number.isInteger(inquiries) || inquiries < 1) throw new Error('--inquiries must be ≥ 1');
const TARGET_MS = 50;
const PROBE_MS = 5;

interface Run {
  label: string;
  syncMs: number;
  synced: number;
  /** Longest gap beyond its period seen by a setInterval probe (ms). */
  probeMaxMs: number;
  /** monitorEventLoopDelay's max and p99 (ms). */
  loopMaxMs: number;
  loopP99Ms: number;
  progressEvents: number;
}

/** Watch the main thread while `work` runs: an interval's lateness and Node's loop histogram. */
async function measure<T>(work: () => Promise<T>) {
  const loop = monitorEventLoopDelay({ resolution: PROBE_MS });
  let last = performance.now();
  let probeMax = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    probeMax = Math.max(probeMax, now - last - PROBE_MS);
    last = now;
  }, PROBE_MS);
  loop.enable();
  const t0 = performance.now();
  const value = await work();
  const elapsed = performance.now() - t0;
  loop.disable();
  clearInterval(probe);
  return {
    value,
    elapsed,
    probeMaxMs: probeMax,
    loopMaxMs: loop.max / 1e6,
    loopP99Ms: loop.percentile(99) / 1e6,
  };
}

async function syncRun(label: string, core: Core): Promise<Run> {
  let progressEvents = 0;
  core.on('syncProgress', () => progressEvents++);
  const login = await core.api.login({ user: 'demo', password: 'demo1234', location: 'sandbox' });
  if (!login.ok) throw new Error(`${label}: login failed: ${login.error.message}`);
  const selected = await core.api.selectShop({ shopId: 'all' });
  if (!selected.ok) throw new Error(`${label}: ${selected.error.message}`);
  const m = await measure(() => core.api.syncNow({}));
  if (!m.value.ok) throw new Error(`${label}: sync failed: ${m.value.error.message}`);
  const all = await core.api.search({ shopId: 'all', limit: 1 });
  if (!all.ok) throw new Error(`${label}: ${all.error.message}`);
  return {
    label,
    syncMs: m.elapsed,
    synced: all.value.total,
    probeMaxMs: m.probeMaxMs,
    loopMaxMs: m.loopMaxMs,
    loopP99Ms: m.loopP99Ms,
    progressEvents,
  };
}

const work = mkdtempSync(join(tmpdir(), 'toiawase-bench-shell-'));
console.log(`generating ${inquiries} inquiries in a sandbox process…`);
const sandbox = await startSandboxProcess([
  '--db',
  join(work, 'sandbox.db'),
  '--seed',
  '1',
  '--inquiries',
  String(inquiries),
]);
const runs: Run[] = [];
try {
  // The machine's own noise floor: the same probes with nothing to do for a few seconds.
  const idle = await measure(() => new Promise((done) => setTimeout(done, 3_000)));
  const { probeMaxMs, loopMaxMs, loopP99Ms } = idle;
  runs.push({
    label: 'idle (noise floor)',
    syncMs: 0,
    synced: 0,
    progressEvents: 0,
    probeMaxMs,
    loopMaxMs,
    loopP99Ms,
  });
  console.log('sync with the core in its worker thread…');
  const worker = await startCoreWorker({
    dataDir: join(work, 'worker'),
    sandboxUrl: sandbox.url,
    background: false,
  });
  try {
    runs.push(await syncRun('core in worker (shell)', worker));
  } finally {
    await worker.close();
  }
  console.log('sync with the core on the main thread (reference)…');
  const local = await createCore({
    dataDir: join(work, 'main'),
    sandboxUrl: sandbox.url,
    background: false,
  });
  try {
    runs.push(await syncRun('core on main thread (reference)', local));
  } finally {
    await local.close();
  }
} finally {
  await sandbox.stop();
  rmSync(work, { recursive: true, force: true });
}

const block = (r: Run): number => Math.max(r.probeMaxMs, r.loopMaxMs);
const table = markdownTable(
  [
    'run',
    'inquiries synced',
    'sync time',
    'longest main-thread block',
    'loop delay p99',
    `≤ ${TARGET_MS} ms`,
  ],
  runs.map((r) => [
    r.label,
    r.synced,
    r.syncMs === 0 ? '—' : `${(r.syncMs / 1000).toFixed(1)} s`,
    ms(block(r)),
    ms(r.loopP99Ms),
    block(r) <= TARGET_MS ? 'yes' : 'no',
  ]),
);
console.log(`\nShell benchmark: initial sync of ${inquiries} inquiries (seed 1)\n`);
console.log(table);
console.log(
  `\nlongest block = max(setInterval(${PROBE_MS} ms) lateness, monitorEventLoopDelay max); ` +
    'the sandbox runs in its own process.',
);

const outDir = resolve(import.meta.dirname, '../../bench-results');
mkdirSync(outDir, { recursive: true });
const file = join(outDir, `shell-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(
  file,
  JSON.stringify({ bench: 'shell', inquiries, targetMs: TARGET_MS, runs }, null, 2),
);
console.log(`results: ${file}`);

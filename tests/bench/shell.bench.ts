// `npm run bench:shell [-- --inquiries N]`: how long the shell's main thread is blocked while
// the core syncs a large shop (target ≤ 50 ms). The core runs in its worker thread, as in the
// Electron and browser shells; the reference is the same sync with the core on the main thread,
// measured in the same run against the same sandbox (a separate process, so its own work never
// lands on the event loop being measured).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../../src/main/core/index.js';
import type { Core } from '../../src/main/core/host.js';
import { startCoreWorker } from '../../src/main/core/worker/start-core-worker.js';
import { measureLoop, PROBE_MS } from './lib/main-thread.js';
import { startBenchSandbox } from './lib/sandbox-process.js';
import { markdownTable, ms } from './lib/stats.js';

const { values } = parseArgs({
  options: {
    inquiries: { type: 'string' },
    quick: { type: 'boolean' },
    'reference-first': { type: 'boolean' },
  },
});
const inquiries = Number(values.inquiries ?? (values.quick === true ? 10_000 : 100_000));
if (!Number.isInteger(inquiries) || inquiries < 1) throw new Error('--inquiries must be ≥ 1');
const referenceFirst = values['reference-first'] === true;
const TARGET_MS = 50;

interface Run {
  label: string;
  syncMs: number;
  synced: number;
  /** Longest gap beyond its period seen by a setInterval probe (ms). */
  probeMaxMs: number;
  /** monitorEventLoopDelay's max and p99 (ms). */
  loopMaxMs: number;
  loopP99Ms: number;
  /** Longest stretch the main loop spent running code between two probe ticks (ms). */
  busyMaxMs: number;
  /** Share of the run the main loop was busy (event-loop utilization, 0–1). */
  utilization: number;
  progressEvents: number;
}

async function syncRun(label: string, core: Core): Promise<Run> {
  let progressEvents = 0;
  core.on('syncProgress', () => progressEvents++);
  const login = await core.api.login({ user: 'demo', password: 'demo1234', location: 'sandbox' });
  if (!login.ok) throw new Error(`${label}: login failed: ${login.error.message}`);
  const selected = await core.api.selectShop({ shopId: 'all' });
  if (!selected.ok) throw new Error(`${label}: ${selected.error.message}`);
  const m = await measureLoop(() => core.api.syncNow({}));
  if (!m.value.ok) throw new Error(`${label}: sync failed: ${m.value.error.message}`);
  const all = await core.api.searchTotal({ shopId: 'all' });
  if (!all.ok) throw new Error(`${label}: ${all.error.message}`);
  return {
    label,
    syncMs: m.elapsed,
    synced: all.value,
    probeMaxMs: m.probeMaxMs,
    loopMaxMs: m.loopMaxMs,
    loopP99Ms: m.loopP99Ms,
    busyMaxMs: m.busyMaxMs,
    utilization: m.utilization,
    progressEvents,
  };
}

const work = mkdtempSync(join(tmpdir(), 'toiawase-bench-shell-'));
const sandbox = await startBenchSandbox(work, inquiries);
const runs: Run[] = [];
try {
  // The machine's own noise floor: the same probes with nothing to do for a few seconds.
  const idle = await measureLoop(() => new Promise((done) => setTimeout(done, 3_000)));
  const { probeMaxMs, loopMaxMs, loopP99Ms, busyMaxMs, utilization } = idle;
  runs.push({
    label: 'idle (noise floor)',
    syncMs: 0,
    synced: 0,
    progressEvents: 0,
    probeMaxMs,
    loopMaxMs,
    loopP99Ms,
    busyMaxMs,
    utilization,
  });
  const inWorker = async (): Promise<Run> => {
    console.log('sync with the core in its worker thread…');
    const core = await startCoreWorker({
      dataDir: join(work, 'worker'),
      sandboxUrl: sandbox.url,
      background: false,
    });
    try {
      return await syncRun('core in worker (shell)', core);
    } finally {
      await core.close();
    }
  };
  const onMain = async (): Promise<Run> => {
    console.log('sync with the core on the main thread (reference)…');
    const core = await createCore({
      dataDir: join(work, 'main'),
      sandboxUrl: sandbox.url,
      background: false,
    });
    try {
      return await syncRun('core on main thread (reference)', core);
    } finally {
      await core.close();
    }
  };
  // The first sync also warms the sandbox (its page cache, its JIT): --reference-first swaps.
  for (const run of referenceFirst ? [onMain, inWorker] : [inWorker, onMain])
    runs.push(await run());
} finally {
  await sandbox.stop();
  rmSync(work, { recursive: true, force: true });
}

const late = (r: Run): number => Math.max(r.probeMaxMs, r.loopMaxMs);
const table = markdownTable(
  [
    'run',
    'inquiries synced (demo account)',
    'sync time',
    'longest busy stretch (main thread)',
    `≤ ${TARGET_MS} ms`,
    'longest timer lateness',
    'loop delay p99',
    'main-thread utilization',
  ],
  runs.map((r) => [
    r.label,
    r.synced,
    r.syncMs === 0 ? '—' : `${(r.syncMs / 1000).toFixed(1)} s`,
    ms(r.busyMaxMs),
    r.busyMaxMs <= TARGET_MS ? 'yes' : 'no',
    ms(late(r)),
    ms(r.loopP99Ms),
    `${(r.utilization * 100).toFixed(1)} %`,
  ]),
);
console.log(`\nShell benchmark: initial sync of ${inquiries} inquiries (seed 1)\n`);
console.log(table);
console.log(
  [
    '',
    `busy stretch = the most time the main event loop spent running code between two ${PROBE_MS} ms`,
    '  probe ticks (event-loop utilization): the block our code causes, whatever the machine load.',
    `timer lateness = max(setInterval(${PROBE_MS} ms) lateness, monitorEventLoopDelay max): what a`,
    '  user would feel, including time the OS gave to other processes (compare the idle row).',
    `The sandbox runs in its own process; both syncs use it, ${referenceFirst ? 'reference' : 'worker'} first.`,
  ].join('\n'),
);

const outDir = resolve(import.meta.dirname, '../../bench-results');
mkdirSync(outDir, { recursive: true });
const file = join(outDir, `shell-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(
  file,
  JSON.stringify({ bench: 'shell', inquiries, targetMs: TARGET_MS, runs }, null, 2),
);
console.log(`results: ${file}`);

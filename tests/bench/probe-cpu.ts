// probe: log-ins at 100k with the suite's processes; per-thread CPU in 250 ms windows around the inbox mount
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LONG_TASK_RECORDER, launchChromium, longTasksSince, pageNow } from './lib/browser.js';
import { startBenchSandbox } from './lib/sandbox-process.js';
import { buildShellChild } from './lib/shell-build.js';
import { ShellHost } from './lib/shell-process.js';
import { SEARCH_START_RECORDER, loginThroughUi } from './lib/ui-phases.js';
const WORKER = resolve(import.meta.dirname, '../../out/main/core-worker.js');
const work = mkdtempSync(join(tmpdir(), 'probe-cpu-'));
const sandbox = await startBenchSandbox(work, Number(process.env.N ?? 100000));
const entry = await buildShellChild();
const browser = await launchChromium();
function snapshot(): Map<string, number> {
  const m = new Map<string, number>();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let pcomm = '';
    try { pcomm = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(0, 3).join(' '); } catch { continue; }
    if (!/chrom|node|tsx/.test(pcomm)) continue;
    const ptype = /--type=(\w+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1] ?? (/chrom/.test(pcomm) ? 'browser' : pcomm.includes('shell-child') ? 'shell' : pcomm.includes('sandbox') ? 'sandbox' : `node:${pid}`);
    let tasks: string[] = [];
    try { tasks = readdirSync(`/proc/${pid}/task`); } catch { continue; }
    for (const tid of tasks) {
      try {
        const comm = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
        const cpu = Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
        const k = `${ptype}/${comm}`;
        m.set(k, (m.get(k) ?? 0) + cpu);
      } catch {}
    }
  }
  return m;
}
const runs = Number(process.env.RUNS ?? 3);
try {
  for (let i = 0; i < runs; i++) {
    const host = new ShellHost({ serverUrl: sandbox.url, dataDir: join(work, `c-${i}`), workerEntry: WORKER, rendererDir: resolve('out/renderer') }, entry);
    const shell = await host.start();
    let synced = 0;
    shell.onTiming((t) => { if (t.name === 'sync.shop') synced++; });
    const ctx = await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
    await ctx.addInitScript(LONG_TASK_RECORDER + SEARCH_START_RECORDER);
    const page = await ctx.newPage();
    let since = 0;
    const snaps: { t: number; m: Map<string, number> }[] = [];
    let timer: NodeJS.Timeout | null = null;
    await loginThroughUi(page, shell.url, async () => {
      since = await pageNow(page);
      const t0 = performance.now();
      snaps.push({ t: 0, m: snapshot() });
      timer = setInterval(() => { const t = performance.now() - t0; if (t > 1800) { clearInterval(timer!); return; } snaps.push({ t, m: snapshot() }); }, 250);
    });
    while (synced < 3) await new Promise((r) => setTimeout(r, 50));
    const tasks = await longTasksSince(page, since);
    console.log(`\nrun ${i}: renderer long tasks ${tasks.map((t) => `${t.ms.toFixed(0)}@${((t.at - since) / 1000).toFixed(2)}`).join(' ') || '-'}`);
    for (let j = 1; j < snaps.length; j++) {
      const a = snaps[j - 1]!, b = snaps[j]!;
      const d = [...b.m].map(([k, v]) => [k, v - (a.m.get(k) ?? 0)] as const).filter(([, v]) => v > 8).sort((x, y) => y[1] - x[1]);
      const total = d.reduce((s, [, v]) => s + v, 0);
      console.log(`  ${(a.t / 1000).toFixed(2)}-${(b.t / 1000).toFixed(2)}s total ${total.toFixed(0)} ms of ${(2 * (b.t - a.t)).toFixed(0)}: ${d.slice(0, 9).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
    }
    await ctx.close(); await shell.close();
  }
} finally { await browser.close(); await sandbox.stop(); rmSync(work, { recursive: true, force: true }); }

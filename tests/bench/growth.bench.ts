// `npm run bench:growth [-- --sizes 10000,100000,1000000]`: the growth curve on its own (the
// full suite, `npm run bench`, runs it too): search and open p95 at each cache size.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { growthTable } from './lib/figures.js';
import { growthPoint, type GrowthPoint } from './lib/growth.js';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '10000,100000,1000000' } },
});
const sizes = values.sizes.split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 100)) throw new Error('--sizes: integers ≥ 100');
const work = mkdtempSync(join(tmpdir(), 'toiawase-bench-growth-'));
try {
  const points: GrowthPoint[] = [];
  for (const n of sizes) {
    console.log(`growth: ${n} inquiries…`);
    points.push(growthPoint(work, n, { warmup: 5, iterations: 40 }));
    rmSync(join(work, `growth-${n}.db`), { force: true });
  }
  console.log(`\n${growthTable(points)}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

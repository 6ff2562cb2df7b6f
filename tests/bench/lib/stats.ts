// Percentiles and formatting shared by the benchmarks.

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

export interface Summary {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return {
    n: sorted.length,
    mean,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

export const ms = (n: number): string => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

/** A Markdown table: the benchmarks print these and write them next to the JSON results. */
export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** `iterations` timed runs of `fn` (ms each), after `warmup` untimed ones. */
export function timeRuns(fn: () => unknown, warmup: number, iterations: number): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}

const MAX_TURNS = 100_000;

/**
 * `a` and `b` timed in turns (ms each), so both see the same machine load: `warmup` untimed
 * turns (and until each side has spent a quarter of `minMs`), then at least `iterations` timed
 * ones, and more until each side has spent `minMs`. A sub-millisecond query is otherwise timed
 * on a few dozen runs before the JIT has compiled the code around it.
 */
export function timePair(
  a: () => unknown,
  b: () => unknown,
  opts: { warmup: number; iterations: number; minMs: number },
): [number[], number[]] {
  inTurns(a, b, opts.warmup, opts.minMs / 4);
  const times: [number[], number[]] = [[], []];
  inTurns(a, b, opts.iterations, opts.minMs, times);
  return times;
}

/** a, then b, at least `count` times and until each has spent `ms` (at most MAX_TURNS). */
function inTurns(
  a: () => unknown,
  b: () => unknown,
  count: number,
  ms: number,
  into?: [number[], number[]],
): void {
  const spent = [0, 0];
  for (let i = 0; i < count || (i < MAX_TURNS && (spent[0]! < ms || spent[1]! < ms)); i++) {
    [a, b].forEach((fn, side) => {
      const t0 = performance.now();
      fn();
      const took = performance.now() - t0;
      spent[side]! += took;
      into?.[side]?.push(took);
    });
  }
}

// The suite's report: one row per figure of issue 6 — the figure, its target, the reference
// measured in the same run, and whether the target is met — as Markdown and as JSON.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownTable } from './stats.js';

export interface FigureRow {
  figure: string;
  value: string;
  target: string;
  reference: string;
  /** null: a figure to report, without a target. */
  met: boolean | null;
}

const verdict = (met: boolean | null): string => (met === null ? 'report' : met ? 'yes' : 'NO');

export function figuresTable(rows: readonly FigureRow[]): string {
  return markdownTable(
    ['figure', 'Toiawase', 'target', 'reference (same run)', 'met'],
    rows.map((r) => [r.figure, r.value, r.target, r.reference, verdict(r.met)]),
  );
}

/** Writes `<dir>/<stamp>.json` and `<stamp>.md`; returns their paths. */
export function writeResults(
  dir: string,
  stamp: string,
  json: unknown,
  markdown: string,
): { json: string; md: string } {
  mkdirSync(dir, { recursive: true });
  const paths = { json: join(dir, `${stamp}.json`), md: join(dir, `${stamp}.md`) };
  writeFileSync(paths.json, `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(paths.md, markdown);
  return paths;
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
export const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

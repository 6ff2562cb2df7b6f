// The schemas live apart from the contract's types and constants so the renderer never loads zod
// (evaluating it and every schema cost 60-100 ms of each cold start). These tests keep it so.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INBOX_METHODS } from '../../../src/shared/api.js';
import { inboxInputs } from '../../../src/shared/api-schemas.js';

const ROOT = resolve(import.meta.dirname, '../../..');

/** The specifiers a module imports at run time (`import type` and `type`-only lists left out). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(import|export)\s+([^;]*?)\s+from\s+'([^']+)'/gms)) {
    const clause = m[2] ?? '';
    if (clause.startsWith('type ')) continue;
    const names = /\{([^}]*)\}/.exec(clause)?.[1];
    const onlyTypes =
      names !== undefined &&
      !/^[\w$]+\s*,/.test(clause) &&
      names
        .split(',')
        .map((n) => n.trim())
        .filter((n) => n !== '')
        .every((n) => n.startsWith('type '));
    if (!onlyTypes) out.push(m[3] ?? '');
  }
  for (const m of text.matchAll(/^import\s+'([^']+)'/gm)) out.push(m[1] ?? '');
  return out;
}

/** Resolves a relative `.js` specifier to its TypeScript source (JSON and CSS are not code). */
function sourceOf(from: string, spec: string): string {
  const base = join(dirname(from), spec.replace(/\.js$/, ''));
  for (const ext of ['.ts', '.tsx']) {
    try {
      readFileSync(base + ext);
      return base + ext;
    } catch {
      // try the next extension
    }
  }
  throw new Error(`cannot resolve ${spec} from ${from}`);
}

function rendererFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? rendererFiles(join(dir, e.name))
      : /\.tsx?$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

describe('the contract without zod', () => {
  it('lists every method the schemas validate, and no other', () => {
    expect([...INBOX_METHODS].sort()).toEqual(Object.keys(inboxInputs).sort());
  });

  it('the renderer reaches no zod through its run-time imports', () => {
    const seen = new Set<string>();
    const paths: string[] = [];
    const visit = (file: string, path: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of runtimeImports(file)) {
        if (spec === 'zod' || spec.startsWith('zod/')) paths.push(`${path} -> zod`);
        else if (spec.startsWith('.') && /\.jsx?$/.test(spec)) {
          const next = sourceOf(file, spec);
          visit(next, `${path} -> ${next.slice(ROOT.length + 1)}`);
        }
      }
    };
    for (const file of rendererFiles(join(ROOT, 'src/renderer')))
      visit(file, file.slice(ROOT.length + 1));
    expect(paths).toEqual([]);
  });

  it('finds a zod import where there is one (the check can fail)', () => {
    expect(runtimeImports(join(ROOT, 'src/shared/api-schemas.ts'))).toContain('zod');
    expect(runtimeImports(join(ROOT, 'src/shared/api.ts'))).not.toContain('zod');
  });
});

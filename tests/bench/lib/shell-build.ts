// The shell's process as an app would ship it: shell-child.ts and what it imports bundled into one
// JavaScript file (dependencies stay in node_modules, as in out/main), run by plain Node. Under
// tsx every module went through its loader thread and its TypeScript was compiled at start-up;
// the bigger heap that left behind made the main thread's garbage collections longer.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '../../..');
export const SHELL_CHILD_BUILD = resolve(ROOT, 'out/bench/shell-child.mjs');

/**
 * The core worker as the app ships it (`npm run build`, which `npm run bench` runs first), not
 * the TypeScript sources compiled on the fly. Throws when it has not been built.
 */
export function builtCoreWorker(): string {
  const worker = resolve(ROOT, 'out/main/core-worker.js');
  if (!existsSync(worker)) throw new Error(`${worker} is missing: run \`npm run build\` first`);
  return worker;
}

/** Builds out/bench/shell-child.mjs; returns its path. */
export async function buildShellChild(): Promise<string> {
  await build({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: resolve(import.meta.dirname, 'shell-child.ts'),
      outDir: resolve(ROOT, 'out/bench'),
      emptyOutDir: true,
      minify: false,
      sourcemap: false,
      target: 'node20',
      rolldownOptions: { output: { entryFileNames: 'shell-child.mjs', format: 'es' } },
    },
  });
  return SHELL_CHILD_BUILD;
}

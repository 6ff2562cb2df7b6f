// electron-vite: the main process (plus the core's worker thread entry), the sandboxed preload
// and the renderer (the same build the browser shell serves, from vite.renderer.config.ts).
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.renderer.config.js';

const src = (path: string): string => resolve(import.meta.dirname, 'src', path);

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      sourcemap: false,
      // Dependencies stay in node_modules (better-sqlite3 is native and cannot be bundled), but
      // zod is bundled: loading it as ~100 separate module files was the largest part of the
      // core worker's start (worker up in ~245 ms instead of ~410, same machine, interleaved).
      externalizeDeps: { exclude: ['zod'] },
      rolldownOptions: {
        input: {
          index: src('main/index.ts'),
          // start-core-worker.ts looks for core-worker.js next to the bundle it runs from.
          'core-worker': src('main/core/worker/core-worker.ts'),
        },
        external: ['better-sqlite3'],
        output: { entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      sourcemap: false,
      // A sandboxed preload can require only 'electron': bundle everything else (zod, the
      // shared contract) into one CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: src('preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig,
});

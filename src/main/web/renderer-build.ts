// The browser shell serves the renderer's production build (out/renderer). A fresh clone has
// none yet, so the shell builds it once with the project's own Vite config.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, seen from src/main/web. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const DEFAULT_RENDERER_DIR = join(PROJECT_ROOT, 'out', 'renderer');

export const isRendererBuilt = (dir: string): boolean => existsSync(join(dir, 'index.html'));

/** Runs `vite build -c vite.renderer.config.ts` (what `npm run build:renderer` runs). */
export function buildRenderer(log: (line: string) => void = console.log): Promise<void> {
  const viteDir = dirname(createRequire(import.meta.url).resolve('vite/package.json'));
  const viteBin = join(viteDir, 'bin', 'vite.js');
  log('Building the renderer (vite build -c vite.renderer.config.ts)…');
  return new Promise((resolveBuild, reject) => {
    const child = spawn(process.execPath, [viteBin, 'build', '-c', 'vite.renderer.config.ts'], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolveBuild();
      else reject(new Error(`the renderer build failed (exit code ${code ?? 'signal'})`));
    });
  });
}

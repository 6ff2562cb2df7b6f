// Is an Electron binary installed? Used by `npm start` to choose between the desktop app and
// the browser shell. It must not `require('electron')`: since Electron 42 that call tries to
// download the binary. Instead it reads what the electron package's installer leaves behind:
// `path.txt` (the executable's path inside `dist/`) and the executable itself.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronBinary = { present: true; path: string } | { present: false; reason: string };

export function findElectronBinary(
  env: NodeJS.ProcessEnv = process.env,
  resolveFrom: string = import.meta.url,
): ElectronBinary {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(resolveFrom).resolve('electron/package.json'));
  } catch {
    return { present: false, reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { present: false, reason: 'the Electron binary was never downloaded (no path.txt)' };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  if (relative === '') return { present: false, reason: 'electron/path.txt is empty' };
  // Same override the electron package itself honours.
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const binary = join(distDir, relative);
  return existsSync(binary)
    ? { present: true, path: binary }
    : { present: false, reason: `the Electron binary is missing (${binary})` };
}

// `npm start`: the desktop app where an Electron binary is installed (electron-vite build, then
// Electron on the result); otherwise one line saying so, and the browser shell instead, which
// opens the system browser when there is a display. Arguments go to the browser shell
// (`npm start -- --port 8080`).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { findElectronBinary } from '../src/main/electron-binary.js';

const root = resolve(import.meta.dirname, '..');
const electron = findElectronBinary();

if (electron.present) {
  const electronViteDir = dirname(
    createRequire(import.meta.url).resolve('electron-vite/package.json'),
  );
  const build = spawnSync(
    process.execPath,
    [join(electronViteDir, 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) {
    console.error('Toiawase: the desktop build failed (electron-vite build).');
    process.exit(build.status ?? 1);
  }
  const app = spawn(electron.path, ['.', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  });
  app.once('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    `Toiawase: no Electron binary here (${electron.reason}); starting the browser shell instead.`,
  );
  const { main } = await import('../src/main/web/cli.js');
  await main(process.argv.slice(2));
}

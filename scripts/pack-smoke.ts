// `npm run pack:smoke`: package the app offline and check what would ship. electron-builder
// normally downloads Electron; here a stand-in folder plays the unpacked Electron distribution
// (its `electron` file only says it is a stand-in), so the real config in electron-builder.yml
// runs end to end: files, asar, asarUnpack, extra resources, app-update.yml. Then the
// packaging test inspects the resulting app.asar.
//   --no-build   reuse the existing out/ (skip electron-vite build)
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const work = join(root, '.tmp', 'pack-smoke');
const electronDist = join(work, 'electron-dist');
const output = join(work, 'release');
export const PACK_DIR = join(output, 'linux-unpacked');

function run(step: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  console.log(`pack:smoke: ${step}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) {
    console.error(`pack:smoke: ${step} failed (exit ${String(result.status ?? result.signal)})`);
    process.exit(1);
  }
}

/** The smallest folder electron-builder accepts as an unpacked Electron for Linux. */
function makeStandInElectron(): void {
  rmSync(electronDist, { recursive: true, force: true });
  mkdirSync(join(electronDist, 'resources'), { recursive: true });
  const binary = join(electronDist, 'electron');
  writeFileSync(binary, '#!/bin/sh\necho "pack:smoke stand-in: not a real Electron" >&2\nexit 1\n');
  chmodSync(binary, 0o755);
  writeFileSync(join(electronDist, 'version'), 'stand-in\n');
  writeFileSync(join(electronDist, 'LICENSE'), 'stand-in\n');
  writeFileSync(join(electronDist, 'LICENSES.chromium.html'), '<p>stand-in</p>\n');
}

if (!process.argv.includes('--no-build'))
  run('electron-vite build', 'npx', ['electron-vite', 'build']);
makeStandInElectron();
rmSync(output, { recursive: true, force: true });
run('electron-builder --linux --dir (offline, stand-in Electron)', 'npx', [
  'electron-builder',
  '--linux',
  '--dir',
  `-c.electronDist=${electronDist}`,
  // Keep better-sqlite3 as built for Node: offline, a rebuild would silently use Node's headers.
  '-c.npmRebuild=false',
  `-c.directories.output=${output}`,
]);
run('checking app.asar', 'npx', ['vitest', 'run', 'tests/integration/packaging'], {
  TOIAWASE_PACK_DIR: PACK_DIR,
});
console.log(`pack:smoke: ok (${PACK_DIR})`);

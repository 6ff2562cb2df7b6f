import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../../../src/main/electron-binary.js';

let project: string;
let pkg: string;
const from = () => pathToFileURL(join(project, 'scripts', 'start.ts')).href;

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'toiawase-electron-bin-'));
  pkg = join(project, 'node_modules', 'electron');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'electron', main: 'index.js' }));
  // index.js would try to download the binary: the probe must never load it.
  writeFileSync(join(pkg, 'index.js'), 'throw new Error("must not be required")');
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

describe('findElectronBinary', () => {
  it('reports a binary that was never downloaded (this machine)', () => {
    const found = findElectronBinary({}, from());
    expect(found).toEqual({ present: false, reason: expect.stringMatching(/never downloaded/) });
  });

  it('finds the binary named by path.txt under dist/', () => {
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    expect(findElectronBinary({}, from())).toMatchObject({ present: false });
    mkdirSync(join(pkg, 'dist'));
    writeFileSync(join(pkg, 'dist', 'electron'), '');
    expect(findElectronBinary({}, from())).toEqual({
      present: true,
      path: join(pkg, 'dist', 'electron'),
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package', () => {
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    const custom = join(project, 'custom-dist');
    mkdirSync(custom);
    writeFileSync(join(custom, 'electron'), '');
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: custom }, from())).toEqual({
      present: true,
      path: join(custom, 'electron'),
    });
  });

  it('says so when the package itself is missing', () => {
    rmSync(pkg, { recursive: true });
    expect(findElectronBinary({}, from())).toEqual({
      present: false,
      reason: 'the electron package is not installed',
    });
  });

  it('answers for the real project without loading electron', () => {
    const found = findElectronBinary();
    expect(typeof found.present).toBe('boolean');
  });
});

// Checks what `npm run pack:smoke` packaged (electron-builder with a stand-in Electron): the
// app's entry points are in app.asar, native modules sit unpacked next to it, and nothing that
// must not ship (tests, sources, source maps, devDependencies) is inside. The packaging takes
// a minute, so this file runs inside pack:smoke (which sets TOIAWASE_PACK_DIR; vitest.config.ts
// leaves it out of the plain run) — `npm test` runs pack:smoke.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import asar from '@electron/asar';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const packDir =
  process.env.TOIAWASE_PACK_DIR ?? join(root, '.tmp', 'pack-smoke', 'release', 'linux-unpacked');
const archive = join(packDir, 'resources', 'app.asar');
const unpacked = `${archive}.unpacked`;

describe('packaged app.asar', () => {
  let listing: string[] | null = null;
  const files = (): string[] =>
    (listing ??= asar.listPackage(archive, { isPack: false }).map((f) => f.replaceAll('\\', '/')));
  let listed: Set<string> | null = null;
  const has = (path: string) => (listed ??= new Set(files())).has(path);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    main: string;
    devDependencies: Record<string, string>;
  };

  it('contains the entry points: main, core worker, preload, renderer, package.json', () => {
    expect(existsSync(archive)).toBe(true);
    for (const entry of [
      '/package.json',
      '/out/main/index.js',
      '/out/main/core-worker.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
    ]) {
      expect(has(entry), entry).toBe(true);
    }
    const shipped = JSON.parse(asar.extractFile(archive, 'package.json').toString()) as {
      main: string;
    };
    expect(shipped.main).toBe(pkg.main);
    expect(has(`/${shipped.main}`)).toBe(true);
  });

  it('keeps native modules unpacked beside the archive', () => {
    const addon = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(existsSync(join(unpacked, addon))).toBe(true);
    expect(asar.statFile(archive, addon)).toMatchObject({ unpacked: true });
    const nodeFiles = files().filter((f) => f.endsWith('.node'));
    expect(nodeFiles.length).toBeGreaterThan(0);
    for (const f of nodeFiles)
      expect(asar.statFile(archive, f.slice(1)), f).toMatchObject({ unpacked: true });
  });

  it('ships no tests, sources, scripts or source maps', () => {
    const bad = files().filter(
      (f) =>
        /^\/(tests|src|scripts|resources|\.tmp|release)(\/|$)/.test(f) ||
        /\.(test|spec)\.[cm]?[jt]sx?$/.test(f) ||
        f.endsWith('.map') ||
        (f.startsWith('/out/') && /\.tsx?$/.test(f)),
    );
    expect(bad).toEqual([]);
  });

  it('ships no devDependencies', () => {
    const list = files();
    const present = Object.keys(pkg.devDependencies).filter((name) =>
      list.includes(`/node_modules/${name}/package.json`),
    );
    expect(present).toEqual([]);
  });

  it('ships every package the main process imports, and not the renderer-only ones', () => {
    const mainFiles = files().filter((f) => /^\/out\/main\/.+\.js$/.test(f));
    const imports = new Set<string>();
    for (const f of mainFiles) {
      const code = asar.extractFile(archive, f.slice(1)).toString();
      // Static imports/re-exports at the start of a line, and dynamic import("x").
      const specs = [
        ...code.matchAll(/^\s*(?:import|export)\b[^'"\n;]*?\bfrom\s*["']([^"'\n]+)["']/gm),
        ...code.matchAll(/^\s*import\s*["']([^"'\n]+)["']/gm),
        ...code.matchAll(/\bimport\(\s*["']([^"'\n]+)["']\s*\)/g),
      ].map((m) => m[1]!);
      for (const spec of specs) {
        if (spec.startsWith('.') || spec.startsWith('node:') || spec === 'electron') continue;
        imports.add(
          spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!,
        );
      }
    }
    expect([...imports]).toEqual(
      expect.arrayContaining(['better-sqlite3', 'electron-store', 'electron-log']),
    );
    // Every runtime import and, transitively, its dependencies (Node's nested lookup).
    const missing: string[] = [];
    const visited = new Set<string>();
    const visit = (dir: string, name: string, from: string): void => {
      const candidates = [];
      for (let d = dir; ; d = d.slice(0, d.lastIndexOf('/node_modules/'))) {
        candidates.push(`${d}/node_modules/${name}`);
        if (!d.includes('/node_modules/')) break;
      }
      const found = candidates.find((c) => has(`${c}/package.json`));
      if (!found) return void missing.push(`${name} (needed by ${from})`);
      if (visited.has(found)) return;
      visited.add(found);
      const manifest = JSON.parse(
        asar.extractFile(archive, `${found.slice(1)}/package.json`).toString(),
      ) as { dependencies?: Record<string, string> };
      for (const dep of Object.keys(manifest.dependencies ?? {})) visit(found, dep, name);
    };
    for (const name of imports) visit('', name, 'out/main');
    expect(missing).toEqual([]);
    expect(visited.size).toBeGreaterThan(imports.size);
    for (const name of ['react', 'antd', 'fastify']) {
      expect(has(`/node_modules/${name}/package.json`), name).toBe(false);
    }
  });

  it('carries the icons and the updater settings as resources', () => {
    for (const icon of ['icon.png', 'tray.png', 'tray@2x.png', 'overlay.png']) {
      expect(existsSync(join(packDir, 'resources', 'icons', icon)), icon).toBe(true);
    }
    const update = readFileSync(join(packDir, 'resources', 'app-update.yml'), 'utf8');
    expect(update).toMatch(/provider: generic/);
  });
});

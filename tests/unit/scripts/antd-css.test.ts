import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ANTD_CLASS_ROOTS,
  antdUsedRulesOnly,
  keepsAntdClass,
  keepsSelector,
} from '../../../scripts/antd-css.js';

const RENDERER = resolve(import.meta.dirname, '../../../src/renderer');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The values the renderer imports from 'antd' (types left out). */
function antdImports(): Set<string> {
  const names = new Set<string>();
  for (const file of sourceFiles(RENDERER)) {
    const code = readFileSync(file, 'utf8');
    for (const [, list] of code.matchAll(/import\s*\{([^}]*)\}\s*from\s*'antd'/g)) {
      for (const part of (list ?? '').split(',')) {
        const name = part.trim().split(/\s+as\s+/)[0] ?? '';
        if (name !== '' && !name.startsWith('type ')) names.add(name);
      }
    }
    // A default import, or a component's own module (locale data and types are not components).
    const deep = /^import\s+(?!type\b)[^;]*from\s*'antd\/(?:es|lib)\/(?!locale\b)/m;
    if (/^import\s+\w+\s+from\s*'antd'/m.test(code) || deep.test(code)) {
      names.add(`(a default or deep import in ${file})`);
    }
  }
  return names;
}

describe("the renderer's antd stylesheet", () => {
  it('knows the class roots of every antd component the renderer imports', () => {
    const imported = [...antdImports()];
    expect(imported.length).toBeGreaterThan(10);
    expect(imported.filter((name) => !(name in ANTD_CLASS_ROOTS))).toEqual([]);
  });

  it('keeps the classes of components in use and drops the others', () => {
    for (const cls of ['ant-btn', 'ant-btn-primary', 'ant-select-dropdown', 'ant-col', 'ant-row'])
      expect(keepsAntdClass(cls), cls).toBe(true);
    for (const cls of [
      'ant-table',
      'ant-input-number',
      'ant-select-tree',
      'ant-col-12',
      'ant-btnx',
    ])
      expect(keepsAntdClass(cls), cls).toBe(false);
  });

  it('keeps a selector only when every class it needs is kept; a negated class is not needed', () => {
    expect(keepsSelector('.ant-btn:hover .ant-wave')).toBe(true);
    expect(keepsSelector('.ant-table-wrapper .ant-btn')).toBe(false);
    expect(keepsSelector('.ant-btn:not(.ant-table-cell):not(:has(.ant-tabs))')).toBe(true);
    expect(keepsSelector('a:focus')).toBe(true);
  });

  it("drops the variables antd's sheet scopes under its own server render's ids", () => {
    expect(keepsSelector('.css-var-_R_0_')).toBe(false);
    expect(keepsSelector('.css-var-_R_0_.ant-btn')).toBe(false);
    expect(keepsSelector('.css-var-_r_0_.ant-btn')).toBe(true);
  });

  it('removes unused rules and selectors from antd.css only, and empty at-rules with them', () => {
    const removed: string[] = [];
    const rule = (selectors: string[], parent?: { type: string; name?: string }) => {
      const node = { selectors, parent, remove: () => removed.push(node.selectors.join()) };
      return node;
    };
    const rules = [
      rule(['.ant-btn', '.ant-table .ant-btn']),
      rule(['.ant-table']),
      rule(['from', 'to'], { type: 'atrule', name: 'keyframes' }),
    ];
    const media = { nodes: [] as unknown[], remove: () => removed.push('@media') };
    const root = (file: string) => ({
      source: { input: { file } },
      walkRules: (visit: (r: (typeof rules)[number]) => void) => rules.forEach(visit),
      walkAtRules: (visit: (r: typeof media) => void) => visit(media),
    });
    const plugin = antdUsedRulesOnly();

    plugin.Once(root('/x/src/renderer/styles.css'));
    expect(removed).toEqual([]);

    plugin.Once(root('/x/node_modules/antd/dist/antd.css'));
    expect(rules[0]?.selectors).toEqual(['.ant-btn']);
    expect(removed).toEqual(['.ant-table', '@media']);
    expect(rules[2]?.selectors).toEqual(['from', 'to']);
  });
});

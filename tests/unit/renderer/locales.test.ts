// Every key in every locale, every key the code asks for, every enum the UI translates.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTBOX_KINDS, OUTBOX_STATES, PII_KINDS } from '../../../src/shared/api.js';
import {
  AUTHORS,
  CATEGORIES,
  LANGUAGES,
  LOGIN_LOCATIONS,
  QUESTION_TYPES,
  SOURCES,
  STATUSES,
} from '../../../src/shared/domain.js';
import { ERROR_CODES } from '../../../src/shared/errors.js';
import { DETAIL_FIELDS } from '../../../src/renderer/inbox/filters.js';
import { SHORTCUTS } from '../../../src/renderer/inbox/ShortcutHelp.js';

const root = join(import.meta.dirname, '../../..');
type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const locales = Object.fromEntries(
  LANGUAGES.map((l) => [
    l,
    flatten(JSON.parse(readFileSync(join(root, 'locales', `${l}.json`), 'utf8')) as Tree),
  ]),
) as Record<(typeof LANGUAGES)[number], Map<string, string>>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Keys a component builds from an enum, e.g. t(`status.${s}`). */
const DYNAMIC: Record<string, readonly string[]> = {
  errors: ERROR_CODES,
  status: STATUSES,
  questionType: QUESTION_TYPES,
  category: CATEGORIES,
  location: LOGIN_LOCATIONS,
  language: LANGUAGES,
  pii: PII_KINDS,
  'outbox.kind': OUTBOX_KINDS,
  'outbox.state': OUTBOX_STATES,
  'thread.author': AUTHORS,
  'filters.detail': DETAIL_FIELDS,
  tabs: SOURCES,
};

describe('locales', () => {
  const en = locales.en;

  it.each(LANGUAGES)('%s has exactly the keys of en, none empty', (lng) => {
    const keys = [...locales[lng].keys()].sort();
    expect(keys).toEqual([...en.keys()].sort());
    for (const [k, v] of locales[lng]) expect(v.trim(), `${lng}:${k}`).not.toBe('');
  });

  it.each(LANGUAGES)('%s keeps the interpolation variables of en', (lng) => {
    const vars = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    for (const [k, v] of en)
      expect(vars(locales[lng].get(k) ?? ''), `${lng}:${k}`).toEqual(vars(v));
  });

  it('translates every value of every enum the UI shows', () => {
    for (const [prefix, values] of Object.entries(DYNAMIC)) {
      for (const v of values) expect(en.has(`${prefix}.${v}`), `${prefix}.${v}`).toBe(true);
    }
    for (const [, key] of SHORTCUTS) expect(en.has(key), key).toBe(true);
  });

  it('has every literal key the renderer asks for', () => {
    const files = sourceFiles(join(root, 'src/renderer'));
    const missing: string[] = [];
    let seen = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
        seen++;
        if (!en.has(m[1] ?? '')) missing.push(`${f}: ${m[1]}`);
      }
      for (const m of text.matchAll(/\bt\(\s*`([a-zA-Z.]+)\.\$\{/g)) {
        if (!Object.hasOwn(DYNAMIC, m[1] ?? '')) missing.push(`${f}: dynamic ${m[1]}`);
      }
    }
    expect(seen).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('uses the exact English names the tests and the guide rely on', () => {
    const names = [
      'ID or e-mail',
      'Password',
      'Login location',
      'Language',
      'Save login information',
      'Start automatically when Windows starts',
      'Log in',
      'Select shop',
      'Inquiries & messages',
      'From customers',
      'Search',
      'Status',
      'Unprocessed',
      'Replying',
      'Reply complete',
      'Product number',
      'Order number',
      'Title',
      'Message',
      'Send',
      'Auto reply',
      'Hide',
      'Reason',
      'Send e-mail & hide',
      'Templates',
    ];
    const values = new Set(en.values());
    expect(names.filter((n) => !values.has(n))).toEqual([]);
  });
});

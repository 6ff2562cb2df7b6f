// App settings as key/value rows (JSON values). Reading falls back to the default for a key
// that is missing or holds something this build does not accept, so a bad row never breaks
// start-up; writing validates with the API's own schema.
import { z } from 'zod';
import type { Settings } from '../../../shared/api.js';
import { settingsPatch } from '../../../shared/api-schemas.js';
import { AppFailure } from '../../../shared/errors.js';
import type { Database } from '../db/open.js';
import { inTransaction, stmt } from '../db/statements.js';

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  language: 'ja',
  notifications: true,
  hourlyDigest: false,
  openAtLogin: false,
  syncIntervalSec: 60,
};

const KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

export function getSettings(db: Database): Settings {
  const rows = stmt<[], { key: string; value: string }>(
    db,
    'SELECT key, value FROM settings',
  ).all();
  const stored: Record<string, unknown> = {};
  for (const { key, value } of rows) {
    if (!(KEYS as string[]).includes(key)) continue;
    try {
      const parsed = settingsPatch.shape[key as keyof Settings].safeParse(JSON.parse(value));
      if (parsed.success && parsed.data !== undefined) stored[key] = parsed.data;
    } catch {
      // unreadable JSON: keep the default
    }
  }
  return { ...DEFAULT_SETTINGS, ...stored };
}

/** Applies a partial update and returns the full settings. Bad input → VALIDATION, nothing saved. */
export function updateSettings(db: Database, patch: unknown): Settings {
  const parsed = settingsPatch.safeParse(patch);
  if (!parsed.success) {
    throw new AppFailure('VALIDATION', z.prettifyError(parsed.error), {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  inTransaction(db, () => {
    for (const [key, value] of Object.entries(parsed.data)) {
      // zod keeps an explicit `key: undefined`; that means "unchanged", not "store undefined".
      if ((value as unknown) !== undefined) putSettingRow(db, key, value);
    }
  });
  return getSettings(db);
}

/** Writes one settings row (the value as JSON), whether or not getSettings knows its key. */
export function putSettingRow(db: Database, key: string, value: unknown): void {
  stmt(
    db,
    `INSERT INTO settings (key, value) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run(key, JSON.stringify(value));
}

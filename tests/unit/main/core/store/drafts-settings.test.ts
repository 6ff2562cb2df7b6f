import { describe, expect, it } from 'vitest';
import { deleteDraft, getDraft, saveDraft } from '../../../../../src/main/core/store/drafts.js';
import {
  DEFAULT_SETTINGS,
  getSettings,
  updateSettings,
} from '../../../../../src/main/core/store/settings.js';
import type { ReplyStatus } from '../../../../../src/shared/domain.js';
import { AppFailure } from '../../../../../src/shared/errors.js';
import { tempDb } from '../db/temp-db.js';

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppFailure) return e.code;
    throw e;
  }
  throw new Error('expected an AppFailure');
}

describe('drafts', () => {
  it('saves, replaces, reads and deletes one draft per inquiry', () => {
    const db = tempDb();
    expect(getDraft(db, 's:1')).toBeNull();
    saveDraft(db, { inquiryId: 's:1', title: '[Re] t', body: 'first', status: 'S3' }, 0);
    const d = saveDraft(
      db,
      { inquiryId: 's:1', title: '[Re] t', body: 'second', status: 'S2' },
      Date.UTC(2026, 10, 1),
    );
    expect(d).toEqual({
      inquiryId: 's:1',
      title: '[Re] t',
      body: 'second',
      status: 'S2',
      updatedAt: '2026-11-01T09:00:00+09:00',
    });
    expect(getDraft(db, 's:1')).toEqual(d);
    deleteDraft(db, 's:1');
    deleteDraft(db, 's:1');
    expect(getDraft(db, 's:1')).toBeNull();
  });

  it('refuses the unanswered status', () => {
    const db = tempDb();
    expect(
      code(() =>
        saveDraft(db, { inquiryId: 's:1', title: '', body: '', status: 'S1' as ReplyStatus }),
      ),
    ).toBe('STATUS_NOT_ALLOWED');
    expect(getDraft(db, 's:1')).toBeNull();
  });
});

describe('settings', () => {
  it('starts from the defaults and applies partial updates', () => {
    const db = tempDb();
    expect(getSettings(db)).toEqual(DEFAULT_SETTINGS);
    expect(updateSettings(db, { language: 'zh-CN', syncIntervalSec: 300 })).toEqual({
      ...DEFAULT_SETTINGS,
      language: 'zh-CN',
      syncIntervalSec: 300,
    });
    expect(updateSettings(db, { notifications: false }).language).toBe('zh-CN');
    expect(getSettings(db)).toMatchObject({ notifications: false, syncIntervalSec: 300 });
  });

  it.each([
    { language: 'fr' },
    { syncIntervalSec: 5 },
    { notifications: 'yes' },
    { unknown: 1 },
    null,
    'x',
  ])('refuses %j and saves nothing', (patch) => {
    const db = tempDb();
    expect(code(() => updateSettings(db, patch))).toBe('VALIDATION');
    expect(db.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(0);
  });

  it('falls back to the default for unreadable stored values', () => {
    const db = tempDb();
    db.prepare(
      "INSERT INTO settings (key, value) VALUES ('language', '\"xx\"'), ('notifications', 'not json'), ('other', '1')",
    ).run();
    expect(getSettings(db)).toEqual(DEFAULT_SETTINGS);
  });
});

import { describe, expect, it } from 'vitest';
import {
  builtInTemplateId,
  deleteTemplate,
  getTemplate,
  listTemplates,
  saveTemplate,
  seedBuiltInTemplates,
} from '../../../../../src/main/core/store/templates.js';
import { AppFailure } from '../../../../../src/shared/errors.js';
import { AUTO_REPLY_TEXT } from '../../../../../src/shared/limits.js';
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

describe('templates', () => {
  it('has the auto-reply texts built in for ja, zh-CN and en, seeded idempotently', () => {
    const db = tempDb();
    seedBuiltInTemplates(db);
    seedBuiltInTemplates(db);
    const list = listTemplates(db);
    expect(list).toHaveLength(3);
    expect(list.every((t) => t.builtIn)).toBe(true);
    // The guide's standard Japanese text first: Qoo10 Japan's buyers read Japanese.
    expect(list.map((t) => t.id)).toEqual(
      (['ja', 'zh-CN', 'en'] as const).map((l) => builtInTemplateId(l)),
    );
    expect(getTemplate(db, builtInTemplateId('ja'))!.body).toBe(AUTO_REPLY_TEXT.ja);
    expect(getTemplate(db, builtInTemplateId('zh-CN'))!.body).toBe(AUTO_REPLY_TEXT['zh-CN']);
    expect(getTemplate(db, builtInTemplateId('en'))!.body).toBe(AUTO_REPLY_TEXT.en);
  });

  it("creates, updates and deletes the seller's own templates", () => {
    const db = tempDb();
    const created = saveTemplate(
      db,
      { name: ' 発送連絡 ', body: '{buyer}様、本日発送しました。' },
      1,
    );
    expect(created).toMatchObject({ name: '発送連絡', builtIn: false });
    const second = saveTemplate(db, { name: 'B', body: 'b' }, 2);
    expect(
      listTemplates(db)
        .map((t) => t.id)
        .slice(3),
    ).toEqual([created.id, second.id]);
    const updated = saveTemplate(db, { id: created.id, name: '発送連絡2', body: '発送しました' });
    expect(getTemplate(db, created.id)).toEqual(updated);
    deleteTemplate(db, created.id);
    expect(getTemplate(db, created.id)).toBeNull();
    expect(listTemplates(db)).toHaveLength(4);
  });

  it('refuses bad input and changes nothing', () => {
    const db = tempDb();
    const before = listTemplates(db);
    expect(code(() => saveTemplate(db, { name: '', body: 'x' }))).toBe('VALIDATION');
    expect(code(() => saveTemplate(db, { name: 'n'.repeat(101), body: 'x' }))).toBe('VALIDATION');
    expect(code(() => saveTemplate(db, { name: 'n', body: '   ' }))).toBe('VALIDATION');
    expect(code(() => saveTemplate(db, { name: 'n', body: 'x'.repeat(1001) }))).toBe('VALIDATION');
    expect(code(() => saveTemplate(db, { name: 'n', body: 'Hi {name}' }))).toBe(
      'TEMPLATE_UNKNOWN_VARIABLE',
    );
    expect(code(() => saveTemplate(db, { id: 'nope', name: 'n', body: 'x' }))).toBe('NOT_FOUND');
    expect(
      code(() => saveTemplate(db, { id: builtInTemplateId('ja'), name: 'n', body: 'x' })),
    ).toBe('VALIDATION');
    expect(code(() => deleteTemplate(db, builtInTemplateId('en')))).toBe('VALIDATION');
    expect(code(() => deleteTemplate(db, 'nope'))).toBe('NOT_FOUND');
    expect(listTemplates(db)).toEqual(before);
  });
});

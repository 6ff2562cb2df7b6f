// Frequently used replies (常用的回复). The standard auto-reply texts are built in, one per UI
// language; they are seeded once per connection (idempotently) and cannot be edited or deleted —
// a seller who wants a variant saves a copy.
import { randomUUID } from 'node:crypto';
import type { Template } from '../../../shared/api.js';
import type { Language } from '../../../shared/domain.js';
import { AppFailure } from '../../../shared/errors.js';
import { AUTO_REPLY_TEXT, REPLY_MAX_CHARS } from '../../../shared/limits.js';
import type { Database } from '../db/open.js';
import { inTransaction, stmt } from '../db/statements.js';
import { templateVariablesOf } from '../text/template-render.js';

export const NAME_MAX_CHARS = 100;

const BUILT_IN_NAMES: Record<Language, string> = {
  ja: '対応済み（自動返信）',
  'zh-CN': '已处理（自动回复）',
  en: 'Handled (auto reply)',
};

export const builtInTemplateId = (language: Language): string => `builtin:auto-reply:${language}`;

/**
 * Qoo10 Japan's buyers read Japanese and the guide's standard text is Japanese, so that one
 * comes first whatever the seller's UI language; then Chinese and English.
 */
const BUILT_IN_ORDER: readonly Language[] = ['ja', 'zh-CN', 'en'];

interface TemplateRow {
  id: string;
  name: string;
  body: string;
  built_in: number;
}

const seeded = new WeakSet<Database>();

/** Writes the built-in templates (current texts); safe to call any number of times. */
export function seedBuiltInTemplates(db: Database, now = Date.now()): void {
  inTransaction(db, () => {
    const upsert = stmt(
      db,
      `INSERT INTO templates (id, name, body, built_in, sort, created_at, updated_at)
       VALUES (?, ?, ?, 1, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, body = excluded.body, built_in = 1,
         sort = excluded.sort, updated_at = excluded.updated_at
       WHERE templates.name <> excluded.name OR templates.body <> excluded.body
         OR templates.sort <> excluded.sort`,
    );
    BUILT_IN_ORDER.forEach((lang, n) => {
      upsert.run(builtInTemplateId(lang), BUILT_IN_NAMES[lang], AUTO_REPLY_TEXT[lang], n, now, now);
    });
  });
  seeded.add(db);
}

function ensureSeeded(db: Database): void {
  if (!seeded.has(db)) seedBuiltInTemplates(db);
}

const toTemplate = (r: TemplateRow): Template => ({
  id: r.id,
  name: r.name,
  body: r.body,
  builtIn: r.built_in !== 0,
});

/** Built-ins first, then the seller's own in the order they were created. */
export function listTemplates(db: Database): Template[] {
  ensureSeeded(db);
  return stmt<[], TemplateRow>(
    db,
    'SELECT id, name, body, built_in FROM templates ORDER BY built_in DESC, sort, created_at, id',
  )
    .all()
    .map(toTemplate);
}

function findTemplate(db: Database, id: string): TemplateRow | undefined {
  return stmt<[string], TemplateRow>(
    db,
    'SELECT id, name, body, built_in FROM templates WHERE id = ?',
  ).get(id);
}

export interface TemplateInput {
  /** Present: update that template. Absent: create one. */
  id?: string;
  name: string;
  body: string;
}

/** Creates or updates a template. VALIDATION / TEMPLATE_UNKNOWN_VARIABLE / NOT_FOUND. */
export function saveTemplate(db: Database, input: TemplateInput, now = Date.now()): Template {
  ensureSeeded(db);
  const name = input.name.trim();
  if (name.length === 0 || Array.from(name).length > NAME_MAX_CHARS) {
    throw new AppFailure('VALIDATION', `template name must be 1–${NAME_MAX_CHARS} characters`, {
      field: 'name',
      max: NAME_MAX_CHARS,
    });
  }
  if (input.body.trim().length === 0 || Array.from(input.body).length > REPLY_MAX_CHARS) {
    throw new AppFailure('VALIDATION', `template body must be 1–${REPLY_MAX_CHARS} characters`, {
      field: 'body',
      max: REPLY_MAX_CHARS,
    });
  }
  templateVariablesOf(input.body);
  if (input.id === undefined) {
    const id = randomUUID();
    stmt(
      db,
      `INSERT INTO templates (id, name, body, built_in, sort, created_at, updated_at)
       VALUES (?, ?, ?, 0, (SELECT coalesce(max(sort), 0) + 1 FROM templates), ?, ?)`,
    ).run(id, name, input.body, now, now);
    return { id, name, body: input.body, builtIn: false };
  }
  const existing = findTemplate(db, input.id);
  if (existing === undefined) {
    throw new AppFailure('NOT_FOUND', 'no such template', { id: input.id });
  }
  if (existing.built_in !== 0) {
    throw new AppFailure('VALIDATION', 'built-in templates cannot be changed', { id: input.id });
  }
  stmt(db, 'UPDATE templates SET name = ?, body = ?, updated_at = ? WHERE id = ?').run(
    name,
    input.body,
    now,
    input.id,
  );
  return { id: input.id, name, body: input.body, builtIn: false };
}

/** Deletes one of the seller's templates. Built-ins → VALIDATION; unknown → NOT_FOUND. */
export function deleteTemplate(db: Database, id: string): void {
  ensureSeeded(db);
  const existing = findTemplate(db, id);
  if (existing === undefined) throw new AppFailure('NOT_FOUND', 'no such template', { id });
  if (existing.built_in !== 0) {
    throw new AppFailure('VALIDATION', 'built-in templates cannot be deleted', { id });
  }
  stmt(db, 'DELETE FROM templates WHERE id = ?').run(id);
}

export function getTemplate(db: Database, id: string): Template | null {
  ensureSeeded(db);
  const row = findTemplate(db, id);
  return row === undefined ? null : toTemplate(row);
}

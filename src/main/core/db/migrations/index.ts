// The migration registry: numbered, forward-only, applied in order under PRAGMA user_version.
// Never edit a migration that has shipped; add the next number instead.
import { migration001 } from './001-initial.js';
import { migration002 } from './002-search.js';
import { migration003 } from './003-outbox-open.js';
import { migration004 } from './004-facets.js';
import { migration005 } from './005-fts-automerge.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
];

/** The schema version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

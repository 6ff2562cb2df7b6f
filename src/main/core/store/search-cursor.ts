// Keyset paging cursors. Opaque to the caller (base64url), but strict when read back: a cursor
// is only valid for the same sort and date field it was made for.
import { AppFailure } from '../../../shared/errors.js';

export interface CursorKey {
  field: 'received' | 'answered';
  sort: 'newest' | 'oldest';
  /** Epoch ms of the sort column of the last row shown. */
  at: number;
  rowid: number;
}

const SHAPE = /^(received|answered)\.(newest|oldest)\.(-?\d{1,16})\.(\d{1,16})$/;

export function encodeCursor(k: CursorKey): string {
  return Buffer.from(`${k.field}.${k.sort}.${k.at}.${k.rowid}`, 'utf8').toString('base64url');
}

export function decodeCursor(
  cursor: string,
  expect: Pick<CursorKey, 'field' | 'sort'>,
): Omit<CursorKey, 'field' | 'sort'> {
  const m = /^[A-Za-z0-9_-]{1,200}$/.test(cursor)
    ? SHAPE.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
    : null;
  if (m === null)
    throw new AppFailure('VALIDATION', 'malformed search cursor', { field: 'cursor' });
  if (m[1] !== expect.field || m[2] !== expect.sort) {
    throw new AppFailure('VALIDATION', 'search cursor belongs to another sort or date field', {
      field: 'cursor',
    });
  }
  return { at: Number(m[3]), rowid: Number(m[4]) };
}

// Attachment upload (multipart, one file) and download (raw bytes; errors as envelopes).
// The declared type must be allowed and must match the file's own magic bytes, so a script
// renamed to .png is refused rather than stored.
import { randomBytes } from 'node:crypto';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MIME_TYPES } from '../../shared/limits.js';
import { QPOST_METHODS, type AttachmentRow } from '../../shared/qapi.js';
import { QapiError } from '../envelope.js';
import { truncateChars } from '../form.js';
import { placeholderFor } from '../placeholder-files.js';
import { ownShop } from '../db/shops.js';
import { FileResult, type MethodDef } from './types.js';

const MAGIC: Record<(typeof ATTACHMENT_MIME_TYPES)[number], (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) =>
    b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/gif': (b) => b.subarray(0, 4).toString('latin1') === 'GIF8',
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
};

const FILE_NAME_MAX_CHARS = 200;

/** A display name only: no path, no control characters, bounded length. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const cut = truncateChars(base, FILE_NAME_MAX_CHARS);
  return cut === '' ? 'file' : cut;
}

export const ATTACHMENT_METHODS: MethodDef[] = [
  {
    name: QPOST_METHODS.uploadAttachment,
    auth: 'seller',
    fields: ['shop_id'],
    multipart: true,
    run: (ctx): AttachmentRow => {
      // Files belong to the account; a shop_id, when sent, must still be one of its shops.
      const shopId = ctx.form.optional('shop_id');
      if (shopId !== undefined) ownShop(ctx.db, ctx.accountId, shopId);
      const file = ctx.upload;
      if (file === undefined) {
        throw new QapiError('VALIDATION', 'send the file as multipart/form-data field "file"', {
          FIELD: 'file',
        });
      }
      if (file.bytes.length > ATTACHMENT_MAX_BYTES) {
        throw new QapiError(
          'ATTACHMENT_TOO_LARGE',
          `attachments are at most ${ATTACHMENT_MAX_BYTES} bytes`,
          {
            MAX_BYTES: ATTACHMENT_MAX_BYTES,
          },
        );
      }
      if (file.bytes.length === 0)
        throw new QapiError('VALIDATION', 'the file is empty', { FIELD: 'file' });
      const mime = ATTACHMENT_MIME_TYPES.find((m) => m === file.mime);
      if (mime === undefined || !MAGIC[mime](file.bytes)) {
        throw new QapiError(
          'ATTACHMENT_TYPE',
          `allowed types: ${ATTACHMENT_MIME_TYPES.join(', ')}`,
          {
            MIME: file.mime,
            ALLOWED: [...ATTACHMENT_MIME_TYPES],
          },
        );
      }
      const row: AttachmentRow = {
        FILE_ID: `F${randomBytes(12).toString('base64url')}`,
        FILE_NM: cleanFileName(file.fileName),
        MIME: mime,
        SIZE: file.bytes.length,
      };
      ctx.db
        .prepare(
          'INSERT INTO attachments(file_id, account_id, file_nm, mime, size, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          row.FILE_ID,
          ctx.accountId,
          row.FILE_NM,
          row.MIME,
          row.SIZE,
          file.bytes,
          ctx.clock.now(),
        );
      return row;
    },
  },
  {
    name: QPOST_METHODS.getAttachment,
    auth: 'seller',
    binary: true,
    fields: ['file_id'],
    run: (ctx) => {
      const id = ctx.form.required('file_id');
      const row = ctx.db
        .prepare(
          'SELECT file_nm, mime, bytes FROM attachments WHERE file_id = ? AND account_id = ?',
        )
        .get(id, ctx.accountId) as
        { file_nm: string; mime: string; bytes: Buffer | null } | undefined;
      if (row === undefined) {
        throw new QapiError('ATTACHMENT_NOT_FOUND', `no attachment "${id}" for this key`, {
          FILE_ID: id,
        });
      }
      return new FileResult(id, row.file_nm, row.mime, row.bytes ?? placeholderFor(row.mime));
    },
  },
];

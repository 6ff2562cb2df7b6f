// Acting on an inquiry: every action goes to the durable outbox first (with its optimistic
// local effect, in one transaction) and is delivered from there — never sent directly, so a
// crash or a network cut cannot lose it. Attachments go straight to the server (they are
// inputs to a reply, not actions of their own) and are cached locally once downloaded.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { InboxApi } from '../../../shared/api.js';
import { AppFailure } from '../../../shared/errors.js';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MIME_TYPES } from '../../../shared/limits.js';
import { stmt } from '../db/statements.js';
import { requireOwnInquiry, scopeShops, timed, type ServiceContext } from './context.js';
import type { Caller } from './guard.js';

function requireGateway(ctx: ServiceContext) {
  const gateway = ctx.session.gateway();
  if (gateway === null) throw new AppFailure('NOT_LOGGED_IN', 'log in first');
  return gateway;
}

function decodeUpload(mime: string, dataBase64: string): Uint8Array {
  if (!(ATTACHMENT_MIME_TYPES as readonly string[]).includes(mime)) {
    throw new AppFailure('ATTACHMENT_TYPE', `files of type ${mime} cannot be attached`, {
      allowed: [...ATTACHMENT_MIME_TYPES],
    });
  }
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(dataBase64)) {
    throw new AppFailure('VALIDATION', 'the file is not valid base64');
  }
  const data = Buffer.from(dataBase64, 'base64');
  if (data.byteLength > ATTACHMENT_MAX_BYTES) {
    throw new AppFailure('ATTACHMENT_TOO_LARGE', 'the file is too large', {
      size: data.byteLength,
      max: ATTACHMENT_MAX_BYTES,
    });
  }
  return data;
}

/** Attachment ids come from the server; only a safe subset may name a cache file. */
const cacheName = (id: string): string => id.replace(/[^A-Za-z0-9._-]/g, '_');

export function actionCalls(
  ctx: ServiceContext,
  call: Caller,
): Pick<
  InboxApi,
  | 'reply'
  | 'autoReply'
  | 'hide'
  | 'listOutbox'
  | 'retryOutbox'
  | 'cancelOutbox'
  | 'uploadAttachment'
  | 'getAttachment'
> {
  return {
    reply: (input) =>
      call('reply', input, (a) => {
        requireOwnInquiry(ctx, a.inquiryId);
        return timed(ctx, 'reply', () => ctx.outbox.enqueueReply(a));
      }),

    autoReply: (input) =>
      call('autoReply', input, (a) => {
        requireOwnInquiry(ctx, a.inquiryId);
        return ctx.outbox.enqueueAutoReply(a);
      }),

    hide: (input) =>
      call('hide', input, (a) => {
        requireOwnInquiry(ctx, a.inquiryId);
        return ctx.outbox.enqueueHide(a);
      }),

    listOutbox: (input) =>
      call('listOutbox', input, (q) => {
        if (q.inquiryId !== undefined) requireOwnInquiry(ctx, q.inquiryId);
        return ctx.outbox.list(q.inquiryId);
      }),

    retryOutbox: (input) => call('retryOutbox', input, (q) => ctx.outbox.retry(q.outboxId)),
    cancelOutbox: (input) => call('cancelOutbox', input, (q) => ctx.outbox.cancel(q.outboxId)),

    uploadAttachment: (input) =>
      call('uploadAttachment', input, async (q) => {
        scopeShops(ctx, q.shopId);
        const gateway = requireGateway(ctx);
        if (!gateway.capabilities.attachments) {
          throw new AppFailure('CAPABILITY_MISSING', 'attachments are not available', {
            adapter: gateway.capabilities.adapter,
            feature: 'attachments',
          });
        }
        const data = decodeUpload(q.mime, q.dataBase64);
        return gateway.uploadAttachment(q.shopId, { fileName: q.fileName, mime: q.mime, data });
      }),

    getAttachment: (input) =>
      call('getAttachment', input, async (q) => {
        const known = stmt<
          [string],
          { file_name: string; mime: string; size: number; local_path: string | null }
        >(ctx.db, 'SELECT file_name, mime, size, local_path FROM attachments WHERE id = ?').get(
          q.attachmentId,
        );
        if (known?.local_path != null) {
          const data = await readFile(known.local_path).catch(() => null);
          if (data !== null) {
            const meta = {
              id: q.attachmentId,
              fileName: known.file_name,
              mime: known.mime,
              size: known.size,
            };
            return { ...meta, dataBase64: data.toString('base64') };
          }
        }
        const { meta, data } = await requireGateway(ctx).getAttachment(q.attachmentId);
        await mkdir(ctx.attachmentDir, { recursive: true });
        const path = join(ctx.attachmentDir, cacheName(q.attachmentId));
        await writeFile(path, data);
        stmt(ctx.db, 'UPDATE attachments SET local_path = ? WHERE id = ?').run(
          path,
          q.attachmentId,
        );
        return { ...meta, dataBase64: Buffer.from(data).toString('base64') };
      }),
  };
}

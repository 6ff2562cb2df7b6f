import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  QAPI_KEY_HEADER,
  QAPI_VERSION_HEADER,
  WIRE_ERRORS,
  attachmentDataSchema,
  attachmentRowSchema,
  qapiUrl,
} from '../../../src/shared/qapi.js';
import { ATTACHMENT_MAX_BYTES } from '../../../src/shared/limits.js';
import type { Sandbox } from '../../../src/sandbox/server.js';
import { act, buyerPost, errorOf, login, ok, post, start, thread, wholeFeed } from './helpers.js';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

let sb: Sandbox;
let key: string;
beforeAll(async () => {
  sb = await start();
  key = await login(sb);
});
afterAll(() => sb.close());

async function upload(
  files: { name: string; mime: string; data: Uint8Array; field?: string }[],
  fields: Record<string, string> = {},
  method = 'QpostAPI.UploadAttachment',
): Promise<{ ResultCode?: number; ResultObject?: unknown; ErrorCode?: number }> {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  for (const f of files)
    body.append(f.field ?? 'file', new Blob([Uint8Array.from(f.data)], { type: f.mime }), f.name);
  body.set('returnType', 'application/json');
  const res = await fetch(qapiUrl(sb.url, method), {
    method: 'POST',
    headers: { [QAPI_KEY_HEADER]: key, [QAPI_VERSION_HEADER]: '1.0' },
    body,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { ResultCode?: number; ResultObject?: unknown; ErrorCode?: number };
}

describe('QpostAPI.UploadAttachment and GetAttachment', () => {
  it('stores an allowed file and serves it back as bytes or as JSON', async () => {
    const up = await upload([{ name: '../../写真<1>.png', mime: 'image/png', data: PNG }], {
      shop_id: '100001',
    });
    const row = attachmentRowSchema.parse(up.ResultObject);
    expect(row).toMatchObject({ FILE_NM: '写真<1>.png', MIME: 'image/png', SIZE: PNG.length });

    const raw = await post(
      sb,
      'QpostAPI.GetAttachment',
      { file_id: row.FILE_ID },
      { key, returnType: null },
    );
    expect(raw.headers.get('content-type')).toBe('image/png');
    expect(raw.headers.get('x-content-type-options')).toBe('nosniff');
    expect(raw.headers.get('content-disposition')).toContain(encodeURIComponent('写真<1>.png'));
    const res = await fetch(qapiUrl(sb.url, 'QpostAPI.GetAttachment'), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        [QAPI_KEY_HEADER]: key,
        [QAPI_VERSION_HEADER]: '1.0',
      },
      body: `file_id=${row.FILE_ID}&returnType=application/octet-stream`,
    });
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);

    const json = await ok(
      sb,
      'QpostAPI.GetAttachment',
      { file_id: row.FILE_ID },
      key,
      attachmentDataSchema,
    );
    expect(Buffer.from(json.DATA, 'base64').equals(PNG)).toBe(true);
    expect(json.SIZE).toBe(PNG.length);
  });

  it('refuses disallowed types, disguised files, oversized files and malformed uploads', async () => {
    const code = async (p: ReturnType<typeof upload>) => (await p).ErrorCode;
    expect(
      await code(
        upload([
          { name: 'a.html', mime: 'text/html', data: Buffer.from('<script>alert(1)</script>') },
        ]),
      ),
    ).toBe(WIRE_ERRORS.ATTACHMENT_TYPE);
    expect(
      await code(
        upload([
          { name: 'a.png', mime: 'image/png', data: Buffer.from('<script>alert(1)</script>') },
        ]),
      ),
    ).toBe(WIRE_ERRORS.ATTACHMENT_TYPE);
    const big = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 0);
    PNG.copy(big);
    expect(await code(upload([{ name: 'big.png', mime: 'image/png', data: big }]))).toBe(
      WIRE_ERRORS.ATTACHMENT_TOO_LARGE,
    );
    const two = [
      { name: 'a.png', mime: 'image/png', data: PNG },
      { name: 'b.png', mime: 'image/png', data: PNG },
    ];
    expect(await code(upload(two))).toBe(WIRE_ERRORS.VALIDATION);
    expect(
      await code(upload([{ name: 'a.png', mime: 'image/png', data: PNG, field: 'photo' }])),
    ).toBe(WIRE_ERRORS.VALIDATION);
    expect(await code(upload([]))).toBe(WIRE_ERRORS.VALIDATION);
    expect(
      await code(upload([{ name: 'a.png', mime: 'image/png', data: PNG }], { shop_id: '200001' })),
    ).toBe(WIRE_ERRORS.SHOP_NOT_FOUND);
    expect(
      await code(
        upload([{ name: 'a.png', mime: 'image/png', data: PNG }], {}, 'QpostAPI.GetShops'),
      ),
    ).toBe(WIRE_ERRORS.VALIDATION);
    expect((await errorOf(sb, 'QpostAPI.UploadAttachment', {}, key)).code).toBe(
      WIRE_ERRORS.VALIDATION,
    );
  });

  it('attaches an uploaded file to one reply, once, and only for its own account', async () => {
    const { FILE_ID } = attachmentRowSchema.parse(
      (
        await upload([
          { name: 'guide.pdf', mime: 'application/pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n') },
        ])
      ).ResultObject,
    );
    const q = (await buyerPost(sb, { shop_id: '100001', contents: '説明書はありますか' }))
      .QUESTION_NO;
    const fields = {
      shop_id: '100001',
      question_no: String(q),
      contents: '添付します',
      status: 'S3',
      version: '1',
      attachment_ids: FILE_ID,
    };
    await act(sb, key, 'QpostAPI.SetReply', { ...fields, request_id: 'att-1' });
    const last = (await thread(sb, key, '100001', q)).MESSAGES.at(-1)!;
    expect(last.ATTACHMENTS).toEqual([
      { FILE_ID, FILE_NM: 'guide.pdf', MIME: 'application/pdf', SIZE: 15 },
    ]);
    const reuse = await errorOf(
      sb,
      'QpostAPI.SetReply',
      { ...fields, version: '2', request_id: 'att-2' },
      key,
    );
    expect(reuse.code).toBe(WIRE_ERRORS.ATTACHMENT_NOT_FOUND);
    const other = await login(sb, 'other', 'other1234', 'SANDBOX-KEY-2');
    expect((await errorOf(sb, 'QpostAPI.GetAttachment', { file_id: FILE_ID }, other)).code).toBe(
      WIRE_ERRORS.ATTACHMENT_NOT_FOUND,
    );
    expect((await errorOf(sb, 'QpostAPI.GetAttachment', { file_id: 'nope' }, key)).code).toBe(
      WIRE_ERRORS.ATTACHMENT_NOT_FOUND,
    );
  });

  it('serves generated attachments with the size their metadata declares', async () => {
    const files = (await wholeFeed(sb, key, '100001')).flatMap((t) =>
      t.MESSAGES.flatMap((m) => m.ATTACHMENTS),
    );
    expect(files.length).toBeGreaterThan(0);
    for (const f of files.slice(0, 3)) {
      const got = await ok(
        sb,
        'QpostAPI.GetAttachment',
        { file_id: f.FILE_ID },
        key,
        attachmentDataSchema,
      );
      expect(Buffer.from(got.DATA, 'base64').length).toBe(f.SIZE);
      expect(got.MIME).toBe(f.MIME);
    }
  });
});

// Test client for the sandbox: real HTTP on 127.0.0.1 against a server started in the test.
import { expect } from 'vitest';
import { z } from 'zod';
import {
  QAPI_KEY_HEADER,
  QAPI_VERSION,
  QAPI_VERSION_HEADER,
  actionResultSchema,
  changesPageSchema,
  qapiUrl,
  threadRowSchema,
  type ActionResult,
  type ChangesPage,
  type ThreadRow,
} from '../../../src/shared/qapi.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../src/sandbox/server.js';

/** A fixed "now" so generated data is the same on every run. */
export const NOW = Date.UTC(2026, 10, 20, 3, 0, 0);

export function start(opts: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({
    dbPath: ':memory:',
    seed: 7,
    inquiries: 200,
    now: NOW,
    admin: true,
    ...opts,
  });
}

export interface Answer {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the text of a non-JSON answer. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- raw wire answers
}

export async function post(
  sb: { url: string },
  method: string,
  fields: Record<string, string>,
  opts: { key?: string; headers?: Record<string, string>; returnType?: string | null } = {},
): Promise<Answer> {
  const form = new URLSearchParams(fields);
  if (opts.returnType !== null) form.set('returnType', opts.returnType ?? 'application/json');
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    [QAPI_VERSION_HEADER]: QAPI_VERSION,
    ...(opts.key === undefined ? {} : { [QAPI_KEY_HEADER]: opts.key }),
    ...opts.headers,
  };
  const res = await fetch(qapiUrl(sb.url, method), {
    method: 'POST',
    headers,
    body: form.toString(),
  });
  const text = await res.text();
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  return { status: res.status, headers: res.headers, body: isJson ? JSON.parse(text) : text };
}

/** ResultObject of a call that must succeed, checked against the contract's schema. */
export async function ok<T extends z.ZodType = z.ZodUnknown>(
  sb: { url: string },
  method: string,
  fields: Record<string, string>,
  key: string,
  schema?: T,
): Promise<z.infer<T>> {
  const a = await post(sb, method, fields, { key });
  if (a.body?.ResultCode !== 0)
    throw new Error(`${method} failed: ${JSON.stringify(a.body).slice(0, 300)}`);
  return (schema ?? z.unknown()).parse(a.body.ResultObject) as z.infer<T>;
}

/** ErrorCode of a call that must fail. */
export async function errorOf(
  sb: { url: string },
  method: string,
  fields: Record<string, string>,
  key: string,
): Promise<{ code: number; msg: string; obj: Record<string, unknown> | undefined }> {
  const a = await post(sb, method, fields, { key });
  expect(a.status).toBe(200);
  if (typeof a.body?.ErrorCode !== 'number')
    throw new Error(`${method} did not fail: ${JSON.stringify(a.body).slice(0, 300)}`);
  return { code: a.body.ErrorCode, msg: a.body.ErrorMsg, obj: a.body.ErrorObject };
}

export async function login(
  sb: { url: string },
  user = 'demo',
  pwd = 'demo1234',
  apiKey = 'SANDBOX-KEY',
): Promise<string> {
  return ok(
    sb,
    'CertificationAPI.CreateCertificationKey',
    { user_id: user, pwd },
    apiKey,
    z.string(),
  );
}

export interface AdminAnswer {
  ResultCode?: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- admin read-outs are raw rows
  ResultObject?: any;
  ErrorCode?: number;
  ErrorMsg?: string;
}

/** An admin call; answers are envelopes like QAPI's. */
export async function admin(
  sb: { url: string },
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<AdminAnswer> {
  const res = await fetch(`${sb.url}/__admin${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return (await res.json()) as AdminAnswer;
}

const buyerPosted = z.object({
  QUESTION_NO: z.number(),
  SEQ_NO: z.number(),
  STATUS: z.string(),
  VERSION: z.number(),
});

/** Plays the buyer through the admin API: a new inquiry, or a follow-up with question_no. */
export async function buyerPost(
  sb: { url: string },
  body: Record<string, unknown>,
): Promise<z.infer<typeof buyerPosted>> {
  const a = await admin(sb, 'POST', '/buyer-message', body);
  if (a.ResultCode !== 0) throw new Error(`buyer-message failed: ${JSON.stringify(a)}`);
  return buyerPosted.parse(a.ResultObject);
}

export const page = (
  sb: { url: string },
  key: string,
  fields: Record<string, string>,
): Promise<ChangesPage> => ok(sb, 'QpostAPI.GetChanges', fields, key, changesPageSchema);

export const thread = (
  sb: { url: string },
  key: string,
  shopId: string,
  questionNo: number,
): Promise<ThreadRow> =>
  ok(
    sb,
    'QpostAPI.GetThread',
    { shop_id: shopId, question_no: String(questionNo) },
    key,
    threadRowSchema,
  );

export const act = (
  sb: { url: string },
  key: string,
  method: string,
  fields: Record<string, string>,
): Promise<ActionResult> => ok(sb, method, fields, key, actionResultSchema);

/** Every thread of a shop, by paging the change feed from the start. */
export async function wholeFeed(
  sb: { url: string },
  key: string,
  shopId: string,
  pageSize = 500,
): Promise<ThreadRow[]> {
  const out: ThreadRow[] = [];
  let cursor = '';
  for (let n = 0; n < 1000; n++) {
    const r = await page(sb, key, { shop_id: shopId, cursor, page_size: String(pageSize) });
    out.push(...r.Inquiries);
    cursor = r.Cursor;
    if (!r.HasMore) return out;
  }
  throw new Error('feed did not end');
}

// The "raw limit" of an initial sync, measured against the same server in the same run: fetch
// the same change-feed pages, JSON.parse them and bulk-insert the rows with prepared statements
// into bare tables — no validation, no derived columns, no FTS, no sync bookkeeping.
import BetterSqlite3 from 'better-sqlite3';
import {
  QAPI_KEY_HEADER,
  QAPI_METHODS,
  QAPI_VERSION,
  QAPI_VERSION_HEADER,
  QPOST_METHODS,
  qapiUrl,
} from '../../../src/shared/qapi.js';

interface RawThread {
  SHOP_ID: string;
  QUESTION_NO: number;
  TITLE: string;
  STATUS: string;
  UPD_DT: string;
  MESSAGES: { SEQ_NO: number; CONTENTS: string; SEND_DT: string }[];
}

export async function rpc(base: string, key: string, method: string, form: Record<string, string>) {
  const post = () =>
    fetch(qapiUrl(base, method), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        [QAPI_KEY_HEADER]: key,
        [QAPI_VERSION_HEADER]: QAPI_VERSION,
      },
      body: new URLSearchParams({ returnType: 'application/json', ...form }),
    });
  // A kept-alive connection the server closed while it sat idle fails its first request
  // ("other side closed"); these reads are idempotent, so one retry on a fresh one is safe.
  const res = await post().catch(() => post());
  const body = (await res.json()) as { ResultObject?: unknown; ErrorMsg?: string };
  if (body.ResultObject === undefined) throw new Error(`${method}: ${body.ErrorMsg ?? 'failed'}`);
  return body.ResultObject;
}

export interface RawResult {
  ms: number;
  fetchMs: number;
  inquiries: number;
  messages: number;
}

export async function rawSync(
  base: string,
  login: { apiKey: string; user: string; password: string },
  dbPath: string,
  pageSize = 500,
): Promise<RawResult> {
  const db = new BetterSqlite3(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE IF NOT EXISTS inquiries (shop_id TEXT, question_no INTEGER, title TEXT,
             status TEXT, upd_dt TEXT, PRIMARY KEY (shop_id, question_no));
           CREATE TABLE IF NOT EXISTS messages (shop_id TEXT, question_no INTEGER, seq_no INTEGER,
             contents TEXT, send_dt TEXT, PRIMARY KEY (shop_id, question_no, seq_no));`);
  const putInquiry = db.prepare('INSERT OR REPLACE INTO inquiries VALUES (?, ?, ?, ?, ?)');
  const putMessage = db.prepare('INSERT OR REPLACE INTO messages VALUES (?, ?, ?, ?, ?)');
  const insertPage = db.transaction((threads: RawThread[]) => {
    for (const t of threads) {
      putInquiry.run(t.SHOP_ID, t.QUESTION_NO, t.TITLE, t.STATUS, t.UPD_DT);
      for (const m of t.MESSAGES) {
        putMessage.run(t.SHOP_ID, t.QUESTION_NO, m.SEQ_NO, m.CONTENTS, m.SEND_DT);
      }
    }
  });

  const t0 = performance.now();
  let fetchMs = 0;
  let inquiries = 0;
  let messages = 0;
  const key = (await rpc(base, login.apiKey, QAPI_METHODS.createCertificationKey, {
    user_id: login.user,
    pwd: login.password,
  })) as string;
  const shops = (await rpc(base, key, QPOST_METHODS.getShops, {})) as { SHOP_ID: string }[];
  for (const shop of shops) {
    let cursor: string | null = null;
    for (;;) {
      const f0 = performance.now();
      const form: Record<string, string> = { shop_id: shop.SHOP_ID, page_size: String(pageSize) };
      if (cursor !== null) form.cursor = cursor;
      const page = (await rpc(base, key, QPOST_METHODS.getChanges, form)) as {
        Inquiries: RawThread[];
        Cursor: string;
        HasMore: boolean;
      };
      fetchMs += performance.now() - f0;
      insertPage(page.Inquiries);
      inquiries += page.Inquiries.length;
      for (const t of page.Inquiries) messages += t.MESSAGES.length;
      cursor = page.Cursor;
      if (!page.HasMore) break;
    }
  }
  const ms = performance.now() - t0;
  db.close();
  return { ms, fetchMs, inquiries, messages };
}

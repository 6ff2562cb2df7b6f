// `npm run bench:sandbox`: generation time for 100,000 inquiries and change-feed throughput over
// loopback, each next to a reference measured in the same run on the same machine:
//   generation  vs. a bare bulk INSERT of the same number of rows with fixed text;
//   feed paging vs. a bare SELECT of the same rows from SQLite, and the feed query in-process.
// Usage: npm run bench:sandbox [-- --inquiries N]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { changesPageSchema } from '../../src/shared/qapi.js';
import { openDb } from '../../src/sandbox/db/schema.js';
import { rebuild } from '../../src/sandbox/dataset.js';
import { readFeedPage } from '../../src/sandbox/db/threads.js';
import { startSandbox } from '../../src/sandbox/server.js';
import { login, ok } from '../integration/sandbox/helpers.js';

const { values } = parseArgs({ options: { inquiries: { type: 'string' } } });
const INQUIRIES = Number(values.inquiries ?? 100_000);
const NOW = Date.UTC(2026, 10, 20, 3, 0, 0);
const PAGE = 500;
const SHOP = '100001';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-bench-'));
const ms = (t0: number): number => performance.now() - t0;
const rate = (n: number, t: number): string =>
  `${Math.round(n / (t / 1000)).toLocaleString('en')} rows/s`;

try {
  // ---- generation -----------------------------------------------------------------------
  const dbPath = join(dir, 'bench.sqlite');
  const db = openDb(dbPath);
  let t0 = performance.now();
  const info = rebuild(db, { seed: 1, inquiries: INQUIRIES, now: NOW });
  const genMs = ms(t0);

  const ref = openDb(join(dir, 'reference.sqlite'));
  ref.exec('CREATE TABLE r_inq (id INTEGER PRIMARY KEY, shop TEXT, title TEXT, t INTEGER)');
  ref.exec('CREATE TABLE r_msg (id INTEGER PRIMARY KEY, q INTEGER, body TEXT, t INTEGER)');
  ref.exec('CREATE INDEX r_msg_q ON r_msg(q, id)');
  const insI = ref.prepare('INSERT INTO r_inq VALUES (?, ?, ?, ?)');
  const insM = ref.prepare('INSERT INTO r_msg VALUES (?, ?, ?, ?)');
  const perInquiry = info.messages / INQUIRIES;
  t0 = performance.now();
  ref.transaction(() => {
    let m = 0;
    for (let i = 1; i <= INQUIRIES; i++) {
      insI.run(i, SHOP, '配送について', i);
      while (m < Math.round(i * perInquiry))
        insM.run(++m, i, '商品がまだ届きません。いつ頃届きますでしょうか。', i);
    }
  })();
  const bareInsertMs = ms(t0);
  ref.close();
  db.close();

  // ---- change feed over loopback ------------------------------------------------------------
  const sb = await startSandbox({ dbPath, port: 0 });
  const key = await login(sb);
  let cursor = '';
  let threads = 0;
  let messages = 0;
  let pages = 0;
  t0 = performance.now();
  for (;;) {
    const page = await ok(
      sb,
      'QpostAPI.GetChanges',
      { shop_id: SHOP, cursor, page_size: String(PAGE) },
      key,
      changesPageSchema,
    );
    threads += page.Inquiries.length;
    for (const t of page.Inquiries) messages += t.MESSAGES.length;
    pages += 1;
    cursor = page.Cursor;
    if (!page.HasMore) break;
  }
  const feedMs = ms(t0);

  // Reference 1: the same rows with a bare SELECT (no JSON, no HTTP, no thread assembly).
  t0 = performance.now();
  let bareRows = 0;
  for (const _row of sb.db
    .prepare(
      'SELECT i.*, m.* FROM inquiries i JOIN messages m ON m.question_no = i.question_no WHERE i.shop_id = ? ORDER BY i.change_seq, m.seq_no',
    )
    .iterate(SHOP)) {
    bareRows += 1;
  }
  const bareSelectMs = ms(t0);

  // Reference 2: the feed's own page query in-process (assembly without HTTP and JSON).
  t0 = performance.now();
  let after = 0;
  let inProcess = 0;
  for (;;) {
    const p = readFeedPage(sb.db, SHOP, after, PAGE);
    inProcess += p.threads.length;
    after = p.lastSeq;
    if (!p.hasMore) break;
  }
  const inProcessMs = ms(t0);
  await sb.close();

  const rows: [string, string, string][] = [
    [
      'generate inquiries (sandbox generator)',
      `${(genMs / 1000).toFixed(2)} s`,
      `${INQUIRIES.toLocaleString('en')} inquiries, ${info.messages.toLocaleString('en')} messages`,
    ],
    [
      'reference: bare INSERT of as many rows',
      `${(bareInsertMs / 1000).toFixed(2)} s`,
      'fixed text, one transaction',
    ],
    [
      'GetChanges over loopback, page_size 500',
      rate(threads, feedMs),
      `${threads.toLocaleString('en')} threads / ${messages.toLocaleString('en')} messages, ${pages} pages, ${(feedMs / 1000).toFixed(2)} s (${rate(messages, feedMs).replace('rows', 'messages')})`,
    ],
    [
      'reference: feed query in-process',
      rate(inProcess, inProcessMs),
      `${(inProcessMs / 1000).toFixed(2)} s, no HTTP/JSON`,
    ],
    [
      'reference: bare SELECT of the same rows',
      rate(bareRows, bareSelectMs),
      `${bareRows.toLocaleString('en')} joined rows, ${(bareSelectMs / 1000).toFixed(2)} s`,
    ],
  ];
  console.log(`\nQSM sandbox benchmark (node ${process.version}, ${new Date().toISOString()})\n`);
  console.log('| measure | figure | notes |\n| --- | --- | --- |');
  for (const [m, f, n] of rows) console.log(`| ${m} | ${f} | ${n} |`);
  console.log(
    `\nshop ${SHOP} holds ${threads.toLocaleString('en')} of the ${INQUIRIES.toLocaleString('en')} inquiries (85 % share).`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

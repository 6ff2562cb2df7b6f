// The CLI as a script uses it: real sandbox on 127.0.0.1, a real cache file, main() with real
// argument parsing, stdin and exit codes (and once through the real process entry).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/main/cli/index.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/server.js';

const PASSWORD = 'demo1234';
let sandbox: Sandbox;
let dir: string;
let db: string;

async function cli(
  args: string[],
  stdin = '',
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main([...args, '--db', db, '--server', sandbox.url], {
    stdin: Readable.from(stdin === '' ? [] : [stdin]),
    out: (t) => (out += t),
    err: (t) => (err += t),
    env: {},
  });
  expect(out + err).not.toContain(PASSWORD);
  return { code, out, err };
}
const online = (args: string[]) =>
  cli([...args, '--user', 'demo', '--password-stdin'], `${PASSWORD}\n`);

/** How many times a text reached the sandbox's copy of a thread (the buyer's side). */
async function timesOnServer(questionNo: number, text: string): Promise<number> {
  const res = await fetch(`${sandbox.url}/__admin/inquiries/${questionNo}`);
  const body = (await res.json()) as { ResultObject: { messages: { contents: string }[] } };
  return body.ResultObject.messages.filter((m) => m.contents === text).length;
}

beforeAll(async () => {
  sandbox = await startSandbox({ dbPath: ':memory:', seed: 3, inquiries: 200, admin: true });
  dir = mkdtempSync(join(tmpdir(), 'toiawase-cli-'));
  db = join(dir, 'cache.db');
});

afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('toiawase CLI', () => {
  it('logs in, lists shops and syncs', async () => {
    const login = await online(['login']);
    expect(login.code).toBe(0);
    expect(login.out).toContain('logged in as demo');
    expect(login.out.match(/^1000\d{2}/gm)?.length).toBe(3);
    const sync = await online(['sync', '--format', 'json']);
    expect(sync.code).toBe(0);
    expect(JSON.parse(sync.out)[0].state).toBe('idle');
  });

  it('refuses a wrong password with exit code 5 and never echoes it', async () => {
    const r = await cli(['login', '--user', 'demo', '--password-stdin'], 'not-the-password\n');
    expect(r.code).toBe(5);
    expect(r.err).toContain('LOGIN_FAILED');
    expect(r.out + r.err).not.toContain('not-the-password');
  });

  it('searches the cache offline with filters, as table, JSON and CSV', async () => {
    const json = await cli([
      'search',
      '--status',
      'unprocessed',
      '--format',
      'json',
      '--limit',
      '50',
    ]);
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.out) as { status: string; no: number; shop: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.status === 'unprocessed')).toBe(true);
    const csv = await cli(['search', '--format', 'csv', '--type', 'product']);
    expect(csv.out.split('\r\n')[0]).toBe(
      'no,shop,received,type,status,category,buyer,title,item,order,hidden,waitingHours',
    );
    const table = await cli(['search', '--limit', '3']);
    expect(table.out).toMatch(/3 of \d+/);
  });

  it('shows a thread by number', async () => {
    const rows = JSON.parse((await cli(['search', '--format', 'json', '--limit', '1'])).out) as {
      no: number;
      shop: string;
    }[];
    const r = await cli(['show', String(rows[0]!.no), '--shop', rows[0]!.shop]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/From .+ \/ To /);
    expect((await cli(['show', '999999999', '--shop', rows[0]!.shop])).code).toBe(4);
  });

  it('replies and delivers with a password; queues without one and delivers later', async () => {
    const rows = JSON.parse(
      (
        await cli([
          'search',
          '--status',
          'unprocessed',
          '--source',
          'customer',
          '--format',
          'json',
          '--limit',
          '5',
        ])
      ).out,
    ) as { no: number; shop: string }[];
    const [a, b] = rows;
    const sent = await online([
      'reply',
      `${a!.shop}:${a!.no}`,
      '--status',
      'complete',
      '--text',
      'ありがとうございます',
      '--format',
      'json',
    ]);
    expect(sent.code).toBe(0);
    expect(JSON.parse(sent.out)[0].state).toBe('sent');

    const queued = await cli([
      'reply',
      `${b!.shop}:${b!.no}`,
      '--status',
      'replying',
      '--text',
      'オフラインで書いた返信',
      '--user',
      'demo',
      '--format',
      'json',
    ]);
    expect(queued.code).toBe(0);
    expect(
      JSON.parse(
        queued.out
          .split('\n')
          .filter((l) => !l.startsWith('queued:'))
          .join('\n'),
      )[0].state,
    ).toBe('queued');
    const later = await online(['outbox', '--format', 'json']);
    const items = JSON.parse(later.out) as { inquiry: string; state: string }[];
    expect(items.find((i) => i.inquiry === `${b!.shop}:${b!.no}`)?.state).toBe('sent');
    expect(await timesOnServer(a!.no, 'ありがとうございます')).toBe(1);
    expect(await timesOnServer(b!.no, 'オフラインで書いた返信')).toBe(1);
  });

  it('answers usage errors with 2 and invalid input with 3, changing nothing', async () => {
    expect((await cli(['search', '--bogus'])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['search', '--status', 'done'])).code).toBe(2);
    const rows = JSON.parse((await cli(['search', '--format', 'json', '--limit', '1'])).out) as {
      no: number;
      shop: string;
    }[];
    const id = `${rows[0]!.shop}:${rows[0]!.no}`;
    const before = (await cli(['outbox', '--format', 'json'])).out;
    expect((await cli(['reply', id, '--text', 'x'])).code).toBe(2); // no --status
    expect(
      (await cli(['reply', id, '--status', 'complete', '--text', 'あ'.repeat(1001)])).code,
    ).toBe(3);
    expect((await cli(['hide', id, '--title', '', '--reason', 'r'])).code).toBe(3);
    expect((await cli(['search', '--from', '2026-02-30'])).code).toBe(3);
    expect((await cli(['outbox', '--format', 'json'])).out).toBe(before);
  });

  it('exports every page of a search to CSV', async () => {
    const file = join(dir, 'export.csv');
    const r = await cli(['export', '--csv', file]);
    expect(r.code).toBe(0);
    const total = Number(/(\d+) inquiries written/.exec(r.out)?.[1]);
    const lines = readFileSync(file, 'utf8').trim().split('\r\n');
    expect(lines.length).toBe(total + 1);
    expect(total).toBeGreaterThan(100);
  });

  it('runs as a process: exit codes reach the shell', async () => {
    const run = promisify(execFile);
    const bin = resolve(import.meta.dirname, '../../../src/main/cli/bin.ts');
    const ok = await run(process.execPath, ['--import', 'tsx', bin, 'help']);
    expect(ok.stdout).toContain('Usage: toiawase');
    const bad = await run(process.execPath, ['--import', 'tsx', bin, 'search', '--nope']).catch(
      (e: unknown) => e,
    );
    expect((bad as { code: number }).code).toBe(2);
  });
});

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { shopRowSchema } from '../../../src/shared/qapi.js';
import { admin, login, ok, start } from './helpers.js';

describe('npm run sandbox (src/sandbox/cli.ts)', () => {
  it('prints its URL and the demo login, serves QAPI, and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/sandbox/cli.ts',
        '--port',
        '0',
        '--db',
        ':memory:',
        '--inquiries',
        '30',
        '--admin',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed:\n${out}`)), 30_000);
        child.stdout.on('data', () => {
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m?.[1] !== undefined && out.includes('admin API')) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        child.once('exit', () => reject(new Error(`exited early:\n${out}`)));
      });
      expect(out).toContain(
        'user demo (or demo@example.com), password demo1234, API key SANDBOX-KEY',
      );
      expect(out).not.toContain('other1234');
      const key = await login({ url });
      expect(await ok({ url }, 'QpostAPI.GetShops', {}, key, z.array(shopRowSchema))).toHaveLength(
        3,
      );
      expect(out).not.toContain(key);
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      expect(code).toBe(0);
    }
  });
});

describe('--live buyer simulator', () => {
  it('posts new inquiries and follow-ups while running', async () => {
    const sb = await start({ inquiries: 20, live: 6000 });
    try {
      const count = () =>
        (sb.db.prepare('SELECT COUNT(*) AS n FROM messages').get() as { n: number }).n;
      const initial = count();
      let posted = 0;
      for (let i = 0; i < 200 && posted < 5; i++) {
        await new Promise((r) => setTimeout(r, 25));
        posted = (await admin(sb, 'GET', '/state')).ResultObject.livePosted as number;
      }
      expect(posted).toBeGreaterThanOrEqual(5);
      expect(count()).toBeGreaterThan(initial);
    } finally {
      await sb.close();
    }
  });
});

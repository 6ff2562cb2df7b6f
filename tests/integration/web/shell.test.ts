import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startShell } from '../../../src/main/web/shell.js';
import { connect, makeRendererDir } from './helpers.js';

const dirs: string[] = [];
const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('startShell', () => {
  it('answers once it listens; a core that cannot start rejects `core` and leaves nothing running', async () => {
    const dataDir = tempDir('toiawase-shell-');
    const db = new BetterSqlite3(join(dataDir, 'toiawase.db'));
    db.pragma('user_version = 999');
    db.close();
    const servers = (): number =>
      process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap').length;
    const before = servers();
    const shell = await startShell({ dataDir, rendererDir: makeRendererDir(), inquiries: 20 });
    await expect(shell.core).rejects.toMatchObject({ code: 'DB_TOO_NEW' });
    // The web server and the embedded sandbox are closed again; a closed server lets go of its
    // handle a little after its close() resolves.
    await vi.waitFor(() => {
      expect(servers()).toBe(before);
    });
    await shell.close(); // already closed: a no-op
  });

  it('starts the core and the web server side by side and serves calls at once', async () => {
    const shell = await startShell({
      dataDir: tempDir('toiawase-shell-'),
      rendererDir: makeRendererDir(),
      inquiries: 20,
    });
    try {
      const client = await connect(shell);
      expect((await client.call('getSettings')).ok).toBe(true);
      client.ws.close();
    } finally {
      await shell.close();
    }
  });
});

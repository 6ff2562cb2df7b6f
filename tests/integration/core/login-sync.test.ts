// A log-in's first sync with the background loops on (createCore as the shells run it): one pass
// over the shops, whatever the window asks meanwhile.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore, type LocalCore } from '../../../src/main/core/index.js';
import type { InboxEvents } from '../../../src/shared/api.js';
import type { Result } from '../../../src/shared/errors.js';
import type { Sandbox } from '../../../src/sandbox/server.js';
import { DEMO, memoryVault, startTestSandbox } from './helpers.js';

let sandbox: Sandbox;
let dir: string;
let core: LocalCore;

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

beforeEach(async () => {
  sandbox = await startTestSandbox({ inquiries: 40 });
  dir = mkdtempSync(join(tmpdir(), 'toiawase-login-sync-'));
  core = await createCore({ dataDir: dir, sandboxUrl: sandbox.url, vault: memoryVault() });
});
afterEach(async () => {
  await core.close();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("a log-in's first sync", () => {
  it('is one pass: the settings the log-in saves do not ask for another', async () => {
    const passes: InboxEvents['timing'][] = [];
    core.on('timing', (t) => {
      if (t.name === 'sync.shop') passes.push(t);
    });
    const session = value(
      await core.api.login({ user: DEMO.user, password: DEMO.password, location: 'sandbox' }),
    );
    // What the log-in screen does next, while the first pass runs.
    value(await core.api.updateSettings({ language: 'ja', syncIntervalSec: 600 }));
    value(await core.api.selectShop({ shopId: 'all' }));
    await vi.waitFor(() => expect(passes).toHaveLength(session.shops.length), { timeout: 10_000 });
    await vi.waitFor(() => expect(core.sync.status().state).toBe('idle'));
    // A second pass would start at once after the first.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(passes).toHaveLength(session.shops.length);
    expect(core.sync.status().state).toBe('idle');
  });
});

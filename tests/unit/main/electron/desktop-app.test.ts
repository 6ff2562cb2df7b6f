// The lifecycle wiring of the Electron app, run against the mocked electron module: single
// instance, window, protocol, session hardening, IPC, tray, core events and quitting.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InboxApi, InboxEventName } from '../../../../src/shared/api.js';
import { INBOX_METHODS } from '../../../../src/shared/api.js';
import { fail, ok } from '../../../../src/shared/errors.js';
import {
  electronModule,
  fakeApp,
  fakeIpcMain,
  FakeBrowserWindow,
  FakeTray,
  FakeWebContents,
  resetElectronMock,
} from './electron-mock.js';

const h = vi.hoisted(() => ({
  storeDir: '',
  hooks: [] as ((m: { data: unknown[] }) => { data: unknown[] })[],
  startCoreWorker: vi.fn(),
}));

vi.mock('electron', async () => (await import('./electron-mock.js')).electronModule);
// electron-store is conf plus Electron's userData folder: the same class on a temp folder.
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  class TestStore extends Conf {
    constructor({ name, ...options }: { name: string } & Record<string, unknown>) {
      super({ ...options, configName: name, cwd: h.storeDir, projectName: 'toiawase-test' });
    }
  }
  return { default: TestStore };
});
vi.mock('electron-log/main', () => ({
  default: {
    hooks: h.hooks,
    transports: { file: {}, console: {} },
    errorHandler: { startCatching: vi.fn() },
    info: vi.fn(),
    warn: vi.fn(),
    error: vi.fn(),
  },
}));
vi.mock('../../../../src/main/core/worker/start-core-worker.js', () => ({
  startCoreWorker: h.startCoreWorker,
}));

function fakeCore() {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  let unanswered = 5;
  const api = Object.fromEntries(
    INBOX_METHODS.map((m) => [m, vi.fn(() => Promise.resolve(fail('NOT_LOGGED_IN', 'log in')))]),
  ) as unknown as Record<string, ReturnType<typeof vi.fn<(input: unknown) => Promise<unknown>>>>;
  api.counts!.mockImplementation(() =>
    Promise.resolve(
      ok({
        customerUnanswered: unanswered,
        customerReplying: 0,
        qoo10Unanswered: 0,
        qoo10Unconfirmed: 0,
      }),
    ),
  );
  api.search!.mockImplementation(() =>
    Promise.resolve(ok({ rows: [], nextCursor: null, total: 0 })),
  );
  return {
    api: api as unknown as InboxApi,
    calls: api,
    on: (event: InboxEventName, l: (p: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(l);
      return () => set.delete(l);
    },
    emit: (event: InboxEventName, payload: unknown) => {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
    close: vi.fn(() => Promise.resolve()),
    setUnanswered: (n: number) => (unanswered = n),
  };
}

let core: ReturnType<typeof fakeCore>;
const flush = () => new Promise((r) => setTimeout(r, 0));

async function start(argv: string[] = []) {
  const saved = process.argv;
  process.argv = [...saved, ...argv];
  try {
    const { runDesktopApp } = await import('../../../../src/main/electron/desktop-app.js');
    await runDesktopApp();
  } finally {
    process.argv = saved;
  }
  await flush();
  return FakeBrowserWindow.instances[0];
}

const quit = () => {
  let prevented = false;
  fakeApp.emit('before-quit');
  fakeApp.emit('will-quit', { preventDefault: () => (prevented = true) });
  return prevented;
};

beforeEach(() => {
  resetElectronMock();
  h.storeDir = mkdtempSync(join(tmpdir(), 'toiawase-app-'));
  h.hooks.length = 0;
  core = fakeCore();
  h.startCoreWorker.mockResolvedValue(core);
});
afterEach(() => rmSync(h.storeDir, { recursive: true, force: true }));

describe('desktop app lifecycle', () => {
  it('a second launch quits at once and leaves the first instance alone', async () => {
    fakeApp.singleInstanceLock = false;
    expect(await start()).toBeUndefined();
    expect(fakeApp.quit).toHaveBeenCalled();
    expect(h.startCoreWorker).not.toHaveBeenCalled();
  });

  it('starts the core off the main thread with the vault and hardens the session', async () => {
    const win = (await start())!;
    expect(h.startCoreWorker).toHaveBeenCalledWith(
      expect.objectContaining({ dataDir: '/tmp/fake-electron/userData', background: true }),
      { entry: expect.stringMatching(/core-worker\.js$/) },
    );
    const options = h.startCoreWorker.mock.calls[0]![0] as { vault: { isAvailable(): boolean } };
    expect(options.vault.isAvailable()).toBe(true);
    expect(electronModule.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, corsEnabled: true }),
      }),
    ]);
    expect(electronModule.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const session = electronModule.session.defaultSession;
    expect(session.permissionRequest).not.toBeNull();
    expect(session.headersListener).not.toBeNull();
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true });
    expect(win.loadURL).toHaveBeenCalledWith('app://toiawase/index.html');
    expect(electronModule.Menu.setApplicationMenu).toHaveBeenCalled();
    expect(h.hooks).toHaveLength(1);
    quit();
  });

  it("opens its window while the core boots; the window's calls wait for the core", async () => {
    let up: (c: typeof core) => void = () => undefined;
    h.startCoreWorker.mockReturnValue(new Promise((resolve) => (up = resolve)));
    const { runDesktopApp } = await import('../../../../src/main/electron/desktop-app.js');
    const running = runDesktopApp();
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
    const win = FakeBrowserWindow.instances[0]!;
    expect(win.loadURL).toHaveBeenCalledWith('app://toiawase/index.html');
    const handler = fakeIpcMain.handlers.get('inbox')!;
    let answered = false;
    const call = handler(
      { senderFrame: win.webContents.mainFrame },
      'counts',
      {},
    ) as Promise<unknown>;
    const answer = call.then((r) => {
      answered = true;
      return r;
    });
    await flush();
    expect(answered).toBe(false);
    up(core);
    await expect(answer).resolves.toMatchObject({ ok: true });
    await running;
    quit();
  });

  it('serves IPC to its own window only, and redacts a login password from the log', async () => {
    const win = (await start())!;
    const handler = fakeIpcMain.handlers.get('inbox')!;
    const own = { senderFrame: win.webContents.mainFrame };
    await expect(handler(own, 'counts', {})).resolves.toMatchObject({ ok: true });
    const foreign = { senderFrame: new FakeWebContents().mainFrame };
    await expect(handler(foreign, 'counts', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await handler(own, 'login', { user: 'demo', password: 'Zq9-secret-pw', location: 'sandbox' });
    const [hook] = h.hooks;
    expect(hook!({ data: ['server echoed Zq9-secret-pw'] }).data).toEqual([
      'server echoed [redacted]',
    ]);
    quit();
  });

  it('shows the unanswered count in the tray and refreshes on core events', async () => {
    await start();
    await flush();
    const tray = FakeTray.instances[0]!;
    expect(tray.tooltip).toBe('Toiawase — 未回答 5 件');
    core.setUnanswered(7);
    core.emit('inquiriesChanged', { shopId: 's1', inquiryIds: ['s1:1'] });
    await flush();
    expect(tray.tooltip).toBe('Toiawase — 未回答 7 件');
    quit();
  });

  it('starts hidden in the tray with --hidden; a second launch reveals the window', async () => {
    const win = (await start(['--hidden']))!;
    win.emit('ready-to-show');
    expect(win.visible).toBe(false);
    fakeApp.emit('second-instance');
    expect(win.visible).toBe(true);
    expect(win.focus).toHaveBeenCalled();
    quit();
  });

  it('uses the installer appId as the Windows AppUserModelID (notifications need it)', async () => {
    const { APP_ID } = await import('../../../../src/main/electron/desktop-app.js');
    const yml = readFileSync(join(import.meta.dirname, '../../../../electron-builder.yml'), 'utf8');
    expect(yml).toMatch(new RegExp(`^appId: ${APP_ID.replaceAll('.', '\\.')}$`, 'm'));
  });

  it('guards every webContents created later', async () => {
    await start();
    const contents = new FakeWebContents();
    fakeApp.emit('web-contents-created', {}, contents);
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    quit();
  });

  it('closes to the tray; quitting closes the core before the app exits', async () => {
    const win = (await start())!;
    expect(win.tryClose()).toBe(false);
    expect(quit()).toBe(true);
    expect(win.tryClose()).toBe(true);
    await flush();
    expect(core.close).toHaveBeenCalledOnce();
    expect(FakeTray.instances[0]!.destroyed).toBe(true);
    expect(fakeApp.quit).toHaveBeenCalled();
    // The second will-quit (from that app.quit) is let through.
    let prevented = false;
    fakeApp.emit('will-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(false);
  });
});

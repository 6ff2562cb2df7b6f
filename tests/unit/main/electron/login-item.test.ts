import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app } from 'electron';
import {
  autostartDesktopEntry,
  LoginItem,
  LOGIN_ITEM_ARGS,
  startsHidden,
} from '../../../../src/main/electron/login-item.js';
import { fakeApp, resetElectronMock } from './electron-mock.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electronModule);

let configHome: string;
beforeEach(() => {
  resetElectronMock();
  configHome = mkdtempSync(join(tmpdir(), 'toiawase-autostart-'));
});
afterEach(() => rmSync(configHome, { recursive: true, force: true }));

const execPath = 'C:\\Users\\seller\\AppData\\Local\\Programs\\Toiawase\\Toiawase.exe';

describe('login item (Windows, macOS)', () => {
  for (const platform of ['win32', 'darwin'] as const) {
    it(`${platform}: registers with --hidden and reads back with the same args`, async () => {
      const item = new LoginItem({ app, platform, execPath, configHome });
      await expect(item.get()).resolves.toBe(false);
      await item.set(true);
      expect(fakeApp.setLoginItemSettings).toHaveBeenCalledWith({
        openAtLogin: true,
        path: execPath,
        args: ['--hidden'],
      });
      await expect(item.get()).resolves.toBe(true);
      const [setArgs] = fakeApp.setLoginItemSettings.mock.calls[0]!;
      const [getArgs] = fakeApp.getLoginItemSettings.mock.calls.at(-1)!;
      expect(getArgs).toEqual({ path: setArgs.path, args: setArgs.args });

      await item.set(false);
      await expect(item.get()).resolves.toBe(false);
    });
  }

  it('a read without the args would not see the item (why the args must match)', async () => {
    await new LoginItem({ app, platform: 'win32', execPath, configHome }).set(true);
    expect(fakeApp.getLoginItemSettings({ path: execPath }).openAtLogin).toBe(false);
    expect(LOGIN_ITEM_ARGS).toEqual(['--hidden']);
  });
});

describe('login item (Linux autostart entry)', () => {
  it('writes and removes an XDG autostart file that starts hidden', async () => {
    const item = new LoginItem({
      app,
      platform: 'linux',
      execPath: '/opt/Toiawase/toiawase',
      configHome,
    });
    await item.set(true);
    await expect(item.get()).resolves.toBe(true);
    const file = readFileSync(join(configHome, 'autostart', 'jp.toiawase.app.desktop'), 'utf8');
    expect(file).toContain('Exec="/opt/Toiawase/toiawase" --hidden');
    await item.set(false);
    await expect(item.get()).resolves.toBe(false);
    expect(fakeApp.setLoginItemSettings).not.toHaveBeenCalled();
  });

  it('quotes paths with spaces and shell characters', () => {
    expect(autostartDesktopEntry('/home/a b/$x"y')).toContain('Exec="/home/a b/\\$x\\"y" --hidden');
  });
});

describe('starting hidden', () => {
  it('starts in the tray with --hidden or a macOS login launch', () => {
    expect(startsHidden(['Toiawase.exe', '--hidden'], false)).toBe(true);
    expect(startsHidden(['Toiawase'], true)).toBe(true);
    expect(startsHidden(['Toiawase.exe'], false)).toBe(false);
  });
});

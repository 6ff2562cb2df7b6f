import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InboxApi, Settings } from '../../../../src/shared/api.js';
import { ok } from '../../../../src/shared/errors.js';
import {
  APP_STATE_OPTIONS,
  pickLanguage,
  type AppState,
} from '../../../../src/main/electron/app-state.js';
import { withShellSettings } from '../../../../src/main/electron/shell-api.js';

let dir: string;
const open = () =>
  new Conf<AppState>({
    ...APP_STATE_OPTIONS,
    cwd: dir,
    projectName: 'toiawase-test',
    configName: 'settings',
  });
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'toiawase-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('shell settings store (electron-store schema)', () => {
  it('starts from the defaults and persists window bounds', () => {
    const store = open();
    expect(store.get('notifications')).toBe(true);
    expect(store.get('openAtLogin')).toBe(false);
    store.set('windowBounds', { x: -1200, y: 0, width: 1024, height: 768, maximized: false });
    expect(open().get('windowBounds')).toEqual({
      x: -1200,
      y: 0,
      width: 1024,
      height: 768,
      maximized: false,
    });
  });

  it('rejects values outside the schema', () => {
    const store = open();
    expect(() => store.set('language', 'fr' as never)).toThrow(/schema/i);
    expect(() => store.set('notifications', 'yes' as never)).toThrow(/schema/i);
    expect(() =>
      store.set('windowBounds', { x: 0, y: 0, width: 0, height: 10, maximized: false }),
    ).toThrow(/schema/i);
  });

  it('resets a corrupt or hand-broken file instead of refusing to start', () => {
    open().set('language', 'en');
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ language: 'klingon' }));
    expect(open().get('language')).toBe('ja');
  });

  it('picks the first language from the OS locale', () => {
    expect(pickLanguage(undefined, 'zh-CN')).toBe('zh-CN');
    expect(pickLanguage(undefined, 'zh-TW')).toBe('zh-CN');
    expect(pickLanguage(undefined, 'en-US')).toBe('en');
    expect(pickLanguage(undefined, 'ko')).toBe('ja');
    expect(pickLanguage('en', 'zh-CN')).toBe('en');
  });
});

describe('settings served to the window', () => {
  function setup(loginItemFails = false) {
    let coreSettings: Settings = {
      language: 'ja',
      notifications: true,
      hourlyDigest: false,
      openAtLogin: false,
      syncIntervalSec: 60,
    };
    let osItem = false;
    const core = {
      getSettings: vi.fn(() => Promise.resolve(ok(coreSettings))),
      updateSettings: vi.fn((patch: Partial<Settings>) => {
        coreSettings = { ...coreSettings, ...patch };
        return Promise.resolve(ok(coreSettings));
      }),
    } as unknown as InboxApi;
    const loginItem = {
      set: vi.fn((v: boolean) => {
        if (loginItemFails) return Promise.reject(new Error('access denied'));
        osItem = v;
        return Promise.resolve();
      }),
      get: vi.fn(() => Promise.resolve(osItem)),
    };
    const store = open();
    const onSettings = vi.fn();
    const api = withShellSettings(core, { loginItem, store, onSettings });
    return { api, core, loginItem, store, onSettings, setOs: (v: boolean) => (osItem = v) };
  }

  it('turns "start automatically" into the OS login item and reads it back from the OS', async () => {
    const t = setup();
    const updated = await t.api.updateSettings({ openAtLogin: true, hourlyDigest: true });
    expect(t.loginItem.set).toHaveBeenCalledWith(true);
    expect(updated).toMatchObject({ ok: true, value: { openAtLogin: true, hourlyDigest: true } });
    expect(t.store.get('openAtLogin')).toBe(true);
    expect(t.store.get('hourlyDigest')).toBe(true);
    expect(t.onSettings).toHaveBeenLastCalledWith(expect.objectContaining({ openAtLogin: true }));

    // The seller removed the item in the OS: the OS is the truth.
    t.setOs(false);
    expect(await t.api.getSettings({})).toMatchObject({ ok: true, value: { openAtLogin: false } });
    expect(t.store.get('openAtLogin')).toBe(false);
  });

  it('changes nothing when the OS refuses the login item', async () => {
    const t = setup(true);
    const result = await t.api.updateSettings({ openAtLogin: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(t.core.updateSettings).not.toHaveBeenCalled();
    expect(readFileSync(t.store.path, 'utf8')).not.toContain('"openAtLogin": true');
  });

  it('leaves the login item alone when the patch does not mention it', async () => {
    const t = setup();
    await t.api.updateSettings({ language: 'zh-CN' });
    expect(t.loginItem.set).not.toHaveBeenCalled();
    expect(t.store.get('language')).toBe('zh-CN');
  });
});

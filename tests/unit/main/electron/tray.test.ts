import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItem, MenuItemConstructorOptions } from 'electron';
import { appMenuTemplate } from '../../../../src/main/electron/app-menu.js';
import { AppTray, trayMenuTemplate } from '../../../../src/main/electron/tray.js';
import { shellStrings } from '../../../../src/main/electron/strings.js';
import { FakeTray, resetElectronMock } from './electron-mock.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electronModule);

const actions = () => ({ open: vi.fn(), syncNow: vi.fn(), setPaused: vi.fn(), quit: vi.fn() });
const click = (item: MenuItemConstructorOptions, checked?: boolean) =>
  item.click!({ checked } as unknown as MenuItem, undefined, {});
const byId = (items: MenuItemConstructorOptions[], id: string) => items.find((i) => i.id === id)!;

describe('tray menu', () => {
  beforeEach(resetElectronMock);

  it('offers open, sync now, pause notifications and quit, wired to their actions', () => {
    const a = actions();
    const items = trayMenuTemplate(shellStrings('en'), { unanswered: 0, paused: false }, a);
    expect(items.filter((i) => i.id).map((i) => [i.id, i.label])).toEqual([
      ['open', 'Open Toiawase'],
      ['syncNow', 'Sync now'],
      ['pauseNotifications', 'Pause notifications'],
      ['quit', 'Quit'],
    ]);
    click(byId(items, 'open'));
    click(byId(items, 'syncNow'));
    click(byId(items, 'pauseNotifications'), true);
    click(byId(items, 'quit'));
    expect(a.open).toHaveBeenCalledOnce();
    expect(a.syncNow).toHaveBeenCalledOnce();
    expect(a.setPaused).toHaveBeenCalledWith(true);
    expect(a.quit).toHaveBeenCalledOnce();
    expect(byId(items, 'pauseNotifications')).toMatchObject({ type: 'checkbox', checked: false });
  });

  it('shows the unanswered count in the tooltip and, on macOS, as the title', () => {
    new AppTray('/icons/tray.png', shellStrings('ja'), actions(), 'darwin').update({
      unanswered: 120,
    });
    const tray = FakeTray.instances[0]!;
    expect(tray.tooltip).toBe('Toiawase — 未回答 120 件');
    expect(tray.title).toBe('99+');
  });

  it('re-renders the menu on pause and on a language change; a click opens the window', () => {
    const a = actions();
    const appTray = new AppTray('/icons/tray.png', shellStrings('en'), a, 'win32');
    const tray = FakeTray.instances[0]!;
    expect(tray.tooltip).toBe('Toiawase');
    expect(tray.title).toBe('');
    appTray.update({ paused: true });
    expect(byId(tray.menu!.template, 'pauseNotifications').checked).toBe(true);
    appTray.setStrings(shellStrings('zh-CN'));
    expect(byId(tray.menu!.template, 'quit').label).toBe('退出');
    tray.emit('click');
    expect(a.open).toHaveBeenCalledOnce();
    appTray.destroy();
    expect(tray.destroyed).toBe(true);
  });
});

describe('application menu', () => {
  it('keeps edit shortcuts, hides dev tools from release builds, quits from File', () => {
    const a = { syncNow: vi.fn(), hideWindow: vi.fn(), quit: vi.fn() };
    const release = appMenuTemplate(shellStrings('en'), a, { platform: 'win32', dev: false });
    const roles = JSON.stringify(release);
    expect(roles).toContain('"paste"');
    expect(roles).not.toContain('toggleDevTools');
    const file = release[0]!.submenu as MenuItemConstructorOptions[];
    click(byId(file, 'quit'));
    click(byId(file, 'syncNow'));
    expect(a.quit).toHaveBeenCalledOnce();
    expect(a.syncNow).toHaveBeenCalledOnce();

    const dev = appMenuTemplate(shellStrings('en'), a, { platform: 'darwin', dev: true });
    expect(dev[0]).toEqual({ role: 'appMenu' });
    expect(JSON.stringify(dev)).toContain('toggleDevTools');
  });
});

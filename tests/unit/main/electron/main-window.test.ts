import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow, revealWindow } from '../../../../src/main/electron/main-window.js';
import type { AppState, AppStateStore } from '../../../../src/main/electron/app-state.js';
import { APP_STATE_DEFAULTS } from '../../../../src/main/electron/app-state.js';
import { FakeBrowserWindow, resetElectronMock } from './electron-mock.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electronModule);

function memoryStore(initial: Partial<AppState> = {}): AppStateStore & { data: AppState } {
  const data: AppState = { ...APP_STATE_DEFAULTS, ...initial };
  return {
    data,
    get: (key) => data[key],
    set: (key, value) => {
      data[key] = value;
    },
  };
}

const open = (store: AppStateStore, show = true, quitting = false) => {
  createMainWindow({
    preloadPath: '/app/out/preload/index.cjs',
    iconPath: '/app/icons/icon.png',
    rendererUrl: 'app://toiawase/index.html',
    store,
    show,
    isQuitting: () => quitting,
  });
  return FakeBrowserWindow.instances.at(-1)!;
};

describe('main window', () => {
  beforeEach(resetElectronMock);

  it('is created with the locked-down web preferences and loads the app origin', () => {
    const win = open(memoryStore());
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: '/app/out/preload/index.cjs',
    });
    expect(win.options.show).toBe(false);
    expect(win.loadURL).toHaveBeenCalledWith('app://toiawase/index.html');
  });

  it('restores the saved bounds and maximised state', () => {
    const win = open(
      memoryStore({ windowBounds: { x: 100, y: 50, width: 1000, height: 700, maximized: true } }),
    );
    expect(win.options).toMatchObject({ x: 100, y: 50, width: 1000, height: 700 });
    win.emit('ready-to-show');
    expect(win.maximized).toBe(true);
    expect(win.visible).toBe(true);
  });

  it('stays in the tray when started hidden', () => {
    const win = open(memoryStore(), false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(false);
  });

  it('closes to the tray and saves its bounds, until the app quits', () => {
    const store = memoryStore();
    const win = open(store);
    win.emit('ready-to-show');
    win.bounds = { x: 10, y: 20, width: 1111, height: 777 };
    expect(win.tryClose()).toBe(false);
    expect(win.visible).toBe(false);
    expect(store.data.windowBounds).toEqual({
      x: 10,
      y: 20,
      width: 1111,
      height: 777,
      maximized: false,
    });

    const quitting = open(memoryStore(), true, true);
    expect(quitting.tryClose()).toBe(true);
  });

  it('is brought back from the tray or a minimised state', () => {
    const win = open(memoryStore(), false);
    win.minimized = true;
    revealWindow(win as never);
    expect(win.minimized).toBe(false);
    expect(win.visible).toBe(true);
    expect(win.focus).toHaveBeenCalled();
  });
});

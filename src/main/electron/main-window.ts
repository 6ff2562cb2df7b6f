// The one main window: locked-down web preferences (navigation is guarded for every
// webContents in app.ts), bounds restored and saved, and "close" meaning "back to the tray" until the app really quits.
import { BrowserWindow, screen } from 'electron';
import type { AppStateStore } from './app-state.js';
import { secureWebPreferences } from './security.js';
import { MIN_SIZE, restoreBounds, type Rect } from './window-bounds.js';

export interface MainWindowOptions {
  preloadPath: string;
  iconPath: string;
  rendererUrl: string;
  store: AppStateStore;
  /** False when started by the login item: the window waits in the tray. */
  show: boolean;
  /** True while the app is quitting: then "close" really closes. */
  isQuitting: () => boolean;
}

/** Work areas with the primary display first (restoreBounds centres on the first). */
function workAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((d) => d.id !== primary.id);
  return [primary, ...others].map((d) => d.workArea);
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const bounds = restoreBounds(opts.store.get('windowBounds'), workAreas());
  const { maximized, ...rect } = bounds;
  const win = new BrowserWindow({
    ...rect,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Toiawase',
    icon: opts.iconPath,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(opts.preloadPath),
  });

  win.once('ready-to-show', () => {
    if (!opts.show) return;
    if (maximized) win.maximize();
    win.show();
  });

  const saveBounds = (): void => {
    if (win.isDestroyed() || win.isMinimized()) return;
    opts.store.set('windowBounds', { ...win.getNormalBounds(), maximized: win.isMaximized() });
  };
  win.on('close', (event) => {
    saveBounds();
    if (opts.isQuitting()) return;
    event.preventDefault();
    win.hide();
  });
  win.on('resized', saveBounds);
  win.on('moved', saveBounds);

  void win.loadURL(opts.rendererUrl);
  return win;
}

/** Bring the window back from the tray, a minimised state or behind other windows. */
export function revealWindow(win: BrowserWindow): void {
  if (win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

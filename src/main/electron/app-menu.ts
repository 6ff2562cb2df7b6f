// The application menu. Edit roles keep copy/paste shortcuts working on macOS; developer tools
// only exist in development builds.
import type { MenuItemConstructorOptions } from 'electron';
import type { ShellStrings } from './strings.js';

export interface AppMenuActions {
  syncNow(): void;
  hideWindow(): void;
  quit(): void;
}

export function appMenuTemplate(
  s: ShellStrings,
  actions: AppMenuActions,
  opts: { platform: NodeJS.Platform; dev: boolean },
): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (opts.dev) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  const menu: MenuItemConstructorOptions[] = [
    {
      label: s.file,
      submenu: [
        { id: 'syncNow', label: s.syncNow, accelerator: 'F5', click: () => actions.syncNow() },
        { type: 'separator' },
        // Closing the window keeps the app in the tray; Quit really quits.
        { label: s.closeWindow, accelerator: 'CmdOrCtrl+W', click: () => actions.hideWindow() },
        { id: 'quit', label: s.quit, accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
      ],
    },
    {
      label: s.edit,
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { label: s.view, submenu: view },
    { label: s.window, submenu: [{ role: 'minimize' }, { role: 'zoom' }] },
  ];
  if (opts.platform === 'darwin') menu.unshift({ role: 'appMenu' });
  return menu;
}

// The tray icon: the unanswered count in the tooltip (and as the title on macOS, the dock or
// taskbar badge elsewhere), and the menu the guide's users reach for most.
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import { badgeText } from './alert-rules.js';
import type { ShellStrings } from './strings.js';

export interface TrayActions {
  open(): void;
  syncNow(): void;
  setPaused(paused: boolean): void;
  quit(): void;
}

export interface TrayState {
  unanswered: number;
  paused: boolean;
}

export function trayMenuTemplate(
  s: ShellStrings,
  state: TrayState,
  actions: TrayActions,
): MenuItemConstructorOptions[] {
  return [
    { id: 'open', label: s.open, click: () => actions.open() },
    { id: 'syncNow', label: s.syncNow, click: () => actions.syncNow() },
    {
      id: 'pauseNotifications',
      label: s.pauseNotifications,
      type: 'checkbox',
      checked: state.paused,
      click: (item) => actions.setPaused(item.checked),
    },
    { type: 'separator' },
    { id: 'quit', label: s.quit, click: () => actions.quit() },
  ];
}

export class AppTray {
  readonly #tray: Tray;
  readonly #actions: TrayActions;
  readonly #platform: NodeJS.Platform;
  #strings: ShellStrings;
  #state: TrayState = { unanswered: 0, paused: false };

  constructor(
    iconPath: string,
    strings: ShellStrings,
    actions: TrayActions,
    platform = process.platform,
  ) {
    const icon = nativeImage.createFromPath(iconPath);
    // macOS draws template images in the menu bar's own colour.
    if (platform === 'darwin') icon.setTemplateImage(true);
    this.#tray = new Tray(icon);
    this.#actions = actions;
    this.#platform = platform;
    this.#strings = strings;
    // Windows/Linux: a click on the icon opens the window; the menu is on right-click.
    this.#tray.on('click', () => actions.open());
    this.#render();
  }

  update(patch: Partial<TrayState>): void {
    this.#state = { ...this.#state, ...patch };
    this.#render();
  }

  setStrings(strings: ShellStrings): void {
    this.#strings = strings;
    this.#render();
  }

  get state(): TrayState {
    return this.#state;
  }

  destroy(): void {
    this.#tray.destroy();
  }

  #render(): void {
    const { unanswered } = this.#state;
    this.#tray.setToolTip(this.#strings.tooltip(unanswered));
    if (this.#platform === 'darwin') this.#tray.setTitle(badgeText(unanswered));
    this.#tray.setContextMenu(
      Menu.buildFromTemplate(trayMenuTemplate(this.#strings, this.#state, this.#actions)),
    );
  }
}

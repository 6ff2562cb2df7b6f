// "Start automatically when Windows starts". Windows and macOS register a login item through
// app.setLoginItemSettings; on Windows the item is keyed by its args, so reading it back must
// pass the very same args or it reports false. Linux has no such API: an XDG autostart entry.
import { mkdir, rm, writeFile, access } from 'node:fs/promises';
import { join } from 'node:path';
import type { App } from 'electron';

/** The login item starts the app in the tray. */
export const HIDDEN_FLAG = '--hidden';
export const LOGIN_ITEM_ARGS: readonly string[] = [HIDDEN_FLAG];

type LoginItemApp = Pick<App, 'setLoginItemSettings' | 'getLoginItemSettings'>;

export interface LoginItemDeps {
  app: LoginItemApp;
  platform: NodeJS.Platform;
  /** The executable the login item runs (process.execPath). */
  execPath: string;
  /** $XDG_CONFIG_HOME or ~/.config, for the Linux autostart entry. */
  configHome: string;
}

const DESKTOP_FILE = 'jp.toiawase.app.desktop';

/** The autostart entry: Exec quotes the path so folders with spaces work. */
export function autostartDesktopEntry(execPath: string): string {
  const quoted = `"${execPath.replace(/(["`$\\])/g, '\\$1')}"`;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Toiawase',
    `Exec=${quoted} ${LOGIN_ITEM_ARGS.join(' ')}`,
    'X-GNOME-Autostart-enabled=true',
    'NoDisplay=false',
    '',
  ].join('\n');
}

export class LoginItem {
  readonly #deps: LoginItemDeps;

  constructor(deps: LoginItemDeps) {
    this.#deps = deps;
  }

  get #autostartFile(): string {
    return join(this.#deps.configHome, 'autostart', DESKTOP_FILE);
  }

  async set(openAtLogin: boolean): Promise<void> {
    if (this.#deps.platform === 'linux') {
      if (openAtLogin) {
        await mkdir(join(this.#deps.configHome, 'autostart'), { recursive: true });
        await writeFile(this.#autostartFile, autostartDesktopEntry(this.#deps.execPath));
      } else {
        await rm(this.#autostartFile, { force: true });
      }
      return;
    }
    this.#deps.app.setLoginItemSettings({
      openAtLogin,
      path: this.#deps.execPath,
      args: [...LOGIN_ITEM_ARGS],
    });
  }

  async get(): Promise<boolean> {
    if (this.#deps.platform === 'linux') {
      return access(this.#autostartFile).then(
        () => true,
        () => false,
      );
    }
    const settings = this.#deps.app.getLoginItemSettings({
      path: this.#deps.execPath,
      args: [...LOGIN_ITEM_ARGS],
    });
    return settings.openAtLogin;
  }
}

/** Start in the tray: launched by the login item (Windows/Linux flag, macOS login launch). */
export function startsHidden(argv: readonly string[], wasOpenedAtLogin: boolean): boolean {
  return argv.includes(HIDDEN_FLAG) || wasOpenedAtLogin;
}

// Opening the system browser, like Jupyter: never fatal (a headless box just prints the URL),
// and the token stays out of the process list — the browser gets a private redirect file, not
// the URL itself on its command line.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Whether a graphical session exists to show a browser in. */
export function hasDisplay(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY ?? env.WAYLAND_DISPLAY);
}

export function opener(
  target: string,
  platform: NodeJS.Platform,
): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [target] };
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', `"${target}"`] };
  return { command: 'xdg-open', args: [target] };
}

const escapeAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export interface OpenedBrowser {
  opened: boolean;
  /** Removes the redirect file (call when the shell stops). */
  cleanup(): void;
}

/** Ask the OS to open `url` in the default browser; resolves false when that is impossible. */
export async function openBrowser(
  url: string,
  platform: NodeJS.Platform = process.platform,
): Promise<OpenedBrowser> {
  const dir = mkdtempSync(join(tmpdir(), 'toiawase-open-'));
  const cleanup = (): void => rmSync(dir, { recursive: true, force: true });
  const file = join(dir, 'open.html');
  writeFileSync(
    file,
    `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${escapeAttr(url)}"><title>Toiawase</title>`,
    { mode: 0o600 },
  );
  const { command, args } = opener(pathToFileURL(file).href, platform);
  const opened = await new Promise<boolean>((resolve) => {
    try {
      const child = spawn(command, args, {
        detached: true,
        stdio: 'ignore',
        windowsVerbatimArguments: platform === 'win32',
      });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
  if (!opened) cleanup();
  return { opened, cleanup };
}

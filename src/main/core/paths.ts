// Where the app keeps its data when a host does not say: the same folder Electron's
// app.getPath('userData') uses for "Toiawase", so the CLI, the browser shell and the desktop
// app share one cache.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER = 'Toiawase';

export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_FOLDER);
}

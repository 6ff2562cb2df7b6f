// Where the built pieces are at run time. electron-vite emits out/main, out/preload and
// out/renderer side by side; icons ship as extra resources next to app.asar.
import { join } from 'node:path';

export interface AppPaths {
  preload: string;
  rendererDir: string;
  /** Tray and window icons. */
  resourcesDir: string;
}

export function appPaths(opts: {
  mainDir: string;
  isPackaged: boolean;
  resourcesPath: string;
  appPath: string;
}): AppPaths {
  return {
    preload: join(opts.mainDir, '../preload/index.cjs'),
    rendererDir: join(opts.mainDir, '../renderer'),
    resourcesDir: opts.isPackaged
      ? join(opts.resourcesPath, 'icons')
      : join(opts.appPath, 'resources', 'icons'),
  };
}

/** Dev mode: electron-vite serves the renderer and tells the main process where. */
export function devRendererUrl(env: NodeJS.ProcessEnv, isPackaged: boolean): string | undefined {
  const url = env.ELECTRON_RENDERER_URL;
  if (isPackaged || url === undefined) return undefined;
  // Only a loopback dev server may ever stand in for the bundled renderer.
  return /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$)/.test(url) ? url : undefined;
}

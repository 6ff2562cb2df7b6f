// The Electron app's lifecycle: one instance, the core in a worker thread, the locked-down
// window, IPC, tray, menu and notifications. Every decision lives in a tested module; this file
// only wires them to Electron.
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import ElectronStore from 'electron-store';
import type { Settings } from '../../shared/api.js';
import type { Core, CoreLogger } from '../core/host.js';
import { STARTUP_QUIET_MS } from '../core/session/quiet-start.js';
import { startCoreWorker } from '../core/worker/start-core-worker.js';
import { appMenuTemplate } from './app-menu.js';
import { appPaths, devRendererUrl } from './app-paths.js';
import { APP_STATE_OPTIONS, pickLanguage, type AppState } from './app-state.js';
import type { Alert } from './alert-rules.js';
import { DesktopAlerts } from './desktop-alerts.js';
import { forwardInboxEvents, registerInboxIpc } from './ipc.js';
import { LoginItem, startsHidden } from './login-item.js';
import { setupLogging } from './log.js';
import { createMainWindow, revealWindow } from './main-window.js';
import { Redactor } from './redact.js';
import {
  createRendererHandler,
  RENDERER_INDEX_URL,
  RENDERER_ORIGIN,
  RENDERER_SCHEME,
} from './renderer-protocol.js';
import {
  applyContentSecurityPolicy,
  contentSecurityPolicy,
  denyAllPermissions,
  guardNavigation,
  isTrustedSender,
  originOf,
} from './security.js';
import { withShellSettings } from './shell-api.js';
import { shellStrings } from './strings.js';
import { AppTray } from './tray.js';
import { SafeStorageVault } from './vault.js';

/** electron-builder.yml appId: the installer registers the shortcuts under it. */
export const APP_ID = 'jp.toiawase.app';

/** Overdue ageing and the hourly digest advance with time, not only with sync events. */
const ALERT_TICK_MS = 5 * 60_000;

/** Privileged schemes must be registered before `ready` (runDesktopApp's first step). */
export function registerRendererScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: RENDERER_SCHEME,
      // Module scripts (type="module" crossorigin) need a standard, secure, fetchable scheme.
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    },
  ]);
}

export async function runDesktopApp(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerRendererScheme();
  // Windows shows notifications only for the AppUserModelID the installer's shortcut carries.
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  const redactor = new Redactor();
  const state = {
    quitting: false,
    paused: false,
    win: null as BrowserWindow | null,
    tray: null as AppTray | null,
  };
  const reveal = (): void => {
    if (state.win) revealWindow(state.win);
  };

  app.on('second-instance', reveal);
  app.on('activate', reveal);
  app.on('web-contents-created', (_event, contents) =>
    guardNavigation(contents, { openExternal: (url) => shell.openExternal(url) }),
  );
  app.on('before-quit', () => {
    state.quitting = true;
  });
  // The tray keeps the app alive with no window open.
  app.on('window-all-closed', () => undefined);

  await app.whenReady();
  const dev = !app.isPackaged;
  const logger = setupLogging(redactor, dev);
  const paths = appPaths({
    mainDir: import.meta.dirname,
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
  });
  const devUrl = devRendererUrl(process.env, app.isPackaged);
  const rendererOrigin = devUrl === undefined ? RENDERER_ORIGIN : (originOf(devUrl) ?? '');
  const csp = contentSecurityPolicy(devUrl === undefined ? undefined : rendererOrigin);

  const store = new ElectronStore<AppState>({ name: 'settings', ...APP_STATE_OPTIONS });
  store.set(
    'language',
    pickLanguage(store.has('language') ? store.get('language') : undefined, app.getLocale()),
  );
  const credentials = new ElectronStore<Record<string, string>>({
    name: 'credentials',
    accessPropertiesByDotNotation: false,
    configFileMode: 0o600,
  });
  const vault = await SafeStorageVault.create(
    safeStorage,
    credentials,
    process.platform,
    (secret) => redactor.addSecret(secret),
  );

  denyAllPermissions(session.defaultSession);
  applyContentSecurityPolicy(session.defaultSession, csp);
  protocol.handle(RENDERER_SCHEME, createRendererHandler(paths.rendererDir, csp));

  // The window loads while the core boots on its thread (150-250 ms with a large cache): its
  // calls wait for the core, and a core that cannot start ends the app (startCore).
  const coreStarting = startCore(vault, logger);
  const loginItem = new LoginItem({
    app,
    platform: process.platform,
    execPath: process.execPath,
    configHome: process.env.XDG_CONFIG_HOME ?? join(app.getPath('home'), '.config'),
  });
  const strings = () => shellStrings(store.get('language'));
  const applySettings = (settings: Settings): void => {
    state.tray?.setStrings(shellStrings(settings.language));
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate()));
  };
  const apiReady = coreStarting.then((started) =>
    withShellSettings(started.api, { loginItem, store, onSettings: applySettings }),
  );
  apiReady.catch(() => undefined); // startCore has reported it and ends the app

  registerInboxIpc({
    ipcMain,
    api: apiReady,
    isTrusted: (event) => isTrustedSender(event.senderFrame, state.win, rendererOrigin),
    inspect: (method, payload) => {
      if (method === 'login' && typeof payload === 'object' && payload !== null) {
        redactor.addSecret((payload as { password?: unknown }).password as string | undefined);
      }
    },
    onRejected: (reason, method) =>
      logger.warn('IPC call refused', { reason, method: String(method) }),
  });

  state.win = createMainWindow({
    preloadPath: paths.preload,
    iconPath: join(paths.resourcesDir, 'icon.png'),
    rendererUrl: devUrl ?? RENDERER_INDEX_URL,
    store,
    show: !startsHidden(process.argv, app.getLoginItemSettings().wasOpenedAtLogin),
    isQuitting: () => state.quitting,
  });

  const core = await coreStarting;
  const api = await apiReady;
  // The core's events come from its thread as messages: none is emitted before this runs.
  forwardInboxEvents(core, () => state.win?.webContents ?? null);

  const syncNow = (): void => void api.syncNow({});
  const menuTemplate = () =>
    appMenuTemplate(
      strings(),
      { syncNow, hideWindow: () => state.win?.hide(), quit: () => app.quit() },
      { platform: process.platform, dev },
    );
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate()));

  const alerts = new DesktopAlerts({
    api,
    settings: () => ({
      notifications: store.get('notifications'),
      hourlyDigest: store.get('hourlyDigest'),
    }),
    strings,
    paused: () => state.paused,
    notify: (alert) => showNotification(alert, reveal),
    onUnanswered: (count) => {
      state.tray?.update({ unanswered: count });
      showBadge(state.win, count, paths.resourcesDir);
    },
    now: Date.now,
    warn: (message, fields) => logger.warn(message, fields),
  });
  const refresh = (): void =>
    void alerts.refresh().catch((e: unknown) => logger.warn('alert refresh failed', { error: e }));
  state.tray = new AppTray(join(paths.resourcesDir, 'tray.png'), strings(), {
    open: reveal,
    syncNow,
    setPaused: (paused) => {
      state.paused = paused;
      state.tray?.update({ paused });
    },
    quit: () => app.quit(),
  });

  core.on('inquiriesChanged', refresh);
  core.on('syncProgress', (p) => p.done && refresh());
  core.on('outboxChanged', refresh);
  const tick = setInterval(refresh, ALERT_TICK_MS);
  refresh();

  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    clearInterval(tick);
    state.tray?.destroy();
    void core
      .close()
      .catch((e: unknown) => logger.error('core close failed', { error: e }))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}

async function startCore(vault: SafeStorageVault, logger: CoreLogger): Promise<Core> {
  try {
    return await startCoreWorker(
      {
        dataDir: app.getPath('userData'),
        vault,
        logger,
        background: true,
        startupQuietMs: STARTUP_QUIET_MS,
        sandboxUrl: process.env.TOIAWASE_SANDBOX_URL,
      },
      // electron.vite.config.ts emits the worker entry next to this bundle (out/main).
      { entry: join(import.meta.dirname, 'core-worker.js') },
    );
  } catch (e) {
    logger.error('the core did not start', { error: e });
    dialog.showErrorBox(
      'Toiawase',
      `The inbox could not start: ${e instanceof Error ? e.message : String(e)}`,
    );
    app.exit(1);
    throw e;
  }
}

function showNotification(alert: Alert, onClick: () => void): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title: alert.title, body: alert.body });
  notification.on('click', onClick);
  notification.show();
}

/** The unanswered count on the dock (macOS), launcher (Linux) or taskbar overlay (Windows). */
function showBadge(win: BrowserWindow | null, count: number, resourcesDir: string): void {
  if (process.platform === 'win32') {
    if (!win || win.isDestroyed()) return;
    const overlay =
      count > 0 ? nativeImage.createFromPath(join(resourcesDir, 'overlay.png')) : null;
    win.setOverlayIcon(overlay, count > 0 ? String(count) : '');
    return;
  }
  app.setBadgeCount(count);
}

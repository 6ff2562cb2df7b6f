// A stand-in for the `electron` module (the binary cannot be installed here). Each fake keeps
// just enough behaviour to observe what the shell asks of Electron. Test files install it with
//   vi.mock('electron', async () => (await import('./electron-mock.js')).electronModule);
// and call `resetElectronMock()` in beforeEach.
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';
import { vi } from 'vitest';

type Headers = Record<string, string[]>;
type HeadersListener = (
  details: { responseHeaders?: Headers },
  callback: (response: { responseHeaders: Headers }) => void,
) => void;
export interface FakeMenu {
  template: MenuItemConstructorOptions[];
}

export class FakeSession {
  headersListener: HeadersListener | null = null;
  permissionRequest: ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void) | null =
    null;
  permissionCheck: ((...args: unknown[]) => boolean) | null = null;
  webRequest = {
    onHeadersReceived: (fn: HeadersListener) => {
      this.headersListener = fn;
    },
  };
  setPermissionRequestHandler(fn: FakeSession['permissionRequest']): void {
    this.permissionRequest = fn;
  }
  setPermissionCheckHandler(fn: FakeSession['permissionCheck']): void {
    this.permissionCheck = fn;
  }
}

export class FakeWebContents extends EventEmitter {
  destroyed = false;
  mainFrame = { url: 'app://toiawase/index.html' };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  send = vi.fn();
  session = new FakeSession();
  setWindowOpenHandler(fn: FakeWebContents['windowOpenHandler']): void {
    this.windowOpenHandler = fn;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Emits like Chromium: returns whether some listener called preventDefault(). */
  navigate(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url: string): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly options: BrowserWindowConstructorOptions;
  readonly webContents = new FakeWebContents();
  bounds: { x: number; y: number; width: number; height: number };
  visible = false;
  maximized = false;
  minimized = false;
  destroyed = false;
  loadURL = vi.fn(() => Promise.resolve());
  focus = vi.fn();
  setOverlayIcon = vi.fn();
  constructor(options: BrowserWindowConstructorOptions) {
    super();
    this.options = options;
    this.bounds = {
      x: options.x ?? 0,
      y: options.y ?? 0,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
    FakeBrowserWindow.instances.push(this);
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  maximize(): void {
    this.maximized = true;
  }
  restore(): void {
    this.minimized = false;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  /** Emits 'close' like Chromium and tells whether a listener vetoed it. */
  tryClose(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    return !prevented;
  }
}

/** Windows keys a login item by its args: a read with other args does not see it. */
class FakeApp extends EventEmitter {
  loginItems = new Map<string, boolean>();
  setLoginItemSettings = vi.fn((s: { openAtLogin?: boolean; args?: string[]; path?: string }) => {
    this.loginItems.set(JSON.stringify([s.path ?? '', s.args ?? []]), s.openAtLogin ?? false);
  });
  getLoginItemSettings = vi.fn((o: { args?: string[]; path?: string } = {}) => ({
    openAtLogin: this.loginItems.get(JSON.stringify([o.path ?? '', o.args ?? []])) ?? false,
    wasOpenedAtLogin: false,
  }));
  getPath = vi.fn((name: string) => `/tmp/fake-electron/${name}`);
  getVersion = vi.fn(() => '0.1.0');
  getLocale = vi.fn(() => 'ja-JP');
  setBadgeCount = vi.fn();
  setAppUserModelId = vi.fn();
  singleInstanceLock = true;
  requestSingleInstanceLock = vi.fn(() => this.singleInstanceLock);
  whenReady = vi.fn(() => Promise.resolve());
  getAppPath = vi.fn(() => '/tmp/fake-electron/app');
  quit = vi.fn();
  exit = vi.fn();
  isPackaged = false;
}

export class FakeTray extends EventEmitter {
  static instances: FakeTray[] = [];
  tooltip = '';
  title = '';
  menu: FakeMenu | null = null;
  destroyed = false;
  constructor(readonly image: unknown) {
    super();
    FakeTray.instances.push(this);
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setTitle(text: string): void {
    this.title = text;
  }
  setContextMenu(menu: FakeMenu): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export class FakeNotification extends EventEmitter {
  static instances: FakeNotification[] = [];
  static isSupported = () => true;
  shown = false;
  constructor(readonly options: { title: string; body: string }) {
    super();
    FakeNotification.instances.push(this);
  }
  show(): void {
    this.shown = true;
  }
}

export const fakeSafeStorage = {
  asyncAvailable: true,
  backend: 'gnome_libsecret' as string,
  /** A reversible scramble: enough to prove only ciphertext is stored. */
  isAsyncEncryptionAvailable: vi.fn(() => Promise.resolve(fakeSafeStorage.asyncAvailable)),
  encryptStringAsync: vi.fn((plain: string) =>
    Promise.resolve(Buffer.from(`enc:${Buffer.from(plain).toString('hex')}`).map((b) => b ^ 0x5a)),
  ),
  decryptStringAsync: vi.fn((cipher: Buffer) => {
    const text = Buffer.from(cipher.map((b) => b ^ 0x5a)).toString();
    if (!text.startsWith('enc:')) return Promise.reject(new Error('Error while decrypting'));
    return Promise.resolve({
      result: Buffer.from(text.slice(4), 'hex').toString(),
      shouldReEncrypt: false,
    });
  }),
  getSelectedStorageBackend: vi.fn(() => fakeSafeStorage.backend),
};

export const fakeIpcMain = {
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  handle: vi.fn((channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => {
    fakeIpcMain.handlers.set(channel, fn);
  }),
  removeHandler: vi.fn((channel: string) => fakeIpcMain.handlers.delete(channel)),
};

export const fakeContextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, value: unknown) => {
    fakeContextBridge.exposed.set(key, value);
  }),
};

export const fakeIpcRenderer = Object.assign(new EventEmitter(), {
  invoke: vi.fn((..._args: unknown[]): Promise<unknown> => Promise.resolve(null)),
});

export const fakeApp = new FakeApp();

const primaryDisplay = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };

export const electronModule = {
  app: fakeApp,
  BrowserWindow: FakeBrowserWindow,
  Tray: FakeTray,
  Notification: FakeNotification,
  Menu: {
    buildFromTemplate: (template: MenuItemConstructorOptions[]): FakeMenu => ({ template }),
    setApplicationMenu: vi.fn(),
  },
  nativeImage: {
    createFromPath: (path: string) => ({ path, setTemplateImage: vi.fn() }),
  },
  screen: {
    getPrimaryDisplay: () => primaryDisplay,
    getAllDisplays: () => [primaryDisplay],
  },
  shell: { openExternal: vi.fn(() => Promise.resolve()) },
  safeStorage: fakeSafeStorage,
  ipcMain: fakeIpcMain,
  ipcRenderer: fakeIpcRenderer,
  contextBridge: fakeContextBridge,
  session: { defaultSession: new FakeSession() },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  dialog: { showErrorBox: vi.fn() },
};
Object.assign(electronModule, { default: electronModule });

export function resetElectronMock(): void {
  FakeBrowserWindow.instances = [];
  FakeTray.instances = [];
  FakeNotification.instances = [];
  fakeApp.loginItems.clear();
  fakeApp.singleInstanceLock = true;
  fakeApp.removeAllListeners();
  fakeSafeStorage.asyncAvailable = true;
  fakeSafeStorage.backend = 'gnome_libsecret';
  fakeIpcMain.handlers.clear();
  fakeContextBridge.exposed.clear();
  fakeIpcRenderer.removeAllListeners();
  vi.clearAllMocks();
}

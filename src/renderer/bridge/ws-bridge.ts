// The browser shell's bridge: InboxApi over the shell's WebSocket, with the same InboxBridge type
// the Electron preload exposes, so the renderer cannot tell the two apart. Errors stay values:
// a lost connection answers NETWORK, a call with no answer in time TIMEOUT, a refused token
// FORBIDDEN — nothing here throws at the renderer.
import {
  apiFromInvoke,
  type InboxBridge,
  type InboxEventName,
  type InboxEvents,
  type InboxMethod,
} from '../../shared/api.js';
import { fail, type AppError, type Result } from '../../shared/errors.js';
import {
  CLOSE_BAD_ORIGIN,
  CLOSE_BAD_TOKEN,
  CLOSE_TOO_MANY_CONNECTIONS,
  WS_PATH,
  WS_PROTOCOL,
  WS_TOKEN_PREFIX,
} from '../../shared/web-protocol.js';

/** The shell's wire constants (src/shared/web-protocol.ts), as one object for the bridge. */
export const WEB_PROTOCOL = {
  path: WS_PATH,
  protocol: WS_PROTOCOL,
  tokenPrefix: WS_TOKEN_PREFIX,
  closeBadToken: CLOSE_BAD_TOKEN,
  closeBadOrigin: CLOSE_BAD_ORIGIN,
  closeTooManyConnections: CLOSE_TOO_MANY_CONNECTIONS,
} as const;

const TOKEN_KEY = 'toiawase.token';
/** Calls that legitimately take long: a whole sync, a login that fetches shops, file transfer. */
const LONG_CALLS: ReadonlySet<InboxMethod> = new Set([
  'login',
  'syncNow',
  'uploadAttachment',
  'getAttachment',
]);

export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}
export type SocketConstructor = new (url: string, protocols: string[]) => SocketLike;

export type BridgeLocation = Pick<Location, 'protocol' | 'host' | 'hash' | 'pathname' | 'search'>;

export interface WebBridgeOptions {
  /** Default: the browser's WebSocket. */
  WebSocket?: SocketConstructor;
  timeoutMs?: number;
  longTimeoutMs?: number;
  backoff?: { initialMs: number; maxMs: number };
  /** Keeps the token for reloads once it is gone from the URL; default sessionStorage. */
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** Used to take the token out of the address bar; default window.history. */
  history?: Pick<History, 'replaceState'> | null;
  /** How long connectWebBridge waits for the first connection before resolving anyway. */
  firstConnectMs?: number;
}

export interface WebBridge extends InboxBridge {
  readonly state: 'connecting' | 'open' | 'closed' | 'refused';
  /** Stop: no more reconnects; waiting calls answer NETWORK. */
  close(): void;
}

interface Waiting {
  frame: string;
  sent: boolean;
  timer: ReturnType<typeof setTimeout>;
  resolve: (result: Result<unknown>) => void;
}

/** Take the token from `#token=…` (then out of the address bar), else from earlier in this tab. */
export function takeToken(
  location: BridgeLocation,
  storage: WebBridgeOptions['storage'],
  history: WebBridgeOptions['history'],
): string | null {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromUrl = params.get('token');
  if (fromUrl === null || fromUrl === '') return storage?.getItem(TOKEN_KEY) ?? null;
  storage?.setItem(TOKEN_KEY, fromUrl);
  params.delete('token');
  const rest = params.toString();
  history?.replaceState(
    null,
    '',
    `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`,
  );
  return fromUrl;
}

const browserGlobal = (name: string): unknown => {
  try {
    return (globalThis as Record<string, unknown>)[name] ?? null;
  } catch {
    return null; // sessionStorage throws where storage is disabled
  }
};

const isResultShape = (v: unknown): v is Result<unknown> =>
  typeof v === 'object' && v !== null && typeof (v as { ok?: unknown }).ok === 'boolean';

export function connectWebBridge(
  location: BridgeLocation,
  options: WebBridgeOptions = {},
): Promise<WebBridge> {
  const Socket = options.WebSocket ?? (browserGlobal('WebSocket') as SocketConstructor | null);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const longTimeoutMs = options.longTimeoutMs ?? 10 * 60_000;
  const backoff = options.backoff ?? { initialMs: 250, maxMs: 5_000 };
  const storage =
    options.storage === undefined
      ? (browserGlobal('sessionStorage') as Storage | null)
      : options.storage;
  const history =
    options.history === undefined ? (browserGlobal('history') as History | null) : options.history;
  const token = takeToken(location, storage, history);
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${WEB_PROTOCOL.path}`;

  const waiting = new Map<number, Waiting>();
  const listeners = new Map<InboxEventName, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: SocketLike | null = null;
  let state: WebBridge['state'] = 'connecting';
  let refusal: AppError | null =
    token === null
      ? fail('FORBIDDEN', 'no access token: open the URL printed by `npm run web`').error
      : Socket === null
        ? fail('NETWORK', 'this browser has no WebSocket').error
        : null;
  let attempt = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let settleFirst: (() => void) | null = null;

  const finish = (id: number, result: Result<unknown>): void => {
    const w = waiting.get(id);
    if (!w) return;
    waiting.delete(id);
    clearTimeout(w.timer);
    w.resolve(result);
  };

  const emit = (event: InboxEventName, payload: unknown): void => {
    for (const listener of listeners.get(event) ?? []) {
      try {
        listener(payload);
      } catch (e) {
        console.error('toiawase: event listener failed', e);
      }
    }
  };

  const onMessage = (data: unknown): void => {
    if (typeof data !== 'string') return;
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof frame !== 'object' || frame === null) return;
    const { id, result, event, payload, hello } = frame as Record<string, unknown>;
    if (hello === WEB_PROTOCOL.protocol) {
      state = 'open';
      attempt = 0;
      flush();
      settleFirst?.();
    } else if (typeof event === 'string') emit(event as InboxEventName, payload);
    else if (typeof id === 'number' && isResultShape(result)) finish(id, result);
  };

  const flush = (): void => {
    for (const w of waiting.values()) {
      if (!w.sent && socket !== null && state === 'open') {
        socket.send(w.frame);
        w.sent = true;
      }
    }
  };

  const refuse = (error: AppError): void => {
    refusal = error;
    state = 'refused';
    for (const id of [...waiting.keys()]) finish(id, { ok: false, error });
  };

  const scheduleReconnect = (): void => {
    const delay =
      Math.min(backoff.maxMs, backoff.initialMs * 2 ** attempt) * (0.5 + Math.random() / 2);
    attempt++;
    reconnectTimer = setTimeout(open, delay);
  };

  function open(): void {
    reconnectTimer = null;
    if (Socket === null || token === null || state === 'refused' || state === 'closed') return;
    state = 'connecting';
    const s = new Socket(url, [WEB_PROTOCOL.protocol, WEB_PROTOCOL.tokenPrefix + token]);
    socket = s;
    // Open only once the shell said hello: until then the token and origin may yet be refused.
    s.onopen = () => undefined;
    s.onmessage = (e) => onMessage(e.data);
    s.onerror = () => undefined; // onclose follows with the code
    s.onclose = (e) => {
      if (socket !== s) return;
      socket = null;
      // Calls already sent may or may not have run; the outbox's request ids make a retry safe.
      for (const [id, w] of waiting) {
        if (w.sent) finish(id, fail('NETWORK', 'the connection to the Toiawase shell was lost'));
      }
      if (e.code === WEB_PROTOCOL.closeBadToken) {
        refuse(
          fail('FORBIDDEN', 'the shell refused the access token: open the URL it printed').error,
        );
      } else if (e.code === WEB_PROTOCOL.closeBadOrigin) {
        refuse(fail('FORBIDDEN', 'the shell refused this page origin').error);
      } else if (state !== 'closed') {
        state = 'connecting';
        scheduleReconnect();
      }
      settleFirst?.();
    };
  }

  const invoke = (method: InboxMethod, input: unknown): Promise<Result<unknown>> => {
    if (refusal) return Promise.resolve({ ok: false, error: refusal });
    if (state === 'closed') return Promise.resolve(fail('NETWORK', 'the bridge is closed'));
    const id = nextId++;
    let frame: string;
    try {
      // `id` first: the shell can still answer a frame too large to parse by its id.
      frame = JSON.stringify({ id, method, payload: input });
    } catch (e) {
      return Promise.resolve(fail('VALIDATION', `input cannot be encoded: ${String(e)}`));
    }
    return new Promise((resolve) => {
      const ms = LONG_CALLS.has(method) ? longTimeoutMs : timeoutMs;
      const timer = setTimeout(() => {
        finish(id, fail('TIMEOUT', `${method} got no answer within ${ms} ms`));
      }, ms);
      waiting.set(id, { frame, sent: false, timer, resolve });
      flush();
    });
  };

  const bridge: WebBridge = {
    api: apiFromInvoke(invoke),
    get state() {
      return state;
    },
    on<E extends InboxEventName>(event: E, listener: (payload: InboxEvents[E]) => void) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const l = listener as (payload: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
    close() {
      if (state === 'refused') return;
      state = 'closed';
      if (reconnectTimer !== null) clearTimeout(reconnectTimer);
      socket?.close(1000, 'bye');
      socket = null;
      for (const id of [...waiting.keys()]) finish(id, fail('NETWORK', 'the bridge is closed'));
    },
  };

  if (refusal) {
    state = 'refused';
    return Promise.resolve(bridge);
  }
  // Resolve on the first open or failure, or after a grace period: the UI must render either way.
  return new Promise((resolve) => {
    const timer = setTimeout(() => settleFirst?.(), options.firstConnectMs ?? 3_000);
    settleFirst = () => {
      settleFirst = null;
      clearTimeout(timer);
      resolve(bridge);
    };
    open();
  });
}

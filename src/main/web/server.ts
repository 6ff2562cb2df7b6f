// The browser shell's HTTP server: the built renderer as static files and InboxApi over one
// WebSocket, on 127.0.0.1 only. A page must come from the shell's own origin and present the
// run's token before a single frame is read.
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { PAGE_EVENTS } from '../../shared/api.js';
import type { Result } from '../../shared/errors.js';
import { dispatch } from '../core/dispatch.js';
import type { Core, CoreLogger } from '../core/host.js';
import {
  serveConnection,
  type ConnectionLimits,
  type Invoke,
  type PageSocket,
} from './connection.js';
import {
  CLOSE_BAD_ORIGIN,
  CLOSE_BAD_TOKEN,
  CLOSE_CORE_FAILED,
  CLOSE_TOO_MANY_CONNECTIONS,
  HARD_MAX_FRAME_BYTES,
  HELLO_FRAME,
  WS_PATH,
  WS_PROTOCOL,
} from './protocol.js';
import {
  allowedHosts,
  allowedOrigins,
  makeToken,
  securityHeaders,
  tokenFromProtocols,
  tokenMatches,
} from './security.js';

/** A core served in-process, or one in a worker that validates calls itself (`invoke`). */
export type ServedCore = Pick<Core, 'api' | 'on'> & {
  invoke?: (method: unknown, payload: unknown) => Promise<Result<unknown>>;
};

export interface WebServerOptions {
  /** The core, or its start. The server listens without waiting for it: the page loads while
   *  the core worker boots on its thread (150-250 ms at 100k), and a socket gets its hello, so
   *  the page its first answers, once the core is up. Sockets still waiting when the core fails
   *  to start are closed (1011); whoever started the core reports its error. */
  core: ServedCore | Promise<ServedCore>;
  /** The renderer build (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Default: a fresh random token. */
  token?: string;
  limits?: Partial<ConnectionLimits & { maxConnections: number }>;
  logger?: CoreLogger;
}

export interface WebServer {
  /** The URL to open, token included in the fragment (never sent to the server by a browser). */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const DEFAULT_LIMITS = {
  rate: { burst: 200, perSecond: 100 },
  maxInFlight: 32,
  maxConnections: 16,
};

/**
 * The shell's routes declare no JSON schemas (frames are checked by the core's zod contract), so
 * Fastify needs no compilers for them. Its defaults load Ajv when the instance is created: some
 * 240 modules, 140-170 ms of a cold start's main thread.
 */
const noSchemas = (): never => {
  throw new Error('the browser shell declares no route schemas');
};

/** How the server calls the core: its own validating `invoke`, or dispatch over its api. */
const invokerOf = (core: ServedCore): Invoke =>
  core.invoke ? core.invoke.bind(core) : (method, payload) => dispatch(core.api, method, payload);

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const app = Fastify({
    logger: false,
    bodyLimit: 16 * 1024,
    forceCloseConnections: true,
    schemaController: {
      compilersFactory: { buildValidator: noSchemas, buildSerializer: noSchemas },
    },
  });
  try {
    return await serve(app, options);
  } catch (e) {
    await app.close();
    throw e;
  }
}

async function serve(app: FastifyInstance, options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? makeToken();
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const { logger } = options;
  const sockets = new Set<PageSocket>();
  let port = 0;

  // A DNS-rebinding page reaches 127.0.0.1 under a foreign host name: answer only our own.
  // Upgrades are checked in verifyClient instead, which also drops the refused socket.
  const knownHost = (host: string | undefined) => allowedHosts(port).has(host ?? '');
  app.addHook('onRequest', async (request, reply) => {
    if (request.headers.upgrade === undefined && !knownHost(request.headers.host)) {
      await reply.code(421).send('unknown host');
    }
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.headers(securityHeaders(port));
  });

  await app.register(fastifyWebsocket, {
    options: {
      maxPayload: HARD_MAX_FRAME_BYTES,
      handleProtocols: (protocols) => (protocols.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
      verifyClient: (info, next) => {
        if (knownHost(info.req.headers.host)) next(true);
        else next(false, 421, 'unknown host');
      },
    },
  });
  await app.register(fastifyStatic, {
    root: options.rendererDir,
    index: 'index.html',
    list: false,
    dotfiles: 'deny',
    cacheControl: false,
  });

  // A call that comes before the core is up waits for it (a page that waits for the hello, as
  // ws-bridge.ts does, sends none). A core that cannot start is reported by whoever started it.
  const invoking = Promise.resolve(options.core).then(invokerOf);
  invoking.catch(() => undefined);
  const invoke: Invoke = (method, payload) => invoking.then((call) => call(method, payload));

  app.get(WS_PATH, { websocket: true }, (ws, request) => {
    const socket: PageSocket = ws;
    const origin = request.headers.origin;
    if (origin === undefined || !allowedOrigins(port).has(origin)) {
      logger?.warn('refused a WebSocket from a foreign origin', { origin: origin ?? null });
      socket.close(CLOSE_BAD_ORIGIN, 'origin not allowed');
      return;
    }
    if (!tokenMatches(token, tokenFromProtocols(request.headers))) {
      logger?.warn('refused a WebSocket without the right token');
      socket.close(CLOSE_BAD_TOKEN, 'missing or wrong token');
      return;
    }
    if (sockets.size >= limits.maxConnections) {
      socket.close(CLOSE_TOO_MANY_CONNECTIONS, 'too many connections');
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serveConnection(socket, invoke, limits);
    void invoking.then(
      () => {
        if (socket.readyState === socket.OPEN) socket.send(HELLO_FRAME);
      },
      () => undefined,
    );
  });

  let unsubscribe: (() => void)[] = [];
  let closed = false;
  void Promise.resolve(options.core).then(
    (core) => {
      if (closed) return;
      unsubscribe = PAGE_EVENTS.map((event) =>
        core.on(event, (payload) => {
          const frame = JSON.stringify({ event, payload });
          for (const socket of sockets) if (socket.readyState === socket.OPEN) socket.send(frame);
        }),
      );
    },
    // After the calls that waited for the core have had their answer (its error).
    () =>
      setImmediate(() => {
        for (const socket of sockets) socket.close(CLOSE_CORE_FAILED, 'the inbox could not start');
      }),
  );

  try {
    await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  } catch (e) {
    closed = true; // a core that comes up later is not listened to
    throw e;
  }
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  port = address.port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close: async () => {
      closed = true;
      for (const off of unsubscribe) off();
      await app.close();
    },
  };
}

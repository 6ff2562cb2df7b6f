// startShell(): the whole browser shell in one call — the QSM sandbox embedded in-process (or a
// remote server), the core in its worker thread, and the web server in front. Used by
// `npm run web`, `npm start` without Electron, the Playwright global setup and benchmarks.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoreLogger, CredentialVault } from '../core/host.js';
import { STARTUP_QUIET_MS } from '../core/session/quiet-start.js';
import { startCoreWorker, type WorkerCore } from '../core/worker/start-core-worker.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { DEFAULT_RENDERER_DIR, buildRenderer, isRendererBuilt } from './renderer-build.js';
import { startWebServer, type WebServerOptions } from './server.js';

export interface ShellOptions {
  /** Web server port; 0 (the default) picks a free one. */
  port?: number;
  /** A Qoo10-compatible server; default: an embedded QSM sandbox with demo data. */
  serverUrl?: string;
  /** The core's cache folder; default: a fresh temp dir with the embedded sandbox, else
   *  ~/.local/share/toiawase/web (the data outlives the run). */
  dataDir?: string;
  /** Embedded sandbox data. */
  seed?: number;
  inquiries?: number;
  /** Enable the embedded sandbox's admin API (faults, buyer posts) — for tests. */
  sandboxAdmin?: boolean;
  /** The app's QAPI key for a real server (the sandbox's demo key is the core's default). */
  apiKey?: string;
  rendererDir?: string;
  /** Build the renderer first even when a build exists. */
  rebuild?: boolean;
  limits?: WebServerOptions['limits'];
  /** Where a remembered login is kept. The browser shell has none of its own (nothing of the
   *  kind exists in plain Node), so it never remembers; a host that has one passes it. */
  vault?: CredentialVault;
  /** The core worker's entry (default: next to this code, or its TypeScript source via tsx);
   *  the benchmarks point it at the built out/main/core-worker.js, what the app ships. */
  workerEntry?: string;
  logger?: CoreLogger;
  log?: (line: string) => void;
}

export interface Shell {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly port: number;
  readonly dataDir: string;
  /** The embedded sandbox, when there is one. */
  readonly sandbox: Sandbox | null;
  readonly serverUrl: string;
  /**
   * The core, once its worker is up. startShell answers as soon as the web server listens, so a
   * page loads while the core boots; this rejects with the core's start-up error, by which time
   * the shell has closed itself.
   */
  readonly core: Promise<WorkerCore>;
  close(): Promise<void>;
}

function defaultDataDir(): string {
  const base = process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share');
  return join(base, 'toiawase', 'web');
}

export async function startShell(options: ShellOptions = {}): Promise<Shell> {
  const log = options.log ?? (() => undefined);
  const rendererDir = options.rendererDir ?? DEFAULT_RENDERER_DIR;
  if (options.rebuild === true || !isRendererBuilt(rendererDir)) {
    if (rendererDir !== DEFAULT_RENDERER_DIR)
      throw new Error(`no renderer build in ${rendererDir}`);
    await buildRenderer(log);
  }

  const cleanups: (() => Promise<void> | void)[] = [];
  const close = async (): Promise<void> => {
    for (const step of cleanups.splice(0).reverse()) await step();
  };
  try {
    let sandbox: Sandbox | null = null;
    let serverUrl = options.serverUrl;
    if (serverUrl === undefined) {
      sandbox = await startSandbox({
        port: 0,
        dbPath: ':memory:',
        ...(options.seed === undefined ? {} : { seed: options.seed }),
        ...(options.inquiries === undefined ? {} : { inquiries: options.inquiries }),
        admin: options.sandboxAdmin ?? false,
      });
      const s = sandbox;
      cleanups.push(() => s.close());
      serverUrl = sandbox.url;
    }

    let dataDir = options.dataDir;
    if (dataDir === undefined && sandbox !== null) {
      // Demo data lives only as long as the embedded sandbox: so does its cache.
      const temp = mkdtempSync(join(tmpdir(), 'toiawase-web-'));
      cleanups.push(() => rmSync(temp, { recursive: true, force: true }));
      dataDir = temp;
    }
    dataDir ??= defaultDataDir();
    mkdirSync(dataDir, { recursive: true });

    // The core boots on its thread while the web server builds itself on this one and listens.
    const core = startCoreWorker(
      {
        dataDir,
        sandboxUrl: serverUrl,
        ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }),
        ...(options.logger === undefined ? {} : { logger: options.logger }),
        ...(options.vault === undefined ? {} : { vault: options.vault }),
        background: true,
        startupQuietMs: STARTUP_QUIET_MS,
      },
      options.workerEntry === undefined ? {} : { entry: options.workerEntry },
    );
    // Closed last (cleanups run in reverse), once no page can call it; a core that never
    // started has nothing to close.
    cleanups.push(() =>
      core.then(
        (c) => c.close(),
        () => undefined,
      ),
    );
    const server = await startWebServer({
      core,
      rendererDir,
      port: options.port ?? 0,
      ...(options.limits === undefined ? {} : { limits: options.limits }),
      ...(options.logger === undefined ? {} : { logger: options.logger }),
    });
    cleanups.push(() => server.close());
    // A core that cannot start (a cache from a newer version, a disk that refuses): nothing of
    // the shell stays running, and whoever waits on `core` gets its error.
    core.catch(() => close());

    return {
      url: server.url,
      origin: server.origin,
      token: server.token,
      port: server.port,
      dataDir,
      sandbox,
      serverUrl,
      core,
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

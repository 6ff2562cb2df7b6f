// startSandbox(): the programmatic entry used by tests, the browser shell (which embeds the
// sandbox in-process) and the CLI. One Fastify server on 127.0.0.1 over one SQLite file.
import Fastify, { type FastifyInstance } from 'fastify';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QAPI_PATH_PREFIX } from '../shared/qapi.js';
import { ADMIN_PREFIX, adminRoutes } from './admin.js';
import { systemClock, type Clock } from './clock.js';
import { datasetInfo, defaultNow, hasAccounts, rebuild, type DatasetInfo } from './dataset.js';
import { getMeta, openDb, type Db } from './db/schema.js';
import { QapiError, errorBody } from './envelope.js';
import { Faults, NO_FAULTS, parseFaults, type FaultConfig } from './faults.js';
import { startLive, type LiveSimulator } from './live.js';
import { FORM_BODY_LIMIT } from './routes/qapi-input.js';
import { qapiRoutes } from './routes/qapi.js';

export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** SQLite file, or ':memory:'. Default: a file under the OS temp dir. */
  dbPath?: string;
  seed?: number;
  inquiries?: number;
  /** Epoch ms the generated history ends at (default: the current hour). */
  now?: number;
  /** Regenerate even when the database already holds data. */
  reset?: boolean;
  /** Buyer posts per minute by the live simulator (0 = off). */
  live?: number;
  /** A `--faults` spec or a parsed config. */
  faults?: string | FaultConfig;
  /** Seed for fault decisions (default: random), for reproducible fault runs. */
  faultSeed?: number;
  /** Enables the loopback-only admin API under /__admin. */
  admin?: boolean;
  logger?: boolean;
}

export interface Sandbox {
  url: string;
  port: number;
  dbPath: string;
  db: Db;
  clock: Clock;
  faults: Faults;
  dataset: DatasetInfo;
  /** True when this start generated data; false when it reused the file's data. */
  generated: boolean;
  reset(opts?: {
    seed?: number;
    inquiries?: number;
    now?: number;
    accounts?: boolean;
  }): DatasetInfo;
  close(): Promise<void>;
}

export const DEFAULT_SEED = 1;
export const DEFAULT_INQUIRIES = 2000;
export const defaultDbPath = (): string => join(tmpdir(), 'toiawase-sandbox.sqlite');

function prepareData(db: Db, o: SandboxOptions): { dataset: DatasetInfo; generated: boolean } {
  const existing = datasetInfo(db);
  if (existing !== undefined && o.reset !== true && hasAccounts(db)) {
    return { dataset: existing, generated: false };
  }
  const dataset = rebuild(db, {
    seed: o.seed ?? DEFAULT_SEED,
    inquiries: o.inquiries ?? DEFAULT_INQUIRIES,
    now: o.now ?? defaultNow(),
  });
  return { dataset, generated: true };
}

export async function startSandbox(o: SandboxOptions = {}): Promise<Sandbox> {
  const host = o.host ?? '127.0.0.1';
  const dbPath = o.dbPath ?? defaultDbPath();
  const db = openDb(dbPath);
  const clock = systemClock();
  let app: FastifyInstance | undefined;
  let live: LiveSimulator | undefined;
  try {
    const prepared = prepareData(db, o);
    let dataset = prepared.dataset;
    const faultConfig =
      typeof o.faults === 'string' ? parseFaults(o.faults) : (o.faults ?? NO_FAULTS);
    const faults = new Faults(faultConfig, o.faultSeed);
    const reset: Sandbox['reset'] = (r = {}) => {
      dataset = rebuild(db, {
        seed: r.seed ?? dataset.seed,
        inquiries: r.inquiries ?? dataset.inquiries,
        now: r.now ?? defaultNow(),
        accounts: r.accounts ?? false,
      });
      return dataset;
    };
    app = Fastify({
      logger: o.logger ?? false,
      bodyLimit: FORM_BODY_LIMIT,
      forceCloseConnections: true,
    });
    const qapiDeps = { db, clock, faults, feedSecret: () => getMeta(db, 'feed_secret') ?? '' };
    await app.register(async (scope) => qapiRoutes(scope, qapiDeps));
    if (o.admin === true) {
      const state = () => ({
        dataset,
        faults: faults.current,
        clockOffsetMs: clock.offset(),
        dbPath,
        livePosted: live?.posted() ?? 0,
      });
      await app.register(
        (scope, _opts, done) => {
          adminRoutes(scope, { db, clock, faults, reset, state });
          done();
        },
        {
          prefix: ADMIN_PREFIX,
        },
      );
    }
    app.setNotFoundHandler((request, reply) =>
      request.url.startsWith(QAPI_PATH_PREFIX)
        ? reply.send(
            errorBody(new QapiError('UNKNOWN_API', `unknown API ${request.method} ${request.url}`)),
          )
        : reply.code(404).send({ ErrorCode: -1, ErrorMsg: 'not found' }),
    );
    await app.listen({ port: o.port ?? 0, host });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : (o.port ?? 0);
    if (o.live !== undefined && o.live > 0) live = startLive(db, clock, dataset.seed, o.live);
    const server = app;
    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      port,
      dbPath,
      db,
      clock,
      faults,
      get dataset() {
        return dataset;
      },
      generated: prepared.generated,
      reset,
      async close() {
        live?.stop();
        await server.close();
        db.close();
      },
    };
  } catch (e) {
    live?.stop();
    await app?.close();
    db.close();
    throw e;
  }
}

// `npm run sandbox -- --port 8787 --seed 1 --inquiries 2000 [--db PATH] [--now ISO] [--reset]
//  [--live N] [--faults SPEC] [--admin]`. Starts the sandbox when run or imported
// (scripts/start.ts imports it) and stops it on Ctrl+C.
import { parseArgs } from 'node:util';
import { QAPI_PATH_PREFIX } from '../shared/qapi.js';
import { LOCK_AFTER_FAILED_LOGINS } from './auth.js';
import { ADMIN_PREFIX } from './admin.js';
import { DEMO_ACCOUNT } from './generator/accounts.js';
import { formatFaults } from './faults.js';
import { DEFAULT_INQUIRIES, DEFAULT_SEED, startSandbox } from './server.js';

const USAGE = `usage: npm run sandbox -- [--port N] [--host 127.0.0.1] [--db PATH|:memory:]
       [--seed N] [--inquiries N] [--now ISO-8601] [--reset] [--live PER_MINUTE]
       [--faults latency=MS,jitter=MS,error=P,drop=P,ratelimit=N] [--admin]`;

function intOption(name: string, value: string | undefined, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
  return n;
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      seed: { type: 'string' },
      inquiries: { type: 'string' },
      now: { type: 'string' },
      reset: { type: 'boolean' },
      live: { type: 'string' },
      faults: { type: 'string' },
      admin: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help === true) {
    console.log(USAGE);
    return;
  }
  const now = values.now === undefined ? undefined : Date.parse(values.now);
  if (now !== undefined && Number.isNaN(now)) throw new Error('--now must be an ISO-8601 date');
  const sandbox = await startSandbox({
    port: intOption('port', values.port, 8787),
    host: values.host ?? '127.0.0.1',
    ...(values.db === undefined ? {} : { dbPath: values.db }),
    seed: intOption('seed', values.seed, DEFAULT_SEED),
    inquiries: intOption('inquiries', values.inquiries, DEFAULT_INQUIRIES),
    ...(now === undefined ? {} : { now }),
    reset: values.reset ?? false,
    live: intOption('live', values.live, 0),
    ...(values.faults === undefined ? {} : { faults: values.faults }),
    admin: values.admin ?? false,
    logger: false,
  });
  const d = sandbox.dataset;
  console.log(`QSM sandbox listening on ${sandbox.url}`);
  console.log(`  QAPI endpoint  ${sandbox.url}${QAPI_PATH_PREFIX}/<Class>.<Method>`);
  console.log(
    `  data           ${sandbox.generated ? 'generated' : 'reused (pass --reset to regenerate)'}: seed ${d.seed}, ${d.inquiries} inquiries, ${d.messages} messages in ${sandbox.dbPath}`,
  );
  console.log(
    `  demo login     user ${DEMO_ACCOUNT.userId} (or ${DEMO_ACCOUNT.email}), password ${DEMO_ACCOUNT.password}, API key ${DEMO_ACCOUNT.apiKey}`,
  );
  console.log(
    `  lockout        ${LOCK_AFTER_FAILED_LOGINS} wrong passwords in a row lock the account`,
  );
  if (values.live !== undefined) console.log(`  live buyers    ${values.live} posts per minute`);
  console.log(
    `  faults         ${formatFaults(sandbox.faults.current)} (ratelimit = requests/second per key)`,
  );
  if (values.admin === true)
    console.log(`  admin API      ${sandbox.url}${ADMIN_PREFIX}/ (loopback only)`);
  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

try {
  await main(process.argv.slice(2));
} catch (e) {
  console.error(`sandbox: ${e instanceof Error ? e.message : String(e)}`);
  console.error(USAGE);
  process.exitCode = 2;
}

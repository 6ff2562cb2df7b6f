// `toiawase` / `npm run cli -- <command>`: the core in-process, one command, an exit code.
import { AppFailure } from '../../shared/errors.js';
import { createCore } from '../core/index.js';
import { defaultDataDir } from '../core/paths.js';
import { dirname, resolve } from 'node:path';
import { HELP, UsageError, parseFlags } from './args.js';
import { commands } from './commands.js';
import { connectionOf, openSession, readPassword } from './connect.js';
import { EXIT, exitCodeFor } from './exit-codes.js';

// Only these need the server; everything else works from the cache, and actions queue in the
// outbox until a run with a password delivers them.
const ONLINE_COMMANDS = new Set(['login', 'sync']);

export async function main(
  argv: string[],
  io: {
    stdin: NodeJS.ReadableStream;
    out: (t: string) => void;
    err: (t: string) => void;
    env: NodeJS.ProcessEnv;
  },
): Promise<number> {
  let parsed;
  try {
    parsed = parseFlags(argv);
  } catch (e) {
    io.err(`toiawase: ${(e as Error).message}\n\n${HELP}`);
    return EXIT.usage;
  }
  const { command, positionals, flags } = parsed;
  if (command === 'help' || flags.help === true) {
    io.out(HELP);
    return EXIT.ok;
  }
  const dbPath = flags.db === undefined ? undefined : resolve(flags.db);
  const core = await createCore({
    dataDir: dbPath === undefined ? defaultDataDir() : dirname(dbPath),
    ...(dbPath === undefined ? {} : { dbPath }),
    sandboxUrl: flags.server ?? io.env.TOIAWASE_SERVER ?? 'http://127.0.0.1:8787',
    ...(flags['api-key'] === undefined ? {} : { apiKey: flags['api-key'] }),
    background: false,
  }).catch((e: unknown) => {
    throw e instanceof AppFailure ? e : new AppFailure('INTERNAL', String(e));
  });
  try {
    const password = await readPassword(flags, io.stdin, io.env);
    const connection = connectionOf(flags, password);
    const session = await openSession(core, connection, ONLINE_COMMANDS.has(command));
    const run = commands[command];
    if (run === undefined) throw new UsageError(`unknown command: ${command}`);
    await run({ core, session, flags, positionals, online: password !== undefined, out: io.out });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`toiawase: ${e.message}\n`);
      return EXIT.usage;
    }
    if (e instanceof AppFailure) {
      io.err(`toiawase: ${e.code}: ${e.message}\n`);
      return exitCodeFor(e.code);
    }
    const exitCode = (e as { exitCode?: unknown }).exitCode;
    io.err(`toiawase: ${e instanceof Error ? e.message : String(e)}\n`);
    return typeof exitCode === 'number' ? exitCode : EXIT.internal;
  } finally {
    await core.close();
  }
}

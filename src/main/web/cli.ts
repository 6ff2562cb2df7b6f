// `npm run web -- [--port N] [--no-open] [--server URL] [--data-dir DIR] [--inquiries N]
//  [--seed N] [--api-key KEY] [--sandbox-admin] [--rebuild]`: the browser shell. Prints the URL
// to open (token included, the only place it is ever printed) and opens the system browser
// when there is a display.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { hasDisplay, openBrowser, type OpenedBrowser } from './open-browser.js';
import { startShell, type Shell } from './shell.js';

export const USAGE = `usage: npm run web -- [--port N] [--no-open] [--server URL] [--data-dir DIR]
       [--inquiries N] [--seed N] [--api-key KEY] [--sandbox-admin] [--rebuild]`;

// The demo account of the QSM sandbox (docs/sandbox-api.md).
const DEMO_LOGIN = 'user demo (or demo@example.com), password demo1234, login location "Sandbox"';

function intOption(
  name: string,
  value: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`--${name} must be an integer from ${min} to ${max}`);
  }
  return n;
}

function urlOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const url = new URL(value); // throws a clear "Invalid URL"
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error('--server must be http(s)');
  return url.href.replace(/\/$/, '');
}

export interface CliRun {
  shell: Shell;
  browser: OpenedBrowser | null;
  stop(): Promise<void>;
}

export async function runWebCli(
  argv: string[],
  log: (line: string) => void = console.log,
): Promise<CliRun | null> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'no-open': { type: 'boolean' },
      open: { type: 'boolean' },
      server: { type: 'string' },
      'data-dir': { type: 'string' },
      inquiries: { type: 'string' },
      seed: { type: 'string' },
      'api-key': { type: 'string' },
      'sandbox-admin': { type: 'boolean' },
      rebuild: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help === true) {
    log(USAGE);
    return null;
  }
  const port = intOption('port', values.port, 0, 65535);
  const inquiries = intOption('inquiries', values.inquiries, 0, 2_000_000);
  const seed = intOption('seed', values.seed, 0, 2 ** 31);
  const serverUrl = urlOption(values.server);

  const shell = await startShell({
    ...(port === undefined ? {} : { port }),
    ...(serverUrl === undefined ? {} : { serverUrl }),
    ...(values['data-dir'] === undefined ? {} : { dataDir: values['data-dir'] }),
    ...(inquiries === undefined ? {} : { inquiries }),
    ...(seed === undefined ? {} : { seed }),
    ...(values['api-key'] === undefined ? {} : { apiKey: values['api-key'] }),
    sandboxAdmin: values['sandbox-admin'] ?? false,
    rebuild: values.rebuild ?? false,
    log,
    logger: {
      info: () => undefined,
      warn: (message) => log(`warn: ${message}`),
      error: (message) => log(`error: ${message}`),
    },
  });

  log('Toiawase browser shell');
  log(`  open     ${shell.url}`);
  if (shell.sandbox) {
    const d = shell.sandbox.dataset;
    log(
      `  server   embedded QSM sandbox ${shell.sandbox.url} (${d.inquiries} inquiries, seed ${d.seed})`,
    );
    log(`  login    ${DEMO_LOGIN}`);
  } else {
    log(`  server   ${shell.serverUrl}`);
  }
  log(`  data     ${shell.dataDir}`);

  const wantsOpen = values['no-open'] !== true && (values.open === true || hasDisplay());
  let browser: OpenedBrowser | null = null;
  if (wantsOpen) {
    browser = await openBrowser(shell.url);
    if (!browser.opened) log('  (could not open a browser: open the URL above yourself)');
  }
  // The page loads while the core boots; a core that cannot start has closed the shell already.
  try {
    await shell.core;
  } catch (e) {
    browser?.cleanup();
    throw e;
  }
  log('Press Ctrl+C to stop.');
  return {
    shell,
    browser,
    stop: async () => {
      browser?.cleanup();
      await shell.close();
    },
  };
}

/** Run until Ctrl+C / SIGTERM; used by this file as a script and by scripts/start.ts. */
export async function main(argv: string[]): Promise<void> {
  try {
    const run = await runWebCli(argv);
    if (run === null) return;
    const stop = (): void => {
      void run.stop().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (e) {
    console.error(`web: ${e instanceof Error ? e.message : String(e)}`);
    console.error(USAGE);
    process.exitCode = 2;
  }
}

const runAsScript =
  process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1]);
if (runAsScript) await main(process.argv.slice(2));

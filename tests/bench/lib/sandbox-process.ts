// A QSM sandbox in its own process, so its request handling never competes with the event loop
// being measured. Resolves with its URL once it prints it.
//
// It stands in for Qoo10's servers, which take nothing from a seller's CPUs, so on Linux it runs
// at the lowest priority: it still has every cycle the app leaves idle (the raw limit, timed with
// nothing else running, is as fast as before), but it no longer competes at equal priority with
// the page for the two CPUs while it serves the app's sync.
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { printedAddress } from './printed-address.js';

export interface SandboxProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../../..');
/** The sandbox's nice value on Linux: the lowest priority. */
const SANDBOX_NICE = 19;

export async function startSandboxProcess(
  args: string[],
  timeoutMs = 180_000,
): Promise<SandboxProcess> {
  const node = [
    process.execPath,
    '--import',
    'tsx',
    resolve(ROOT, 'src/sandbox/cli.ts'),
    '--port',
    '0',
    ...args,
  ];
  // Through nice(1), so that every thread of the process starts at the low priority.
  const [file = '', ...argv] =
    process.platform === 'linux' ? ['nice', '-n', String(SANDBOX_NICE), ...node] : node;
  const child = spawn(file, argv, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await printedAddress(
    child,
    child.stdout,
    /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    'sandbox',
    timeoutMs,
  ).catch((e: unknown) => {
    child.kill('SIGKILL');
    throw e;
  });
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** The benchmarks' sandbox: `inquiries` generated with seed 1 into a file under `workDir`. */
export function startBenchSandbox(workDir: string, inquiries: number): Promise<SandboxProcess> {
  console.log(`generating ${inquiries} inquiries in a sandbox process…`);
  return startSandboxProcess([
    '--db',
    join(workDir, 'sandbox.db'),
    '--seed',
    '1',
    '--inquiries',
    String(inquiries),
  ]);
}

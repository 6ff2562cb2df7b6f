// Runs fixtures/driver.ts as a real child process and lets a test wait for its output lines.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const DRIVER = fileURLToPath(new URL('./fixtures/driver.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface Driver {
  proc: ChildProcess;
  lines: string[];
  /** Resolves with the first line matching, rejects if the process exits first. */
  waitFor(match: (line: string) => boolean): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

export function runDriver(args: string[], password: string): Driver {
  const proc = spawn(process.execPath, ['--import', 'tsx', DRIVER, ...args], {
    cwd: ROOT,
    env: { ...process.env, TOIAWASE_TEST_PASSWORD: password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: {
    match: (l: string) => boolean;
    resolve: (l: string) => void;
    reject: (e: Error) => void;
  }[] = [];
  let err = '';
  proc.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  createInterface({ input: proc.stdout }).on('line', (line) => {
    lines.push(line);
    for (const w of [...waiters]) {
      if (w.match(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => {
      for (const w of waiters.splice(0))
        w.reject(new Error(`driver exited (${code ?? signal}): ${err.slice(-500)}`));
      resolve({ code, signal });
    }),
  );
  return {
    proc,
    lines,
    exited,
    stderr: () => err,
    waitFor(match) {
      const seen = lines.find(match);
      if (seen !== undefined) return Promise.resolve(seen);
      if (proc.exitCode !== null || proc.signalCode !== null) {
        return Promise.reject(new Error(`driver already exited: ${err.slice(-500)}`));
      }
      return new Promise((resolve, reject) => waiters.push({ match, resolve, reject }));
    },
  };
}

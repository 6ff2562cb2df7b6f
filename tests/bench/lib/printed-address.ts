// The benchmarks' child processes (the sandbox, Chromium) print where they listen once they are
// up; the suite waits for that line.
import type { ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';

/**
 * The first capture of `pattern` in what `child` prints on `stream`. Rejects (with what it
 * printed) when the child exits or fails to start first, or after `timeoutMs`; stopping the
 * child is the caller's. The stream is drained from then on: a full pipe would stall the child.
 */
export function printedAddress(
  child: ChildProcess,
  stream: Readable | null,
  pattern: RegExp,
  name: string,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const settle = (): void => {
      clearTimeout(timer);
      child.off('exit', onExit);
      child.off('error', onError);
      stream?.off('data', onData);
      stream?.resume();
    };
    const onExit = (code: number | null): void => {
      settle();
      reject(new Error(`${name} exited with ${String(code)} before listening:\n${out}`));
    };
    const onError = (e: Error): void => {
      settle();
      reject(e);
    };
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const found = pattern.exec(out)?.[1];
      if (found === undefined) return;
      settle();
      resolve(found);
    };
    const timer = setTimeout(() => {
      settle();
      reject(new Error(`${name} did not start within ${String(timeoutMs)} ms:\n${out}`));
    }, timeoutMs);
    child.once('exit', onExit);
    child.once('error', onError);
    stream?.on('data', onData);
  });
}

import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import {
  CORE_THREAD_NICE,
  yieldCpuToTheWindow,
} from '../../../../../src/main/core/worker/background-priority.js';

describe('the core thread gives way to the window', () => {
  it('lowers its own priority on Linux only, where a nice value is per thread', () => {
    const set = vi.fn();
    expect(yieldCpuToTheWindow('win32', set)).toBe(false);
    expect(yieldCpuToTheWindow('darwin', set)).toBe(false);
    expect(set).not.toHaveBeenCalled();
    expect(yieldCpuToTheWindow('linux', set)).toBe(true);
    expect(set).toHaveBeenCalledWith(0, CORE_THREAD_NICE);
  });

  it('keeps its priority when the system refuses', () => {
    const refuse = (): void => {
      throw new Error('EACCES');
    };
    expect(yieldCpuToTheWindow('linux', refuse)).toBe(false);
  });

  it.runIf(process.platform === 'linux')(
    'on Linux, lowers the thread that asks and not the process around it',
    async () => {
      const before = getPriority(0);
      // What the module rests on, in a real worker thread: setPriority(0, n) from that thread.
      const seen = await new Promise<number>((resolve, reject) => {
        const w = new Worker(
          `const os = require('node:os');
           os.setPriority(0, ${String(CORE_THREAD_NICE)});
           require('node:worker_threads').parentPort.postMessage(os.getPriority(0));`,
          { eval: true },
        );
        w.once('message', (p: number) => {
          resolve(p);
          void w.terminate();
        });
        w.once('error', reject);
      });
      expect(seen).toBe(CORE_THREAD_NICE);
      expect(getPriority(0)).toBe(before);
      expect(getPriority(process.pid)).toBe(before);
    },
  );
});

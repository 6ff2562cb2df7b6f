// The database's one checkpoint worker, shared. Worker is the real one: the mock only counts
// how many were started.
import { describe, expect, it, vi } from 'vitest';
import type { Worker as RealWorker } from 'node:worker_threads';
import { leaseCheckpointWorker } from '../../../../../src/main/core/sync/checkpoint-worker.js';
import { startSteadyCheckpoints } from '../../../../../src/main/core/sync/steady-checkpoints.js';
import { createWalCheckpointer } from '../../../../../src/main/core/sync/wal-checkpointer.js';
import { useWalFixture } from './wal-fixture.js';

const started = vi.hoisted(() => [] as RealWorker[]);
vi.mock('node:worker_threads', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:worker_threads')>();
  return {
    ...real,
    Worker: function (...args: ConstructorParameters<typeof real.Worker>) {
      const worker = new real.Worker(...args);
      started.push(worker);
      return worker;
    },
  };
});

const f = useWalFixture();
const nothing = (): void => undefined;

describe('the checkpoint worker', () => {
  it('is one per database: the last user to leave stops it, the next lease starts another', async () => {
    started.length = 0;
    const a = leaseCheckpointWorker(f.db, nothing);
    const b = leaseCheckpointWorker(f.db, nothing);
    expect(started).toHaveLength(1);
    f.writeSome(200);
    expect((await a.release()).error).toBeUndefined();
    // Still running for b: a checkpoint copies what was written.
    const copied = await b.send({ type: 'checkpoint' });
    expect(copied.error).toBeUndefined();
    expect(copied.frames).toBeGreaterThan(0);
    const exited = new Promise((resolve) => started[0]?.once('exit', resolve));
    await b.release();
    await exited;
    const c = leaseCheckpointWorker(f.db, nothing);
    expect(started).toHaveLength(2);
    f.writeSome(10);
    expect((await c.send({ type: 'checkpoint' })).frames).toBeGreaterThan(0);
    await c.release();
  });

  it('tells every user when it dies, and answers what was waiting with an error', async () => {
    started.length = 0;
    const gone = [vi.fn(), vi.fn()];
    const a = leaseCheckpointWorker(f.db, gone[0]!);
    leaseCheckpointWorker(f.db, gone[1]!);
    const pending = a.send({ type: 'checkpoint' });
    await started[0]?.terminate();
    expect((await pending).error).toMatch(/stopped/);
    expect(gone[0]).toHaveBeenCalledOnce();
    expect(gone[1]).toHaveBeenCalledOnce();
    expect((await a.send({ type: 'checkpoint' })).error).toMatch(/stopped/);
    expect((await a.release()).error).toMatch(/stopped/);
    // A new lease starts a worker of its own.
    const next = leaseCheckpointWorker(f.db, nothing);
    expect(started).toHaveLength(2);
    await next.release();
  });

  it('serves the steady checkpoints and a bulk apply with one thread', async () => {
    started.length = 0;
    const steady = startSteadyCheckpoints(f.db, { everyMs: 20 });
    await vi.waitFor(() => expect(steady.active).toBe(true));
    const bulk = createWalCheckpointer(f.db);
    bulk.start();
    expect(started).toHaveLength(1);
    f.writeSome(200);
    await bulk.stop();
    expect(bulk.frames).toBeGreaterThan(0);
    // The bulk apply's end leaves the steady checkpoints running on the same worker.
    expect(steady.active).toBe(true);
    f.writeSome(200);
    await vi.waitFor(() => expect(steady.frames).toBeGreaterThan(0), { timeout: 2000 });
    await steady.stop();
    expect(started).toHaveLength(1);
  });
});

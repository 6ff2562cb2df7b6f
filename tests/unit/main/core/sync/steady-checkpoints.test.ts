import { describe, expect, it } from 'vitest';
import { WAL_AUTOCHECKPOINT_PAGES } from '../../../../../src/main/core/db/open.js';
import { startSteadyCheckpoints } from '../../../../../src/main/core/sync/steady-checkpoints.js';
import { createWalCheckpointer } from '../../../../../src/main/core/sync/wal-checkpointer.js';
import { useWalFixture } from './wal-fixture.js';

const f = useWalFixture();

/** Polls `check` every 10 ms, at most 200 times. */
async function eventually(check: () => boolean): Promise<boolean> {
  for (let i = 0; i < 200; i++) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return false;
}

describe('steady checkpoints', () => {
  it('copy what the connection writes, from another thread, and leave its own setting alone', async () => {
    const steady = startSteadyCheckpoints(f.db, { everyMs: 20 });
    try {
      expect(f.autocheckpoint()).toBe(WAL_AUTOCHECKPOINT_PAGES);
      f.writeSome(50);
      expect(await eventually(() => steady.frames > 0)).toBe(true);
    } finally {
      await steady.stop();
    }
    expect(f.autocheckpoint()).toBe(WAL_AUTOCHECKPOINT_PAGES);
  });

  it('pause while a bulk apply owns the checkpoints', async () => {
    const steady = startSteadyCheckpoints(f.db, { everyMs: 20 });
    const bulk = createWalCheckpointer(f.db);
    bulk.start();
    try {
      expect(f.autocheckpoint()).toBe(0);
      f.writeSome(50);
      await new Promise((r) => setTimeout(r, 150));
      expect(steady.frames).toBe(0);
      await bulk.stop();
      expect(f.autocheckpoint()).toBe(WAL_AUTOCHECKPOINT_PAGES);
      f.writeSome(50);
      expect(await eventually(() => steady.frames > 0)).toBe(true);
    } finally {
      await bulk.stop();
      await steady.stop();
    }
  });

  it('start only once `after` settles, and never when stopped before', async () => {
    let go: () => void = () => undefined;
    const after = new Promise<void>((resolve) => (go = resolve));
    const steady = startSteadyCheckpoints(f.db, { everyMs: 20, after });
    const never = startSteadyCheckpoints(f.db, { everyMs: 20, after });
    try {
      f.writeSome(50);
      await new Promise((r) => setTimeout(r, 150));
      expect(steady.active).toBe(false);
      expect(steady.frames).toBe(0);
      await never.stop();
      go();
      expect(await eventually(() => steady.frames > 0)).toBe(true);
      expect(steady.active).toBe(true);
      expect(never.active).toBe(false);
      expect(never.frames).toBe(0);
    } finally {
      await never.stop();
      await steady.stop();
    }
    expect(steady.active).toBe(false);
  });
});

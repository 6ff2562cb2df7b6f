import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { InboxEvents } from '../../../../../src/shared/api.js';
import { afterAnswer } from '../../../../../src/main/core/outbox/after-answer.js';

const item = (state: string) => ({ state }) as unknown as InboxEvents['outboxChanged'];

function recorder() {
  const seen: string[] = [];
  let thens = 0;
  const news = afterAnswer(
    (event, payload) => seen.push(`${event}:${(payload as { state?: string }).state ?? '-'}`),
    () => thens++,
  );
  return { seen, news, thens: () => thens };
}

describe('afterAnswer', () => {
  it('holds events until the current turn has ended, then runs the follow-up once', async () => {
    const { seen, news, thens } = recorder();
    news.later('outboxChanged', item('queued'));
    news.later('inquiriesChanged', { shopId: 's', inquiryIds: ['s:1'] });
    expect(seen).toEqual([]);
    await nextTurn();
    expect(seen).toEqual(['outboxChanged:queued', 'inquiriesChanged:-']);
    expect(thens()).toBe(1);
  });

  it('keeps the order: an event emitted now first lets the held ones out', async () => {
    const { seen, news, thens } = recorder();
    news.later('outboxChanged', item('queued'));
    news.now('outboxChanged', item('sending'));
    expect(seen).toEqual(['outboxChanged:queued', 'outboxChanged:sending']);
    await nextTurn();
    expect(seen).toHaveLength(2); // nothing twice
    expect(thens()).toBe(1);
  });
});

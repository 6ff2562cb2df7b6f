import { describe, expect, it, vi } from 'vitest';
import type { InboxApi, InquirySummary } from '../../../../src/shared/api.js';
import { fail, ok } from '../../../../src/shared/errors.js';
import { DesktopAlerts } from '../../../../src/main/electron/desktop-alerts.js';
import type { Alert } from '../../../../src/main/electron/alert-rules.js';
import { shellStrings } from '../../../../src/main/electron/strings.js';

function setup() {
  let unanswered = 2;
  let loggedIn = true;
  let waiting: Pick<InquirySummary, 'id' | 'waitingHours'>[] = [];
  const searches: unknown[] = [];
  const api = {
    counts: vi.fn(() =>
      Promise.resolve(
        loggedIn
          ? ok({
              customerUnanswered: unanswered,
              customerReplying: 0,
              qoo10Unanswered: 0,
              qoo10Unconfirmed: 0,
            })
          : fail('NOT_LOGGED_IN', 'log in first'),
      ),
    ),
    search: vi.fn((input: unknown) => {
      searches.push(input);
      return Promise.resolve(
        ok({ rows: waiting as InquirySummary[], nextCursor: null, total: waiting.length }),
      );
    }),
  } as unknown as InboxApi;
  const notify = vi.fn<(alert: Alert) => void>();
  const onUnanswered = vi.fn();
  const alerts = new DesktopAlerts({
    api,
    settings: () => ({ notifications: true, hourlyDigest: false }),
    strings: () => shellStrings('en'),
    paused: () => false,
    notify,
    onUnanswered,
    now: () => 0,
    warn: vi.fn(),
  });
  return {
    alerts,
    notify,
    onUnanswered,
    searches,
    api,
    set: (n: number, w: typeof waiting = waiting) => {
      unanswered = n;
      waiting = w;
    },
    logout: () => (loggedIn = false),
  };
}

describe('DesktopAlerts', () => {
  it('updates the badge and notifies new and overdue inquiries from the core', async () => {
    const t = setup();
    await t.alerts.refresh();
    expect(t.onUnanswered).toHaveBeenLastCalledWith(2);
    expect(t.notify).not.toHaveBeenCalled();
    expect(t.searches[0]).toEqual({ shopId: 'all', status: 'S1', sort: 'oldest', limit: 200 });

    t.set(3, [{ id: 's1:9', waitingHours: 25 }]);
    await t.alerts.refresh();
    expect(t.onUnanswered).toHaveBeenLastCalledWith(3);
    expect(t.notify.mock.calls.map(([a]) => a.kind)).toEqual(['newInquiries', 'overdue']);
  });

  it('does nothing while logged out', async () => {
    const t = setup();
    t.logout();
    await t.alerts.refresh();
    expect(t.onUnanswered).not.toHaveBeenCalled();
    expect(t.api.search).not.toHaveBeenCalled();
  });

  it('coalesces refreshes requested during a refresh into one more pass', async () => {
    const t = setup();
    await Promise.all([t.alerts.refresh(), t.alerts.refresh(), t.alerts.refresh()]);
    expect(t.api.counts).toHaveBeenCalledTimes(2);
  });
});

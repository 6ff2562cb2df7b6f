import { describe, expect, it } from 'vitest';
import type { Counts } from '../../../../src/shared/api.js';
import {
  AlertPlanner,
  badgeText,
  HOUR_MS,
  overdueLevel,
  unansweredTotal,
  type WaitingInquiry,
} from '../../../../src/main/electron/alert-rules.js';
import { shellStrings } from '../../../../src/main/electron/strings.js';

const s = shellStrings('en');
const counts = (customerUnanswered: number, qoo10Unanswered = 0): Counts => ({
  customerUnanswered,
  customerReplying: 5,
  qoo10Unanswered,
  qoo10Unconfirmed: 7,
});
const on = { notifications: true, hourlyDigest: false };
const T0 = Date.UTC(2026, 10, 27, 9);

describe('badge and counts', () => {
  it('counts buyer and Qoo10 unanswered memos, not replying/unconfirmed', () => {
    expect(unansweredTotal(counts(3, 2))).toBe(5);
  });
  it('renders the badge text', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(-1)).toBe('');
    expect(badgeText(Number.NaN)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });
  it('classifies overdue levels at 24 h and 48 h', () => {
    expect(overdueLevel(null)).toBeNull();
    expect(overdueLevel(23.9)).toBeNull();
    expect(overdueLevel(24)).toBe(24);
    expect(overdueLevel(47.99)).toBe(24);
    expect(overdueLevel(48)).toBe(48);
    expect(overdueLevel(500)).toBe(48);
  });
});

describe('AlertPlanner', () => {
  it('says nothing at start-up, then announces each rise in unanswered inquiries', () => {
    const p = new AlertPlanner();
    expect(p.plan({ counts: counts(4), waiting: [], now: T0 }, on, false, s)).toEqual([]);
    expect(p.plan({ counts: counts(4), waiting: [], now: T0 }, on, false, s)).toEqual([]);
    expect(p.plan({ counts: counts(5, 1), waiting: [], now: T0 }, on, false, s)).toEqual([
      { kind: 'newInquiries', title: 'New inquiries', body: '2 new unanswered inquiries' },
    ]);
    // Answering lowers the count: nothing to announce.
    expect(p.plan({ counts: counts(1), waiting: [], now: T0 }, on, false, s)).toEqual([]);
  });

  it('calls out each inquiry once at 24 h and once more at 48 h', () => {
    const p = new AlertPlanner();
    const w = (id: string, waitingHours: number | null): WaitingInquiry => ({ id, waitingHours });
    const first = p.plan(
      { counts: counts(3), waiting: [w('a', 50), w('b', 30), w('c', 2)], now: T0 },
      on,
      false,
      s,
    );
    expect(first.map((a) => [a.kind, a.title, a.body])).toEqual([
      ['overdue', 'Unanswered for over 48 h', '1 inquiry has waited over 48 h'],
      ['overdue', 'Unanswered for over 24 h', '1 inquiry has waited over 24 h'],
    ]);
    expect(
      p.plan(
        { counts: counts(3), waiting: [w('a', 51), w('b', 31), w('c', 3)], now: T0 },
        on,
        false,
        s,
      ),
    ).toEqual([]);
    const later = p.plan(
      { counts: counts(3), waiting: [w('a', 70), w('b', 49), w('c', 25)], now: T0 },
      on,
      false,
      s,
    );
    expect(later.map((a) => a.body)).toEqual([
      '1 inquiry has waited over 48 h',
      '1 inquiry has waited over 24 h',
    ]);
  });

  it('forgets answered inquiries, so a reopened one is announced again', () => {
    const p = new AlertPlanner();
    const waiting = [{ id: 'a', waitingHours: 30 }];
    expect(p.plan({ counts: counts(1), waiting, now: T0 }, on, false, s)).toHaveLength(1);
    expect(p.plan({ counts: counts(0), waiting: [], now: T0 }, on, false, s)).toEqual([]);
    expect(p.plan({ counts: counts(0), waiting, now: T0 }, on, false, s)).toHaveLength(1);
  });

  it('stays silent while muted or off, and does not replay the backlog afterwards', () => {
    const p = new AlertPlanner();
    p.plan({ counts: counts(1), waiting: [], now: T0 }, on, false, s);
    const waiting = [{ id: 'a', waitingHours: 30 }];
    expect(p.plan({ counts: counts(3), waiting, now: T0 }, on, true, s)).toEqual([]);
    expect(
      p.plan({ counts: counts(3), waiting, now: T0 }, { ...on, notifications: false }, false, s),
    ).toEqual([]);
    expect(p.plan({ counts: counts(3), waiting, now: T0 }, on, false, s)).toEqual([]);
  });

  it('sends the optional digest once per hour, only with something unanswered', () => {
    const p = new AlertPlanner();
    const digestOn = { notifications: true, hourlyDigest: true };
    const waiting = [
      { id: 'a', waitingHours: 30 },
      { id: 'b', waitingHours: 1 },
    ];
    const digests = (now: number, c = counts(2)) =>
      p.plan({ counts: c, waiting, now }, digestOn, false, s).filter((a) => a.kind === 'digest');
    expect(digests(T0)).toEqual([]);
    expect(digests(T0 + HOUR_MS - 1)).toEqual([]);
    expect(digests(T0 + HOUR_MS)).toEqual([
      { kind: 'digest', title: 'Hourly summary', body: '2 unanswered, 1 overdue' },
    ]);
    expect(digests(T0 + HOUR_MS + 60_000)).toEqual([]);
    expect(digests(T0 + 2 * HOUR_MS, counts(0))).toEqual([]);
    // Turned off: no digest however long it has been.
    const off = p.plan({ counts: counts(2), waiting, now: T0 + 9 * HOUR_MS }, on, false, s);
    expect(off.filter((a) => a.kind === 'digest')).toEqual([]);
  });
});

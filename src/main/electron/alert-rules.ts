// What the tray shows and what the desktop notifies, as plain functions and one small state
// machine — no Electron here, so every rule is unit-tested directly. The notifier feeds it the
// core's counts and the oldest unanswered inquiries; it answers with the alerts to show.
import type { Counts } from '../../shared/api.js';
import { OVERDUE_HOURS } from '../../shared/limits.js';
import type { ShellStrings } from './strings.js';

export const HOUR_MS = 3_600_000;

/** Everything still waiting for the shop: buyer memos plus Qoo10 customer-centre memos. */
export function unansweredTotal(counts: Counts): number {
  return counts.customerUnanswered + counts.qoo10Unanswered;
}

/** Tray/dock badge: empty at zero, capped so it fits an icon. */
export function badgeText(unanswered: number): string {
  if (!Number.isFinite(unanswered) || unanswered <= 0) return '';
  return unanswered > 99 ? '99+' : String(Math.floor(unanswered));
}

/** The highest overdue threshold an inquiry has crossed, or null. */
export function overdueLevel(waitingHours: number | null): number | null {
  if (waitingHours === null) return null;
  let level: number | null = null;
  for (const h of OVERDUE_HOURS) if (waitingHours >= h) level = h;
  return level;
}

export interface WaitingInquiry {
  id: string;
  waitingHours: number | null;
}

export interface AlertSettings {
  notifications: boolean;
  hourlyDigest: boolean;
}

export interface Observation {
  counts: Counts;
  /** Unanswered inquiries, oldest first (the core's `waitingHours` decides overdue). */
  waiting: WaitingInquiry[];
  now: number;
}

export type AlertKind = 'newInquiries' | 'overdue' | 'digest';
export interface Alert {
  kind: AlertKind;
  title: string;
  body: string;
}

/**
 * Remembers what was already announced so each event is notified once: a rise in unanswered
 * inquiries, each inquiry crossing 24 h and again 48 h, one digest per hour. While muted
 * (notifications off or paused) it keeps observing, so un-muting never replays the backlog.
 */
export class AlertPlanner {
  #lastUnanswered: number | null = null;
  /** inquiry id → highest threshold already announced. */
  readonly #announced = new Map<string, number>();
  #lastDigestAt: number | null = null;

  plan(obs: Observation, settings: AlertSettings, muted: boolean, s: ShellStrings): Alert[] {
    const alerts: Alert[] = [];
    const unanswered = unansweredTotal(obs.counts);
    const risen = this.#lastUnanswered === null ? 0 : unanswered - this.#lastUnanswered;
    this.#lastUnanswered = unanswered;
    if (risen > 0) {
      alerts.push({
        kind: 'newInquiries',
        title: s.newInquiriesTitle,
        body: s.newInquiriesBody(risen),
      });
    }
    alerts.push(...this.#overdue(obs.waiting, s));
    const digest = this.#digest(obs, settings, unanswered, s);
    if (digest) alerts.push(digest);
    return settings.notifications && !muted ? alerts : [];
  }

  #overdue(waiting: WaitingInquiry[], s: ShellStrings): Alert[] {
    const crossed = new Map<number, number>();
    const stillWaiting = new Set<string>();
    for (const inquiry of waiting) {
      const level = overdueLevel(inquiry.waitingHours);
      if (level === null) continue;
      stillWaiting.add(inquiry.id);
      if ((this.#announced.get(inquiry.id) ?? 0) >= level) continue;
      this.#announced.set(inquiry.id, level);
      crossed.set(level, (crossed.get(level) ?? 0) + 1);
    }
    // Answered inquiries leave the list; forget them so the map cannot grow without bound.
    for (const id of this.#announced.keys()) if (!stillWaiting.has(id)) this.#announced.delete(id);
    return [...crossed.entries()]
      .sort(([a], [b]) => b - a)
      .map(([hours, count]) => ({
        kind: 'overdue' as const,
        title: s.overdueTitle(hours),
        body: s.overdueBody(count, hours),
      }));
  }

  #digest(obs: Observation, settings: AlertSettings, unanswered: number, s: ShellStrings) {
    if (!settings.hourlyDigest) {
      this.#lastDigestAt = null;
      return null;
    }
    // The first observation starts the clock: the digest summarises the hour that follows.
    if (this.#lastDigestAt === null) {
      this.#lastDigestAt = obs.now;
      return null;
    }
    if (obs.now - this.#lastDigestAt < HOUR_MS) return null;
    this.#lastDigestAt = obs.now;
    if (unanswered === 0) return null;
    const overdue = obs.waiting.filter((w) => overdueLevel(w.waitingHours) !== null).length;
    return {
      kind: 'digest' as const,
      title: s.digestTitle,
      body: s.digestBody(unanswered, overdue),
    };
  }
}

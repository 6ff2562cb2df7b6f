// Turns the core's state into tray updates and desktop notifications. It reads counts and the
// oldest unanswered inquiries through the same InboxApi the window uses, asks AlertPlanner
// what is worth saying, and shows it. Electron's Notification is injected (see app.ts).
import type { InboxApi } from '../../shared/api.js';
import { AlertPlanner, unansweredTotal, type Alert, type AlertSettings } from './alert-rules.js';
import type { ShellStrings } from './strings.js';

/** How many of the oldest unanswered inquiries are checked for overdue ageing. */
const WAITING_SCAN_LIMIT = 200;

export interface DesktopAlertsDeps {
  api: InboxApi;
  settings: () => AlertSettings;
  strings: () => ShellStrings;
  paused: () => boolean;
  notify: (alert: Alert) => void;
  onUnanswered: (count: number) => void;
  now: () => number;
  warn: (message: string, fields?: Record<string, unknown>) => void;
}

export class DesktopAlerts {
  readonly #deps: DesktopAlertsDeps;
  readonly #planner = new AlertPlanner();
  #running: Promise<void> | null = null;
  #again = false;

  constructor(deps: DesktopAlertsDeps) {
    this.#deps = deps;
  }

  /** Re-read and alert; calls during a refresh coalesce into one more pass. */
  refresh(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#loop().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      await this.#once();
    } while (this.#wantsAgain());
  }

  #wantsAgain(): boolean {
    return this.#again;
  }

  async #once(): Promise<void> {
    const { api } = this.#deps;
    const counts = await api.counts({ shopId: 'all' });
    // Not logged in (or no shop yet): nothing to count, nothing to say.
    if (!counts.ok) return;
    this.#deps.onUnanswered(unansweredTotal(counts.value));
    const page = await api.search({
      shopId: 'all',
      status: 'S1',
      sort: 'oldest',
      limit: WAITING_SCAN_LIMIT,
    });
    if (!page.ok) this.#deps.warn('overdue scan failed', { code: page.error.code });
    const waiting = page.ok
      ? page.value.rows.map((r) => ({ id: r.id, waitingHours: r.waitingHours }))
      : [];
    const alerts = this.#planner.plan(
      { counts: counts.value, waiting, now: this.#deps.now() },
      this.#deps.settings(),
      this.#deps.paused(),
      this.#deps.strings(),
    );
    for (const alert of alerts) this.#deps.notify(alert);
  }
}

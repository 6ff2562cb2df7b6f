// What the API calls share: the database, the session, the engines, the event hub and clock.
import type { Settings } from '../../../shared/api.js';
import { ALL_SHOPS } from '../../../shared/domain.js';
import { AppFailure } from '../../../shared/errors.js';
import type { Database } from '../db/open.js';
import type { Emit } from '../events.js';
import type { CoreLogger } from '../host.js';
import type { Outbox } from '../outbox/index.js';
import type { Session } from '../session/index.js';
import type { SyncEngine } from '../sync/index.js';
import type { WindowFirst } from '../sync/window-first.js';

export interface ServiceContext {
  db: Database;
  session: Session;
  sync: SyncEngine;
  outbox: Outbox;
  emit: Emit;
  now: () => number;
  /** Where downloaded attachments are cached. */
  attachmentDir: string;
  logger?: CoreLogger | undefined;
  /** The host's loops follow the settings (e.g. the sync interval). */
  onSettingsChanged?: (settings: Settings) => void;
  /** Told of each call from the window, so the sync gives way after a screen change (window-first.ts). */
  windowFirst?: WindowFirst | undefined;
}

export function requireSession(ctx: ServiceContext) {
  const info = ctx.session.info();
  if (info === null) throw new AppFailure('NOT_LOGGED_IN', 'log in first');
  return info;
}

/**
 * The shops a call covers: one shop (which must belong to this login), "all" for the unified
 * inbox, or — when omitted — the shop the seller selected (all shops until one is chosen).
 */
export function scopeShops(ctx: ServiceContext, shopId: string | undefined): string[] {
  const info = requireSession(ctx);
  const wanted = shopId ?? info.selectedShopId ?? ALL_SHOPS;
  const all = info.shops.map((s) => s.id);
  if (wanted === ALL_SHOPS) return all;
  if (!all.includes(wanted))
    throw new AppFailure('SHOP_NOT_FOUND', `no shop ${wanted} in this login`);
  return [wanted];
}

/** An inquiry id names its shop; it must be one of this login's. */
export function requireOwnInquiry(ctx: ServiceContext, inquiryId: string): void {
  const shopId = inquiryId.slice(0, inquiryId.lastIndexOf(':'));
  const info = requireSession(ctx);
  if (!info.shops.some((s) => s.id === shopId)) {
    throw new AppFailure('INQUIRY_NOT_FOUND', `no inquiry ${inquiryId} in this login`);
  }
}

/** Measure a call and report it as a `timing` event (benchmarks read these). */
export function timed<T>(ctx: ServiceContext, name: string, run: () => T): T {
  const start = performance.now();
  const value = run();
  ctx.emit('timing', { name, ms: performance.now() - start });
  return value;
}

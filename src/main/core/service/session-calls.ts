// Logging in and out, shops, and sync on demand.
import type { InboxApi } from '../../../shared/api.js';
import { requireSession, type ServiceContext } from './context.js';
import type { Caller } from './guard.js';

export function sessionCalls(
  ctx: ServiceContext,
  call: Caller,
  onLogin: () => void,
): Pick<
  InboxApi,
  'login' | 'logout' | 'getSession' | 'listShops' | 'selectShop' | 'syncNow' | 'syncStatus'
> {
  return {
    login: (input) =>
      call('login', input, async (q) => {
        const info = await ctx.session.login(q);
        onLogin();
        return info;
      }),

    logout: (input) =>
      call('logout', input, async () => {
        await ctx.session.logout();
        return null;
      }),

    getSession: (input) => call('getSession', input, () => ctx.session.info()),
    listShops: (input) => call('listShops', input, () => requireSession(ctx).shops),
    selectShop: (input) => call('selectShop', input, (q) => ctx.session.selectShop(q.shopId)),

    syncNow: (input) =>
      call('syncNow', input, async () => {
        requireSession(ctx);
        // Deliver first: the seller's own replies then come back with the fresh threads.
        await ctx.outbox.deliverPending();
        return ctx.sync.syncAll();
      }),

    syncStatus: (input) => call('syncStatus', input, () => ctx.sync.status()),
  };
}

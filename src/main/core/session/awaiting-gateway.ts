// The gateway of a session restored from the cache while its saved login is still being checked
// with the server. Whatever reaches for the server meanwhile (the first sync pass, outbox
// delivery, an attachment) waits for that login and then uses the gateway it settled on: none of
// them issues a second seller key, or sends a password the server is about to refuse. The first
// of them also ends the start-up quiet (quiet-start.ts): the seller does not wait on it.
import type { Gateway } from '../gateway/index.js';

/**
 * `cached` answers what needs no server (its adapter is the one the cache was written with);
 * `settled` names the gateway to use once the login is over, or rejects when the session ended;
 * `onUse` runs whenever something reaches for the server before that.
 */
export function awaitingGateway(
  cached: Gateway,
  settled: Promise<Gateway>,
  onUse: () => void = () => undefined,
): Gateway {
  let target: Gateway | null = null;
  // Also marks the rejection as handled: a session that ended with nobody waiting is not an error.
  settled.then(
    (g) => {
      target = g;
    },
    () => undefined,
  );
  const via = async <T>(use: (g: Gateway) => Promise<T>): Promise<T> => {
    if (target === null) onUse();
    return use(await settled);
  };

  return {
    baseUrl: cached.baseUrl,
    get capabilities() {
      return (target ?? cached).capabilities;
    },
    connect: (user, password) => via((g) => g.connect(user, password)),
    disconnect() {
      cached.disconnect();
      target?.disconnect();
    },
    listShops: () => via((g) => g.listShops()),
    getChanges: (shopId, cursor, pageSize) => via((g) => g.getChanges(shopId, cursor, pageSize)),
    getThread: (shopId, questionNo) => via((g) => g.getThread(shopId, questionNo)),
    listInquiries: (shopId, status, fromMs, toMs) =>
      via((g) => g.listInquiries(shopId, status, fromMs, toMs)),
    reply: (req) => via((g) => g.reply(req)),
    autoReply: (req) => via((g) => g.autoReply(req)),
    hide: (req) => via((g) => g.hide(req)),
    uploadAttachment: (shopId, file) => via((g) => g.uploadAttachment(shopId, file)),
    getAttachment: (id) => via((g) => g.getAttachment(id)),
    getCounts: (shopId) => via((g) => g.getCounts(shopId)),
  };
}

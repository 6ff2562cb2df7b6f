// The inquiry store's public face: writes (sync, outbox effects) and single-inquiry reads.
// Search and counts live in ./search.ts.
export { applyThreads, applyLocalEffect, type LocalEffect } from './inquiry-write.js';
export {
  getInquiry,
  getInquiryForAction,
  readThread,
  type InquiryForAction,
  type ThreadPage,
} from './inquiry-read.js';
export { upsertAccount, replaceShops, listShops, type AccountInput } from './accounts.js';

// Reading: search, counters and the conversation pane. Everything comes from the local cache,
// so these answer with no network at all.
import type { InboxApi, ThreadView } from '../../../shared/api.js';
import { AppFailure } from '../../../shared/errors.js';
import { getDraft } from '../store/drafts.js';
import { readThread } from '../store/inquiries.js';
import { countInquiries, countSearch, searchInquiries } from '../store/search.js';
import { detectPii, detectPiiInMessages } from '../text/pii.js';
import { requireOwnInquiry, scopeShops, timed, type ServiceContext } from './context.js';
import type { Caller } from './guard.js';

const PENDING_STATES = new Set(['queued', 'sending', 'failed', 'conflict']);

export function readCalls(
  ctx: ServiceContext,
  call: Caller,
): Pick<InboxApi, 'search' | 'searchTotal' | 'counts' | 'openThread' | 'checkPii'> {
  return {
    search: (input) =>
      call('search', input, (q) => {
        const shopIds = scopeShops(ctx, q.shopId);
        return timed(ctx, 'search', () => searchInquiries(ctx.db, { ...q, shopIds }, ctx.now()));
      }),

    searchTotal: (input) =>
      call('searchTotal', input, (q) => {
        const shopIds = scopeShops(ctx, q.shopId);
        return timed(ctx, 'searchTotal', () => countSearch(ctx.db, { ...q, shopIds }));
      }),

    counts: (input) =>
      call('counts', input, (q) => countInquiries(ctx.db, scopeShops(ctx, q.shopId), ctx.now())),

    openThread: (input) =>
      call('openThread', input, (q): ThreadView => {
        requireOwnInquiry(ctx, q.inquiryId);
        return timed(ctx, 'openThread', () => {
          const page = readThread(
            ctx.db,
            q.inquiryId,
            { limit: q.limit, ...(q.beforeSeq === undefined ? {} : { beforeSeq: q.beforeSeq }) },
            ctx.now(),
          );
          if (page === null) {
            throw new AppFailure('INQUIRY_NOT_FOUND', `no inquiry ${q.inquiryId}`);
          }
          return {
            ...page,
            pending: ctx.outbox.list(q.inquiryId).filter((i) => PENDING_STATES.has(i.state)),
            draft: getDraft(ctx.db, q.inquiryId),
            // Personal information a buyer put in a public product question, to warn before
            // it stays on the product page (the guide's reason to hide).
            piiFlags:
              page.inquiry.questionType === 'product'
                ? detectPiiInMessages(page.messages.filter((m) => m.author === 'buyer'))
                : [],
          };
        });
      }),

    checkPii: (input) => call('checkPii', input, (q) => detectPii(q.text)),
  };
}

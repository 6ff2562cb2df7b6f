// The QpostAPI class: what the Qpost client does beyond public QAPI (docs/sandbox-api.md).
import { LANGUAGES, STATUSES } from '../../shared/domain.js';
import { COUNTERS_WINDOW_DAYS, FEED_PAGE_MAX } from '../../shared/limits.js';
import { QPOST_METHODS, type ChangesPage } from '../../shared/qapi.js';
import { QapiError } from '../envelope.js';
import type { Form } from '../form.js';
import { listShops, ownShop } from '../db/shops.js';
import { readCounts, readFeedPage, readThread } from '../db/threads.js';
import { autoReply, hide, reply, type SellerContext } from '../actions/seller.js';
import { checkRequestId } from '../actions/rules.js';
import { decodeCursor, encodeCursor } from '../feed-cursor.js';
import type { CallContext, MethodDef } from './types.js';

const DEFAULT_PAGE = 100;
const STAFF_MAX_CHARS = 50;
const TITLE_MAX_CHARS = 200;

const sellerContext = (ctx: CallContext): SellerContext => ({
  db: ctx.db,
  clock: ctx.clock,
  accountId: ctx.accountId,
  shop: ownShop(ctx.db, ctx.accountId, ctx.form.required('shop_id')),
});

/** The fields every seller action carries: idempotency key, seen version, acting staff. */
const actionFields = (form: Form) => ({
  requestId: checkRequestId(form.required('request_id')),
  version: form.positiveInt('version', true),
  staff: form.text('staff', STAFF_MAX_CHARS, false),
});

function replyStatus(form: Form): 'S2' | 'S3' {
  const status = form.oneOf('status', STATUSES);
  if (status === 'S1') {
    throw new QapiError(
      'STATUS_NOT_ALLOWED',
      'a reply sets S2 (replying) or S3 (complete), never S1',
      {
        FIELD: 'status',
      },
    );
  }
  return status;
}

function attachmentIds(form: Form): string[] {
  const raw = form.optional('attachment_ids');
  if (raw === undefined) return [];
  const ids = raw.split(',').map((s) => s.trim());
  if (ids.some((id) => id === '') || new Set(ids).size !== ids.length) {
    throw new QapiError('VALIDATION', 'attachment_ids is a comma-separated list of distinct ids', {
      FIELD: 'attachment_ids',
    });
  }
  return ids;
}

function restrictFlag(form: Form): boolean {
  return form.oneOf('restrict_yn', ['Y', 'N'] as const, 'N') === 'Y';
}

export const QPOST_READ_METHODS: MethodDef[] = [
  {
    name: QPOST_METHODS.getShops,
    auth: 'seller',
    fields: [],
    run: (ctx) => listShops(ctx.db, ctx.accountId),
  },
  {
    name: QPOST_METHODS.getChanges,
    auth: 'seller',
    fields: ['shop_id', 'cursor', 'page_size'],
    run: (ctx): ChangesPage => {
      const shop = ownShop(ctx.db, ctx.accountId, ctx.form.required('shop_id'));
      const size = ctx.form.positiveInt('page_size', false) ?? DEFAULT_PAGE;
      if (size > FEED_PAGE_MAX) {
        throw new QapiError('VALIDATION', `page_size is 1–${FEED_PAGE_MAX}`, {
          FIELD: 'page_size',
        });
      }
      const after = decodeCursor(
        ctx.feedSecret,
        shop.shop_id,
        ctx.form.raw('cursor'),
        shop.change_seq,
      );
      const page = readFeedPage(ctx.db, shop.shop_id, after, size);
      return {
        Inquiries: page.threads,
        Cursor: encodeCursor(ctx.feedSecret, shop.shop_id, page.lastSeq),
        HasMore: page.hasMore,
      };
    },
  },
  {
    name: QPOST_METHODS.getThread,
    auth: 'seller',
    fields: ['shop_id', 'question_no'],
    run: (ctx) => {
      const shop = ownShop(ctx.db, ctx.accountId, ctx.form.required('shop_id'));
      return readThread(ctx.db, shop.shop_id, ctx.form.positiveInt('question_no', true));
    },
  },
  {
    name: QPOST_METHODS.getCounts,
    auth: 'seller',
    fields: ['shop_id'],
    run: (ctx) => {
      const shop = ownShop(ctx.db, ctx.accountId, ctx.form.required('shop_id'));
      const since = ctx.clock.now() - COUNTERS_WINDOW_DAYS * 24 * 60 * 60 * 1000;
      return readCounts(ctx.db, shop.shop_id, since);
    },
  },
];

/**
 * A seller action method: the common fields (shop, inquiry, request id, version, staff) are
 * parsed here; `act` adds its own fields and runs the action.
 */
function actionMethod(
  name: string,
  ownFields: string[],
  act: (seller: SellerContext, questionNo: number, form: Form) => unknown,
): MethodDef {
  return {
    name,
    auth: 'seller',
    fields: ['shop_id', 'question_no', 'request_id', 'version', 'staff', ...ownFields],
    run: (ctx) => act(sellerContext(ctx), ctx.form.positiveInt('question_no', true), ctx.form),
  };
}

export const QPOST_ACTION_METHODS: MethodDef[] = [
  actionMethod(
    QPOST_METHODS.setReply,
    ['title', 'contents', 'status', 'attachment_ids'],
    (seller, questionNo, form) =>
      reply(seller, questionNo, {
        ...actionFields(form),
        title: form.text('title', TITLE_MAX_CHARS, false),
        contents: form.raw('contents'),
        status: replyStatus(form),
        attachmentIds: attachmentIds(form),
      }),
  ),
  actionMethod(QPOST_METHODS.setAutoReply, ['lang'], (seller, questionNo, form) =>
    autoReply(seller, questionNo, {
      ...actionFields(form),
      lang: form.oneOf('lang', LANGUAGES, 'ja'),
    }),
  ),
  actionMethod(
    QPOST_METHODS.setHide,
    ['title', 'reason', 'restrict_yn'],
    (seller, questionNo, form) =>
      hide(seller, questionNo, {
        ...actionFields(form),
        title: form.raw('title'),
        reason: form.raw('reason'),
        restrict: restrictFlag(form),
      }),
  ),
];

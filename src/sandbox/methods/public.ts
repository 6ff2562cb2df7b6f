// The public QAPI surface (research §1.2, §1.5): certification, inquiry listing and reply.
// Public keys carry no shop, so CSCenter calls act on the account's first shop.
import { INQ_TYPES, STATUSES } from '../../shared/domain.js';
import { SEARCH_WINDOW_MAX_DAYS } from '../../shared/limits.js';
import { QAPI_METHODS } from '../../shared/qapi.js';
import { parseQueryDate } from '../../shared/jst.js';
import { createSellerKey } from '../auth.js';
import { QapiError } from '../envelope.js';
import { firstShop } from '../db/shops.js';
import { readInquiryRows } from '../db/threads.js';
import { publicReply } from '../actions/seller.js';
import type { MethodDef } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;

function parseWindow(startText: string, endText: string): [number, number] {
  const start = parseQueryDate(startText.trim(), false);
  const end = parseQueryDate(endText.trim(), true);
  if (start === null || end === null) {
    throw new QapiError('DATE_INVALID', 'dates are yyyyMMdd or yyyyMMddHHmmss (JST)', {
      FIELD: start === null ? 'search_start_dt' : 'search_end_dt',
    });
  }
  if (start > end) {
    throw new QapiError('DATE_INVALID', 'search_start_dt is after search_end_dt', {
      FIELD: 'search_start_dt',
    });
  }
  // Inclusive window: 20260101–20260131 is 31 days and allowed; one second more is not.
  if (end - start + 1000 > SEARCH_WINDOW_MAX_DAYS * DAY_MS) {
    throw new QapiError(
      'DATE_RANGE_TOO_LONG',
      `the window is at most ${SEARCH_WINDOW_MAX_DAYS} days`,
      {
        MAX_DAYS: SEARCH_WINDOW_MAX_DAYS,
      },
    );
  }
  return [start, end];
}

export const PUBLIC_METHODS: MethodDef[] = [
  {
    name: QAPI_METHODS.createCertificationKey,
    auth: 'api-key',
    fields: ['user_id', 'pwd'],
    xml: true,
    run: (ctx) =>
      createSellerKey(
        ctx.db,
        ctx.clock,
        ctx.key,
        ctx.form.required('user_id').trim(),
        ctx.form.required('pwd'),
      ).key,
  },
  {
    name: QAPI_METHODS.getInquiryMessage,
    auth: 'seller',
    fields: ['search_start_dt', 'search_end_dt', 'proc_status'],
    run: (ctx) => {
      const [from, to] = parseWindow(
        ctx.form.required('search_start_dt'),
        ctx.form.required('search_end_dt'),
      );
      const status = ctx.form.oneOf('proc_status', STATUSES);
      return readInquiryRows(ctx.db, firstShop(ctx.db, ctx.accountId).shop_id, status, from, to);
    },
  },
  {
    name: QAPI_METHODS.setInquiryMessage,
    auth: 'seller',
    fields: ['inq_type', 'question_no', 'seq_no', 'contents'],
    run: (ctx) =>
      publicReply(
        {
          db: ctx.db,
          clock: ctx.clock,
          accountId: ctx.accountId,
          shop: firstShop(ctx.db, ctx.accountId),
        },
        {
          inqType: ctx.form.oneOf('inq_type', INQ_TYPES),
          questionNo: ctx.form.positiveInt('question_no', true),
          seqNo: ctx.form.positiveInt('seq_no', true),
          contents: ctx.form.raw('contents'),
        },
      ),
  },
];

// The public-QAPI adapter: only CreateCertificationKey, GetInquiryMessage and SetInquiryMessage
// exist, so everything else answers CAPABILITY_MISSING instead of being imitated.
import { AppFailure } from '../../../shared/errors.js';
import type { Shop } from '../../../shared/domain.js';
import { getInquiryRows, setInquiryMessage } from './public-qapi.js';
import type { QpostAdapter } from './qpost-adapter.js';
import type { Rpc } from './rpc.js';
import { QAPI_CAPABILITIES, type ActionOutcome, type ReplyRequest } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;

function missingError(what: string): AppFailure {
  return new AppFailure('CAPABILITY_MISSING', `${what} is not available through public QAPI`, {
    adapter: 'qapi',
    feature: what,
  });
}

/** Every gateway method is async: a missing one rejects, it never throws synchronously. */
const missing = (what: string): Promise<never> => Promise.reject(missingError(what));

/** A public-QAPI seller is one shop; its id is the login as the seller typed it, lower-cased. */
export function qapiShop(user: string): Shop {
  return { id: user.trim().toLowerCase(), name: user.trim() };
}

export function createQapiAdapter(rpc: Rpc, user: () => string): QpostAdapter {
  /**
   * No request id exists here, so a send whose outcome is unknown is checked first: if the
   * inquiry is complete with an answer stamped after our attempt, that answer was ours.
   */
  async function alreadyDelivered(req: ReplyRequest): Promise<boolean> {
    if (req.unsureSince === undefined) return false;
    const around = req.lastBuyerAt ?? req.unsureSince;
    const rows = await getInquiryRows(rpc, req.shopId, 'S3', around - DAY_MS, Date.now());
    const row = rows.find((r) => r.questionNo === req.questionNo);
    // Wire dates have whole seconds: allow the attempt's own second.
    return row?.answeredAt != null && row.answeredAt >= req.unsureSince - 1000;
  }

  return {
    capabilities: QAPI_CAPABILITIES,
    listShops: () => Promise.resolve([qapiShop(user())]),
    getChanges: () => missing('the change feed'),
    getThread: () => missing('reading a whole thread'),
    listInquiries: (shopId, status, fromMs, toMs) =>
      getInquiryRows(rpc, shopId, status, fromMs, toMs),
    async reply(req): Promise<ActionOutcome> {
      if (req.status !== 'S3') throw missingError('the "replying" status');
      if (req.attachmentIds.length > 0) throw missingError('attachments');
      if (!(await alreadyDelivered(req))) await setInquiryMessage(rpc, req);
      return {
        questionNo: req.questionNo,
        seqNo: null,
        status: 'S3',
        version: null,
        hidden: false,
      };
    },
    autoReply: () => missing('auto reply'),
    hide: () => missing('hiding a product question'),
    uploadAttachment: () => missing('attachments'),
    getAttachment: () => missing('attachments'),
    getCounts: () => missing('server-side counters'),
  };
}

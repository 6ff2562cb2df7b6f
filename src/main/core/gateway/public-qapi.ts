// The three public QAPI methods (research §1.2, §1.5), shared by both adapters.
import { z } from 'zod';
import type { Status } from '../../../shared/domain.js';
import { toQueryDate } from '../../../shared/jst.js';
import { inquiryRowSchema, QAPI_METHODS } from '../../../shared/qapi.js';
import type { ThreadRecord } from '../store/types.js';
import { parseAnswer, rowThreadRecord } from './convert.js';
import type { Rpc } from './rpc.js';
import { AppFailure } from '../../../shared/errors.js';

const rowsSchema = z.array(inquiryRowSchema);

export async function getInquiryRows(
  rpc: Rpc,
  shopId: string,
  status: Status,
  fromMs: number,
  toMs: number,
): Promise<ThreadRecord[]> {
  const method = QAPI_METHODS.getInquiryMessage;
  const answer = await rpc(method, {
    search_start_dt: toQueryDate(fromMs, true),
    search_end_dt: toQueryDate(toMs, true),
    proc_status: status,
  });
  // Real Qoo10 answers "no rows" with a null/absent object as often as with [] (research §1.3).
  const rows = parseAnswer(rowsSchema, answer ?? [], method);
  return rows.map((r) => rowThreadRecord(shopId, r));
}

/** Posts a reply; public QAPI completes the inquiry (S3) and has no request id. */
export async function setInquiryMessage(
  rpc: Rpc,
  req: { inqType: string; questionNo: number; replySeqNo: number | null; body: string },
): Promise<void> {
  if (req.replySeqNo === null) {
    throw new AppFailure('VALIDATION', 'no buyer message to answer (seq_no unknown)');
  }
  await rpc(
    QAPI_METHODS.setInquiryMessage,
    {
      inq_type: req.inqType,
      question_no: String(req.questionNo),
      seq_no: String(req.replySeqNo),
      contents: req.body,
    },
    { idempotent: false },
  );
}

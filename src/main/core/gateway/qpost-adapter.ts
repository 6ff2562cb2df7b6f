// The full adapter: the QpostAPI extension class (shops, change feed, threads, replies with
// title/status/attachments/request id/version, auto reply, hide, attachments, counts).
import { z } from 'zod';
import type { Counts } from '../../../shared/api.js';
import {
  actionResultSchema,
  attachmentRowSchema,
  changesPageSchema,
  countsRowSchema,
  QPOST_METHODS,
  shopRowSchema,
  threadRowSchema,
  type ActionResult,
} from '../../../shared/qapi.js';
import { getInquiryRows } from './public-qapi.js';
import { parseAnswer, threadRecord } from './convert.js';
import type { Rpc } from './rpc.js';
import {
  QPOST_CAPABILITIES,
  type ActionOutcome,
  type ActionTarget,
  type Gateway,
} from './types.js';

const M = QPOST_METHODS;

function outcome(r: ActionResult): ActionOutcome {
  return {
    questionNo: r.QUESTION_NO,
    seqNo: r.SEQ_NO,
    status: r.STATUS,
    version: r.VERSION,
    hidden: r.HIDDEN_YN === 'Y',
  };
}

function targetFields(t: ActionTarget): Record<string, string> {
  return {
    shop_id: t.shopId,
    question_no: String(t.questionNo),
    request_id: t.requestId,
    version: String(t.baseVersion),
  };
}

const pageShape = changesPageSchema.extend({ Inquiries: z.array(z.unknown()) });
const PARSE_SLICE = 100;
const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export type QpostAdapter = Omit<Gateway, 'baseUrl' | 'connect' | 'disconnect'>;

export function createQpostAdapter(rpc: Rpc): QpostAdapter {
  async function action(method: string, form: Record<string, string>): Promise<ActionOutcome> {
    return outcome(parseAnswer(actionResultSchema, await rpc(method, form), method));
  }

  return {
    capabilities: QPOST_CAPABILITIES,

    async listShops() {
      const rows = parseAnswer(z.array(shopRowSchema), await rpc(M.getShops, {}), M.getShops);
      return rows.map((r) => ({ id: r.SHOP_ID, name: r.SHOP_NM }));
    },

    async getChanges(shopId, cursor, pageSize) {
      const form: Record<string, string> = { shop_id: shopId, page_size: String(pageSize) };
      if (cursor !== null) form.cursor = cursor;
      const page = parseAnswer(pageShape, await rpc(M.getChanges, form), M.getChanges);
      // A full page is hundreds of threads: validate them in slices so no single synchronous
      // stretch holds the event loop (the UI host shares it).
      const threads = [];
      for (let i = 0; i < page.Inquiries.length; i += PARSE_SLICE) {
        if (i > 0) await yieldToLoop();
        const slice = parseAnswer(
          z.array(threadRowSchema),
          page.Inquiries.slice(i, i + PARSE_SLICE),
          M.getChanges,
        );
        threads.push(...slice.map(threadRecord));
      }
      return { threads, cursor: page.Cursor, hasMore: page.HasMore };
    },

    async getThread(shopId, questionNo) {
      const answer = await rpc(M.getThread, { shop_id: shopId, question_no: String(questionNo) });
      return threadRecord(parseAnswer(threadRowSchema, answer, M.getThread));
    },

    listInquiries: (shopId, status, fromMs, toMs) =>
      getInquiryRows(rpc, shopId, status, fromMs, toMs),

    reply(req) {
      const form: Record<string, string> = {
        ...targetFields(req),
        contents: req.body,
        status: req.status,
      };
      if (req.title !== null) form.title = req.title;
      if (req.attachmentIds.length > 0) form.attachment_ids = req.attachmentIds.join(',');
      return action(M.setReply, form);
    },

    autoReply(req) {
      return action(M.setAutoReply, { ...targetFields(req), lang: req.language });
    },

    hide(req) {
      return action(M.setHide, {
        ...targetFields(req),
        title: req.title,
        reason: req.reason,
        restrict_yn: req.restrictBuyer ? 'Y' : 'N',
      });
    },

    // Attachments belong to the login (key), not to a shop: the sandbox takes the file alone.
    async uploadAttachment(_shopId, file) {
      const answer = await rpc.multipart(M.uploadAttachment, () => {
        const body = new FormData();
        body.set(
          'file',
          new Blob([Uint8Array.from(file.data)], { type: file.mime }),
          file.fileName,
        );
        return body;
      });
      const row = parseAnswer(attachmentRowSchema, answer, M.uploadAttachment);
      return { id: row.FILE_ID, fileName: row.FILE_NM, mime: row.MIME, size: row.SIZE };
    },

    async getAttachment(attachmentId) {
      const file = await rpc.file(M.getAttachment, { file_id: attachmentId });
      return {
        meta: {
          id: attachmentId,
          fileName: file.fileName,
          mime: file.mime,
          size: file.bytes.length,
        },
        data: file.bytes,
      };
    },

    async getCounts(shopId): Promise<Counts> {
      const c = parseAnswer(
        countsRowSchema,
        await rpc(M.getCounts, { shop_id: shopId }),
        M.getCounts,
      );
      return {
        customerUnanswered: c.CUSTOMER_UNANSWERED,
        customerReplying: c.CUSTOMER_REPLYING,
        qoo10Unanswered: c.QOO10_UNANSWERED,
        qoo10Unconfirmed: c.QOO10_UNCONFIRMED,
      };
    },
  };
}

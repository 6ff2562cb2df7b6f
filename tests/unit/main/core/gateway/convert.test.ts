import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../../src/shared/errors.js';
import {
  threadRowSchema,
  type InquiryRow,
  type ThreadRow,
} from '../../../../../src/shared/qapi.js';
import {
  parseAnswer,
  rowThreadRecord,
  threadRecord,
} from '../../../../../src/main/core/gateway/convert.js';

const thread: ThreadRow = {
  SHOP_ID: '100001',
  QUESTION_NO: 42,
  INQ_TYPE: 'ITEM',
  VIA_MYQOO10: 'N',
  STATUS: 'S2',
  CATEGORY: 'shipping',
  TITLE: '<b>届かない</b>',
  CUST_ID: 'qb1',
  CUST_NM: 'ヤマダ',
  RECEIVER: 'mamename',
  ITEM_NO: '123',
  ITEM_NM: '皿',
  ITEM_CATEGORY: null,
  SELLER_CODE: null,
  ORDER_NO: '9',
  CART_NO: null,
  INQ_DT: '2026-03-01 09:00:00',
  ANS_DT: '2026-03-01 10:00:00',
  UPD_DT: '2026-03-01 10:00:00',
  HIDDEN_YN: 'Y',
  VERSION: 3,
  MESSAGES: [
    {
      SEQ_NO: 1,
      AUTHOR: 'BUYER',
      FROM_NM: 'ヤマダ',
      TO_NM: 'mamename',
      TITLE: 't',
      CONTENTS: 'まだ？',
      SEND_DT: '2026-03-01 09:00:00',
      ATTACHMENTS: [{ FILE_ID: 'F1', FILE_NM: 'a.png', MIME: 'image/png', SIZE: 10 }],
    },
  ],
};

describe('convert', () => {
  it('turns a wire thread into a complete ThreadRecord with epoch ms', () => {
    const t = threadRecord(thread);
    expect(t).toMatchObject({
      shopId: '100001',
      questionNo: 42,
      hidden: true,
      viaMyQoo10: false,
      receivedAt: Date.parse('2026-03-01T09:00:00+09:00'),
      complete: true,
      title: '<b>届かない</b>',
    });
    expect(t.messages[0]).toMatchObject({ author: 'buyer', attachments: [{ id: 'F1', size: 10 }] });
  });

  it('rejects malformed answers as BAD_RESPONSE', () => {
    expect(() => parseAnswer(threadRowSchema, { ...thread, STATUS: 'S9' }, 'X')).toThrow(
      expect.objectContaining({ code: 'BAD_RESPONSE' }) as Error,
    );
    // Shape is right, calendar is not.
    expect(() => threadRecord({ ...thread, INQ_DT: '2026-02-30 10:00:00' })).toThrow(AppFailure);
  });

  it('builds a partial thread from a public row, versions growing with later changes', () => {
    const row: InquiryRow = {
      QUESTION_NO: 5,
      SEQ_NO: 9,
      INQ_TYPE: 'MSG',
      STATUS: 'S1',
      TITLE: 't',
      CONTENTS: 'c',
      CUST_ID: 'b',
      CUST_NM: 'B',
      ITEM_NO: null,
      ITEM_NM: null,
      ORDER_NO: null,
      INQ_DT: '2026-03-01 09:00:00',
      ANS_DT: null,
    };
    const a = rowThreadRecord('demo', row);
    expect(a).toMatchObject({ shopId: 'demo', complete: false, messages: [{ seqNo: 9 }] });
    const answered = rowThreadRecord('demo', {
      ...row,
      STATUS: 'S3',
      ANS_DT: '2026-03-01 09:30:00',
    });
    expect(answered.version).toBeGreaterThan(a.version);
  });
});

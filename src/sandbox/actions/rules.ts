// Checks shared by the seller actions. Each throws a QapiError before anything is written.
import { REPLY_MAX_CHARS } from '../../shared/limits.js';
import { toWireDate } from '../../shared/jst.js';
import { QapiError } from '../envelope.js';
import { charCount } from '../form.js';
import type { InquiryRecord } from '../db/threads.js';

/** A reply is 1–1,000 characters (code points), and not only whitespace. */
export function checkReplyContents(contents: string | undefined): string {
  if (contents === undefined || contents.trim() === '') {
    throw new QapiError('REPLY_LENGTH', 'reply contents are empty', {
      MIN: 1,
      MAX: REPLY_MAX_CHARS,
      LENGTH: 0,
    });
  }
  const length = charCount(contents);
  if (length > REPLY_MAX_CHARS) {
    throw new QapiError('REPLY_LENGTH', `reply is ${length} characters, over ${REPLY_MAX_CHARS}`, {
      MIN: 1,
      MAX: REPLY_MAX_CHARS,
      LENGTH: length,
    });
  }
  return contents;
}

/**
 * Optimistic concurrency: the client names the inquiry version it saw. A seller-side action
 * (reply, auto reply, hide — by anyone) after that version is a conflict; buyer follow-ups are
 * not, since answering them is exactly what the client is doing.
 */
export function checkVersion(inquiry: InquiryRecord, seen: number): void {
  if (seen > inquiry.version) {
    throw new QapiError(
      'VALIDATION',
      `version ${seen} is newer than the inquiry's version ${inquiry.version}`,
      { FIELD: 'version', VERSION: inquiry.version },
    );
  }
  if (inquiry.seller_version > seen) {
    throw new QapiError('CONFLICT', `inquiry was answered by ${inquiry.seller_by ?? '?'}`, {
      ANSWERED_BY: inquiry.seller_by ?? '',
      ANSWERED_DT: toWireDate(inquiry.seller_dt ?? inquiry.upd_dt),
      CONTENTS: inquiry.seller_contents ?? '',
      VERSION: inquiry.version,
    });
  }
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export function checkRequestId(id: string): string {
  if (!REQUEST_ID.test(id)) {
    throw new QapiError('VALIDATION', 'request_id is 1–100 characters of A-Z a-z 0-9 . _ : -', {
      FIELD: 'request_id',
    });
  }
  return id;
}

/** A buyer's e-mail as the sandbox's mail outbox addresses it (never a real address). */
export const buyerMailAddress = (custId: string): string => `${custId}@buyer.example.jp`;

// Writing an action: the outbox row and its optimistic local effect in ONE transaction, so the
// seller's action either exists durably with its effect, or not at all. A queued reply takes
// its draft with it in that transaction: a draft that outlived its reply (a crash between two
// calls) would come back in the composer, one Send away from answering the buyer twice.
import type { Capabilities } from '../../../shared/api.js';
import { AppFailure } from '../../../shared/errors.js';
import type { Database } from '../db/open.js';
import { deleteDraft } from '../store/drafts.js';
import {
  applyLocalEffect,
  getInquiryForAction,
  type InquiryForAction,
} from '../store/inquiries.js';
import { effectOf } from './effects.js';
import { insertRow } from './repo.js';
import type { OutboxAction, OutboxRow } from './types.js';
import {
  validateAutoReply,
  validateHide,
  validateReply,
  type AutoReplyAction,
  type HideAction,
  type ReplyAction,
} from './validate.js';

export type ActionInput =
  | ({ kind: 'reply' } & ReplyAction)
  | ({ kind: 'autoReply' } & AutoReplyAction)
  | ({ kind: 'hide' } & HideAction);

function validate(input: ActionInput, inquiry: InquiryForAction, caps: Capabilities): OutboxAction {
  switch (input.kind) {
    case 'reply':
      return validateReply(input, inquiry, caps);
    case 'autoReply':
      return validateAutoReply(input, inquiry, caps);
    case 'hide':
      return validateHide(input, inquiry, caps);
  }
}

/** Validates and writes one action; throws a clear AppFailure (and writes nothing) when invalid. */
export function enqueue(
  db: Database,
  input: ActionInput,
  caps: Capabilities,
  now: number,
): OutboxRow {
  return db
    .transaction(() => {
      const inquiry = getInquiryForAction(db, input.inquiryId, now);
      if (inquiry === null) {
        throw new AppFailure('INQUIRY_NOT_FOUND', `no inquiry ${input.inquiryId} in the cache`);
      }
      const action = validate(input, inquiry, caps);
      const row = insertRow(db, action, inquiry.shopId, inquiry.version, now);
      applyLocalEffect(db, action.inquiryId, effectOf(action.kind, action.payload, now));
      if (action.kind === 'reply') deleteDraft(db, action.inquiryId);
      return row;
    })
    .immediate();
}

// The InboxApi the hosts serve: one object assembled from the call groups.
import type { InboxApi } from '../../../shared/api.js';
import { actionCalls } from './action-calls.js';
import type { ServiceContext } from './context.js';
import { makeCaller } from './guard.js';
import { libraryCalls } from './library-calls.js';
import { readCalls } from './read-calls.js';
import { sessionCalls } from './session-calls.js';

export function createInboxApi(ctx: ServiceContext, onLogin: () => void): InboxApi {
  const call = makeCaller(ctx.logger, ctx.windowFirst);
  return {
    ...sessionCalls(ctx, call, onLogin),
    ...readCalls(ctx, call),
    ...actionCalls(ctx, call),
    ...libraryCalls(ctx, call),
  };
}

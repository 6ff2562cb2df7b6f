// The seller's own material: frequently used replies, drafts and settings. Local only.
import type { InboxApi } from '../../../shared/api.js';
import { AppFailure } from '../../../shared/errors.js';
import { replyTitle } from '../../../shared/limits.js';
import { deleteDraft, getDraft, saveDraft } from '../store/drafts.js';
import { getInquiry } from '../store/inquiries.js';
import { getSettings, updateSettings } from '../store/settings.js';
import { deleteTemplate, getTemplate, listTemplates, saveTemplate } from '../store/templates.js';
import { renderTemplate, templateVarsFor } from '../text/template-render.js';
import { requireOwnInquiry, type ServiceContext } from './context.js';
import type { Caller } from './guard.js';

export function libraryCalls(
  ctx: ServiceContext,
  call: Caller,
): Pick<
  InboxApi,
  | 'listTemplates'
  | 'saveTemplate'
  | 'deleteTemplate'
  | 'renderTemplate'
  | 'getDraft'
  | 'saveDraft'
  | 'deleteDraft'
  | 'getSettings'
  | 'updateSettings'
> {
  return {
    listTemplates: (input) => call('listTemplates', input, () => listTemplates(ctx.db)),
    saveTemplate: (input) => call('saveTemplate', input, (t) => saveTemplate(ctx.db, t, ctx.now())),
    deleteTemplate: (input) =>
      call('deleteTemplate', input, (q) => {
        deleteTemplate(ctx.db, q.id);
        return null;
      }),

    renderTemplate: (input) =>
      call('renderTemplate', input, (q) => {
        requireOwnInquiry(ctx, q.inquiryId);
        const template = getTemplate(ctx.db, q.templateId);
        if (template === null) throw new AppFailure('NOT_FOUND', `no template ${q.templateId}`);
        const inquiry = getInquiry(ctx.db, q.inquiryId, ctx.now());
        if (inquiry === null)
          throw new AppFailure('INQUIRY_NOT_FOUND', `no inquiry ${q.inquiryId}`);
        return {
          title: replyTitle(inquiry.title),
          body: renderTemplate(template.body, templateVarsFor(inquiry)),
        };
      }),

    getDraft: (input) =>
      call('getDraft', input, (q) => {
        requireOwnInquiry(ctx, q.inquiryId);
        return getDraft(ctx.db, q.inquiryId);
      }),
    saveDraft: (input) =>
      call('saveDraft', input, (d) => {
        requireOwnInquiry(ctx, d.inquiryId);
        return saveDraft(ctx.db, d, ctx.now());
      }),
    deleteDraft: (input) =>
      call('deleteDraft', input, (q) => {
        requireOwnInquiry(ctx, q.inquiryId);
        deleteDraft(ctx.db, q.inquiryId);
        return null;
      }),

    getSettings: (input) => call('getSettings', input, () => getSettings(ctx.db)),
    updateSettings: (input) =>
      call('updateSettings', input, (patch) => {
        const settings = updateSettings(ctx.db, patch);
        ctx.onSettingsChanged?.(settings);
        return settings;
      }),
  };
}

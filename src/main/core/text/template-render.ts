// Template variables: `{buyer}` and friends, filled from the inquiry a reply answers. `{{` and
// `}}` write literal braces. An unknown name is an error rather than text sent to a buyer as-is.
import type { InquirySummary } from '../../../shared/api.js';
import { AppFailure } from '../../../shared/errors.js';
import { REPLY_MAX_CHARS } from '../../../shared/limits.js';

export const TEMPLATE_VARIABLES = [
  'buyer',
  'order_no',
  'item_no',
  'item_name',
  'shop',
  'title',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateVars = Partial<Record<TemplateVariable, string | null>>;

const TOKEN = /\{\{|\}\}|\{([^{}]*)\}/g;

const isVariable = (name: string): name is TemplateVariable =>
  (TEMPLATE_VARIABLES as readonly string[]).includes(name);

/** The variable names a body uses; throws TEMPLATE_UNKNOWN_VARIABLE on the first unknown one. */
export function templateVariablesOf(body: string): TemplateVariable[] {
  const names = new Set<TemplateVariable>();
  for (const m of body.matchAll(TOKEN)) {
    const name = m[1];
    if (name === undefined) continue;
    if (!isVariable(name)) {
      throw new AppFailure(
        'TEMPLATE_UNKNOWN_VARIABLE',
        `unknown template variable {${name.slice(0, 40)}}`,
        {
          name: name.slice(0, 40),
        },
      );
    }
    names.add(name);
  }
  return [...names];
}

/**
 * Fills the variables; a missing value renders as an empty string. The result is reply text, so
 * it must fit a reply: longer than REPLY_MAX_CHARS → REPLY_TOO_LONG.
 */
export function renderTemplate(body: string, vars: TemplateVars): string {
  templateVariablesOf(body);
  const out = body.replace(TOKEN, (token, name: string | undefined) => {
    if (name === undefined) return token === '{{' ? '{' : '}';
    return isVariable(name) ? (vars[name] ?? '') : '';
  });
  const length = Array.from(out).length;
  if (length > REPLY_MAX_CHARS) {
    throw new AppFailure('REPLY_TOO_LONG', `rendered template has ${length} characters`, {
      max: REPLY_MAX_CHARS,
      length,
    });
  }
  return out;
}

/** The values an inquiry supplies. */
export function templateVarsFor(
  i: Pick<InquirySummary, 'buyerName' | 'orderNo' | 'itemNo' | 'itemName' | 'shopName' | 'title'>,
): TemplateVars {
  return {
    buyer: i.buyerName,
    order_no: i.orderNo,
    item_no: i.itemNo,
    item_name: i.itemName,
    shop: i.shopName,
    title: i.title,
  };
}

// Turns the corpora into one inquiry's texts: the draft a buyer starts with, follow-ups and
// seller replies, with the hostile cases mixed in at fixed rates.
import type { Category, InqType } from '../../shared/domain.js';
import { REPLY_MAX_CHARS } from '../../shared/limits.js';
import type { NewInquiry } from '../actions/buyer.js';
import { charCount, truncateChars } from '../form.js';
import { makeBuyer, type Buyer, type Product } from './catalog.js';
import {
  BODIES_JA,
  COLORS,
  FOLLOW_UPS_JA,
  HELP_BODIES_JA,
  HELP_TITLES_JA,
  SELLER_REPLIES_JA,
  SIZES,
  TITLES_JA,
} from './corpus-ja.js';
import {
  BODIES_EN,
  BODIES_ZH,
  EMOJI_BODIES,
  HOSTILE_BODIES,
  HOSTILE_TITLES,
  PII_BODIES,
  TITLES_EN,
  TITLES_ZH,
} from './corpus-other.js';
import type { Rng } from './rng.js';

type Lang = 'ja' | 'zh' | 'en';

export interface Draft extends NewInquiry {
  lang: Lang;
  body: string;
}

const QOO10_CENTRE: Buyer = { custId: 'qoo10cs', custNm: 'Qoo10' };

const CATEGORY_WEIGHTS: Record<Category, number> = {
  shipping: 30,
  product: 25,
  payment: 10,
  return: 12,
  cancel: 10,
  other: 13,
};

function fill(template: string, rng: Rng, item: string, order: string | null): string {
  return template
    .replaceAll('{item}', item)
    .replaceAll('{order}', order ?? '（未記入）')
    .replaceAll('{days}', String(2 + rng.int(12)))
    .replaceAll('{size}', rng.pick(SIZES))
    .replaceAll('{color}', rng.pick(COLORS));
}

/** A body of exactly the reply limit, to test counters and layouts at the edge. */
function longBody(rng: Rng): string {
  let s = '';
  while (charCount(s) < REPLY_MAX_CHARS) s += rng.pick(BODIES_JA.other) + '\n';
  return truncateChars(s, REPLY_MAX_CHARS);
}

export function makeDraft(rng: Rng, products: readonly Product[], buyers: readonly Buyer[]): Draft {
  const inqType = rng.weighted<InqType>({ MSG: 55, ITEM: 30, HELP: 15 });
  const category: Category =
    inqType === 'ITEM' && rng.chance(0.7) ? 'product' : rng.weighted(CATEGORY_WEIGHTS);
  const lang = inqType === 'HELP' ? 'ja' : rng.weighted<Lang>({ ja: 92, zh: 5, en: 3 });
  const product = inqType === 'HELP' && rng.chance(0.5) ? null : rng.pick(products);
  const hasOrder = inqType !== 'ITEM' && rng.chance(0.8);
  const orderNo = hasOrder ? rng.digits(9) : null;
  const buyer =
    inqType === 'HELP'
      ? QOO10_CENTRE
      : buyers.length > 0 && rng.chance(0.6)
        ? rng.pick(buyers)
        : makeBuyer(rng);
  const item = product?.itemNm ?? 'ご注文の商品';

  let title: string;
  let body: string;
  if (inqType === 'HELP') {
    title = rng.pick(HELP_TITLES_JA);
    body = fill(rng.pick(HELP_BODIES_JA), rng, item, orderNo);
  } else if (lang === 'zh') {
    title = rng.pick(TITLES_ZH);
    body = fill(rng.pick(BODIES_ZH[category]), rng, item, orderNo);
  } else if (lang === 'en') {
    title = rng.pick(TITLES_EN);
    body = fill(rng.pick(BODIES_EN[category]), rng, item, orderNo);
  } else {
    title = rng.pick(TITLES_JA[category]);
    body = fill(rng.pick(BODIES_JA[category]), rng, item, orderNo);
  }
  const roll = rng.float();
  if (roll < 0.015) title = rng.pick(HOSTILE_TITLES);
  else if (roll < 0.03) body = rng.pick(HOSTILE_BODIES);
  else if (roll < 0.035) body = longBody(rng);
  else if (roll < 0.065) body = `${body}\n${rng.pick(EMOJI_BODIES)}`;
  else if (inqType === 'ITEM' && roll < 0.125) body = `${body}\n${rng.pick(PII_BODIES)}`;

  return {
    inqType,
    viaMyqoo10: inqType === 'MSG' && rng.chance(0.4),
    category,
    title,
    custId: buyer.custId,
    custNm: buyer.custNm,
    itemNo: product?.itemNo ?? null,
    itemNm: product?.itemNm ?? null,
    itemCategory: product?.itemCategory ?? null,
    sellerCode: product?.sellerCode ?? null,
    orderNo,
    cartNo: hasOrder ? rng.digits(9) : null,
    lang,
    body,
  };
}

const FOLLOW_UPS: Record<Lang, readonly string[]> = {
  ja: FOLLOW_UPS_JA,
  zh: ['谢谢你的回复！', '好的，明白了。', '还没有收到，请再确认一下。'],
  en: [
    'Thanks for your reply!',
    'Got it, thank you.',
    'Still not received, could you check again?',
  ],
};

export function followUpText(rng: Rng, lang: Lang): string {
  return rng.chance(0.03) ? rng.pick(EMOJI_BODIES) : rng.pick(FOLLOW_UPS[lang]);
}

export function sellerReplyText(rng: Rng, itemNm: string | null): string {
  return fill(rng.pick(SELLER_REPLIES_JA), rng, itemNm ?? 'ご注文の商品', null);
}

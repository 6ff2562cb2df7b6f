// Deterministic synthetic conversations for store tests and the search benchmark: mixed
// Japanese, Chinese and English text, several shops, all inquiry types, ~3 messages each.
import type { Category, InqType, Status } from '../../../../../src/shared/domain.js';
import type { ThreadRecord } from '../../../../../src/main/core/store/types.js';

export function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const PHRASES = {
  ja: [
    '商品の配送状況を教えてください。',
    '注文した商品がまだ届きません。',
    '返品の手続きについて質問があります。',
    'サイズ交換は可能でしょうか。',
    '色違いの在庫はありますか。',
    'いつ発送されますか？',
    '東京都渋谷区まで何日かかりますか。',
    'ありがとうございました。',
    'お問い合わせいただきありがとうございます。',
    '確認のうえ改めてご連絡いたします。',
  ],
  zh: [
    '请问什么时候发货？',
    '我买的商品还没有收到。',
    '可以退货吗？',
    '颜色和图片不一样。',
    '快递单号是多少？',
    '谢谢你的回复。',
    '尺码偏小，想换大一号。',
    '包装破损了，请处理。',
  ],
  en: [
    'When will my order ship?',
    'The item arrived damaged.',
    'Can I change the size?',
    'Thank you for your quick reply.',
    'Please send the tracking number.',
  ],
} as const;

const ITEMS = [
  '保湿クリーム 50g',
  '韓国コスメ リップ',
  'ワイヤレスイヤホン',
  '蓝牙耳机',
  'Cotton T-shirt',
  '折りたたみ傘',
];
const BUYERS = ['山田花子', '佐藤太郎', '王小明', '李娜', 'John Smith', 'すずき', '高橋'];
const CATEGORIES: Category[] = ['shipping', 'product', 'payment', 'return', 'cancel', 'other'];
const STATUSES: Status[] = ['S1', 'S2', 'S3'];

function pick<T>(rng: () => number, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}

export interface SyntheticOptions {
  shopIds: readonly string[];
  count: number;
  seed?: number;
  /** Newest received time (epoch ms). */
  endMs?: number;
  spanDays?: number;
}

export function* syntheticThreads(o: SyntheticOptions): Generator<ThreadRecord> {
  const rng = makeRng(o.seed ?? 1);
  const end = o.endMs ?? Date.UTC(2026, 10, 27);
  const span = (o.spanDays ?? 365) * 86_400_000;
  for (let n = 0; n < o.count; n++) {
    const lang = rng() < 0.6 ? 'ja' : rng() < 0.75 ? 'zh' : 'en';
    const inqType: InqType = rng() < 0.5 ? 'MSG' : rng() < 0.6 ? 'ITEM' : 'HELP';
    const receivedAt = end - Math.floor(rng() * span);
    const status = pick(rng, STATUSES);
    const messageCount = 1 + Math.floor(rng() * 5);
    const messages: ThreadRecord['messages'] = [];
    let at = receivedAt;
    for (let s = 1; s <= messageCount; s++) {
      const author = s % 2 === 1 ? 'buyer' : 'seller';
      const body = Array.from({ length: 2 + Math.floor(rng() * 4) }, () =>
        pick(rng, PHRASES[lang]),
      ).join('');
      messages.push({
        seqNo: s,
        author,
        from: author === 'buyer' ? 'buyer' : 'shop',
        to: author === 'buyer' ? 'shop' : 'buyer',
        title: s === 1 ? 'お問い合わせ' : '[Re] お問い合わせ',
        body,
        sentAt: at,
        attachments:
          rng() < 0.05
            ? [{ id: `a${n}-${s}`, fileName: 'photo.jpg', mime: 'image/jpeg', size: 1000 }]
            : [],
      });
      at += Math.floor(rng() * 86_400_000);
    }
    const answered = status !== 'S1' && messageCount > 1;
    yield {
      shopId: o.shopIds[n % o.shopIds.length]!,
      questionNo: 100_000 + n,
      inqType,
      viaMyQoo10: inqType === 'MSG' && rng() < 0.4,
      status,
      category: pick(rng, CATEGORIES),
      title: pick(rng, PHRASES[lang]).slice(0, 20),
      buyerId: `b${Math.floor(rng() * 5000)}`,
      buyerName: pick(rng, BUYERS),
      receiver: 'staff',
      itemNo: inqType === 'HELP' ? null : String(1_000_000 + Math.floor(rng() * 2000)),
      itemName: inqType === 'HELP' ? null : pick(rng, ITEMS),
      itemCategory: null,
      sellerCode: null,
      orderNo: rng() < 0.7 ? String(500_000_000 + Math.floor(rng() * 1e8)) : null,
      cartNo: null,
      receivedAt,
      answeredAt: answered ? at : null,
      updatedAt: at,
      hidden: inqType === 'ITEM' && rng() < 0.05,
      version: 1,
      messages,
      complete: true,
    };
  }
}

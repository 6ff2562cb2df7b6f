// The patterns behind the personal-information guard. They run over `foldForPii(text)`, which
// maps full-width forms to ASCII one code unit for one, so match offsets are offsets in the
// original text.

const FULL_WIDTH_START = 0xff01; // ！
const FULL_WIDTH_END = 0xff5e; // ～
const HYPHENS = new Set(['－', '‐', '‑', '–', '—', '−', '―']);
// The katakana long-vowel mark stands in for a hyphen only between digits (090ー1234ー5678);
// elsewhere it is part of a word (パスワード).
const LONG_VOWELS = new Set(['ー', 'ｰ']);
const isDigitAt = (text: string, i: number): boolean => /[0-9０-９]/.test(text.charAt(i));

/** Full-width ASCII → ASCII, dash-like characters → "-", ideographic space → " ". */
export function foldForPii(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const code = text.charCodeAt(i);
    if (code >= FULL_WIDTH_START && code <= FULL_WIDTH_END)
      out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else if (HYPHENS.has(ch)) out += '-';
    else if (LONG_VOWELS.has(ch) && isDigitAt(text, i - 1) && isDigitAt(text, i + 1)) out += '-';
    else out += ch;
  }
  return out;
}

/** Words that make a nearby number an order, product, cart or parcel number rather than PII. */
export const REFERENCE_CONTEXT =
  /(注文番号|注文|受注|商品番号|商品|カート|追跡|伝票|問い合わせ番号|订单|訂單|单号|單號|商品编号|快递|物流|order|item|cart|tracking|invoice|no\.?|#)\s*[:：]?\s*$/i;

export const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/**
 * Japanese numbers: +81 or a leading 0, 10–11 digits in all, with optional "-", " " or
 * parentheses between groups (090-1234-5678, 03(1234)5678, 0120-123-456, +81 90 1234 5678).
 */
export const PHONE_JP =
  /(?<![\d-])(?:\+81[- ]?(?:\(0\))?\d{1,4}|0\d{1,4})(?:[- ]?\(?\d{1,4}\)?){1,2}[- ]?\d{3,4}(?![\d-])/g;

/**
 * Chinese numbers: mobiles 1[3-9]x xxxx xxxx (optionally +86), landlines 0xx(x)-xxxxxxx(x).
 */
export const PHONE_CN =
  /(?<![\d-])(?:(?:\+86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}|0\d{2,3}-\d{7,8})(?![\d-])/g;

/** 〒123-4567, 〒1234567, or a bare 123-4567 (the hyphen is required without 〒). */
export const POSTAL_JP = /(?:〒\s?\d{3}-?\d{4}|(?<![\d-])\d{3}-\d{4})(?![\d-])/g;

/** Digit runs that could be a card number, with single spaces or hyphens between groups. */
export const CARD_CANDIDATE = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;

/** Issuer prefixes of the card brands sold to Japanese and Chinese buyers. */
export const CARD_PREFIX = /^(?:4|5[1-5]|2[2-7]|3[47]|35|30|36|38|6011|65|62)/;

const PREFECTURES =
  '北海道|東京都|京都府|大阪府|青森県|岩手県|宮城県|秋田県|山形県|福島県|茨城県|栃木県|群馬県|' +
  '埼玉県|千葉県|神奈川県|新潟県|富山県|石川県|福井県|山梨県|長野県|岐阜県|静岡県|愛知県|三重県|' +
  '滋賀県|兵庫県|奈良県|和歌山県|鳥取県|島根県|岡山県|広島県|山口県|徳島県|香川県|愛媛県|高知県|' +
  '福岡県|佐賀県|長崎県|熊本県|大分県|宮崎県|鹿児島県|沖縄県';

const JP_NUMERAL = '[0-9一二三四五六七八九十]';

/**
 * A Japanese address: prefecture, municipality (…市/区/町/村/郡), then a block or house
 * number. A prefecture and city alone ("東京都渋谷区まで") is a place, not an address.
 */
export const ADDRESS_JP = new RegExp(
  `(?:${PREFECTURES})\\s?[^\\s、。,.!?！？]{1,12}?[市区町村郡][^\\s、。,!?！？]{0,20}?` +
    `${JP_NUMERAL}+(?:丁目|番地?|号|-)(?:${JP_NUMERAL}+(?:番地?|号|-)?){0,3}`,
  'g',
);

const PROVINCES =
  '河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|' +
  '云南|陕西|甘肃|青海|台湾';
const REGIONS = '内蒙古|广西|西藏|宁夏|新疆';
const HAN = '[\\u4e00-\\u9fff]';

/**
 * A Chinese address: province + city (+ district), or a municipality + district, with the
 * street part that follows (路/街/号/室…).
 */
export const ADDRESS_CN = new RegExp(
  `(?:(?:(?:${PROVINCES})省|(?:${REGIONS})(?:${HAN}{0,4}自治区)?)${HAN}{1,7}?[市州盟](?:${HAN}{1,7}?[区县旗])?` +
    `|(?:北京|上海|天津|重庆)市${HAN}{1,6}?区)[\\u4e00-\\u9fff0-9-]{0,30}`,
  'g',
);

/**
 * Credentials written out: a keyword, then the value (printable ASCII, as IDs and passwords
 * are). Japanese and Chinese keywords may run straight into the value ("密码abc123",
 * "パスワードはabc123"); English ones need ":" / "=" / "is" ("password: hunter2"). A keyword
 * with no value ("パスワードを忘れました", "I forgot my password") is not a credential.
 */
export const CREDENTIAL_CJK =
  /(?:パスワード|暗証番号|ログインID|ユーザーID|ユーザー名|密码|密碼|口令|账号|帳號|账户|用户名)\s*(?:は|是|为|:|=)?\s*[「『"']?[!-~]{3,64}/g;
export const CREDENTIAL_EN =
  /\b(?:password|passwd|pwd|passcode|pin|login id|user ?id|user ?name|id)\s*(?::|=|\bis\b)\s*["']?[!-~]{3,64}/gi;

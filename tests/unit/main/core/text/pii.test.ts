import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  detectPii,
  detectPiiInMessages,
  luhnValid,
} from '../../../../../src/main/core/text/pii.js';

/** The flagged substrings with their kinds. */
const found = (text: string): [string, string][] =>
  detectPii(text).map((s) => [s.kind, text.slice(s.start, s.end)]);

describe('detectPii: flags', () => {
  it.each([
    ['電話は090-1234-5678です', 'phone', '090-1234-5678'],
    ['携帯 08012345678 まで', 'phone', '08012345678'],
    ['03-1234-5678', 'phone', '03-1234-5678'],
    ['03(1234)5678にお電話ください', 'phone', '03(1234)5678'],
    ['0120-123-456', 'phone', '0120-123-456'],
    ['+81 90 1234 5678', 'phone', '+81 90 1234 5678'],
    ['０９０－１２３４－５６７８に連絡', 'phone', '０９０－１２３４－５６７８'],
    ['090ー1234ー5678', 'phone', '090ー1234ー5678'],
    ['我的手机是13812345678', 'phone', '13812345678'],
    ['手机 138 1234 5678', 'phone', '138 1234 5678'],
    ['+86 139-1234-5678', 'phone', '+86 139-1234-5678'],
    ['座机010-12345678', 'phone', '010-12345678'],
    ['mail: taro.yamada+shop@example.co.jp', 'email', 'taro.yamada+shop@example.co.jp'],
    ['ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'email', 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ'],
    ['邮箱wang@qq.com谢谢', 'email', 'wang@qq.com'],
    ['〒150-0041 東京', 'postal', '〒150-0041'],
    ['〒１５００００１', 'postal', '〒１５００００１'],
    ['郵便番号 150-0041', 'postal', '150-0041'],
    ['カード番号 4111 1111 1111 1111 です', 'card', '4111 1111 1111 1111'],
    ['5500-0000-0000-0004', 'card', '5500-0000-0000-0004'],
    ['３５３０１１１３３３３０００００', 'card', '３５３０１１１３３３３０００００'],
    ['378282246310005', 'card', '378282246310005'],
    ['パスワードはabc12345です', 'credential', 'パスワードはabc12345'],
    ['密码：qwerty99', 'credential', '密码：qwerty99'],
    ['账号 wang_xm2024', 'credential', '账号 wang_xm2024'],
    ['password: hunter2!', 'credential', 'password: hunter2!'],
    ['My ID is seller_01', 'credential', 'ID is seller_01'],
    ['ＰＡＳＳＷＯＲＤ＝ｓｅｃｒｅｔ', 'credential', 'ＰＡＳＳＷＯＲＤ＝ｓｅｃｒｅｔ'],
  ])('%s → %s', (text, kind, span) => {
    expect(found(text)).toContainEqual([kind, span]);
  });

  it('flags Japanese addresses with a house number', () => {
    expect(found('住所は東京都渋谷区神南1-2-3です')).toEqual([
      ['address', '東京都渋谷区神南1-2-3'],
    ]);
    expect(found('大阪府大阪市北区梅田三丁目1番地')).toEqual([
      ['address', '大阪府大阪市北区梅田三丁目1番地'],
    ]);
    expect(found('〒150-0041 東京都渋谷区神南１丁目２番３号')).toEqual([
      ['postal', '〒150-0041'],
      ['address', '東京都渋谷区神南１丁目２番３号'],
    ]);
  });

  it('flags Chinese addresses', () => {
    expect(found('寄到广东省深圳市南山区科技园路88号')).toEqual([
      ['address', '广东省深圳市南山区科技园路88号'],
    ]);
    expect(found('上海市浦东新区世纪大道100号，谢谢')).toEqual([
      ['address', '上海市浦东新区世纪大道100号'],
    ]);
    expect(found('新疆维吾尔自治区乌鲁木齐市天山区')).toEqual([
      ['address', '新疆维吾尔自治区乌鲁木齐市天山区'],
    ]);
  });

  it('reports several kinds in one text, in order and without overlaps', () => {
    const text = '山田です。090-1234-5678、yamada@example.jp、〒150-0041 東京都渋谷区神南1-2-3';
    expect(detectPii(text).map((s) => s.kind)).toEqual(['phone', 'email', 'postal', 'address']);
    const spans = detectPii(text);
    for (let i = 1; i < spans.length; i++)
      expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
  });

  it('tags spans with their message', () => {
    expect(
      detectPiiInMessages([
        { seqNo: 1, body: 'hello' },
        { seqNo: 2, body: 'tel 090-1234-5678' },
      ]),
    ).toEqual([{ kind: 'phone', start: 4, end: 17, seqNo: 2 }]);
  });
});

describe('detectPii: leaves alone', () => {
  it.each([
    '注文番号 500123456 の件です',
    '注文番号：0312345678 について', // a number after "order number" is the order
    '订单号 13812345678 还没发货',
    'order #4111111111111111 was cancelled',
    '商品番号 1000001 のサイズ',
    'item 1234567890',
    '2026-11-27 に発送しました',
    '2026/11/27 12:30',
    '20261127',
    '11月27日',
    '価格は12,800円です',
    '数量 3 個、合計 4,500 円',
    '4111 1111 1111 1112', // fails Luhn
    '1234567890123456', // Luhn-valid? no brand prefix either way
    '東京都渋谷区まで何日かかりますか',
    '广东省的朋友推荐的',
    'パスワードを忘れました',
    'I forgot my password yesterday',
    '密码忘记了',
    'The ID card photo is attached',
    'サイズ交換は可能でしょうか。',
    '请问什么时候发货？',
    'Qoo10 ID',
    '追跡番号 123456789012',
  ])('%s', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('luhnValid', () => {
  it('accepts valid card numbers and rejects one-digit changes', () => {
    for (const n of [
      '4111111111111111',
      '5500000000000004',
      '378282246310005',
      '6011111111111117',
      '3530111333300000',
    ]) {
      expect(luhnValid(n)).toBe(true);
      const changed = n.slice(0, -1) + String((Number(n.at(-1)) + 1) % 10);
      expect(luhnValid(changed)).toBe(false);
    }
    expect(luhnValid('')).toBe(false);
  });
});

describe('detectPii: any text', () => {
  it('returns sorted, non-overlapping spans inside the text', () => {
    const piece = fc.constantFrom(
      '090-1234-5678',
      '〒150-0041',
      '東京都渋谷区神南1-2-3',
      'a@b.jp',
      '密码abc123',
      '注文番号',
      '１２３',
      ' ',
      '、',
      'x',
      'ー',
    );
    fc.assert(
      fc.property(
        fc
          .array(fc.oneof(piece, fc.string({ maxLength: 8 })), { maxLength: 30 })
          .map((p) => p.join('')),
        (text) => {
          let end = 0;
          for (const s of detectPii(text)) {
            expect(s.start).toBeGreaterThanOrEqual(end);
            expect(s.end).toBeGreaterThan(s.start);
            expect(s.end).toBeLessThanOrEqual(text.length);
            end = s.end;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

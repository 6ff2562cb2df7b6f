import { describe, expect, it } from 'vitest';
import { fontFamily } from '../../../src/renderer/locale.js';

const families = (stack: string): string[] => stack.split(',').map((f) => f.trim());

describe('fontFamily', () => {
  it('names the Japanese fonts before the Chinese ones, except in Chinese', () => {
    for (const lng of ['ja', 'en'] as const) {
      const stack = families(fontFamily(lng));
      expect(stack.indexOf("'Noto Sans CJK JP'")).toBeLessThan(stack.indexOf("'Noto Sans CJK SC'"));
    }
    const zh = families(fontFamily('zh-CN'));
    expect(zh.indexOf("'PingFang SC'")).toBeLessThan(zh.indexOf("'Hiragino Sans'"));
  });

  it('keeps Latin text in the Latin fonts and names every CJK font before the generic one', () => {
    const stack = families(fontFamily('ja'));
    expect(stack[0]).toBe('-apple-system');
    expect(stack.indexOf('Arial')).toBeLessThan(stack.indexOf("'Hiragino Sans'"));
    for (const cjk of ["'Yu Gothic UI'", 'Meiryo', "'Microsoft YaHei'", "'Noto Sans CJK SC'"])
      expect(stack.indexOf(cjk)).toBeLessThan(stack.indexOf('sans-serif'));
  });
});

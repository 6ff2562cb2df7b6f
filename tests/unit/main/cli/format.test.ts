import { describe, expect, it } from 'vitest';
import { csvCell, displayWidth, render, toCsv } from '../../../../src/main/cli/format.js';

describe('CLI output', () => {
  it('quotes CSV cells per RFC 4180', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('defuses spreadsheet formulas in buyer-written text', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+81 90')).toBe("'+81 90");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-5)).toBe('-5'); // numbers are ours, not formulas
  });

  it('writes a header and CRLF rows', () => {
    expect(toCsv([{ a: 1, b: 'x' }], ['a', 'b'])).toBe('a,b\r\n1,x\r\n');
  });

  it('measures CJK as two columns so tables line up', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('配送')).toBe(4);
    const table = render([{ t: '配送について' }, { t: 'ok' }], ['t'], 'table').split('\n');
    expect(displayWidth(table[1]!)).toBe(displayWidth('配送について'));
  });

  it('says so when there is nothing to show', () => {
    expect(render([], ['a'], 'table')).toBe('(no results)\n');
    expect(render([], ['a'], 'json')).toBe('[]\n');
  });
});

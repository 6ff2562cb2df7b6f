// No visible string is hard-coded in the renderer: JSX text and user-facing string props must
// come from t(). Parsed with the TypeScript compiler, so comments and code are not confused.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const VISIBLE_PROPS = new Set([
  'title',
  'placeholder',
  'aria-label',
  'alt',
  'label',
  'okText',
  'cancelText',
  'content',
  'description',
  'help',
  'extra',
  'tooltip',
  'emptyText',
  'message',
]);
/** Latin letters, kana, CJK ideographs, hangul: anything a reader would read as words. */
const WORDS = /[A-Za-z\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

export function findHardCoded(fileName: string, source: string): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (n: ts.Node) =>
    `${fileName}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (n: ts.Node): void => {
    if (ts.isJsxText(n) && WORDS.test(n.text)) found.push(`${where(n)} text "${n.text.trim()}"`);
    if (ts.isJsxAttribute(n) && VISIBLE_PROPS.has(n.name.getText(sf)) && n.initializer) {
      const init = n.initializer;
      const literal = ts.isStringLiteral(init)
        ? init
        : ts.isJsxExpression(init) &&
            init.expression &&
            (ts.isStringLiteral(init.expression) ||
              ts.isNoSubstitutionTemplateLiteral(init.expression))
          ? init.expression
          : null;
      if (literal && WORDS.test(literal.text))
        found.push(`${where(n)} ${n.name.getText(sf)}="${literal.text}"`);
    }
    // String literals as JSX children: {'Send'}
    if (
      ts.isJsxExpression(n) &&
      n.expression &&
      ts.isStringLiteral(n.expression) &&
      ts.isJsxElement(n.parent) &&
      WORDS.test(n.expression.text)
    ) {
      found.push(`${where(n)} child "${n.expression.text}"`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return tsxFiles(p);
    return e.name.endsWith('.tsx') ? [p] : [];
  });
}

describe('no hard-coded visible strings in src/renderer', () => {
  it('finds none in the renderer', () => {
    const files = tsxFiles(join(root, 'src/renderer'));
    expect(files.length).toBeGreaterThan(15);
    const found = files.flatMap((f) => findHardCoded(relative(root, f), readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('would catch text, props and literal children (the check itself can fail)', () => {
    const bad = `export const A = () => (
      <div title="Close" aria-label={'閉じる'}>
        Send now
        {'送信'}
        <Input placeholder={\`Search\`} />
        <span>{t('ok')} · 12/1000</span>
      </div>);`;
    expect(findHardCoded('bad.tsx', bad)).toHaveLength(5);
  });
});

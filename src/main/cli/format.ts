// Output for the CLI: aligned tables for people, JSON and CSV for scripts.

export type Format = 'table' | 'json' | 'csv';
export type Row = Record<string, string | number | boolean | null>;

/**
 * One CSV cell (RFC 4180). Buyer-written text is untrusted: a cell starting with = + - @ or a
 * tab/CR is prefixed with an apostrophe so a spreadsheet never evaluates it as a formula.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: Row[], columns: string[]): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c] ?? null)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Display width: East Asian wide and full-width characters take two terminal columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    width += isWide(cp) ? 2 : 1;
  }
  return width;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function fit(text: string, width: number): string {
  const chars = Array.from(graphemes.segment(text.replace(/\s+/g, ' ')), (g) => g.segment);
  if (displayWidth(chars.join('')) <= width) {
    const t = chars.join('');
    return t + ' '.repeat(width - displayWidth(t));
  }
  // Leave one column for the ellipsis.
  let out = '';
  for (const ch of chars) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  out += '…';
  return out + ' '.repeat(Math.max(0, width - displayWidth(out)));
}

/** Columns sized to their content, capped so one long title cannot push the rest off-screen. */
export function toTable(rows: Row[], columns: string[], maxColumn = 40): string {
  const cells = rows.map((r) => columns.map((c) => String(r[c] ?? '')));
  const widths = columns.map((c, i) =>
    Math.min(maxColumn, Math.max(displayWidth(c), ...cells.map((r) => displayWidth(r[i] ?? '')))),
  );
  const line = (values: string[]): string =>
    values
      .map((v, i) => fit(v, widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(columns), ...cells.map(line)].join('\n') + '\n';
}

export function render(rows: Row[], columns: string[], format: Format): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(rows, null, 2)}\n`;
    case 'csv':
      return toCsv(rows, columns);
    case 'table':
      return rows.length === 0 ? '(no results)\n' : toTable(rows, columns);
  }
}

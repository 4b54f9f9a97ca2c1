/**
 * The degradation harness: damages clean paragraphs the way OCR of a printed page does, so the
 * cleaner can be measured against the text it should give back.
 *
 * Damage, in order: lines wrapped every `width` code points; spaces injected between Chinese
 * characters (and between a number and its unit); digits turned full-width; page furniture lines
 * (page numbers, running headers) dropped into the flow; paragraphs separated by nothing, by a
 * blank line, or every line double-spaced; and, optionally, pages set in two columns that the OCR
 * reads straight across (`side-by-side`, the columns joined by a run of spaces) or line by line in
 * turn (`alternate`). Seeded, so every run damages the same way.
 */
import { random } from '../../bench/random.mjs';

export interface Damage {
  /** Wrap every N code points. */
  width: number;
  /** Chance of a space between two adjacent characters of a line (both Chinese or digit/Chinese). */
  spaceRate: number;
  /** Chance that a run of digits is written full-width. */
  fullWidthRate: number;
  /** A furniture line after every this many lines; 0 for none. */
  furnitureEvery: number;
  /** How paragraphs are separated: `single` a line break only, `blank` one blank line, `double` a blank after every line. */
  gap: 'single' | 'blank' | 'double';
  columns: 'none' | 'side-by-side' | 'alternate';
  /** Each paragraph's first line indented by two ideographic spaces, as printed. */
  indent: boolean;
  /** Lines per column on a page, when set in columns. */
  columnHeight: number;
  /** Spaces between two columns read straight across. */
  columnGap: number;
  /** Columns on a page. */
  columnCount: number;
  /**
   * How a column read straight across is padded: `none` (an empty column's cell is `width`
   * spaces, a short line is not padded), or `printed` as Tesseract pads by the page: every cell
   * filled to the column's printed width (Chinese two units, ASCII one), and the padding of empty
   * columns at the start of a line dropped.
   */
  padding: 'none' | 'printed';
  seed: number;
}

export const defaultDamage: Damage = {
  width: 24,
  spaceRate: 0.06,
  fullWidthRate: 0.3,
  furnitureEvery: 17,
  gap: 'blank',
  columns: 'none',
  indent: false,
  columnHeight: 10,
  columnGap: 3,
  columnCount: 2,
  padding: 'none',
  seed: 1,
};


const HAN = /[\u4e00-\u9fff，。；：、！？“”（）]/u;
const FURNITURE = ['— 12 —', '2024年5月20日 星期一 第3版', '8', '第 4 版 要闻'];

/** The damaged text of `paragraphs`. */
export function degrade(paragraphs: readonly string[], options: Partial<Damage> = {}): string {
  const damage = { ...defaultDamage, ...options };
  const next = random(damage.seed);
  // each paragraph wrapped; null marks a paragraph break
  const lines: (string | null)[] = [];
  paragraphs.forEach((text, index) => {
    if (index > 0) lines.push(null);
    const chars = Array.from(text);
    for (let i = 0; i < chars.length; i += damage.width) {
      const line = chars.slice(i, i + damage.width).join('');
      lines.push(i === 0 && damage.indent ? `\u3000\u3000${line}` : line);
    }
  });
  const noisy = lines.map((line) => (line === null ? null : fullWidth(injectSpaces(line, damage.spaceRate, next), damage.fullWidthRate, next)));
  const laidOut = damage.columns === 'none' ? noisy : setInColumns(noisy, damage);
  const out: string[] = [];
  let count = 0;
  for (const line of laidOut) {
    if (line === null) {
      if (damage.gap === 'blank') out.push('');
      continue;
    }
    out.push(line);
    if (damage.gap === 'double') out.push('');
    count++;
    // in columns, the page numbers are the furniture
    if (damage.columns === 'none' && damage.furnitureEvery > 0 && count % damage.furnitureEvery === 0) {
      out.push(FURNITURE[Math.floor(next() * FURNITURE.length)]!);
      if (damage.gap === 'double') out.push('');
    }
  }
  return out.join('\n') + '\n';
}

function injectSpaces(line: string, rate: number, next: () => number): string {
  const chars = Array.from(line);
  let out = chars[0] ?? '';
  for (let i = 1; i < chars.length; i++) {
    const a = chars[i - 1]!;
    const b = chars[i]!;
    const eligible = (HAN.test(a) || /\d/.test(a)) && (HAN.test(b) || /\d/.test(b)) && !(/\d/.test(a) && /\d/.test(b));
    if (eligible && next() < rate) out += ' ';
    out += b;
  }
  return out;
}

function fullWidth(line: string, rate: number, next: () => number): string {
  return line.replace(/[0-9.%]+/g, (run) =>
    next() < rate ? Array.from(run, (ch) => String.fromCodePoint(ch.codePointAt(0)! + 0xfee0)).join('') : run,
  );
}

/**
 * Pages of `columnCount` columns, `columnHeight` lines each, as the OCR reads them. A paragraph
 * break inside a column is a blank line of that column.
 */
function setInColumns(lines: (string | null)[], damage: Damage): (string | null)[] {
  const out: (string | null)[] = [];
  const count = damage.columnCount;
  const page = damage.columnHeight * count;
  for (let start = 0; start < lines.length; start += page) {
    const columns = Array.from({ length: count }, (_, c) =>
      lines.slice(start + c * damage.columnHeight, start + (c + 1) * damage.columnHeight),
    );
    // a page ends with its page number, as printed
    if (start > 0) out.push(`— ${start / page} —`);
    const rows = Math.max(...columns.map((column) => column.length));
    for (let i = 0; i < rows; i++) {
      const cells = columns.map((column) => column[i] ?? null);
      if (damage.columns === 'alternate') {
        for (const cell of cells) out.push(cell ?? '');
      } else out.push(acrossRow(cells, damage));
    }
  }
  return out;
}

/** One row of the columns read straight across. */
function acrossRow(cells: (string | null)[], damage: Damage): string {
  let last = cells.length - 1;
  while (last > 0 && cells[last] === null) last--;
  const gap = ' '.repeat(damage.columnGap);
  if (cells[last] === null) return '';
  if (damage.padding === 'none') {
    let row = '';
    for (let c = 0; c <= last; c++) {
      if (c > 0) row += gap;
      row += cells[c] ?? ' '.repeat(damage.width);
    }
    return row;
  }
  const columnWidth = 2 * damage.width;
  let row = '';
  let leading = true;
  for (let c = 0; c <= last; c++) {
    const cell = cells[c] ?? '';
    if (leading && cell === '' && c < last) continue;
    if (!leading) row += gap;
    leading = false;
    row += c < last ? cell + ' '.repeat(Math.max(0, columnWidth - printedWidth(cell))) : cell;
  }
  return row;
}

function printedWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return width;
}

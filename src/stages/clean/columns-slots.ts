/**
 * columns-slots: how one line fits columns split after a given boundary: split at which gap, the
 * left column's line alone, the right column's alone, or none (the block ends). Apart from the
 * block search because it is the one place that weighs a single line's gaps against each other
 * (a run of spaces over a single space, an exact fit, a short left line, furniture, a page number).
 */
import { CLAUSE_MARKS, endsSentence, isCjk, isSpace } from './chars.js';
import type { Line } from './lines.js';
import { type Gap, type LineShapes, type Slot, toleranceOf } from './columns-shapes.js';

/**
 * Marks no paragraph ends on: a comma. (Not a colon or a semicolon, which end a paragraph that
 * opens a list and each item of it; not a dash, `— 2 —` is a page number.)
 */
const CLAUSE_CONTINUES = new Set(['，', ',', '、']);

/** Characters of a heading beside a column's line. */
const MIN_HEADING = 4;

/** A page number as a column's cell holds it: digits between dashes (`— 12 —`, `-3-`). */
export const PAGE_NUMBER = /^[-—–－]{1,2}\d{1,4}[-—–－]{1,2}$/u;

/**
 * How a line fits columns split after `x` characters, the right one `rx` wide, or null when it
 * does not. `above` is the line above it on the page, when there is one.
 */
export function slotOf(line: Line, x: number, rx: number, shapes: LineShapes, above?: Line): Slot | null {
  const tolerance = toleranceOf(x, shapes.measure);
  const { gaps: allGaps, leading, content: total } = shapes.of(line);
  // the left column is empty on this line: the right column's text stands indented
  if (leading >= Math.max(2, x / 2)) return { kind: 'right' };
  // no gap up to the boundary (most lines of one column, scanned for every gap of every line
  // near them): no split, so a left line or none, as the full test below finds (clean over 4 MB
  // 1.28 → 1.16 s CPU, with the shapes measured once per line)
  if (allGaps.length === 0 || allGaps[0]!.left > x + tolerance) return total <= x + tolerance ? { kind: 'left' } : rightAtMargin(total, x, rx, tolerance);
  const gaps = allGaps.filter((g) => g.left <= x + tolerance);
  const isWide = (g: Gap): boolean => g.end - g.start >= 2;
  const distance = (g: Gap): number => Math.abs(g.left - x);
  const nearest = (list: Gap[], by: (g: Gap) => number): Gap | undefined => [...list].sort((a, b) => by(a) - by(b))[0];
  // a run of spaces beats a single space near the boundary: the single one is noise inside a column
  const wide = nearest(gaps.filter(isWide), distance);
  if (wide) return { kind: 'split', gap: wide, near: distance(wide) <= tolerance };
  // with a single space, the right part is one line of the right column. (Every way below that
  // splits at a single space is one that columns-blocks.ts `mayChoose` allows: keep them in step)
  const right = (g: Gap): number => total - g.left;
  const fitting = gaps.filter((g) => right(g) <= rx + tolerance);
  // of two single spaces, one the words run across is noise inside a column (`30 件`)
  const runsAcross = (g: Gap): boolean => shapes.runsAcross(line, g);
  const nearGaps = fitting.filter((g) => distance(g) <= tolerance);
  // (when the only gap near the boundary runs across, it still counts: the block's evidence weighs it)
  // the words decide between gaps only where positions do not: an exact fit wins (`达到3 成` is
  // a number meeting a unit by chance)
  const exact = nearGaps.filter((g) => distance(g) === 0);
  // a scrap after a space the words run across, that ends no sentence, is no right column's line
  // (a right cell is short only where its paragraph or heading ends): `财政赤字２．７６ 万` is one
  // column's full line with a space between a number and its unit
  // (nor one that ends on a mark after which its sentence must go on, whatever the words: a short
  // right cell ends a paragraph or is a heading, `…首次跨越3000亿元 大关，`)
  const scrap = (g: Gap): boolean => {
    if (right(g) >= rx / 2) return false;
    const text = line.chars.slice(g.end).filter((ch) => !isSpace(ch));
    return !endsSentence(text) && (runsAcross(g) || CLAUSE_CONTINUES.has(text[text.length - 1]!));
  };
  const nearKept = nearGaps.filter((g) => !scrap(g));
  const near = exact.length === 1 && !scrap(exact[0]!) ? exact[0] : nearest(nearKept.filter((g) => !runsAcross(g)), distance) ?? nearest(nearKept, distance);
  // a short left line (a paragraph's last line, a heading): the gap comes early, after a
  // sentence's end or after text with no clause mark, and the right part is a full line
  const leftText = (g: Gap): string[] => shapes.leftText(line, g);
  const early = fitting.filter((g) => g.left < x - tolerance && !runsAcross(g));
  const ended = early.filter((g) => endsSentence(leftText(g)));
  // (a heading holds MIN_HEADING characters at least: a noise space after a paragraph's first two
  // or three characters, on a line at the margin too long for the left column, leaves none there,
  // `投资和 消费双双发力。全年固定资产投资…`)
  const headingLike = early.filter((g) => leftText(g).length >= MIN_HEADING && !leftText(g).some((ch) => CLAUSE_MARKS.has(ch)));
  const byWidth = (g: Gap): number => Math.abs(right(g) - rx);
  // after a sentence's end first; a heading-like left part only when the line is too long for one column
  const chosen = nearest(ended, byWidth) ?? (total > x + tolerance ? nearest(headingLike, byWidth) : undefined);
  // page furniture left in the left column's cell (`责任编辑：李明 居民收入稳步增加…`) beside a full
  // right line, where no gap lies near the boundary and none after a sentence's end (a noise space
  // after a line's first words can leave a byline's shape, `记者：去年全市 经济…`, on a line whose
  // columns meet at the boundary or after a short left line that ends its paragraph).
  // Words only: a cell of digits alone may be a figure cut from its unit
  const furniture = near || ended.length > 0
    ? []
    : fitting.filter((g) => {
        if (g.left >= x - tolerance || right(g) < rx - tolerance) return false;
        const cell = line.chars.slice(0, g.start);
        return cell.some(isCjk) && shapes.isFurniture(cell.join('').trim());
      });
  if (furniture.length === 1) return { kind: 'split', gap: furniture[0]!, near: false };
  // a short left line beside a full right one beats a gap near the boundary that leaves only a
  // scrap on the right (`过去一年工作回顾 ，新增…总数 达到1842`)
  if (near && chosen && distance(near) > 0 && right(near) < rx / 2 && byWidth(chosen) <= 2 * tolerance) return { kind: 'split', gap: chosen, near: false };
  // and so does one after a sentence's end whose right part is as wide as the right column, where
  // the gap near the boundary (not on it) is one the words run across, a noise space inside the
  // right column's first words (`…增加五十一万吨。 对外经济贸易继 续发展。…`: 继续)
  if (near && chosen && distance(near) > 0 && runsAcross(near) && byWidth(chosen) <= 2 * tolerance) return { kind: 'split', gap: chosen, near: false };
  if (near) return { kind: 'split', gap: near, near: true };
  if (chosen) return { kind: 'split', gap: chosen, near: false };
  if (total <= x + tolerance) {
    // a heading beside the last line of a paragraph in the right column (`过去一年工作回顾 4.1%。`):
    // a left part with no clause mark, a right part that ends a sentence, no word across the gap
    const besideEnd = early.filter((g) => {
      const left = leftText(g);
      const rightText = line.chars.slice(g.end).filter((ch) => !isSpace(ch));
      return left.length >= MIN_HEADING && !left.some((ch) => CLAUSE_MARKS.has(ch)) && !endsSentence(left) && endsSentence(rightText) && !rightText.slice(0, -1).some((ch) => CLAUSE_MARKS.has(ch)) && rightText.length < rx / 2;
    });
    if (besideEnd.length === 1 && !runsOnFromAbove(line, above, x, tolerance, shapes)) return { kind: 'split', gap: besideEnd[0]!, near: false };
    // a page number left in the left column's cell (`— 2 — 长15%以上；…`): a number between dashes
    // alone beside a full right line (a bare number may be a figure cut from its unit: `2 万人`)
    const folio = fitting.filter((g) => g.left < x - tolerance && PAGE_NUMBER.test(leftText(g).join('')) && right(g) >= rx - tolerance);
    if (folio.length === 1) return { kind: 'split', gap: folio[0]!, near: false };
    return { kind: 'left' };
  }
  return rightAtMargin(total, x, rx, tolerance);
}

/**
 * Whether `line` goes on the text of the line right above it, a full line of the left column's
 * width that ends no sentence, where the words run on across the wrap (a number cut in two, a
 * word): its first words are no heading, which starts after a sentence's end or a blank cell. So a
 * paragraph's last line with a noise space before its last figures is no heading beside a right
 * column's last line (`…政府工作报告中提出，20` + `21年全省地区生产总值预期增长 8%以上。`).
 */
function runsOnFromAbove(line: Line, above: Line | undefined, x: number, tolerance: number, shapes: LineShapes): boolean {
  if (above === undefined || line.blanksBefore > 0 || line.pageBreakBefore !== undefined) return false;
  const width = shapes.of(above).content;
  if (Math.abs(width - x) > tolerance || endsSentence(above.chars.filter((ch) => !isSpace(ch)))) return false;
  return shapes.continuity(above.chars, line.chars) > 0;
}

/**
 * A line too long for the left column but no longer than a wider right one, with no gap that
 * splits it: the right column's line where the left cell of its row was empty (a blank line
 * between paragraphs) and the engine dropped the empty cell, so it starts at the margin. Read as
 * a line of one column it would end the block there; `beforeLoneMargin` then asks the words.
 * Not where the right part is half as wide again as the left or more: that is two further
 * columns (a page of three), and a line at the margin there is the third column's
 * (bench/clean-damage --seeds 10 --layout three, whole / start F1: 0.803 / 0.725 without that
 * bound, 0.804 / 0.727 with it and before this slot).
 */
function rightAtMargin(total: number, x: number, rx: number, tolerance: number): Slot | null {
  return rx > x + tolerance && rx < 1.5 * x && total <= rx + tolerance ? { kind: 'right', margin: true } : null;
}

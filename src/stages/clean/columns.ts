/**
 * columns: puts interleaved columns back in reading order, with jieba as the judge.
 *
 * Two shapes of interleaving are repaired when the evidence is strong:
 * - read straight across: every line of a block holds a line of the left column, a gap (a run of
 *   spaces, or a single one), and a line of the right column, the gap at the same place on each
 *   line. The block is split into two streams, left then right, when the text runs on down each
 *   column (`seam.ts`: words across the joins) more than across the gap. Three columns are two
 *   splits.
 * - read line by line in turn: lines alternate between two columns. The run is split by parity
 *   when each line runs on into the line after next more than into the next line.
 * A gap inside a line that neither shape explains, where the text does not run on across it and
 * the left side does not end a sentence, is handed to `relink.ts`: repaired where a dictionary
 * word joins it to a neighbouring line's fragment, else kept in place and reported as a weak
 * seam naming the raw line (`clean/columns#weak-seam`).
 */
import { CLAUSE_MARKS, endsSentence, endsSentenceIgnoringSpaces, isCjk, isSpace } from './chars.js';
import type { Line } from './lines.js';
import type { Note } from './notes.js';
import { measureLayout } from './layout.js';
import { readGrid } from './grid.js';
import { relink } from './relink.js';
import type { SeamJudge } from './seam.js';

/** A run of spaces inside a line (non-space text on both sides). */
interface Gap {
  start: number;
  end: number;
  /** How far in the gap lies: the non-space characters before it, or their printed width (`Measure`). */
  left: number;
}

/**
 * How a boundary's place is counted. A page wrapped every N characters lines its columns up by
 * characters; a page set in type lines them up by printed width, where a digit or a Latin letter
 * is half a Chinese character (the sample: `态势,实施投资5000万元以上项目1381个,科技成果本地转化数量增长`
 * is 34 characters and 30 wide, beside lines of 30 Chinese characters). Each block is sought by
 * both; the printed width wins only where it fits more lines.
 */
type Measure = 'chars' | 'units';

/**
 * How far from the boundary a gap may lie and still count as near it: by characters a tenth of
 * the column (a line's figures and Latin letters make its characters vary); by printed width,
 * which type sets to the half character, less. bench/clean-damage.mjs --seeds 10, columns whole
 * (--layout ragged / --style hard): 0.1 of the column 0.895 / 0.914 but 0.998 without columns,
 * where noise spaces then line up by chance (1.000 before); 0.07 0.890 / 0.914 and 1.000; 0.05
 * 0.887 / 0.913; one character 0.881 / 0.913.
 */
function toleranceOf(x: number, measure: Measure): number {
  return Math.max(1, Math.round(x * (measure === 'chars' ? 0.1 : 0.07)));
}

/** Printed width of a character, in Chinese characters: ASCII and Latin-1 half, the rest one. */
const unitsOf = (ch: string): number => (ch.codePointAt(0)! <= 0xff ? 0.5 : 1);

/** How many gaps of a line are tried as the column boundary. */
const MAX_GAPS_TRIED = 8;
/** Widest column tried, in characters: a gap further in is not a column boundary. */
const MAX_COLUMN_WIDTH = 160;
/** Characters of a heading beside a column's line. */
const MIN_HEADING = 4;
/** Share of a block's lines with a gap at exactly the boundary that shows columns by position alone. */
const EXACT_SHARE = 0.6;
/** A page number as a column's cell holds it: digits between dashes (`— 12 —`, `-3-`). */
const PAGE_NUMBER = /^[-—–－]{1,2}\d{1,4}[-—–－]{1,2}$/u;
/** Lines a block needs before its columns are split. */
const MIN_BLOCK = 3;

/**
 * `isFurniture` says whether a cell's text is page furniture (`rules/furniture.yaml`: a byline, a
 * running date, `第3版`): set in one column's cell beside the other's line, it is split off.
 */
export function repairColumns(lines: Line[], judge: SeamJudge, notes: Note[], isFurniture: (text: string) => boolean = () => false): Line[] {
  const blanks = usualBlanks(lines);
  const pieces = new Set<Line>();
  // pages of columns read across with runs of spaces first; their lines are left alone below
  const gridLines = new Set<Line>();
  const gridded = readGrid(lines, judge, blanks, notes, gridLines);
  const across = splitAcross(gridded, judge, blanks, notes, pieces, 0, gridLines, [new LineShapes(judge, 'chars', isFurniture), new LineShapes(judge, 'units', isFurniture)]);
  for (const line of gridLines) pieces.add(line);
  const ordered = deinterleave(across, judge, blanks, notes, pieces);
  // where lines share a width, columns show in the layout and were handled above; only in a dump
  // of blocks (a paragraph or a column's run per line) must the words alone decide
  const blocks = measureLayout(ordered).width === null;
  return relink(ordered, judge, blanks, notes, blocks);
}

/** `target.push(...items)` without the argument limit: a document may have a million lines. */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

function usualBlanks(lines: Line[]): number {
  const counts = new Map<number, number>();
  for (const line of lines.slice(1)) counts.set(line.blanksBefore, (counts.get(line.blanksBefore) ?? 0) + 1);
  let best = 0;
  let bestCount = -1;
  for (const [value, count] of counts) if (count > bestCount || (count === bestCount && value < best)) [best, bestCount] = [value, count];
  return best;
}

function gapsOf(line: Line, measure: Measure = 'chars'): Gap[] {
  const gaps: Gap[] = [];
  const { chars } = line;
  let seen = 0;
  for (let i = 0; i < chars.length; i++) {
    if (!isSpace(chars[i]!)) {
      seen += measure === 'chars' ? 1 : unitsOf(chars[i]!);
      continue;
    }
    let end = i;
    while (end < chars.length && isSpace(chars[end]!)) end++;
    if (seen > 0 && end < chars.length) gaps.push({ start: i, end, left: seen });
    i = end - 1;
  }
  return gaps;
}

function leadingSpaces(line: Line): number {
  let n = 0;
  while (n < line.chars.length && isSpace(line.chars[n]!)) n++;
  return n;
}

function contentLength(line: Line, measure: Measure = 'chars'): number {
  return line.chars.reduce((n, ch) => n + (isSpace(ch) ? 0 : measure === 'chars' ? 1 : unitsOf(ch)), 0);
}

interface Shape {
  gaps: Gap[];
  leading: number;
  content: number;
}

/**
 * What the block search asks of a line and of its gaps, whatever boundary it tries: asked for
 * every boundary tried on every line near it, answered once per line and gap (the lines' text
 * does not change while blocks are sought).
 */
class LineShapes {
  private readonly shapes = new Map<Line, Shape>();
  private readonly across = new Map<Gap, boolean>();
  private readonly lefts = new Map<Gap, string[]>();
  private readonly judge: SeamJudge;
  /** How gap positions and line lengths are counted. */
  readonly measure: Measure;

  /** True when a cell's text is page furniture. */
  readonly isFurniture: (text: string) => boolean;

  constructor(judge: SeamJudge, measure: Measure, isFurniture: (text: string) => boolean) {
    this.judge = judge;
    this.measure = measure;
    this.isFurniture = isFurniture;
  }

  of(line: Line): Shape {
    let shape = this.shapes.get(line);
    if (shape === undefined) {
      shape = { gaps: gapsOf(line, this.measure), leading: leadingSpaces(line), content: contentLength(line, this.measure) };
      this.shapes.set(line, shape);
    }
    return shape;
  }

  /** True when the words run on across `gap` of `line` (`30 件`). */
  runsAcross(line: Line, gap: Gap): boolean {
    let runs = this.across.get(gap);
    if (runs === undefined) {
      runs = this.judge.continuity(line.chars.slice(Math.max(0, gap.start - 8), gap.start), line.chars.slice(gap.end, gap.end + 8)) > 0;
      this.across.set(gap, runs);
    }
    return runs;
  }

  /** The text before `gap` of `line`, spaces left out, as far back as a column may be wide. */
  leftText(line: Line, gap: Gap): string[] {
    let text = this.lefts.get(gap);
    if (text === undefined) {
      text = line.chars.slice(Math.max(0, gap.start - MAX_COLUMN_WIDTH), gap.start).filter((ch) => !isSpace(ch));
      this.lefts.set(gap, text);
    }
    return text;
  }
}

function piece(line: Line, from: number, to: number, blanksBefore: number): Line {
  let start = from;
  let end = to;
  while (start < end && isSpace(line.chars[start]!)) start++;
  while (end > start && isSpace(line.chars[end - 1]!)) end--;
  return { number: line.number, chars: line.chars.slice(start, end), origins: line.origins.slice(start, end), blanksBefore, indent: 0 };
}

/** A right slot with `margin` is a line at the margin read as the right column's by its width alone (`rightAtMargin`). */
type Slot = { kind: 'split'; gap: Gap; near: boolean } | { kind: 'left' } | { kind: 'right'; margin?: boolean };

interface Block {
  start: number;
  end: number;
  slots: Slot[];
  /** Lines split near `x`. */
  matched: number;
  /** Split lines whose gap is a run of spaces. */
  wide: number;
  x: number;
  /** The right column's width: the left one's, or more where the block's first line shows a wider one. */
  rx: number;
  /** The measure `x` and `rx` are counted in. */
  shapes: LineShapes;
}

/** Splits blocks read straight across into a left stream then a right stream (recursing for a third column). */
function splitAcross(lines: Line[], judge: SeamJudge, blanks: number, notes: Note[], pieces: Set<Line>, depth: number, done: ReadonlySet<Line>, shapes: readonly LineShapes[]): Line[] {
  const out: Line[] = [];
  let i = 0;
  let floor = 0;
  while (i < lines.length) {
    const found = depth < 3 && !done.has(lines[i]!) ? findBlock(lines, i, blanks, floor, judge, done, shapes) : null;
    if (found !== null) rightAlone(lines, found, judge);
    if (found === null || !columnsRunDown(lines, found, judge)) {
      out.push(lines[i]!);
      i++;
      continue;
    }
    const block = largerOverlapping(lines, found, i, blanks, floor, judge, done, shapes);
    // lines the block reached back over were pushed unsplit: take them back (or push the lines
    // before a block sought further down)
    if (block.start <= i) out.length -= i - block.start;
    else for (; i < block.start; i++) out.push(lines[i]!);
    const left: Line[] = [];
    const right: Line[] = [];
    let leftGap = false;
    let rightGap = false;
    block.slots.forEach((slot, k) => {
      const line = lines[block.start + k]!;
      const wide = line.blanksBefore > blanks;
      const before = (gap: boolean, first: boolean, stream: 'left' | 'right'): number =>
        first ? (stream === 'left' ? line.blanksBefore : blanks) : wide || gap ? blanks + 1 : blanks;
      if (slot.kind !== 'right') {
        const to = slot.kind === 'split' ? slot.gap.start : line.chars.length;
        left.push(piece(line, 0, to, before(leftGap, left.length === 0, 'left')));
        leftGap = false;
      } else leftGap = true;
      if (slot.kind !== 'left') {
        const from = slot.kind === 'split' ? slot.gap.end : 0;
        right.push(piece(line, from, line.chars.length, before(rightGap, right.length === 0, 'right')));
        rightGap = false;
      } else rightGap = true;
    });
    for (const p of [...left, ...right]) pieces.add(p);
    const first = lines[block.start]!.number;
    const last = lines[block.end - 1]!.number;
    notes.push({
      rule: 'clean/columns#read-across',
      reason: `raw lines ${first}–${last} hold two columns read straight across (gap after ${block.x} characters${block.shapes.measure === 'units' ? ' of printed width' : ''}); read left column, then right`,
      severity: 'info',
      line: first,
    });
    // a third column, on either side of the boundary found: each stream is searched again, and
    // split only on the same evidence as the page (three columns joined by single spaces are as
    // common as by runs of spaces: --layout three of bench/clean-damage.mjs 0.741 -> 0.787 whole)
    const more = (stream: Line[]): Line[] => splitAcross(stream, judge, blanks, notes, pieces, depth + 1, done, shapes);
    appendAll(out, more(left));
    appendAll(out, more(right));
    i = block.end;
    floor = i;
  }
  return out;
}

/**
 * The block to split in place of `block` (sought from line `from`): a longer one that overlaps it,
 * sought from one of its other lines, where the columns run down it too. A block sought from a
 * line whose right part is narrow takes the right column for as narrow, and ends at the first
 * wider right line; taken as it is, it leaves the rest of the page to a block that cannot reach
 * back over it (bench/clean-damage.mjs --layout unequal: a short block accepted above the page's).
 */
function largerOverlapping(lines: Line[], block: Block, from: number, blanks: number, floor: number, judge: SeamJudge, done: ReadonlySet<Line>, shapes: readonly LineShapes[]): Block {
  let best = block;
  for (let j = block.end; j < Math.min(lines.length, block.end + 2); j++) {
    if (done.has(lines[j]!)) continue;
    const other = findBlock(lines, j, blanks, floor, judge, done, shapes);
    if (other === null || other.start > block.start || other.end <= best.end || other.wide < best.wide || other.matched < best.matched + MIN_BLOCK) continue;
    const extra = other.slots.slice(best.end - other.start);
    if (3 * extra.filter((slot) => slot.kind === 'split').length < 2 * extra.length) continue;
    rightAlone(lines, other, judge);
    if (columnsRunDown(lines, other, judge)) best = other;
  }
  return best;
}

/**
 * The longest block starting at `start` whose lines share a gap position, extended back over
 * the lines before it (down to `floor`) that fit the same columns.
 */
function findBlock(lines: Line[], start: number, blanks: number, floor: number, judge: SeamJudge, done: ReadonlySet<Line>, measures: readonly LineShapes[]): Block | null {
  let best: Block | null = null;
  // columns need not be equally wide: besides a right column as wide as the left, one as wide as
  // the right part of the line the block is sought from, where that is wider (up to twice as
  // wide); it wins only where it fits more lines. By characters first, then by printed width
  // (`Measure`), which likewise wins only where it fits more lines
  for (const shapes of measures) {
    const { gaps, content } = shapes.of(lines[start]!);
    let tried = 0;
    for (const gap of gaps) {
      if (gap.left > MAX_COLUMN_WIDTH) continue;
      if (tried++ >= MAX_GAPS_TRIED) break;
      // (asked once per gap, whatever the right column's width)
      if (!mayHoldBlock(lines, start, gap, blanks, floor, done, shapes)) continue;
      const x = gap.left;
      const wider = content - x > x + Math.max(1, Math.round(x * 0.1));
      for (const rx of wider ? [x, Math.min(2 * x, content - x)] : [x]) {
        const slots: Slot[] = [{ kind: 'split', gap, near: true }];
        for (let j = start + 1; j < lines.length; j++) {
          // a page ends the block; so do blank lines across both columns, beyond one blank row
          // (one row is the usual blank lines, plus one line, plus its own usual blank lines)
          if (lines[j]!.pageBreakBefore || lines[j]!.blanksBefore > 2 * blanks + 1 || done.has(lines[j]!)) break;
          const slot = slotOf(lines[j]!, x, rx, shapes);
          if (slot === null) break;
          slots.push(slot);
        }
        // the text after the columns may be set in one column of their width, and fit the left one:
        // the block ends before the tail where lines not split most outnumber split ones
        slots.length = beforeLoneMargin(slots, (k) => lines[start + k]!, (k) => k + 1, judge);
        const kept = weakTail(slots);
        let lastMatched = 0;
        for (let k = 0; k < kept; k++) if (slots[k]!.kind === 'split') lastMatched = k;
        // the lines above that fit the same columns, nearest first
        const upper: Slot[] = [];
        let first = start;
        while (first - 1 >= floor && !done.has(lines[first - 1]!) && !lines[first]!.pageBreakBefore && lines[first]!.blanksBefore <= 2 * blanks + 1) {
          const slot = slotOf(lines[first - 1]!, x, rx, shapes);
          if (slot === null) break;
          upper.push(slot);
          first--;
        }
        // (nearest first, after the block's first line: the line below each is the one before it)
        upper.length = beforeLoneMargin([slots[0]!, ...upper], (k) => lines[start - k]!, (k) => k - 1, judge) - 1;
        first = start - upper.length;
        upper.reverse();
        // lines above that fit the left column may be the text before the columns (a page set in
        // one column of the same width, a noise space near the boundary now and then): the block
        // starts after the prefix where lines not split most outnumber split ones. Those lines read
        // in place either way, and taken into the block they would outweigh its split lines
        // (only over the lines reached back to: the block must hold the line it was sought from)
        const lead = weakPrefix(upper);
        first += lead;
        // the block's split lines are now known: the left lines that may follow the last one add
        // none. Where they make no block, or none better than the best, the words are not asked
        // about those left lines (most gaps tried in a page of one column end here)
        const counted = [...upper.slice(lead), ...slots.slice(0, lastMatched + 1)];
        let matched = 0;
        for (const slot of counted) if (slot.kind === 'split' && slot.near) matched++;
        const splits = counted.filter((slot) => slot.kind === 'split').length;
        const wide = counted.filter((slot) => slot.kind === 'split' && slot.gap.end - slot.gap.start >= 2).length;
        // lines that fit the columns but are not split (a short left line, a right line alone) are
        // fine, as long as split lines make up half the block
        const enough = matched >= MIN_BLOCK || (wide >= 2 && matched >= 2 && splits >= MIN_BLOCK);
        if (!enough || splits * 2 < counted.length || (best !== null && !(wide > best.wide || (wide === best.wide && matched > best.matched)))) continue;
        // left lines straight after the last split one are the left column running on below a
        // shorter right column, unless the words say the text after the columns starts there: the
        // right column's last line runs on into the line more than the line above does, or the line
        // above runs on into the right column's first line more (the left column ends above)
        const rightEnd = lastRightText(lines, start, slots, lastMatched);
        const rightTop = lines[start]!.chars.slice((slots[0] as Extract<Slot, { kind: 'split' }>).gap.end);
        let end = lastMatched + 1;
        while (end < slots.length && slots[end]!.kind === 'left' && lines[start + end]!.blanksBefore <= blanks && lines[start + end]!.role === undefined) {
          const line = lines[start + end]!;
          const above = slots[end - 1]!;
          const aboveText = above.kind === 'split' ? lines[start + end - 1]!.chars.slice(0, above.gap.start) : lines[start + end - 1]!.chars;
          const runsOn = judge.continuity(aboveText, line.chars);
          if (judge.continuity(rightEnd, line.chars) > runsOn || judge.continuity(aboveText, rightTop) > runsOn) break;
          end++;
        }
        const block = [...counted, ...slots.slice(lastMatched + 1, end)];
        if (splits * 2 >= block.length) best = { start: first, end: first + block.length, slots: block, matched, wide, x, rx, shapes };
      }
    }
  }
  return best === null ? null : reslot(lines, best, best.shapes);
}

/**
 * False when no block split after `gap` of line `start` can pass `findBlock`'s test for enough
 * split lines, so its slots need not be asked for. That test wants two more lines split near the
 * boundary (one, when two split lines have a run of spaces for a gap), and split lines making up
 * half of the lines counted, a run that holds `start`. Taken wide here, from the lines' shapes
 * alone: the run may reach as far as the stops `findBlock` makes whatever the slots (a page, a wide
 * blank, a line done, the floor) and the lines `slotOf` rejects on their shape; a line may be
 * split when it has a gap up to the boundary, split near it when a gap lies within the tolerance.
 * Over the OCR-spaced half of the benchmark corpus nearly every gap tried is a noise space no such
 * run holds: over the 19 such files among bench/stages' 40, slotOf calls 114,753 → 15,367 and
 * clean 0.40 → 0.34 s CPU (warm, min of 4).
 */
function mayHoldBlock(lines: Line[], start: number, gap: Gap, blanks: number, floor: number, done: ReadonlySet<Line>, shapes: LineShapes): boolean {
  const x = gap.left;
  const tolerance = toleranceOf(x, shapes.measure);
  let wide = gap.end - gap.start >= 2 ? 1 : 0;
  // the widest right column findBlock tries: a line no wider may be that column's line alone (rightAtMargin)
  const startContent = shapes.of(lines[start]!).content;
  const widest = startContent - x > x + Math.max(1, Math.round(x * 0.1)) ? Math.max(x, Math.min(2 * x, startContent - x)) : x;
  /** NEAR: may be split near x, 1: may be split, 0: never split, -1: ends every run (slotOf's null). */
  const fit = (line: Line): number => {
    const { gaps, leading, content } = shapes.of(line);
    if (leading >= Math.max(2, x / 2)) return 0; // a right line alone
    if (gaps.length === 0 || gaps[0]!.left > x + tolerance) return content > widest + tolerance ? -1 : 0;
    let near = false;
    let hasWide = false;
    for (const g of gaps) {
      if (g.left > x + tolerance) break;
      if (Math.abs(g.left - x) <= tolerance) near = true;
      if (g.end - g.start >= 2) hasWide = true;
    }
    if (hasWide) wide++;
    return near ? NEAR : 1;
  };
  const ends = (line: Line): boolean => !!line.pageBreakBefore || line.blanksBefore > 2 * blanks + 1;
  const above: number[] = [];
  for (let k = start - 1; k >= floor && !done.has(lines[k]!) && !ends(lines[k + 1]!); k--) {
    const f = fit(lines[k]!);
    if (f < 0) break;
    above.push(f);
  }
  const fits = above.reverse();
  const at = fits.length;
  fits.push(NEAR);
  for (let k = start + 1; k < lines.length && !ends(lines[k]!) && !done.has(lines[k]!); k++) {
    const f = fit(lines[k]!);
    if (f < 0) break;
    fits.push(f);
  }
  return runHolds(fits, at, wide >= 2 ? 1 : 2);
}

const NEAR = 2;

/**
 * True when some run of `fits` holding `at` holds `more` near lines besides it and no fewer lines
 * that may be split (fit > 0) than lines that cannot. With prefix sums P of ±1, a run [a, b] may be
 * widened freely, so the best run holding lines L..R scores max P[R+1..] − min P[..L].
 */
function runHolds(fits: readonly number[], at: number, more: number): boolean {
  const n = fits.length;
  const prefix = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + (fits[i]! > 0 ? 1 : -1);
  const lowest = new Int32Array(n + 1);
  lowest[0] = prefix[0]!;
  for (let i = 1; i <= n; i++) lowest[i] = Math.min(lowest[i - 1]!, prefix[i]!);
  const highest = new Int32Array(n + 1);
  highest[n] = prefix[n]!;
  for (let i = n - 1; i >= 0; i--) highest[i] = Math.max(highest[i + 1]!, prefix[i]!);
  const left: number[] = [];
  for (let i = at - 1; i >= 0 && left.length < more; i--) if (fits[i] === NEAR) left.push(i);
  const right: number[] = [];
  for (let i = at + 1; i < n && right.length < more; i++) if (fits[i] === NEAR) right.push(i);
  for (let l = 0; l <= more; l++) {
    const r = more - l;
    if (l > left.length || r > right.length) continue;
    const from = l === 0 ? at : left[l - 1]!;
    const to = r === 0 ? at : right[r - 1]!;
    if (highest[to + 1]! - lowest[from]! >= 0) return true;
  }
  return false;
}

/**
 * Re-slots as the right column's a line of the block read as a left one, where the left cell of
 * its row was empty (a blank line between paragraphs) and the engine wrote the right cell alone
 * at the margin: a full line, not ending a sentence, that runs on into the next row's right
 * part more than into its left part, and more than the left text above runs on into it.
 */
function rightAlone(lines: readonly Line[], block: Block, judge: SeamJudge): void {
  const tolerance = toleranceOf(block.x, block.shapes.measure);
  const last = lastSplit(block.slots);
  for (let k = 1; k < last; k++) {
    const slot = block.slots[k]!;
    const next = block.slots[k + 1]!;
    if (slot.kind !== 'left' || next.kind !== 'split') continue;
    const line = lines[block.start + k]!;
    const text = line.chars.filter((ch) => !isSpace(ch));
    if (contentLength(line, block.shapes.measure) < block.rx - tolerance || endsSentence(text)) continue;
    const below = lines[block.start + k + 1]!.chars;
    const down = judge.continuity(line.chars, below.slice(next.gap.end));
    if (down === 0 || down <= judge.continuity(line.chars, below.slice(0, next.gap.start))) continue;
    const above = block.slots[k - 1]!;
    const aboveLeft = above.kind === 'split' ? lines[block.start + k - 1]!.chars.slice(0, above.gap.start) : above.kind === 'left' ? lines[block.start + k - 1]!.chars : [];
    if (judge.continuity(aboveLeft, line.chars) >= down) continue;
    block.slots[k] = { kind: 'right' };
  }
}

/**
 * How many of `slots` (in order away from the block's first line, the line of slot k `lineOf(k)`,
 * the slot of the row below it `below(k)`) to keep: up to the first line at the margin read as the
 * right column's by its width alone (`rightAtMargin`) that the words do not place there. The empty
 * left cell beside it is a blank line between two paragraphs of the left column, which goes on
 * beside the right one on the next row: that row must be split, and the line must run on into its
 * right part, more than into its left part (as `rightAlone` asks of a line read as the left
 * column's). Otherwise it is more likely a line of one wider column below or above the columns,
 * or a long line of the left column (bench/clean-damage --layout ragged: taken in, such lines
 * carried blocks on to stray gaps).
 */
function beforeLoneMargin(slots: readonly Slot[], lineOf: (k: number) => Line, below: (k: number) => number, judge: SeamJudge): number {
  for (let k = 1; k < slots.length; k++) {
    const slot = slots[k]!;
    if (slot.kind !== 'right' || !slot.margin) continue;
    const next = slots[below(k)];
    if (next?.kind !== 'split') return k;
    const text = lineOf(k).chars;
    const row = lineOf(below(k)).chars;
    const down = judge.continuity(text, row.slice(next.gap.end));
    if (down < judge.continuity(text, row.slice(0, next.gap.start))) return k;
  }
  return slots.length;
}

/** A line that fits only the left column weighs against a block; a split line or a right one for it. */
const weight = (slot: Slot): number => (slot.kind === 'left' ? -1 : 1);

/** How many of the first slots to drop: the prefix whose weights sum lowest, when below zero. */
function weakPrefix(slots: readonly Slot[]): number {
  let balance = 0;
  let lowest = 0;
  let cut = 0;
  for (let k = 0; k < slots.length; k++) {
    balance += weight(slots[k]!);
    if (balance < lowest) [lowest, cut] = [balance, k + 1];
  }
  return cut;
}

/** Where to end the block: before the tail (never slot 0) whose weights sum lowest, when below zero. */
function weakTail(slots: readonly Slot[]): number {
  let balance = 0;
  let lowest = 0;
  let cut = slots.length;
  for (let k = slots.length - 1; k > 0; k--) {
    balance += weight(slots[k]!);
    if (balance < lowest) [lowest, cut] = [balance, k];
  }
  return cut;
}

/** The right column's last text in the block up to slot `last`: what text after the block would run on from. */
function lastRightText(lines: readonly Line[], start: number, slots: readonly Slot[], last: number): string[] {
  for (let k = last; k >= 0; k--) {
    const slot = slots[k]!;
    if (slot.kind === 'split') return lines[start + k]!.chars.slice(slot.gap.end);
    if (slot.kind === 'right') return lines[start + k]!.chars;
  }
  return [];
}

/**
 * Places every line of the block again against the boundary most split lines agree on (the
 * median gap position), so the line that opened the block, whose gap was only a guess, is
 * split where the others are.
 */
function reslot(lines: Line[], block: Block, shapes: LineShapes): Block {
  const lefts = block.slots
    .filter((slot): slot is Extract<Slot, { kind: 'split' }> => slot.kind === 'split' && slot.near)
    .map((slot) => slot.gap.left)
    .sort((a, b) => a - b);
  // the most common position, where one stands out (full left lines all end at the boundary;
  // noise spaces near it scatter), else the median
  const counts = new Map<number, number>();
  for (const left of lefts) counts.set(left, (counts.get(left) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const mode = ranked.length > 0 && (ranked.length === 1 || ranked[0]![1] > ranked[1]![1]) ? ranked[0]![0] : undefined;
  const x = mode ?? lefts[Math.floor(lefts.length / 2)]!;
  if (x === block.x) return block;
  const slots = block.slots.map((slot, k) => slotOf(lines[block.start + k]!, x, block.rx, shapes) ?? slot);
  return { ...block, slots, x };
}

/** How a line fits columns split after `x` characters, the right one `rx` wide, or null when it does not. */
function slotOf(line: Line, x: number, rx: number, shapes: LineShapes): Slot | null {
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
  // with a single space, the right part is one line of the right column
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
  const scrap = (g: Gap): boolean => right(g) < rx / 2 && runsAcross(g) && !endsSentence(line.chars.slice(g.end).filter((ch) => !isSpace(ch)));
  const nearKept = nearGaps.filter((g) => !scrap(g));
  const near = exact.length === 1 && !scrap(exact[0]!) ? exact[0] : nearest(nearKept.filter((g) => !runsAcross(g)), distance) ?? nearest(nearKept, distance);
  // a short left line (a paragraph's last line, a heading): the gap comes early, after a
  // sentence's end or after text with no clause mark, and the right part is a full line
  const leftText = (g: Gap): string[] => shapes.leftText(line, g);
  const early = fitting.filter((g) => g.left < x - tolerance && !runsAcross(g));
  const ended = early.filter((g) => endsSentence(leftText(g)));
  const headingLike = early.filter((g) => !leftText(g).some((ch) => CLAUSE_MARKS.has(ch)));
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
    if (besideEnd.length === 1) return { kind: 'split', gap: besideEnd[0]!, near: false };
    // a page number left in the left column's cell (`— 2 — 长15%以上；…`): a number between dashes
    // alone beside a full right line (a bare number may be a figure cut from its unit: `2 万人`)
    const folio = fitting.filter((g) => g.left < x - tolerance && PAGE_NUMBER.test(leftText(g).join('')) && right(g) >= rx - tolerance);
    if (folio.length === 1) return { kind: 'split', gap: folio[0]!, near: false };
    return { kind: 'left' };
  }
  return rightAtMargin(total, x, rx, tolerance);
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

/** The index of the block's last split line. */
function lastSplit(slots: readonly Slot[]): number {
  for (let k = slots.length - 1; k >= 0; k--) if (slots[k]!.kind === 'split') return k;
  return -1;
}

/**
 * The lines of the block whose gap could fall at the boundary: up to its last split line (left
 * lines after it are the left column running on below a shorter right column), and not a full
 * left line beside an empty right cell (its text ends at the boundary, with no gap), nor a line
 * split off the boundary after a sentence's end (a paragraph's last line ends wherever its text
 * does). Counted against them, the split lines at exactly the boundary show the page's shape;
 * counted against every line, a page with a few paragraph ends and empty cells did not (one page
 * of bench/clean-damage --layout unequal: 7 of 14 lines exact, 7 of 9 that could be).
 */
function shapedLines(lines: readonly Line[], block: Block): number {
  const tolerance = toleranceOf(block.x, block.shapes.measure);
  let shaped = 0;
  const last = lastSplit(block.slots);
  for (let k = 0; k <= last; k++) {
    const slot = block.slots[k]!;
    const line = lines[block.start + k]!;
    if (slot.kind === 'left' && block.shapes.of(line).content >= block.x - tolerance) continue;
    if (slot.kind === 'split' && slot.gap.left !== block.x && endsSentence(block.shapes.leftText(line, slot.gap))) continue;
    shaped++;
  }
  return shaped;
}

/** True when the text runs on down each column more than across the gap. */
function columnsRunDown(lines: Line[], block: Block, judge: SeamJudge): boolean {
  const left: string[][] = [];
  const right: string[][] = [];
  let across = 0;
  let acrossMean = 0;
  let acrossPairs = 0;
  let wide = 0;
  block.slots.forEach((slot, k) => {
    const line = lines[block.start + k]!;
    if (slot.kind === 'split') {
      const l = line.chars.slice(0, slot.gap.start);
      const r = line.chars.slice(slot.gap.end);
      left.push(l);
      right.push(r);
      if (!endsSentenceIgnoringSpaces(l)) {
        // judged over every gap near the boundary, not only the chosen one: the choice prefers
        // gaps the words do not run across, which would bias the count. A gap at exactly the
        // boundary was chosen by its position alone: the others near it are spaces inside a
        // column, which the words run across as any text does
        const tolerance = toleranceOf(block.x, block.shapes.measure);
        const near = slot.gap.left === block.x ? [] : gapsOf(line, block.shapes.measure).filter((g) => Math.abs(g.left - block.x) <= tolerance);
        const runs = [slot.gap, ...near].map((g) =>
          judge.continuity(line.chars.slice(Math.max(0, g.start - 8), g.start), line.chars.slice(g.end, g.end + 8)),
        );
        across += Math.max(...runs);
        acrossMean += runs.reduce((a, b) => a + b, 0) / runs.length;
        acrossPairs++;
      }
      if (slot.gap.end - slot.gap.start >= 2) wide++;
    } else if (slot.kind === 'left') left.push(line.chars);
    else right.push(line.chars);
  });
  let down = 0;
  let downPairs = 0;
  for (const stream of [left, right]) {
    for (let k = 0; k + 1 < stream.length; k++) {
      if (endsSentenceIgnoringSpaces(stream[k]!)) continue;
      down += judge.continuity(stream[k]!, stream[k + 1]!);
      downPairs++;
    }
  }
  const downRate = downPairs === 0 ? 0 : down / downPairs;
  // runs of spaces lined up over several lines are what an OCR engine writes between columns:
  // split unless the words say the text runs across the gap
  if (wide * 2 >= block.matched) return (acrossPairs === 0 ? 0 : across / acrossPairs) <= downRate + 0.2;
  // between single spaces, the gaps near the boundary are averaged, not the highest taken: of a
  // line's few candidates most are noise spaces inside a column, and the words run across some
  // of them by chance (bench/clean-damage.mjs --seeds 10, columns whole: ragged 0.899 -> 0.903, three 0.804 -> 0.808)
  const acrossRate = acrossPairs === 0 ? 0 : acrossMean / acrossPairs;
  // a single space is also what OCR leaves inside a column: ask for more lines and more words
  // (where the space is only a wrap the OCR joined, words run across it in most lines)
  if (block.matched < MIN_BLOCK + 1 || down < 2) return false;
  // a single space at exactly the boundary on most lines is the page's shape, not chance (a noise
  // space falls at one given place of a line about one time in twenty): split unless the words
  // run on across the gap more than down the columns
  // (counted among the lines that could show it: `shapedLines`)
  const exact = block.slots.filter((slot) => slot.kind === 'split' && slot.gap.left === block.x).length;
  const shaped = shapedLines(lines, block);
  if (exact >= MIN_BLOCK + 1 && exact >= EXACT_SHARE * shaped && downRate >= acrossRate) return true;
  if (downRate >= 2 * acrossRate + 0.3) return true;
  // Where
  // noise spaces are dense, some space falls near any boundary by chance: the aligned lines must
  // then stand out well above that chance.
  const tolerance = toleranceOf(block.x, block.shapes.measure);
  const blockLines = lines.slice(block.start, block.end);
  const splits = block.slots.filter((slot) => slot.kind === 'split').length;
  const spaces = blockLines.reduce((n, line) => n + gapsOf(line).length, 0) - splits;
  const characters = blockLines.reduce((n, line) => n + contentLength(line, block.shapes.measure), 0);
  const chance = Math.min(1, ((2 * tolerance + 1) * spaces) / Math.max(1, characters));
  // a line of the right column alone, standing after the left column's padding, is as good as a split
  const rights = block.slots.filter((slot) => slot.kind === 'right').length;
  if ((splits + rights) / block.slots.length < Math.min(0.9, chance + 0.3)) return false;
  // (the words may run across some gaps by chance where they clearly run down more)
  return block.matched >= MIN_BLOCK + 1 && down >= 2 && downRate + 0.1 >= acrossRate && (acrossRate < 0.4 || downRate >= acrossRate + 0.25);
}

/**
 * Lines that alternate between two columns: within a page (a run of lines up to a dropped page
 * number), each line runs on into the line after next. Slots count raw lines, so a blank line
 * left by a paragraph break in one column keeps the parity, and the page's first slot says which
 * parity is the left column.
 */
function deinterleave(lines: Line[], judge: SeamJudge, blanks: number, notes: Note[], pieces: Set<Line>): Line[] {
  const out: Line[] = [];
  const step = blanks + 1;
  const slot = (line: Line): number => Math.round(line.number / step);
  let i = 0;
  while (i < lines.length) {
    if (pieces.has(lines[i]!)) {
      out.push(lines[i]!);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < lines.length && !pieces.has(lines[j]!) && !lines[j]!.pageBreakBefore) j++;
    const run = lines.slice(i, j);
    if (run.length >= 4 && alternates(run, judge, step)) {
      // the page's first row is the slot after its page number (or the document's first line)
      const pageBreak = run[0]!.pageBreakBefore;
      const leftParity = (pageBreak === undefined ? Math.round(1 / step) : Math.round(pageBreak / step) + 1) % 2;
      const a = run.filter((line) => slot(line) % 2 === leftParity);
      const b = run.filter((line) => slot(line) % 2 !== leftParity);
      for (const stream of [a, b]) {
        stream.forEach((line, k) => {
          if (k === 0) return;
          const slotGap = slot(line) - slot(stream[k - 1]!);
          line.blanksBefore = slotGap > 2 ? blanks + 1 : blanks;
        });
      }
      if (b.length > 0) b[0]!.blanksBefore = blanks;
      notes.push({
        rule: 'clean/columns#alternating',
        reason: `raw lines ${run[0]!.number}–${run[run.length - 1]!.number} alternate between two columns; read one column, then the other`,
        severity: 'info',
        line: run[0]!.number,
      });
      appendAll(out, a);
      appendAll(out, b);
    } else appendAll(out, run);
    i = j;
  }
  return out;
}

function alternates(run: Line[], judge: SeamJudge, step: number): boolean {
  const bySlot = new Map<number, Line>();
  for (const line of run) bySlot.set(Math.round(line.number / step), line);
  // the pairs are known before the judge is asked: each line that does not end a sentence, with
  // the line after it and the line after next
  const nextPairs: [Line, Line][] = [];
  const afterNextPairs: [Line, Line][] = [];
  for (const line of run) {
    if (endsSentenceIgnoringSpaces(line.chars)) continue;
    const slot = Math.round(line.number / step);
    const one = bySlot.get(slot + 1);
    const two = bySlot.get(slot + 2);
    if (one) nextPairs.push([line, one]);
    if (two) afterNextPairs.push([line, two]);
  }
  if (afterNextPairs.length < 3 || nextPairs.length === 0) return false;
  // the line after next first: in a single column it rarely runs on (4% of joins over the
  // benchmark corpus), and below 0.3 the next lines need no judging at all; they stop being
  // judged once they already run on too much (continuity is never negative): clean over 4 MB of
  // the benchmark corpus 1.35 → 1.28 s CPU (first pass, min of 3)
  // Continuity is at most 2, and 0 where no word can cross the join (a table look-up): the joins
  // to the line after next are judged only while those left could still lift the rate to 0.3
  // (jieba cuts for clean over 4 MB: 6,259 → 4,665)
  const open = afterNextPairs.filter(([line, two]) => judge.mayContinue(line.chars, two.chars));
  let afterNext = 0;
  for (let k = 0; k < open.length; k++) {
    if ((afterNext + 2 * (open.length - k)) / afterNextPairs.length < 0.3) return false;
    afterNext += judge.continuity(open[k]![0].chars, open[k]![1].chars);
  }
  const afterNextRate = afterNext / afterNextPairs.length;
  if (afterNextRate < 0.3) return false;
  let next = 0;
  for (const [line, one] of nextPairs) {
    next += judge.continuity(line.chars, one.chars);
    if (afterNextRate < next / nextPairs.length + 0.2) return false;
  }
  return true;
}

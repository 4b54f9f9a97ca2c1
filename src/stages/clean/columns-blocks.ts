/**
 * columns-blocks: finding a candidate block of lines read straight across and its boundary. From
 * a line, each of its gaps is tried as the boundary; the lines below and above that fit the same
 * columns make the block, trimmed where lines of one column outweigh split ones, then re-slotted
 * against the boundary most lines agree on. Whether the block is split is not decided here
 * (`columns-evidence.ts` asks the words), only which block is the candidate.
 */
import { CLAUSE_MARKS, CLOSERS, endsSentence, endsSentenceWithin, holdsClauseMark, isSpace } from './chars.js';
import type { Line } from './lines.js';
import type { SeamJudge } from './seam.js';
import { type Block, type Gap, type LineShapes, type Measure, type Slot, type Wide, MAX_COLUMN_WIDTH, MIN_BLOCK, lastSplit, toleranceOf, widthAt } from './columns-shapes.js';
import { slotOf } from './columns-slots.js';

/** How many gaps of a line are tried as the column boundary. */
const MAX_GAPS_TRIED = 8;

/**
 * The longest block starting at `start` whose lines share a gap position, extended back over
 * the lines before it (down to `floor`) that fit the same columns.
 */
export function findBlock(lines: Line[], start: number, blanks: number, floor: number, judge: SeamJudge, done: ReadonlySet<Line>, measures: readonly LineShapes[], walks: WalkBounds): Block | null {
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
      if (!mayHoldBlock(lines, start, gap, blanks, floor, done, shapes, walks)) continue;
      const x = gap.left;
      const wider = content - x > x + Math.max(1, Math.round(x * 0.1));
      for (const rx of wider ? [x, Math.min(2 * x, content - x)] : [x]) {
        const slots: Slot[] = [{ kind: 'split', gap, near: true }];
        for (let j = start + 1; j < lines.length; j++) {
          // a page ends the block; so do blank lines across both columns, beyond one blank row
          // (one row is the usual blank lines, plus one line, plus its own usual blank lines)
          if (lines[j]!.pageBreakBefore || lines[j]!.blanksBefore > 2 * blanks + 1 || done.has(lines[j]!)) break;
          const slot = slotOf(lines[j]!, x, rx, shapes, lines[j - 1]);
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
          const slot = slotOf(lines[first - 1]!, x, rx, shapes, lines[first - 2]);
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
        // none after a last split row whose left cell is page furniture (`本版撰稿：孟凡明 | ，改造…`):
        // the left column's page ended with it, so the lines below are the text after the columns
        const lastRow = slots[lastMatched] as Extract<Slot, { kind: 'split' }>;
        const footed = shapes.isFurniture(lines[start + lastMatched]!.chars.slice(0, lastRow.gap.start).join('').trim());
        while (!footed && end < slots.length && slots[end]!.kind === 'left' && lines[start + end]!.blanksBefore <= blanks && lines[start + end]!.role === undefined) {
          const line = lines[start + end]!;
          // a line shorter than the left column that ends no sentence but holds a clause mark is
          // none of its lines (only a paragraph's last line or a heading leaves a column short): a
          // line of another width, the text after the columns
          const { content } = shapes.of(line);
          if (content < x - toleranceOf(x, shapes.measure) && holdsClauseMark(line.chars, 0, line.chars.length) && !endsSentence(line.chars.filter((ch) => !isSpace(ch)))) break;
          const above = slots[end - 1]!;
          const aboveText = above.kind === 'split' ? lines[start + end - 1]!.chars.slice(0, above.gap.start) : lines[start + end - 1]!.chars;
          const runsOn = judge.continuity(aboveText, line.chars);
          if (judge.continuity(rightEnd, line.chars) > runsOn || judge.continuity(aboveText, rightTop) > runsOn) break;
          end++;
        }
        // (none where they would outnumber the split lines: so many lines of one column's width
        // after the columns are the text after them, set in one column of that width, and taken in
        // they made the block fail the test below, left unsplit. bench/clean-damage.mjs --seeds 10,
        // whole / start F1: --layout mixed 0.915 / 0.839 -> 0.917 / 0.840)
        if (splits * 2 < counted.length + end - lastMatched - 1) end = lastMatched + 1;
        const block = [...counted, ...slots.slice(lastMatched + 1, end)];
        best = { start: first, end: first + block.length, slots: block, matched, wide, x, rx, shapes };
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
 * split when it has a run of spaces up to the boundary, or a single space that `mayChoose` allows,
 * split near it when that gap lies within the tolerance.
 * Over the OCR-spaced half of the benchmark corpus nearly every gap tried is a noise space no such
 * run holds: over the 19 such files among bench/stages' 40, slotOf calls 114,753 → 15,367 and
 * clean 0.40 → 0.34 s CPU (warm, min of 4). With `mayChoose` (a noise space in a line of prose
 * splits nothing): slotOf calls over those 40 files 19,907 → 6,362, the across search 621 → 438 ms
 * of a clean-only profile (40 files × 3).
 */
function mayHoldBlock(lines: Line[], start: number, gap: Gap, blanks: number, floor: number, done: ReadonlySet<Line>, shapes: LineShapes, walks: WalkBounds): boolean {
  const x = gap.left;
  const tolerance = toleranceOf(x, shapes.measure);
  let wide = gap.end - gap.start >= 2 ? 1 : 0;
  // the widest right column findBlock tries (the narrowest is as wide as the left one)
  const startContent = shapes.of(lines[start]!).content;
  const widest = startContent - x > x + Math.max(1, Math.round(x * 0.1)) ? Math.max(x, Math.min(2 * x, startContent - x)) : x;
  /**
   * Whether slotOf may split `line` at a single space `g`: the part after it fits the right
   * column (slotOf's `fitting`), and away from the boundary, the text before it ends a sentence or
   * holds no clause mark (a short left line, a heading, a page number), or the part after it fills
   * the column (furniture in the left cell). A noise space inside a line of prose is none of these.
   */
  const mayChoose = (line: Line, content: number, g: Gap, isNear: boolean): boolean => {
    const right = content - g.left;
    if (right > widest + tolerance) return false;
    if (isNear || right >= x - tolerance) return true;
    // the text slotOf's leftText reads, spaces left out
    const from = Math.max(0, g.start - MAX_COLUMN_WIDTH);
    return endsSentenceWithin(line.chars, from, g.start) || !holdsClauseMark(line.chars, from, g.start);
  };
  /** NEAR: may be split near x, 1: may be split, 0: never split, -1: ends every run (slotOf's null). */
  const fit = (line: Line): number => {
    const { gaps, leading, content } = shapes.of(line);
    if (leading >= Math.max(2, x / 2)) return 0; // a right line alone
    // a line no wider than the right column may be its line alone (rightAtMargin)
    if (gaps.length === 0 || gaps[0]!.left > x + tolerance) return content > widest + tolerance ? -1 : 0;
    let near = false;
    let split = false;
    let hasWide = false;
    for (const g of gaps) {
      if (g.left > x + tolerance) break;
      const isWide = g.end - g.start >= 2;
      if (isWide) hasWide = true;
      const isNear = Math.abs(g.left - x) <= tolerance;
      if (!isWide && !mayChoose(line, content, g, isNear)) continue;
      split = true;
      if (isNear) near = true;
    }
    if (hasWide) wide++;
    return near ? NEAR : split ? 1 : 0;
  };
  const ends = (line: Line): boolean => !!line.pageBreakBefore || line.blanksBefore > 2 * blanks + 1;
  // Each side is summed as it is scanned, no list of fits kept: a side's best sum of ±1 (may be
  // split or not) over the lines from the start outwards, over runs reaching its c-th near line
  // (c = 0, 1, 2). A run must reach `more` near lines besides the start's, l above and the rest
  // below, and score at least 0 (the start itself counts 1, below). On a hard-wrapped page a gap
  // near the line's end fits nearly every line of the page, so each such gap scanned the page:
  // 10 MB corpus, the across search alone, warm, min of 5: 0.21–0.22 → 0.19 s CPU.
  // Both walks end as soon as the lines further on can no longer change the answer (exact: see
  // WalkBounds). The answer wants a run, up[l] + down[r] >= 0 with l + r = more; every sum only
  // grows and `more` only falls as lines are scanned, so one that holds now holds at the end, and
  // one that fails with more = 1 fails with 2 as well.
  const holds = (more: number, rest: number): boolean => {
    for (let l = 0; l <= Math.min(more, nearUp); l++) if (up[l]! + Math.max(down[more - l]!, rest) >= 0) return true;
    return false;
  };
  const up = [0, -Infinity, -Infinity];
  let nearUp = 0;
  let sum = 0;
  // what any run below can score at most: the start's 1 and the best the lines below can add
  const downMost = 1 + walks.below(start + 1);
  for (let k = start - 1; k >= floor && !done.has(lines[k]!) && !ends(lines[k + 1]!); k--) {
    const f = fit(lines[k]!);
    if (f < 0) break;
    sum += f > 0 ? 1 : -1;
    if (f === NEAR && nearUp < 2) up[++nearUp] = sum;
    for (let c = 0; c <= nearUp; c++) if (sum > up[c]!) up[c] = sum;
    // the lines further up can raise no run to a score any run below makes up for, nor add to `wide`
    if (sum + walks.above(k - 1) + downMost < 0 && (wide >= 2 || !walks.wideBetween(floor, k))) break;
  }
  const down = [1, -Infinity, -Infinity];
  let nearDown = 0;
  sum = 1;
  for (let k = start + 1; k < lines.length && !ends(lines[k]!) && !done.has(lines[k]!); k++) {
    const f = fit(lines[k]!);
    if (f < 0) break;
    sum += f > 0 ? 1 : -1;
    if (f === NEAR && nearDown < 2) down[++nearDown] = sum;
    for (let c = 0; c <= nearDown; c++) if (sum > down[c]!) down[c] = sum;
    if (holds(wide >= 2 ? 1 : 2, -Infinity)) return true;
    // no run reaching further down scores more than `sum` and what the lines below can add
    if (!holds(1, sum + walks.below(k + 1))) return false;
  }
  return holds(wide >= 2 ? 1 : 2, -Infinity);
}

const NEAR = 2;

/**
 * Bounds on what `mayHoldBlock`'s walks over `lines` can add to their sums, so that a walk ends
 * once the lines further on cannot change its answer: a walk adds 1 for a line that may be split
 * and takes 1 off for one that may not, and no line without a gap may be split, whatever the
 * boundary. So a walk from a line on can add at most the best sum of +1 for each line with a gap
 * and -1 for each without, over the lines from it on (ignoring where a walk must stop, which only
 * takes lines away). On a hard-wrapped page with noise spaces, where each tried gap near the
 * lines' end walked the whole page, the walks now end within a few lines of the start.
 * Measured once per list of lines, on first use.
 */
export class WalkBounds {
  private belowFrom: Int32Array | undefined;
  private aboveFrom: Int32Array | undefined;
  private wideUpTo: Int32Array | undefined;

  constructor(
    private readonly lines: readonly Line[],
    private readonly shapes: LineShapes,
  ) {}

  /** The most a walk down from line `k` (itself included) can add: 0 past the last line. */
  below(k: number): number {
    if (this.belowFrom === undefined) this.measure();
    return k >= this.lines.length ? 0 : this.belowFrom![k]!;
  }

  /** The most a walk up from line `k` (itself included) can add: 0 before the first line. */
  above(k: number): number {
    if (this.aboveFrom === undefined) this.measure();
    return k < 0 ? 0 : this.aboveFrom![k]!;
  }

  /** Whether a line in `[from, to)` has a run of spaces for a gap (what `wide` counts). */
  wideBetween(from: number, to: number): boolean {
    if (this.wideUpTo === undefined) this.measure();
    return to > from && this.wideUpTo![to]! > this.wideUpTo![from]!;
  }

  private measure(): void {
    const n = this.lines.length;
    const step = new Int8Array(n);
    const wide = new Int32Array(n + 1);
    for (let k = 0; k < n; k++) {
      const { gaps } = this.shapes.of(this.lines[k]!);
      step[k] = gaps.length > 0 ? 1 : -1;
      let hasWide = 0;
      for (const g of gaps) if (g.end - g.start >= 2) hasWide = 1;
      wide[k + 1] = wide[k]! + hasWide;
    }
    const below = new Int32Array(n);
    for (let k = n - 1, next = 0; k >= 0; k--) next = below[k] = Math.max(0, step[k]! + next);
    const above = new Int32Array(n);
    for (let k = 0, previous = 0; k < n; k++) previous = above[k] = Math.max(0, step[k]! + previous);
    this.belowFrom = below;
    this.aboveFrom = above;
    this.wideUpTo = wide;
  }
}

/**
 * How much `right` runs on from `left`: the judge's word or number evidence, else 1 where `right`
 * opens with a mark no text opens with (`。`, `，`, `）`, `”`): a line wrapped at exactly N
 * characters can put the end of a sentence first on the next row, where no word crosses the join
 * (`…比重为61.2%` + `。社会消费品…`).
 */
function runsOn(judge: SeamJudge, left: readonly string[], right: readonly string[]): number {
  const words = judge.continuity(left, right);
  if (words > 0) return words;
  const first = right.find((ch) => !isSpace(ch));
  return first !== undefined && (CLAUSE_MARKS.has(first) || CLOSERS.has(first) || first === '、') && left.some((ch) => !isSpace(ch)) ? 1 : 0;
}

/**
 * Re-slots as the right column's a line of the block read as a left one, where the left cell of
 * its row was empty (a blank line between paragraphs) and the engine wrote the right cell alone
 * at the margin: a full line, not ending a sentence, that runs on into the next row's right
 * part more than into its left part, and more than the left text above runs on into it; or one
 * that runs on from the right part of the split row above (`continuesRight`; full, or as wide as
 * that right part: the right column's width may change from paragraph to paragraph); or one, full
 * or ending a sentence, below a split row whose left part ended a sentence and whose right part did
 * not (`endedLeftOnly`: only the left column can have broken between paragraphs there); or one that
 * ends no sentence, below a left part that ends one, as wide as the right column's lines and
 * narrower than the left column's (`narrowerThanLeft`: a left line that ends no sentence fills its
 * column); or a full one below a line alone that ends the left column's paragraph (`besideTwoBreaks`).
 * bench/clean-damage --seeds 10, whole / start F1, for `endedLeftOnly`: --layout mixed 0.917 /
 * 0.840 -> 0.919 / 0.846, --style hard 0.928 / 0.875 -> 0.932 / 0.885. For the last three, seeds
 * 1-10 / 11-20: mixed 0.933 / 0.860 -> 0.935 / 0.865 and 0.919 / 0.858 -> 0.920 / 0.860.
 */
export function rightAlone(lines: readonly Line[], block: Block, judge: SeamJudge): void {
  const tolerance = toleranceOf(block.x, block.shapes.measure);
  const last = lastSplit(block.slots);
  // the right column's width as its split lines show it: `rx` is the search's guess, which may
  // be the left width where the right column is narrower (bench/clean-damage --layout unequal)
  let widestRight = 0;
  for (let k = 0; k < block.slots.length; k++) {
    const slot = block.slots[k]!;
    if (slot.kind !== 'split') continue;
    // (the part after the gap: the line's text beyond what lies before it)
    widestRight = Math.max(widestRight, block.shapes.of(lines[block.start + k]!).content - slot.gap.left);
  }
  const full = Math.min(block.rx, widestRight) - tolerance;
  const lefts = [medianLeft(lines, block, 'chars'), medianLeft(lines, block, 'units')] as const;
  for (let k = 1; k < last; k++) {
    const slot = block.slots[k]!;
    const next = block.slots[k + 1]!;
    const above = block.slots[k - 1]!;
    if (slot.kind !== 'left') continue;
    const line = lines[block.start + k]!;
    const text = line.chars.filter((ch) => !isSpace(ch));
    const width = block.shapes.of(line).content;
    const aboveLeft = above.kind === 'split' ? lines[block.start + k - 1]!.chars.slice(0, above.gap.start) : above.kind === 'left' ? lines[block.start + k - 1]!.chars : [];
    const aboveRight = above.kind === 'split' ? lines[block.start + k - 1]!.chars.slice(above.gap.end) : [];
    // (whatever the row below holds: the row above tells; a line shorter than the column ends
    // the right column's paragraph, so it ends a sentence)
    if (above.kind === 'split' && width <= widestRight + tolerance && (width >= full || endsSentence(text)) && endedLeftOnly(aboveLeft, aboveRight, block.shapes.of(lines[block.start + k - 1]!).content - above.gap.left, full)) {
      block.slots[k] = { kind: 'right' };
      continue;
    }
    if (next.kind !== 'split') continue;
    const aboveRightWidth = above.kind === 'split' ? block.shapes.of(lines[block.start + k - 1]!).content - above.gap.left : 0;
    if (width < full && (width < aboveRightWidth - tolerance || width > widestRight + tolerance)) continue;
    if (above.kind === 'split' && continuesRight(judge, aboveLeft, aboveRight, line.chars)) {
      block.slots[k] = { kind: 'right' };
      continue;
    }
    if (above.kind === 'split' && narrowerThanLeft(line, block, width, full, widestRight + tolerance, lefts) && !endsSentence(text) && endsSentence(aboveLeft.filter((ch) => !isSpace(ch)))) {
      block.slots[k] = { kind: 'right' };
      continue;
    }
    if (width >= full && k >= 2 && besideTwoBreaks(lines, block, k)) {
      block.slots[k] = { kind: 'right' };
      continue;
    }
    if (width < full || endsSentence(text)) continue;
    const below = lines[block.start + k + 1]!.chars;
    const down = runsOn(judge, line.chars, below.slice(next.gap.end));
    if (down === 0 || down <= runsOn(judge, line.chars, below.slice(0, next.gap.start))) continue;
    if (judge.continuity(aboveLeft, line.chars) >= down) continue;
    block.slots[k] = { kind: 'right' };
  }
}

/**
 * Whether the full line of slot `k`, alone at the margin below a line alone there, has a blank
 * left cell: the row above that is split, its left part ends no sentence (so the line alone above
 * goes on the left column) and its right part ends one; the line above ends one too. Read as the
 * left column's, the line would leave the right column two blank cells in a row (a break between
 * paragraphs is one); read as the right column's, each column breaks once, after a sentence
 * (`…4860元，` | `…亿元。` , `净增620元。` | `` , `` | `基础设施不断完善…`). Where the left part
 * above ends a sentence too, either line alone may be either column's: no verdict.
 */
function besideTwoBreaks(lines: readonly Line[], block: Block, k: number): boolean {
  const above = block.slots[k - 1]!;
  const twoAbove = block.slots[k - 2]!;
  if (above.kind !== 'left' || twoAbove.kind !== 'split') return false;
  const aboveText = lines[block.start + k - 1]!.chars.filter((ch) => !isSpace(ch));
  const twoAboveLeft = lines[block.start + k - 2]!.chars.slice(0, twoAbove.gap.start).filter((ch) => !isSpace(ch));
  const twoAboveRight = lines[block.start + k - 2]!.chars.slice(twoAbove.gap.end).filter((ch) => !isSpace(ch));
  return !endsSentence(twoAboveLeft) && endsSentence(aboveText) && endsSentence(twoAboveRight);
}

/** The width by `measure` of `line`'s text before character `end`, spaces left out. */
function widthBefore(line: Line, end: number, measure: Measure, wide: Wide): number {
  let width = 0;
  for (let i = 0; i < end; i++) if (!isSpace(line.chars[i]!)) width += widthAt(line, i, measure, wide);
  return width;
}

/** The median width by `measure` of the left parts of the block's lines split near its boundary. */
function medianLeft(lines: readonly Line[], block: Block, measure: Measure): number {
  const widths: number[] = [];
  block.slots.forEach((slot, k) => {
    if (slot.kind === 'split' && slot.near) widths.push(widthBefore(lines[block.start + k]!, slot.gap.start, measure, block.shapes.wide));
  });
  widths.sort((a, b) => a - b);
  return widths.length > 0 ? widths[Math.floor(widths.length / 2)]! : 0;
}

/**
 * Whether the line of slot `k`, alone at the margin, is as wide as the right column's lines
 * (`full` … `widest`) and narrower than the left column's by more than one, by characters and by
 * printed width (`lefts`, the left parts' medians): by printed width alone a left line full of
 * figures looks short; by characters alone a right line full of them looks long. A line of the
 * left column that ends no sentence is a full one: a page wrapped every N characters sets it to
 * exactly N, one set in type to within a character of the width.
 */
function narrowerThanLeft(line: Line, block: Block, width: number, full: number, widest: number, lefts: readonly [number, number]): boolean {
  if (width < full || width > widest) return false;
  return widthBefore(line, line.chars.length, 'chars', block.shapes.wide) < lefts[0] - 1 && widthBefore(line, line.chars.length, 'units', block.shapes.wide) < lefts[1] - 1;
}

/**
 * Whether a full line read as the left column's goes on the right part of the split row above it
 * instead, its left cell empty: the left part above ends a sentence (the blank left cell is a break
 * between paragraphs), and the line runs on from the right part above, more than from the left part
 * (`…农村居民人均可支配收入21840` + `元，增长8.9%，…。`: a figure cut from its unit). The row below
 * gives no evidence where the line ends a sentence (bench/clean-damage --layout ragged).
 */
function continuesRight(judge: SeamJudge, aboveLeft: readonly string[], aboveRight: readonly string[], line: readonly string[]): boolean {
  if (!endsSentence(aboveLeft.filter((ch) => !isSpace(ch)))) return false;
  const up = runsOn(judge, aboveRight, line);
  return up > 0 && up > runsOn(judge, aboveLeft, line);
}

/**
 * Whether a row's left part ends a sentence where its right part, a full line, does not: a line
 * below that fills a column and stands alone goes on the right column, its left cell empty (a
 * break between the left column's paragraphs). Read as the left column's, the right cell beside
 * it would be the empty one, a break between paragraphs after a right line that ends none
 * (`…改造中低产田三万亩。 | …医保财政补助` + `标准提高三十元，…`, where no dictionary word
 * crosses either join). A short right part that ends no sentence may be a heading, after which the
 * right column's break is usual: no verdict then.
 */
function endedLeftOnly(aboveLeft: readonly string[], aboveRight: readonly string[], rightWidth: number, full: number): boolean {
  if (!endsSentence(aboveLeft.filter((ch) => !isSpace(ch)))) return false;
  if (endsSentence(aboveRight.filter((ch) => !isSpace(ch)))) return false;
  return rightWidth >= full;
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
    const down = runsOn(judge, text, row.slice(next.gap.end));
    if (down < runsOn(judge, text, row.slice(0, next.gap.start))) return k;
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
  const slots = block.slots.map((slot, k) => slotOf(lines[block.start + k]!, x, block.rx, shapes, lines[block.start + k - 1]) ?? slot);
  return { ...block, slots, x };
}

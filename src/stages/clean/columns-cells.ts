/**
 * columns-cells: pages of three columns read straight across where nothing pads an empty cell:
 * the cells of a row are joined by a space (or a few), and a row whose cell in one column is
 * empty (a blank line between two paragraphs there, or the column's text ended) holds the other
 * columns' cells only, so its text stands where the empty column's would. Positions then say
 * little about a row's cells; their widths and the words do. Every full cell of a column is
 * about as wide as the column (the text was wrapped to it), a cell narrower than that ends a
 * paragraph, and a column whose last line was full and stopped mid-sentence must go on.
 *
 * A block is found by its boundaries: the gaps of its full rows fall at the same two places,
 * which a line of one column does not reach. Each row is then dealt into the columns (an
 * order-keeping assignment of its fragments, split at every space), scored by the cells' widths
 * and by the seam judge (a fragment that runs on from its column's text is evidence for it), the
 * few best readings of the rows so far kept side by side, so that a row the words cannot place
 * yet is placed by the rows below it. The block is read column by column (`grid.ts`).
 *
 * Apart from `grid.ts`, whose pages pad empty cells so that positions place the cells, and from
 * `columns-across.ts`, which splits two columns at one boundary and recurses for a third: with
 * empty cells unpadded, a row of the first and third columns is split there as if it were the
 * first and second (bench/clean-damage.mjs --layout three: 743 of the 1,142 sentences lost lay on
 * a row with an empty cell, 309 more beside one).
 */
import { CLAUSE_MARKS, endsSentence, endsSentenceIgnoringSpaces, isSpace } from './chars.js';
import type { Line } from './lines.js';
import type { Note } from './notes.js';
import type { SeamJudge } from './seam.js';
import { type Gap, type LineShapes, type Measure, type Shape, type Wide, MAX_COLUMN_WIDTH, toleranceOf, widthAt } from './columns-shapes.js';
import { PAGE_NUMBER } from './columns-slots.js';
import { type Piece, widthOf, writeColumns } from './grid.js';
import { LIST_ITEM } from './paragraphs.js';

/** Columns of a block (three: two boundaries; pages of two are `columns-across.ts`'s). */
const COLUMNS = 3;
/** Full rows (a gap at both boundaries) a block needs. */
const MIN_HITS = 4;
/** Narrowest column, in characters. */
const MIN_WIDTH = 6;
/** Narrowest column of a block, as a share of its widest. */
const NARROWEST_SHARE = 0.5;
/** Lines looked at below a line for a second full row before its boundaries are weighed further. */
const LOOKAHEAD = 3;
/** Lines of a block at most (about a page or two). */
const MAX_BLOCK = 120;
/** Fragments of a row dealt; a row with more is no row of cells (a table, a line of figures). */
const MAX_FRAGMENTS = 14;
/**
 * Times a block's rows are dealt again with the columns' widths its dealt cells show, where they
 * differ from the guess the block was found with (taken from a few rows: a short page whose widest
 * rows hold no full third cell guessed the second and third columns 30 characters wide where all
 * three are 34, and full cells were cut to fit). bench/clean-damage --seeds 10 --layout three:
 * rows dealt wrong 215 → 204, whole / start F1 0.922 / 0.850 → 0.927 / 0.855 (seeds 11–20 0.912 /
 * 0.847 → 0.915 / 0.854); mixed 0.904 / 0.831 → 0.907 / 0.836.
 */
const REMEASURE_ROUNDS = 2;
/**
 * Readings of the rows so far kept side by side, no two alike below (the same tails, open columns
 * and last cells: the rows to come score them alike, so only the better can win). Four readings,
 * repeats allowed, were often one state four times over, and a row the words place only rows
 * later had lost its other reading (bench/clean-damage --seeds 10, whole / start F1: three 0.927
 * / 0.854 -> 0.928 / 0.856, seeds 11-20 0.915 / 0.855 -> 0.916 / 0.858; mixed 0.919 / 0.846 ->
 * 0.921 / 0.846, seeds 11-20 0.909 / 0.843 -> 0.911 / 0.847; 16 without the repeats dropped:
 * 0.928 / 0.857 three, 0.920 / 0.845 mixed).
 */
const BEAM = 16;
/** Worth of one unit of the judge's continuity (0 … 2). */
const CONTINUITY_WEIGHT = 1.5;
/** Cost of a cell wider than its column, per column width beyond the tolerance. */
const OVER_COST = 8;
/**
 * Cost of a cell narrower than its column that ends no paragraph: no sentence end, and a clause
 * mark in it, or its column's last line full and stopped mid-sentence (that text goes on, so a
 * short piece after it is a noise space's first half, not a heading: `桥梁十二 座。`;
 * bench/clean-damage --seeds 10 --layout three, whole / start F1, 0.870 / 0.788 → 0.876 / 0.797,
 * seeds 11–20 0.877 / 0.799 → 0.888 / 0.809).
 */
const SHORT_COST = 1.5;
/**
 * Cost of a cell under `TINY_SHARE` of its column's width that ends no sentence (on top of
 * `SHORT_COST`): a column's line stops short at a paragraph's end, which ends a sentence, or at a
 * heading, most of them wider; so short a piece is a fragment of a cell cut off by a noise space
 * and dealt to a column of its own (`…局长在|接受采访|增长13.5%…`). bench/clean-damage --seeds 10
 * --layout three: rows dealt wrong 228 → 201 of 1,337, whole / start F1 0.897 / 0.812 → 0.905 /
 * 0.830 (seeds 11–20 0.900 / 0.829 → 0.901 / 0.835).
 */
const TINY_COST = 2;
const TINY_SHARE = 1 / 3;
/**
 * True when a cell opens a list item and holds no clause mark (`一、2007年工作回顾`, `（二）农业`):
 * a heading, which ends its paragraph as a sentence's end does. Without it the cell paid as a
 * fragment cut off by a noise space (short, no sentence end), and the dealing put it in a column
 * where it cost less or joined it to the next column's text (bench/clean-damage --seeds 10
 * --layout three: whole / start F1 0.931 / 0.866 -> 0.931 / 0.870; seeds 11-20 0.917 / 0.860 ->
 * 0.918 / 0.861; mixed 0.922 / 0.849 both ways, seeds 11-20 0.911 / 0.847 -> 0.910 / 0.846).
 */
function isListHeading(text: readonly string[]): boolean {
  return !text.some((ch) => CLAUSE_MARKS.has(ch)) && LIST_ITEM.test(text.join(''));
}

/** Cost of leaving empty a column whose last line was full and stopped mid-sentence. */
const MID_STOP_COST = 2.5;
/** Cost of an empty cell (most rows are full). */
const EMPTY_COST = 0.3;
/**
 * Cost of an empty cell below a column's short line: a paragraph ended there, and the blank line
 * a page sets between two paragraphs is the usual reason a cell is empty.
 */
const EMPTY_AFTER_END_COST = 0.1;
/**
 * Cost of an empty cell below an empty one: one blank line parts two paragraphs, so a column that
 * was empty on the row above most likely starts its next paragraph now. With the costs alike, a
 * paragraph's first line beside one column's blank row was dealt to whichever empty column came
 * first (bench/clean-damage --seeds 10 --layout three: rows dealt wrong 256 → 228 of 1,337, whole /
 * start F1 0.893 / 0.806 → 0.897 / 0.812; seeds 11–20 0.894 / 0.816 → 0.900 / 0.829).
 */
const EMPTY_AGAIN_COST = 1;

interface Fragment {
  start: number;
  end: number;
  /** Width in the block's measure. */
  width: number;
  /** Page furniture set in a column's cell (`— 2 —`, `本版撰稿：…`): a cell of its own, which the column's text runs on across. */
  furniture?: boolean;
}

/** Fragments a furniture cell may span (`（本报记者 张伟 摄）`, `— 2 —`). */
const MAX_FURNITURE_FRAGMENTS = 4;
/** Marks of prose, which no furniture cell holds. */
const PROSE = /[，。；、！？,;!?]/u;
/**
 * A run of fragments that ends in a bracketed credit opened after its start (`利税5 （本报记者 张伟
 * 摄）`, the photo-credit rule matching its end): the text before the bracket is the neighbouring
 * column's, and the credit's run starts at the bracket. Merged whole, the figure was made furniture
 * and its column lost it (bench/clean-damage --seeds 10 --layout three: whole / start F1 0.931 /
 * 0.870 -> 0.932 / 0.870; seeds 11-20 0.918 / 0.861 -> 0.918 / 0.862).
 */
const OPENS_INSIDE = /^[^（(]+[（(][^（()）]*[）)]$/u;
/**
 * Cost of a furniture cell sharing its column's cell with text. The rules match a fragment cut
 * off by a noise space as well as a whole line: an interviewer's question `记者：如何 确保这些目标
 * 落地？` has a byline's shape up to its first space (`记者：如何`, a role and a short name), and the
 * cost must not outweigh the widths and words that place the rest of the cell with it (10 did:
 * of the rows the dealing read wrong where the true reading scored lower, 32 paid it; bench/
 * clean-damage --seeds 10 --layout three, whole / start F1, 0.928 / 0.856 -> 0.931 / 0.866, rows
 * dealt wrong 252 -> 236; mixed 0.921 / 0.846 -> 0.922 / 0.849; seeds 11-20 three 0.916 / 0.858 ->
 * 0.917 / 0.860, mixed unchanged; 1.5 and 5 measured alike or lower).
 */
const FURNITURE_SHARED_COST = 3;

interface Block {
  start: number;
  end: number;
  /** Each column's width, in `measure`. */
  widths: number[];
  measure: Measure;
}

/** Gaps tried as a boundary, from a line's start: a row of three columns holds a few noise spaces besides its two boundaries. */
const MAX_GAPS_TRIED = 12;

/**
 * A line's gaps and content width in one measure, as `LineShapes` measures them once per line for
 * this search and the two-column one after it (10 MB corpus, first 40 files: shapeOf calls 92,956
 * → 46,478): every boundary tried asks them of the lines around (a 1 MB line is measured once,
 * then fails every test of width).
 */
class Shapes {
  constructor(private readonly shapes: LineShapes) {}
  get measure(): Measure {
    return this.shapes.measure;
  }
  gaps(line: Line): Gap[] {
    return this.shapes.of(line).gaps;
  }
  content(line: Line): number {
    return this.shapes.of(line).content;
  }
  of(line: Line): Shape {
    return this.shapes.of(line);
  }
  /** True when the words run on across `gap` of `line`. */
  runsAcross(line: Line, gap: Gap): boolean {
    return this.shapes.runsAcross(line, gap);
  }
}

/**
 * The fragments of `line` with the runs of them that make up page furniture merged into one
 * (a page number or a byline in one column's cell, beside the other columns' text).
 */
function cellsOf(line: Line, measure: Measure, isFurniture: (text: string) => boolean, wide: Wide | undefined): Fragment[] {
  const frags = fragmentsOf(line, measure, wide);
  if (frags.length < 2) return frags;
  const out: Fragment[] = [];
  for (let i = 0; i < frags.length; i++) {
    let merged: Fragment = frags[i]!;
    for (let j = Math.min(frags.length - 1, i + MAX_FURNITURE_FRAGMENTS - 1); j >= i; j--) {
      const text = line.chars.slice(frags[i]!.start, frags[j]!.end).join('');
      // (a page number's spaces left out; a rule may match the end of a cell only, `… 摄）`: furniture holds no prose mark)
      if (!PAGE_NUMBER.test(text.replace(/\s+/gu, '')) && !(/\p{Script=Han}/u.test(text) && !PROSE.test(text) && isFurniture(text))) continue;
      if (OPENS_INSIDE.test(text)) continue;
      let width = 0;
      for (let k = i; k <= j; k++) width += frags[k]!.width;
      merged = { start: frags[i]!.start, end: frags[j]!.end, width, furniture: true };
      i = j;
      break;
    }
    out.push(merged);
  }
  return out;
}

function fragmentsOf(line: Line, measure: Measure, wide: Wide | undefined): Fragment[] {
  const out: Fragment[] = [];
  let current: Fragment | null = null;
  line.chars.forEach((ch, i) => {
    if (isSpace(ch)) {
      current = null;
      return;
    }
    if (current === null) {
      current = { start: i, end: i, width: 0 };
      out.push(current);
    }
    current.end = i + 1;
    current.width += widthAt(line, i, measure, wide);
  });
  return out;
}

/**
 * Reads the blocks of three unpadded columns among `lines` (those not in `done`) column by
 * column; the lines it makes are added to `done`.
 */
export function readCells(lines: Line[], judge: SeamJudge, blanks: number, notes: Note[], done: Set<Line>, measures: readonly LineShapes[], isFurniture: (text: string) => boolean = () => false): Line[] {
  const out: Line[] = [];
  const shapes = measures.map((measure) => new Shapes(measure));
  let i = 0;
  while (i < lines.length) {
    const block = done.has(lines[i]!) ? null : findBlock(lines, i, blanks, done, shapes);
    if (block === null) {
      out.push(lines[i]!);
      i++;
      continue;
    }
    const read = readBlock(lines.slice(block.start, block.end), block, judge, blanks, notes, isFurniture, measures[0]?.wide);
    if (read === null) {
      out.push(lines[i]!);
      i++;
      continue;
    }
    // lines the block reached back over were pushed as they stood: take them back
    out.length -= i - block.start;
    for (const line of read.lines) {
      done.add(line);
      out.push(line);
    }
    const first = lines[block.start]!.number;
    const last = lines[block.end - 1]!.number;
    notes.push({
      rule: 'clean/columns#cells',
      reason: `raw lines ${first}–${last} hold ${COLUMNS} columns read straight across, empty cells unpadded (columns ${read.widths.map((w) => Math.round(w)).join(', ')} ${block.measure === 'chars' ? 'characters' : 'characters of printed width'} wide); read column by column`,
      severity: 'info',
      line: first,
    });
    i = block.end;
  }
  return out;
}

/** Lines a block may not cross: a page, blank lines across every column beyond one blank row. */
const ends = (line: Line, blanks: number): boolean => line.pageBreakBefore !== undefined || line.blanksBefore > 2 * blanks + 1;

/** The block whose full rows line `at` opens, tried by characters and by printed width; null when none. */
function findBlock(lines: Line[], at: number, blanks: number, done: ReadonlySet<Line>, measures: readonly Shapes[]): Block | null {
  for (const shapes of measures) {
    const shape = shapes.of(lines[at]!);
    // most lines hold fewer gaps than a row of three columns: asked first, before any copy
    if (shape.gaps.length < COLUMNS - 1) continue;
    const { content } = shape;
    // no row of three columns is wider than three of the widest
    if (content > COLUMNS * MAX_COLUMN_WIDTH) continue;
    const gaps = shape.gaps.slice(0, MAX_GAPS_TRIED);
    for (let a = 0; a < gaps.length; a++) {
      for (let b = a + 1; b < gaps.length; b++) {
        const b1 = gaps[a]!.left;
        const b2 = gaps[b]!.left;
        if (b1 < MIN_WIDTH || b2 - b1 < MIN_WIDTH || content - b2 < MIN_WIDTH) continue;
        // (the first two columns' widths as blockAt will weigh them, asked before the lines around are)
        if (Math.min(b1, b2 - b1) < NARROWEST_SHARE * Math.max(b1, b2 - b1)) continue;
        const block = blockAt(lines, at, b1, b2, shapes, blanks, done);
        if (block !== null) return block;
      }
    }
    for (const gap of gaps) {
      if (gap.left < MIN_WIDTH || content < 2 * gap.left || content > gap.left * (1 + 2 * EQUAL_HIGH) + toleranceOf(gap.left, shapes.measure)) continue;
      const block = equalBlockAt(lines, at, gap.left, shapes, blanks, done);
      if (block !== null) return block;
    }
  }
  return null;
}

/** Shares of the first column's width the second and third may have where only the first boundary shows. */
const EQUAL_LOW = 0.85;
const EQUAL_HIGH = 1.2;
/**
 * How far above chance the lines near the first boundary must be, in standard deviations of the
 * count chance would give, where they are not twice what it gives: on a page dense with noise
 * spaces a line has a gap near any place about every other time, and twice that is more lines
 * than the page holds, however well every one of them lines up (bench/clean-damage --seeds 10
 * --layout three: sentences lost on three-column pages split as two 190 → 70; whole / start F1 0.905 /
 * 0.830 → 0.922 / 0.850, seeds 11–20 0.901 / 0.835 → 0.912 / 0.846).
 */
const CHANCE_SPREADS = 1.5;

/**
 * A block whose full rows are too few to show the second boundary (short paragraphs leave many
 * cells short or empty: a page of eight rows may hold one row with all three cells full). The
 * first boundary shows on most lines (the first column's full cells end there, its short ones
 * before); the widest rows, three full cells, say how wide the other two columns are, taken as
 * equal, and each about as wide as the first (two columns, the second about as wide as the first,
 * are `columns-across.ts`'s).
 */
function equalBlockAt(lines: Line[], at: number, b1: number, shapes: Shapes, blanks: number, done: ReadonlySet<Line>): Block | null {
  const { measure } = shapes;
  const t1 = toleranceOf(b1, measure);
  const near = (line: Line): boolean => shapes.gaps(line).some((g) => Math.abs(g.left - b1) <= t1);
  const three = (line: Line): boolean => shapes.content(line) > 2 * b1 && near(line);
  if (!comesSoon(lines, at, three, blanks, done)) return null;
  const limit = b1 * (1 + 2 * EQUAL_HIGH) + t1;
  const fits = (line: Line): boolean => !done.has(line) && shapes.content(line) <= limit;
  const wide = (line: Line): boolean => shapes.content(line) > b1 * EQUAL_HIGH + t1;
  const { start, end } = extent(lines, at, fits, wide, blanks);
  const block = lines.slice(start, end);
  const long = block.filter(wide);
  let hit = 0;
  let chance = 0;
  let spread = 0;
  for (const line of long) {
    if (near(line)) hit++;
    const p = Math.min(1, (shapes.gaps(line).length * (2 * t1 + 1)) / shapes.content(line));
    chance += p;
    spread += p * (1 - p);
  }
  if (hit < MIN_HITS + 1 || 10 * hit < 6 * long.length || (hit < 2 * chance && hit < chance + CHANCE_SPREADS * Math.sqrt(spread))) return null;
  const contents = long.map((line) => shapes.content(line)).sort((p, q) => p - q);
  const total = contents[Math.floor(contents.length * 0.9)]!;
  let rest = (total - b1) / 2;
  // few rows with three full cells (a short page, the third column's text ending on it): the
  // widest row, else the second boundary the rows with a third cell show
  if (rest < EQUAL_LOW * b1) rest = (contents[contents.length - 1]! - b1) / 2;
  if (rest < EQUAL_LOW * b1) rest = secondBoundary(long, b1, t1, shapes) ?? rest;
  if (rest < EQUAL_LOW * b1 || rest > EQUAL_HIGH * b1) return null;
  return { start, end, widths: [b1, rest, rest], measure };
}

/** Rows with a third cell that must show the second boundary before `secondBoundary` reads a width from them. */
const MIN_SECOND_HITS = 2;

/**
 * The second column's width as the rows with a third cell show it, where no row holds three full
 * cells (a short page whose third column holds a paragraph's last lines: `一、2007年工作回顾 |
 * 增长24.3%；… | 今年全县…`, full, full and short cells, 89 characters where three full ones are
 * 111): each row wider than two columns of the first's width has a gap where the second column
 * ends, and most of them must put it at one place (within the tolerance), at a gap the words do
 * not run across. The first column's width is taken where most rows put their gap near `b1`, the
 * last of them (a full cell ends at the boundary, a noise space lies inside it): a noise space
 * two characters before the boundary, tried as `b1`, made a page of two full 36-character columns
 * look like two 34-character ones and a third. A page of two columns, the second wider than the
 * first, has rows as wide, but their gaps past the first boundary are noise spaces, scattered,
 * most of them inside a word. Null when the rows show no such place.
 * bench/clean-damage --seeds 10, whole / start F1: --layout three 0.932 / 0.870 -> 0.936 / 0.873,
 * mixed 0.922 / 0.849 -> 0.925 / 0.853; seeds 11-20 three 0.918 / 0.862 -> 0.927 / 0.873, mixed
 * 0.910 / 0.846 -> 0.913 / 0.848.
 */
function secondBoundary(long: readonly Line[], b1: number, t1: number, shapes: Shapes): number | null {
  const firsts: number[] = [];
  for (const line of long) {
    let at: number | null = null;
    for (const g of shapes.gaps(line)) if (Math.abs(g.left - b1) <= t1) at = g.left;
    if (at !== null) firsts.push(at);
  }
  if (firsts.length === 0) return null;
  firsts.sort((p, q) => p - q);
  const first = firsts[Math.floor(firsts.length / 2)]!;
  const rows = long.filter((line) => shapes.content(line) > 2 * first + t1 && shapes.gaps(line).some((g) => Math.abs(g.left - b1) <= t1));
  const seconds: number[] = [];
  for (const line of rows) {
    // the gap whose second cell is nearest the first column's width
    let best: number | null = null;
    for (const g of shapes.gaps(line)) {
      const width = g.left - first;
      if (width < EQUAL_LOW * first - t1 || width > EQUAL_HIGH * first + t1 || shapes.runsAcross(line, g)) continue;
      if (best === null || Math.abs(width - first) < Math.abs(best - first)) best = width;
    }
    if (best !== null) seconds.push(best);
  }
  seconds.sort((p, q) => p - q);
  const middle = seconds[Math.floor(seconds.length / 2)];
  if (middle === undefined) return null;
  const agree = seconds.filter((w) => Math.abs(w - middle) <= t1).length;
  return agree >= MIN_SECOND_HITS && 2 * agree >= rows.length ? middle : null;
}

/** True when a line within `LOOKAHEAD` below line `at`, before a paragraph's end, passes `test`. */
function comesSoon(lines: Line[], at: number, test: (line: Line) => boolean, blanks: number, done: ReadonlySet<Line>): boolean {
  for (let j = at + 1; j <= at + LOOKAHEAD && j < lines.length; j++) {
    if (done.has(lines[j]!) || ends(lines[j]!, blanks)) return false;
    if (test(lines[j]!)) return true;
  }
  return false;
}

/**
 * The lines around line `at` that `fit` the columns, at most `MAX_BLOCK` each way, trimmed to
 * start and end on a line `wide`r than one column. Upwards too the block grows over narrow lines
 * (a row of one cell: the other columns' cells empty, a paragraph's short last line) up to a wide
 * one above them: grown only over wide lines, a page whose top rows hold one or two cells lost
 * them to the columns below (bench/clean-damage --seeds 10 --layout three, whole / start F1,
 * 0.880 / 0.796 → 0.893 / 0.806; seeds 11–20 0.886 / 0.811 → 0.894 / 0.816). One column's text
 * above the columns has no wide line, so it stays out.
 */
function extent(lines: Line[], at: number, fits: (line: Line) => boolean, wide: (line: Line) => boolean, blanks: number): { start: number; end: number } {
  let end = at + 1;
  while (end < lines.length && end - at < MAX_BLOCK && !ends(lines[end]!, blanks) && fits(lines[end]!)) end++;
  while (end - 1 > at && !wide(lines[end - 1]!)) end--;
  let start = at;
  while (start - 1 >= 0 && at - start < MAX_BLOCK && !ends(lines[start]!, blanks) && fits(lines[start - 1]!)) start--;
  while (start < at && !wide(lines[start]!)) start++;
  return { start, end };
}

/**
 * A line hits the boundaries when it has a gap near each; a row of one column does not reach
 * the second. The block holds line `at` and the lines below and above it no wider than three
 * columns, up to the last and from the first line wider than any one column (one column's
 * lines, above or below the columns, are no part of them), and it must hit the boundaries on
 * `MIN_HITS` lines or more, half its lines that reach past the second boundary (a third cell, however short), and well above
 * what the noise spaces of a column would give by chance.
 */
function blockAt(lines: Line[], at: number, b1: number, b2: number, shapes: Shapes, blanks: number, done: ReadonlySet<Line>): Block | null {
  const { measure } = shapes;
  const t1 = toleranceOf(b1, measure);
  const t2 = toleranceOf(b2 - b1, measure);
  const hits = (line: Line): boolean => {
    let one = false;
    let two = false;
    for (const g of shapes.gaps(line)) {
      if (Math.abs(g.left - b1) <= t1) one = true;
      else if (Math.abs(g.left - b2) <= t2) two = true;
    }
    return one && two;
  };
  // most boundaries tried are noise spaces: a second full row must come soon
  if (!comesSoon(lines, at, hits, blanks, done)) return null;
  const widest = b1 > b2 - b1 ? b1 : b2 - b1;
  const limit = b2 + widest + toleranceOf(widest, measure);
  const fits = (line: Line): boolean => !done.has(line) && shapes.content(line) <= limit + t2;
  const wide = (line: Line): boolean => shapes.content(line) > widest + toleranceOf(widest, measure);
  const { start, end } = extent(lines, at, fits, wide, blanks);
  const block = lines.slice(start, end);
  let hit = 0;
  let long = 0;
  let chance = 0;
  const thirds: number[] = [];
  for (const line of block) {
    const content = shapes.content(line);
    if (content <= b2) continue;
    long++;
    if (hits(line)) {
      hit++;
      thirds.push(content - b2);
    }
    const spaces = shapes.gaps(line).length;
    const p1 = Math.min(1, (spaces * (2 * t1 + 1)) / content);
    const p2 = Math.min(1, (spaces * (2 * t2 + 1)) / content);
    chance += p1 * p2;
  }
  if (hit < MIN_HITS || 2 * hit < long || hit < 3 * chance) return null;
  // the third column's width: its full cells', the widest of most rows
  thirds.sort((p, q) => p - q);
  const third = thirds[Math.floor(thirds.length * 0.75)]!;
  const widths = [b1, b2 - b1, third];
  // columns of one page differ in width by a few characters, not twice over: a narrow middle
  // column is a noise space lined up by chance inside one of two columns (bench/clean-damage
  // --layout ragged: 6 two-column pages read as three, 7 to 9 characters in the middle)
  if (Math.min(...widths) < NARROWEST_SHARE * Math.max(...widths)) return null;
  return { start, end, widths, measure };
}

/** One reading of the rows so far: each column's pieces, its last text, whether it must go on. */
interface Reading {
  score: number;
  /** Column of each fragment, per row. */
  rows: number[][];
  tails: string[][];
  open: boolean[];
  /** What each column's cell on the row above held: a full line, a short one (a paragraph's end), none. */
  last: LastCell[];
}

type LastCell = 'full' | 'short' | 'empty';

/**
 * Deals the block's rows into the columns and reads them column by column, with the columns'
 * widths the dealt cells show (`dealtWidths`); null when the words do not run on down the columns
 * more than across the cuts (then the block is no columns).
 */
function readBlock(block: Line[], geometry: Block, judge: SeamJudge, blanks: number, notes: Note[], isFurniture: (text: string) => boolean, wide: Wide | undefined): { lines: Line[]; widths: number[] } | null {
  const { measure } = geometry;
  let { widths } = geometry;
  const rows = block.map((line) => cellsOf(line, measure, isFurniture, wide));
  if (rows.some((frags) => frags.length > MAX_FRAGMENTS)) return null;
  // the judge's word across a join, asked once per tail and fragment
  const memo = new Map<string, number>();
  const runsOn = (tail: readonly string[], text: readonly string[]): number => {
    const key = `${tail.join('')}\u0000${text.slice(0, 8).join('')}`;
    let value = memo.get(key);
    if (value === undefined) {
      value = judge.continuity(tail, text.slice(0, 8));
      memo.set(key, value);
    }
    return value;
  };
  let best = dealRows(block, rows, widths, measure, judge, runsOn);
  for (let round = 0; round < REMEASURE_ROUNDS; round++) {
    const seen = dealtWidths(rows, best.rows, widths);
    if (seen.every((w, c) => Math.abs(w - widths[c]!) <= toleranceOf(widths[c]!, measure))) break;
    widths = seen;
    best = dealRows(block, rows, widths, measure, judge, runsOn);
  }
  // the words must run down the columns more than across the cuts made
  if (!runsDown(block, rows, best.rows, judge)) return null;
  const streams: Piece[][] = widths.map(() => []);
  const skipped = widths.map(() => 0);
  const skippedBefore = new Map<Piece, number>();
  block.forEach((line, k) => {
    const frags = rows[k]!;
    const columns = best.rows[k]!;
    const used = new Set<number>();
    let f = 0;
    while (f < frags.length) {
      const column = columns[f]!;
      let g = f;
      while (g + 1 < frags.length && columns[g + 1] === column) g++;
      const text = line.chars.slice(frags[f]!.start, frags[g]!.end).filter((ch) => !isSpace(ch));
      const piece: Piece = { line, from: frags[f]!.start, to: frags[g]!.end, width: text.reduce((n, ch) => n + widthOf(ch), 0), row: k, alone: false };
      skippedBefore.set(piece, skipped[column]!);
      streams[column]!.push(piece);
      used.add(column);
      f = g + 1;
    }
    for (let c = 0; c < widths.length; c++) skipped[c] = used.has(c) ? 0 : skipped[c]! + 1;
  });
  // a column's full line, printed: its widest usual piece
  const fulls = streams.map((stream) => {
    const sorted = stream.map((p) => p.width).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length * 0.75)] ?? 0;
  });
  return { lines: writeColumns(block, streams, skippedBefore, judge, blanks, notes, (c) => fulls[c]!), widths };
}

/** The best reading of the block's rows dealt into columns of `widths`. */
function dealRows(block: readonly Line[], rows: readonly Fragment[][], widths: readonly number[], measure: Measure, judge: SeamJudge, runsOn: (tail: readonly string[], text: readonly string[]) => number): Reading {
  let beam: Reading[] = [{ score: 0, rows: [], tails: widths.map(() => []), open: widths.map(() => false), last: widths.map((): LastCell => 'full') }];
  block.forEach((line, k) => {
    const frags = rows[k]!;
    const texts = frags.map((f) => line.chars.slice(f.start, f.end));
    // words across the space before each fragment: joined in one cell, they are evidence for it
    const joins = frags.map((f, i) => (i === 0 ? 0 : judge.continuity(line.chars.slice(Math.max(0, f.start - 8), f.start), line.chars.slice(f.start, f.start + 8))));
    const next: Reading[] = [];
    for (const reading of beam) {
      for (const assignment of assignments(frags.length)) next.push(extend(reading, assignment, line, frags, texts, joins, widths, measure, runsOn));
    }
    next.sort((p, q) => q.score - p.score);
    beam = [];
    const seen = new Set<string>();
    for (const reading of next) {
      const key = `${reading.tails.map((tail) => tail.join('')).join('\u0000')}\u0001${reading.open.join()}\u0001${reading.last.join()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      beam.push(reading);
      if (beam.length === BEAM) break;
    }
  });
  return beam[0]!;
}

/**
 * Each column's width as the cells dealt to it show it: the widest of most of its cells (a
 * quarter may be wider: a cell a bad guess made too wide). The guess a block starts from is taken
 * from a few rows (the widest rows of a short block may hold no full third cell).
 */
function dealtWidths(rows: readonly Fragment[][], dealt: readonly number[][], widths: readonly number[]): number[] {
  const cells: number[][] = widths.map(() => []);
  rows.forEach((frags, k) => {
    const columns = dealt[k]!;
    let f = 0;
    while (f < frags.length) {
      let g = f;
      let width = frags[f]!.width;
      let furniture = !!frags[f]!.furniture;
      while (g + 1 < frags.length && columns[g + 1] === columns[f]) {
        g++;
        width += frags[g]!.width;
        furniture ||= !!frags[g]!.furniture;
      }
      if (!furniture) cells[columns[f]!]!.push(width);
      f = g + 1;
    }
  });
  return cells.map((list, c) => {
    if (list.length < MIN_HITS) return widths[c]!;
    list.sort((p, q) => p - q);
    return list[Math.floor(list.length * 0.75)]!;
  });
}

const assignmentsOf = new Map<number, number[][]>();

/** Order-keeping assignments of `n` fragments to the columns (each fragment's column, never decreasing). */
function assignments(n: number): number[][] {
  const known = assignmentsOf.get(n);
  if (known !== undefined) return known;
  const out: number[][] = [];
  const current: number[] = [];
  const walk = (i: number, from: number): void => {
    if (i === n) {
      out.push([...current]);
      return;
    }
    for (let c = from; c < COLUMNS; c++) {
      current[i] = c;
      walk(i + 1, c);
    }
  };
  walk(0, 0);
  assignmentsOf.set(n, out);
  return out;
}

/** `reading` with one more row dealt by `assignment`, and its score. */
function extend(
  reading: Reading,
  assignment: number[],
  line: Line,
  frags: readonly Fragment[],
  texts: readonly string[][],
  joins: readonly number[],
  widths: readonly number[],
  measure: Measure,
  runsOn: (tail: readonly string[], text: readonly string[]) => number,
): Reading {
  let score = reading.score;
  const tails = [...reading.tails];
  const open = [...reading.open];
  const last = [...reading.last];
  const used = new Set(assignment);
  for (let c = 0; c < widths.length; c++) {
    if (used.has(c)) continue;
    score -= open[c] ? MID_STOP_COST : last[c] === 'empty' ? EMPTY_AGAIN_COST : last[c] === 'short' ? EMPTY_AFTER_END_COST : EMPTY_COST;
    open[c] = false;
    last[c] = 'empty';
  }
  let f = 0;
  while (f < frags.length) {
    const c = assignment[f]!;
    let g = f;
    while (g + 1 < frags.length && assignment[g + 1] === c) {
      g++;
      score += CONTINUITY_WEIGHT * joins[g]!;
    }
    // a furniture cell stands alone, and its column's text runs on across it: its tail and
    // whether it must go on are the line above's
    if (g > f && frags.slice(f, g + 1).some((frag) => frag.furniture)) score -= FURNITURE_SHARED_COST;
    else if (frags[f]!.furniture) {
      f = g + 1;
      continue;
    }
    const text = line.chars.slice(frags[f]!.start, frags[g]!.end).filter((ch) => !isSpace(ch));
    let width = 0;
    for (let i = f; i <= g; i++) width += frags[i]!.width;
    const tolerance = toleranceOf(widths[c]!, measure);
    if (width > widths[c]! + tolerance) score -= OVER_COST * ((width - widths[c]! - tolerance) / widths[c]! + 0.25);
    const full = width >= widths[c]! - tolerance;
    const ended = endsSentence(text) || isListHeading(text);
    if (!full && !ended && (open[c] || text.some((ch) => CLAUSE_MARKS.has(ch)))) score -= SHORT_COST;
    if (!full && !ended && width < TINY_SHARE * widths[c]!) score -= TINY_COST;
    const tail = tails[c]!;
    if (tail.length > 0 && !endsSentence(tail)) score += CONTINUITY_WEIGHT * runsOn(tail, texts[f]!);
    tails[c] = text.slice(-8);
    open[c] = full && !ended;
    last[c] = full ? 'full' : 'short';
    f = g + 1;
  }
  return { score, rows: [...reading.rows, assignment], tails, open, last };
}

/** True when the text runs on down the columns, as dealt, more than across the cuts made in the rows. */
function runsDown(block: readonly Line[], rows: readonly Fragment[][], dealt: readonly number[][], judge: SeamJudge): boolean {
  let across = 0;
  let acrossPairs = 0;
  const streams: string[][][] = Array.from({ length: COLUMNS }, () => []);
  block.forEach((line, k) => {
    const frags = rows[k]!;
    const columns = dealt[k]!;
    let from = 0;
    for (let i = 1; i <= frags.length; i++) {
      if (i < frags.length && columns[i] === columns[from]) continue;
      const cell = line.chars.slice(frags[from]!.start, frags[i - 1]!.end);
      if (i - 1 === from && frags[from]!.furniture) {
        from = i;
        continue;
      }
      streams[columns[from]!]!.push(cell);
      if (i < frags.length && !endsSentenceIgnoringSpaces(cell)) {
        across += judge.continuity(cell.slice(-8), line.chars.slice(frags[i]!.start, frags[i]!.start + 8));
        acrossPairs++;
      }
      from = i;
    }
  });
  let down = 0;
  let downPairs = 0;
  for (const stream of streams) {
    for (let k = 0; k + 1 < stream.length; k++) {
      if (endsSentenceIgnoringSpaces(stream[k]!)) continue;
      down += judge.continuity(stream[k]!.slice(-8), stream[k + 1]!.slice(0, 8));
      downPairs++;
    }
  }
  const downRate = downPairs === 0 ? 0 : down / downPairs;
  const acrossRate = acrossPairs === 0 ? 0 : across / acrossPairs;
  return downPairs >= MIN_HITS && down >= 2 && downRate >= acrossRate + 0.2;
}

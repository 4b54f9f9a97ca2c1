/**
 * grid: a page of several columns that the OCR engine read straight across, each line holding
 * fragments of every column separated by runs of spaces (Tesseract `--psm 6`).
 *
 * Character positions are lost, but the printed width of the text (Chinese two units, ASCII
 * one) and of the spaces stands in for them: the fragments that follow a run of spaces start
 * near the same places on line after line, at the column boundaries. A block of such lines is
 * measured for its column count and pitch; then each line's fragments are dealt into the
 * columns, left to right (an order-keeping assignment, several fragments may share a column,
 * a column may get none). Positions alone mislead where the engine dropped the padding of an
 * empty left column or squeezed a gap, so each assignment is also scored by the seam judge:
 * a fragment that runs on from the text its column holds so far (a dictionary word across the
 * join, a number meeting its unit) is evidence for it. The block is then read column by column.
 *
 * Where the engine's spaces make the starts wander from line to line (a printed page read with
 * `--psm 6`: one column's text starts anywhere in a span of 14 units), the boundaries are the
 * clusters of the starts, each with the tolerance its own spread gives (`measureClusters`).
 *
 * Also: text of two columns the engine joined without a space is cut near the boundary (the
 * dealing picks the cut); pages whose columns are met after single spaces are found when three
 * or more boundaries line up on most lines; a lone line at a block's top moves to the column
 * whose text runs into it; columns of figures are a table and keep their rows; the quote marks
 * the engine writes at a column's gap are dropped (gap-marks.ts). Paragraph breaks inside a
 * column are set where a sentence ends short of a full line or before rows the column left empty.
 *
 * Cost: per line, at most `MAX_FRAGMENTS` fragments, judged once against each column's text so
 * far; the assignments of a line are enumerated over those cached judgements (a bounded number),
 * so the pass is linear in the input.
 */
import { CONTINUING_MARKS, endsSentence, endsSentenceIgnoringSpaces, isCjk, isClauseMark, isSpace } from './chars.js';
import type { Line } from './lines.js';
import type { Note } from './notes.js';
import { dropGapPunctuation, dropStrayQuotes, NO_LINE_START } from './gap-marks.js';
import type { SeamJudge } from './seam.js';

/** A run of this many spaces is what the engine writes between columns (a single one is noise inside a column too). */
const WIDE = 3;
/** Lines with a wide gap a block needs. */
const MIN_GRID_LINES = 4;
/** A block where fewer than one line in this many has a wide gap keeps to the lines from its first wide gap to its last (OCR pages read across: 0.6 or more). */
const SPARSE_SHARE = 2;
/** Lines without a wide gap a block may hold in a row (a column's short last line, a line of one column). */
const MAX_PLAIN_RUN = 2;
/** Lines of a run tried at once for columns met after single spaces (about a page). */
const MAX_NARROW_BLOCK = 80;
/** Most columns tried. */
const MAX_COLUMNS = 4;
/** Fragments of a line dealt by position and words; beyond, by position alone. */
const MAX_FRAGMENTS = 14;
/** Cost of a column pitch's worth of distance between a fragment and its column's start. */
const POSITION_WEIGHT = 2;
/** Worth of one unit of the judge's continuity (0 … 2) across a join. */
const CONTINUITY_WEIGHT = 1.5;
/** Cost of reading a line as shifted (the engine dropped the padding of empty columns to its left). */
const SHIFT_COST = 0.5;
/** Worth, in continuity units, of keeping together text the engine wrote without a space. */
const TOUCHING = 0.3;
/** Assignments of one line scored at most (columns, fragments and shifts multiply); beyond, positions alone deal the line. */
const MAX_ASSIGNMENTS = 2000;
/** Cost of a run of spaces inside one column's line: the engine writes those between columns. */
const WIDE_INSIDE_COST = 3;
/** Leading spaces, in pitches, that stand for an empty first column: wider than a paragraph's two-character indent, narrower than the column (printed pages read by Tesseract pad an empty column with a third of its width: `         58.5%。移动互联网用户接`). */
const EMPTY_FIRST = 0.25;
/** Cost of leaving a column empty on a line when its last line was full and stopped mid-sentence (1 → 2: baseline-grid page whole 0.894 → 0.909, small page F1 0.627 → 0.640). */
const MID_STOP_COST = 2;

export interface Fragment {
  /** Code-point range in the line. */
  start: number;
  end: number;
  /** Printed range. */
  x0: number;
  x1: number;
  /** Spaces before it on its line (for the first, the padding the engine kept for empty columns). */
  gapBefore: number;
}

export interface Geometry {
  columns: number;
  /** The usual distance between two columns' starts: the scale of every tolerance. */
  pitch: number;
  /** Where each column's text starts, printed (the first at 0); on a regular grid `c · pitch`. */
  starts: number[];
  /** Room around each start beyond the usual tolerance: the spread of the page's own starts there (0 on a regular grid). */
  slack: number[];
}

/** A regular grid of `columns` columns `pitch` units apart. */
const regular = (columns: number, pitch: number): Geometry => ({
  columns,
  pitch,
  starts: Array.from({ length: columns }, (_, c) => c * pitch),
  slack: new Array<number>(columns).fill(0),
});

/** Where the block's text ends on the right: the last column's start and a pitch. */
const rightEdge = (geometry: Geometry): number => geometry.starts[geometry.columns - 1]! + geometry.pitch;

/** The last column whose start is at most `slack` pitches right of `x`. */
function columnFrom(geometry: Geometry, x: number, slack: number): number {
  let column = 0;
  for (let c = 1; c < geometry.columns; c++) if (geometry.starts[c]! - geometry.slack[c]! <= x + slack * geometry.pitch) column = c;
  return column;
}

/** Printed width of a character: Chinese two units, the rest one. */
export function widthOf(ch: string): number {
  return isCjk(ch) || ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
}

export function fragmentsOf(line: Line): Fragment[] {
  const out: Fragment[] = [];
  const { chars } = line;
  let x = 0;
  let gap = 0;
  let current: Fragment | null = null;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (isSpace(ch)) {
      if (current) out.push(current);
      current = null;
      gap++;
      x += ch === '\u3000' ? 2 : ch === '\t' ? 4 : 1;
      continue;
    }
    if (!current) {
      current = { start: i, end: i, x0: x, x1: x, gapBefore: gap };
      gap = 0;
    }
    x += widthOf(ch);
    current.end = i + 1;
    current.x1 = x;
  }
  if (current) out.push(current);
  return out;
}

const hasWideGap = (fragments: readonly Fragment[]): boolean => fragments.some((f) => f.gapBefore >= WIDE);

/**
 * Per line, what its fragments would say of its runs of spaces, counted without building them:
 * `pieces` its fragments (runs of text), `starts` those with a space before them (`gapBefore >=
 * 1`), `wide` 1 when one has WIDE spaces or more before it (`gapBefore >= WIDE`).
 */
export class RunCounts {
  readonly pieces: Int32Array;
  readonly starts: Int32Array;
  readonly wide: Uint8Array;

  constructor(lines: readonly Line[]) {
    this.pieces = new Int32Array(lines.length);
    this.starts = new Int32Array(lines.length);
    this.wide = new Uint8Array(lines.length);
    lines.forEach((line, k) => {
      const { chars } = line;
      let gap = 0;
      let inText = false;
      let pieces = 0;
      let starts = 0;
      let wide = 0;
      for (let i = 0; i < chars.length; i++) {
        if (isSpace(chars[i]!)) {
          inText = false;
          gap++;
          continue;
        }
        if (!inText) {
          inText = true;
          pieces++;
          if (gap >= 1) starts++;
          if (gap >= WIDE) wide = 1;
          gap = 0;
        }
      }
      this.pieces[k] = pieces;
      this.starts[k] = starts;
      this.wide[k] = wide;
    });
  }

  /** Fragments with a space before them over lines `[from, to)`. */
  startsIn(from: number, to: number): number {
    let n = 0;
    for (let k = from; k < to; k++) n += this.starts[k]!;
    return n;
  }
}

/**
 * Reads blocks of lines set in columns read straight across, column by column. Lines it
 * produces are added to `done`, so the later column passes leave them alone.
 */
export function readGrid(lines: Line[], judge: SeamJudge, blanks: number, notes: Note[], done: Set<Line>): Line[] {
  // what the search asks of every line is read from its runs of spaces (`RunCounts`); a line's
  // fragments, widths and all, are built only where a block or a run of lines tried for columns
  // after single spaces reads them (on a page of one column, hardly anywhere)
  const runs = new RunCounts(lines);
  const built: (Fragment[] | undefined)[] = new Array<Fragment[] | undefined>(lines.length);
  const fragmentsAt = (k: number): Fragment[] => (built[k] ??= fragmentsOf(lines[k]!));
  const fragmentsIn = (from: number, to: number): Fragment[][] => {
    const out: Fragment[][] = [];
    for (let k = from; k < to; k++) out.push(fragmentsAt(k));
    return out;
  };
  const out: Line[] = [];
  let i = 0;
  // first line not yet taken by a block
  let floor = 0;
  // a run of lines up to a page break is tried once for columns met after single spaces
  let narrowTried = 0;
  while (i < lines.length) {
    if (runs.wide[i] === 0) {
      if (i >= narrowTried) {
        let segmentEnd = i + 1;
        while (segmentEnd < lines.length && segmentEnd - i < MAX_NARROW_BLOCK && !lines[segmentEnd]!.pageBreakBefore) segmentEnd++;
        narrowTried = segmentEnd;
        // (measureNarrow's own first refusals, asked of the counts before any fragment is built)
        const narrow = segmentEnd - i >= MIN_GRID_LINES * 2 && runs.startsIn(i, segmentEnd) >= segmentEnd - i ? measureNarrow(fragmentsIn(i, segmentEnd)) : null;
        if (narrow !== null && !tabular(lines.slice(i, segmentEnd), fragmentsIn(i, segmentEnd))) {
          const block = lines.slice(i, segmentEnd);
          for (const line of readBlock(block, fragmentsIn(i, segmentEnd), narrow, judge, blanks, notes)) {
            done.add(line);
            out.push(line);
          }
          notes.push({
            rule: 'clean/columns#grid',
            reason: `raw lines ${block[0]!.number}–${block[block.length - 1]!.number} hold ${narrow.columns} columns read straight across with single spaces (pitch ${Math.round(narrow.pitch)} units); read column by column`,
            severity: 'info',
            line: block[0]!.number,
          });
          i = segmentEnd;
          floor = i;
          continue;
        }
      }
      out.push(lines[i]!);
      i++;
      continue;
    }
    // the block: lines with wide gaps, short runs of lines without, up to a page break; lines
    // whose gaps are single spaces carry it on too (the engine squeezes many column gaps to one)
    let end = i + 1;
    let lastWide = i;
    let lastGapped = i;
    let wide = 1;
    while (end < lines.length && !lines[end]!.pageBreakBefore && end - lastGapped <= MAX_PLAIN_RUN + 1) {
      if (runs.pieces[end]! >= 2) lastGapped = end;
      if (runs.wide[end] === 1) {
        lastWide = end;
        wide++;
      }
      end++;
    }
    const geometry = wide >= MIN_GRID_LINES ? measure(lines.slice(i, lastGapped + 1), fragmentsIn(i, lastGapped + 1)) : null;
    if (geometry === null) {
      for (let k = i; k <= lastWide; k++) out.push(lines[k]!);
      i = lastWide + 1;
      continue;
    }
    // the block goes on to its last line with a wide gap or a fragment at a boundary, and to the
    // lines below whose fragments start at the columns' boundaries, even after a single space
    let lastFit = lastWide;
    for (let j = lastWide + 1; j <= lastGapped; j++) if (fitsColumns(fragmentsAt(j), geometry, 1)) lastFit = j;
    for (let j = lastFit + 1; j < lines.length && !lines[j]!.pageBreakBefore && j - lastFit <= MAX_PLAIN_RUN + 1; j++) {
      if (fitsColumns(fragmentsAt(j), geometry)) lastFit = j;
    }
    end = lastFit + 1;
    // a column's text running on below the last line of the block (a shorter column beside it)
    // stays in it, also after a blank row, when it is no wider than a column
    const narrow = (frags: readonly Fragment[]): boolean => frags[frags.length - 1]!.x1 <= geometry.pitch * 1.15;
    while (
      end < lines.length &&
      end - lastFit <= MAX_PLAIN_RUN &&
      !lines[end]!.pageBreakBefore &&
      (lines[end]!.blanksBefore <= blanks || (lines[end]!.blanksBefore <= 2 * blanks + 1 && narrow(fragmentsAt(end))))
    )
      end++;
    // one column running on alone below the others (a page's last rows: the columns end unevenly),
    // line after line no wider than a column (padded to its column or not)
    const oneColumn = (frags: readonly Fragment[]): boolean => frags.length === 1 && frags[0]!.x1 - frags[0]!.x0 <= geometry.pitch * 1.15;
    while (end < lines.length && !lines[end]!.pageBreakBefore && lines[end]!.blanksBefore <= blanks && oneColumn(fragmentsAt(end))) end++;
    // the lines just above on the same page whose fragments start at the boundaries, or that fit
    // one column's width (the top row of a page, where the engine dropped the padding of the
    // empty columns before it), belong to it too
    let start = i;
    while (start - 1 >= floor && !lines[start]!.pageBreakBefore && lines[start]!.blanksBefore <= 2 * blanks + 1) {
      const above = fragmentsAt(start - 1);
      const oneColumn = above[above.length - 1]!.x1 <= geometry.pitch * 1.15 && i - (start - 1) <= MAX_PLAIN_RUN;
      if (!oneColumn && !fitsColumns(above, geometry, 1)) break;
      start--;
    }
    // a few lines with gaps (a small table beside or inside one-column prose) do not make the
    // prose around them a grid: where most of the block has no wide gap, it keeps to the lines
    // from its first wide gap to its last
    let wideLines = 0;
    for (let k = start; k < end; k++) if (runs.wide[k] === 1) wideLines++;
    if (wideLines * SPARSE_SHARE < end - start) {
      start = i;
      end = lastWide + 1;
    }
    out.length -= i - start;
    const block = lines.slice(start, end);
    const blockFragments = fragmentsIn(start, end);
    if (tabular(block, blockFragments)) {
      // a table: its rows are its reading order; the later column passes leave it alone too.
      // Each row is its own paragraph (rows run together read as one figure): a row starts with
      // a label and a gap after it; a line of figures only, or one that starts under a cell of
      // the row above, is the wrapped tail of that row and joins it as a further cell. The text
      // after a row starts a paragraph: a row does not run on into prose (lines of prose the
      // block took in after that one join as the paragraph pass decides)
      const rowX = rowMargin(block, blockFragments);
      let afterRow = false;
      block.forEach((line, k) => {
        const frags = blockFragments[k]!;
        if (k > 0 && continuesRow(line, frags, rowX)) {
          line.continuesPrevious = true;
          line.cellBefore = true;
        } else if (startsRow(line, frags) || afterRow) line.breakBefore = true;
        afterRow = isRowLine(line, frags);
        done.add(line);
        out.push(line);
      });
      // the last row's wrapped tail (a line of figures right below it) is the table's too
      while (end < lines.length && !lines[end]!.pageBreakBefore && lines[end]!.blanksBefore <= blanks && continuesRow(lines[end]!, fragmentsAt(end), rowX)) {
        lines[end]!.continuesPrevious = true;
        lines[end]!.cellBefore = true;
        done.add(lines[end]!);
        out.push(lines[end]!);
        end++;
      }
      // the text straight after the table's last row starts a paragraph
      const after = lines[end];
      if (after !== undefined && isRowLine(lines[end - 1]!, fragmentsAt(end - 1)) && !continuesRow(after, fragmentsAt(end), rowX)) after.breakBefore = true;
      notes.push({
        rule: 'clean/columns#table',
        reason: `raw lines ${block[0]!.number}–${block[block.length - 1]!.number} line up in columns of figures: read as a table, row by row`,
        severity: 'info',
        line: block[0]!.number,
      });
      i = end;
      floor = end;
      continue;
    }
    const read = readSections(block, blockFragments, geometry, judge, blanks, notes);
    for (const line of read) {
      done.add(line);
      out.push(line);
    }
    notes.push({
      rule: 'clean/columns#grid',
      reason: `raw lines ${block[0]!.number}–${block[block.length - 1]!.number} hold ${geometry.columns} columns read straight across (pitch ${Math.round(geometry.pitch)} units); read column by column`,
      severity: 'info',
      line: block[0]!.number,
    });
    i = end;
    floor = end;
  }
  return out;
}

/**
 * Columns met after single spaces: three or more, each boundary hit on most lines of the run,
 * well above what the noise spaces of one column would give by chance. Two columns joined by
 * a single space are left to `columns.ts`, which weighs them line by line.
 */
export function measureNarrow(block: readonly Fragment[][]): Geometry | null {
  if (block.length < MIN_GRID_LINES * 2) return null;
  // each of a grid's two boundaries at least (three columns or more) needs starts on half the
  // lines, and their windows (a tenth of a pitch either side) do not meet: fewer starts than lines
  // pass no grid, so the widths need not be sorted nor the starts counted per boundary (on a page
  // with a noise space every other line, every run of lines ended here)
  let startCount = 0;
  for (const f of block) for (const g of f) if (g.gapBefore >= 1) startCount++;
  if (startCount < block.length) return null;
  const ends = block.map((f) => f[f.length - 1]!.x1).sort((a, b) => a - b);
  const width = ends[Math.floor(ends.length * 0.8)]!;
  const starts = block.flatMap((f) => f.filter((g) => g.gapBefore >= 1).map((g) => g.x0));
  for (let columns = MAX_COLUMNS; columns >= 3; columns--) {
    const pitch = (width + 1) / columns;
    const tolerance = pitch * 0.1;
    const chance = (starts.length * (2 * tolerance + 1)) / Math.max(1, width);
    let ok = true;
    for (let b = 1; b < columns && ok; b++) {
      const hits = starts.filter((x) => Math.abs(x - b * pitch) <= tolerance).length;
      ok = hits >= block.length * 0.5 && hits >= 3 * chance;
    }
    if (ok) return regular(columns, pitch);
  }
  return null;
}

/** Characters of a figure in a table cell. */
const FIGURE = /[0-9.,%()（）+\-－—]/u;

/** A cell that is a figure: most of its characters are. */
const isFigure = (text: readonly string[]): boolean => text.filter((ch) => FIGURE.test(ch)).length * 10 >= text.length * 6;

/**
 * Columns of figures are a table, not text set in columns: most cells after a gap are figures,
 * or three in four rows with a wide gap hold one (label and unit columns may outnumber the figures).
 * Reading it column by column would part every figure from its row's label.
 */
function tabular(block: readonly Line[], fragments: readonly Fragment[][]): boolean {
  let cells = 0;
  let figures = 0;
  let wideRows = 0;
  let figureRows = 0;
  fragments.forEach((frags, k) => {
    let figure = false;
    for (const f of frags) {
      if (f.gapBefore === 0) continue;
      cells++;
      if (isFigure(block[k]!.chars.slice(f.start, f.end))) {
        figures++;
        figure = true;
      }
    }
    if (hasWideGap(frags)) {
      wideRows++;
      if (figure) figureRows++;
    }
  });
  return cells > 0 && (figures * 10 >= cells * 4 || figureRows * 4 >= wideRows * 3);
}

/** A table row's first line: a label that is not a figure, then a gap and more cells. */
function startsRow(line: Line, frags: readonly Fragment[]): boolean {
  if (frags.length < 2 || frags[0]!.gapBefore > 0) return false;
  return !isFigure(line.chars.slice(frags[0]!.start, frags[0]!.end));
}

/** A line of a table's rows: cells after a wide gap, or figures only. */
function isRowLine(line: Line, frags: readonly Fragment[]): boolean {
  return hasWideGap(frags) || (frags.length > 0 && frags.every((f) => isFigure(line.chars.slice(f.start, f.end))));
}

/** Where a table's rows start, printed: the usual start of a line that opens with a label and has more cells. */
function rowMargin(block: readonly Line[], fragments: readonly Fragment[][]): number {
  const counts = new Map<number, number>();
  fragments.forEach((frags, k) => {
    if (frags.length >= 2 && !isFigure(block[k]!.chars.slice(frags[0]!.start, frags[0]!.end))) counts.set(frags[0]!.x0, (counts.get(frags[0]!.x0) ?? 0) + 1);
  });
  let best = 0;
  let bestCount = 0;
  for (const [x, count] of counts) if (count > bestCount || (count === bestCount && x < best)) [best, bestCount] = [x, count];
  return best;
}

/**
 * The wrapped tail of a table row: it holds figures only, or it starts under a cell of the row,
 * right of where the table's rows start (`rowX`, printed).
 */
function continuesRow(line: Line, frags: readonly Fragment[], rowX: number): boolean {
  if (frags.length === 0) return false;
  return (frags[0]!.gapBefore > 0 && frags[0]!.x0 > rowX) || frags.every((f) => isFigure(line.chars.slice(f.start, f.end)));
}

/** A line of the block's columns: a wide gap, or a fragment after a space that starts at a boundary. */
function fitsColumns(frags: readonly Fragment[], geometry: Geometry, need = 2): boolean {
  if (hasWideGap(frags)) return true;
  const { columns, pitch, starts, slack } = geometry;
  if (frags[frags.length - 1]!.x1 > rightEdge(geometry) + pitch * 0.3) return false;
  // every boundary met, or `need` where there are more: a noise space of a line of prose lands
  // near one boundary by chance far more often than near two
  let hits = 0;
  for (let b = 1; b < columns; b++) if (frags.some((f) => f.gapBefore > 0 && Math.abs(f.x0 - starts[b]!) <= pitch * 0.15 + slack[b]!)) hits++;
  return hits >= Math.min(need, columns - 1);
}

/** The column count and pitch of a block, from where the fragments after wide gaps start; null when they do not line up. */
function measure(lines: readonly Line[], block: readonly Fragment[][]): Geometry | null {
  const ends = block.filter(hasWideGap).map((f) => f[f.length - 1]!.x1).sort((a, b) => a - b);
  const width = ends[Math.floor(ends.length * 0.8)]!;
  // the starts after wide gaps, and every start after a space: the engine often squeezes the
  // gap between columns to one space, and the wide gaps alone may then miss a boundary
  const wideStarts = block.flatMap((f) => f.filter((g) => g.gapBefore >= WIDE).map((g) => g.x0));
  const allStarts = block.flatMap((f) => f.filter((g) => g.gapBefore >= 1).map((g) => g.x0));
  const need = Math.max(2, Math.ceil(ends.length * 0.25));
  let found: Geometry | null = null;
  for (let columns = MAX_COLUMNS; columns >= 2; columns--) {
    // a column's text and the gap after it: the last column's gap is not printed
    const gap = WIDE;
    const pitch = (width + gap) / columns;
    const tolerance = pitch * 0.2;
    const meets = (starts: readonly number[], needed: number): boolean => {
      for (let b = 1; b < columns; b++) if (starts.filter((x) => Math.abs(x - b * pitch) <= tolerance).length < needed) return false;
      return true;
    };
    // after single spaces a boundary must also stand well above the starts it would catch anywhere
    const chance = (allStarts.length * (2 * tolerance + 1)) / Math.max(1, width);
    const ok = meets(wideStarts, need) || meets(allStarts, Math.max(need, 2 * chance));
    if (ok) {
      found = regular(columns, pitch);
      break;
    }
  }
  if (found === null) return null;
  // columns whose starts wander: more of them than the regular grid finds, where they account
  // for a boundary's worth of starts more than it does
  const xs = clusterStarts(lines, block);
  const explained = (geometry: Geometry): number =>
    xs.filter((x) => geometry.starts.some((at, b) => b > 0 && Math.abs(x - at) <= geometry.pitch * 0.2 + geometry.slack[b]!)).length;
  for (let columns = MAX_COLUMNS; columns > found.columns; columns--) {
    const clustered = measureClusters(xs, columns, width, need);
    if (clustered !== null && explained(clustered) >= explained(found) + need) return clustered;
  }
  return found;
}

/** Gap, in spaces, after which a start counts towards a column's cluster. */
const CLUSTER_GAP = 2;
/** Rounds of moving each boundary to the median of the starts nearest it. */
const CLUSTER_ROUNDS = 4;
/** Starts a boundary needs before their spread says anything (a block of a few rows is left to the regular grid). */
const MIN_CLUSTER = 8;
/** Widest tolerance a cluster's spread may give a boundary, in pitches (two neighbours' tolerances must not meet). */
const MAX_SLACK = 0.35;

/** Where text starts after a run of spaces; figures are left out (a table's cells inside the columns would make a column of their own). */
const clusterStarts = (lines: readonly Line[], block: readonly Fragment[][]): number[] =>
  block.flatMap((frags, k) => frags.filter((f) => f.gapBefore >= CLUSTER_GAP && !isFigure(lines[k]!.chars.slice(f.start, f.end))).map((f) => f.x0));

/**
 * Columns whose starts wander: the engine wrote a different number of spaces for the same gap
 * from line to line (`--psm 6` of a printed page: a third column's text starts anywhere from 44
 * to 58 units), so no regular pitch meets them. Each boundary is moved, a few rounds, to the
 * median of the starts after runs of spaces nearest it; its tolerance is the spread of those
 * starts (twice their median distance from it, within bounds). The columns stand when the
 * boundaries keep apart by more than their tolerances and every boundary gathers `need` starts or
 * more (and `MIN_CLUSTER`) within its tolerance, twice as thick at least as the starts lie away
 * from every boundary. `xs`: the starts after runs of spaces (`clusterStarts`).
 */
function measureClusters(xs: readonly number[], columns: number, width: number, need: number): Geometry | null {
  if (xs.length === 0) return null;
  const pitch0 = (width + WIDE) / columns;
  const centres = Array.from({ length: columns }, (_, c) => c * pitch0);
  const near = (b: number): number[] => {
    const low = (centres[b - 1]! + centres[b]!) / 2;
    const high = b + 1 < columns ? (centres[b]! + centres[b + 1]!) / 2 : centres[b]! + pitch0 / 2;
    return xs.filter((x) => x >= low && x < high);
  };
  const median = (values: readonly number[]): number => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  };
  for (let round = 0; round < CLUSTER_ROUNDS; round++) {
    for (let b = 1; b < columns; b++) {
      const mine = near(b);
      if (mine.length === 0) return null;
      centres[b] = median(mine);
    }
  }
  const pitch = centres[columns - 1]! / (columns - 1);
  const tolerances = [0];
  for (let b = 1; b < columns; b++) {
    const mine = near(b);
    if (mine.length === 0) return null;
    const spread = 2 * median(mine.map((x) => Math.abs(x - centres[b]!)));
    tolerances.push(Math.min(MAX_SLACK * pitch, Math.max(0.2 * pitch, spread)));
    if (centres[b]! - centres[b - 1]! <= tolerances[b]! + tolerances[b - 1]!) return null;
  }
  // the starts away from every boundary: how thick the noise lies
  const inside = (x: number, b: number): boolean => Math.abs(x - centres[b]!) <= tolerances[b]!;
  const outside = xs.filter((x) => x > tolerances[1]! && !centres.some((_, b) => b > 0 && inside(x, b))).length;
  const covered = tolerances.reduce((n, t, b) => n + (b > 0 ? 2 * t + 1 : 0), 0);
  const noise = outside / Math.max(1, width - covered);
  for (let b = 1; b < columns; b++) {
    const hits = xs.filter((x) => inside(x, b)).length;
    if (hits < Math.max(need, MIN_CLUSTER) || hits < 2 * noise * (2 * tolerances[b]! + 1)) return null;
  }
  const slack = tolerances.map((t, b) => (b === 0 ? 0 : t - 0.2 * pitch));
  return { columns, pitch, starts: centres, slack };
}

/**
 * A title set across the columns above them (a page's headline): a line of one fragment, padded,
 * that crosses a column boundary well inside both columns, with no clause mark. A column's text
 * stays inside its column, and text of two columns the engine joined would be a sentence's pieces.
 * Only above the block's first row of several fragments: below it, a column's line padded in
 * characters, not printed width, can cross a boundary too (`空` + `气质量优良天数比例达到86.3%`).
 */
function spansColumns(line: Line, frags: readonly Fragment[], geometry: Geometry): boolean {
  if (frags.length !== 1 || frags[0]!.gapBefore < WIDE) return false;
  const { x0, x1, start, end } = frags[0]!;
  const { columns, pitch, starts } = geometry;
  let crosses = false;
  for (let b = 1; b < columns; b++) if (x0 <= starts[b]! - pitch * 0.2 && x1 >= starts[b]! + pitch * 0.2) crosses = true;
  return crosses && !line.chars.slice(start, end).some(isClauseMark);
}

/**
 * Reads a block whose top lines may be a title set across its columns: the title stands apart
 * before them (dealt into a column it would open that column's text: `清河市政府工作报告（摘要）31%。`).
 */
function readSections(block: Line[], fragments: Fragment[][], geometry: Geometry, judge: SeamJudge, blanks: number, notes: Note[]): Line[] {
  const out: Line[] = [];
  let from = 0;
  let afterTitle = false;
  const flush = (to: number): void => {
    if (to <= from) return;
    const read = readBlock(block.slice(from, to), fragments.slice(from, to), geometry, judge, blanks, notes);
    if (afterTitle && read.length > 0) read[0]!.blanksBefore = Math.max(read[0]!.blanksBefore, blanks + 1);
    out.push(...read);
  };
  const firstRow = fragments.findIndex((frags) => frags.length >= 2);
  block.forEach((line, k) => {
    if (k >= firstRow || !spansColumns(line, fragments[k]!, geometry)) return;
    flush(k);
    if (out.length > 0 || afterTitle) line.blanksBefore = Math.max(line.blanksBefore, blanks + 1);
    // its place on the page makes it a heading, however full its line (a body line would run on)
    line.role = 'heading';
    line.rule = 'clean/columns#grid-title';
    notes.push({
      rule: 'clean/columns#grid-title',
      reason: `raw line ${line.number} is a title set across the columns; kept apart as a heading, the columns read ${from < k ? 'before and ' : ''}after it`,
      severity: 'info',
      line: line.number,
    });
    out.push(line);
    from = k + 1;
    afterTitle = true;
  });
  flush(block.length);
  return out;
}

/** A column's text on one line of a block read across: a range of the line, read in its column's stream. */
export interface Piece {
  line: Line;
  from: number;
  to: number;
  /** Printed width of its text. */
  width: number;
  /** Row of the block it stands on. */
  row: number;
  /** The only piece of a line that starts at the margin: which column it is may be a guess. */
  alone: boolean;
}

function readBlock(block: Line[], fragments: Fragment[][], geometry: Geometry, judge: SeamJudge, blanks: number, notes: Note[]): Line[] {
  const { columns, pitch } = geometry;
  const streams: Piece[][] = Array.from({ length: columns }, () => []);
  const tails: string[][] = Array.from({ length: columns }, () => []);
  // the column's last line was full and stopped mid-sentence: its text must go on
  const open: boolean[] = Array.from({ length: columns }, () => false);
  // rows a column has gone without text since its last piece
  const skipped: number[] = Array.from({ length: columns }, () => 0);
  const skippedBefore = new Map<Piece, number>();
  block.forEach((line, k) => {
    const frags = splitOverwide(line, fragments[k]!, geometry);
    const assignment = frags.length > MAX_FRAGMENTS || assignments(frags.length, columns) > MAX_ASSIGNMENTS ? keepWhole(frags, geometry) : deal(line, frags, geometry, tails, open, judge);
    const used = new Set<number>();
    let f = 0;
    while (f < frags.length) {
      const column = assignment[f]!;
      let g = f;
      while (g + 1 < frags.length && assignment[g + 1] === column) g++;
      const text = line.chars.slice(frags[f]!.start, frags[g]!.end).filter((ch) => !isSpace(ch));
      const alone = f === 0 && g === frags.length - 1 && frags[0]!.gapBefore === 0;
      const piece: Piece = { line, from: frags[f]!.start, to: frags[g]!.end, width: text.reduce((n, ch) => n + widthOf(ch), 0), row: k, alone };
      skippedBefore.set(piece, skipped[column]!);
      streams[column]!.push(piece);
      tails[column] = text.slice(-8);
      open[column] = piece.width >= pitch * 0.75 && !endsSentence(text);
      used.add(column);
      f = g + 1;
    }
    for (let c = 0; c < columns; c++) skipped[c] = used.has(c) ? 0 : skipped[c]! + 1;
  });
  const read = writeColumns(block, streams, skippedBefore, judge, blanks, notes);
  dropGapPunctuation(read, judge, notes);
  return read;
}

/**
 * The lines of a block read column by column: each column's pieces in turn, a column's first
 * piece after the last of the column before. A paragraph ends where a sentence ends short of a
 * full line (`full`: the usual width of the pieces, or of the column's pieces where given), before
 * rows the column left empty (`skippedBefore`), or before an indented piece on a grid of cells.
 */
export function writeColumns(block: readonly Line[], streams: Piece[][], skippedBefore: ReadonlyMap<Piece, number>, judge: SeamJudge, blanks: number, notes: Note[], fullOf?: (column: number) => number): Line[] {
  moveOpeningPieces(streams, judge);
  // a full line of a column: the usual width of its pieces
  const widths = streams.flat().map((p) => p.width).sort((a, b) => a - b);
  const usual = widths[Math.floor(widths.length * 0.75)] ?? 0;
  const stray = strayPieces(streams, judge);
  const margins = streams.map(cellMargin);
  const out: Line[] = [];
  let previous: { chars: string[]; width: number; column: number } | null = null;
  let afterStray = false;
  streams.forEach((stream, c) => {
    stream.forEach((piece, k) => {
      const chars = piece.line.chars.slice(piece.from, piece.to);
      const line: Line = {
        number: piece.line.number,
        chars,
        origins: piece.line.origins.slice(piece.from, piece.to),
        blanksBefore: blanks,
        indent: 0,
      };
      if (out.length === 0) line.blanksBefore = block[0]!.blanksBefore;
      if (piece.line.pageBreakBefore !== undefined && c === 0 && k === 0) line.pageBreakBefore = piece.line.pageBreakBefore;
      if (previous !== null) {
        const ended = endsSentenceIgnoringSpaces(previous.chars);
        // a column's first piece follows the last of the column before; within a column a
        // sentence that ends short of a full line, or before rows the column left empty, ends its paragraph
        const short = previous.width < (fullOf?.(previous.column) ?? usual) * 0.8;
        if (ended && (k === 0 || short || skippedBefore.get(piece)! > 0)) line.blanksBefore = blanks + 1;
        // on a grid of character cells a piece set right of its column's margin is a paragraph's
        // indented first line, after a sentence's end or a heading (no clause mark) above it
        const margin = margins[c] ?? null;
        const heading = !previous.chars.some(isClauseMark) && !CONTINUING_MARKS.has(previous.chars[previous.chars.length - 1] ?? '');
        if (k > 0 && margin !== null && piece.from >= margin + MIN_INDENT && (ended || heading)) {
          line.blanksBefore = blanks + 1;
          line.breakBefore = true;
        }
      }
      // a stray piece stands apart: it would open or break the paragraph around it
      if (afterStray || stray.has(piece)) line.blanksBefore = Math.max(line.blanksBefore, blanks + 1);
      afterStray = stray.has(piece);
      if (afterStray) {
        notes.push({
          rule: 'clean/columns#grid-stray',
          reason: `raw line ${piece.line.number}: "${chars.join('').trim()}" stands alone between columns and runs on into neither the text above it nor below; kept as a paragraph of its own`,
          severity: 'warning',
          line: piece.line.number,
          raw: { start: line.origins[0]!, end: line.origins[line.origins.length - 1]! + 1 },
        });
      }
      out.push(line);
      previous = { chars, width: piece.width, column: c };
    });
  });
  dropStrayQuotes(out, notes);
  return out;
}

/** Pieces a column needs to show its margin. */
const MIN_MARGIN_PIECES = 8;
/** Cells right of the margin that make an indent (pdftotext -layout sets a two-em indent as 2–4 cells). */
const MIN_INDENT = 2;

/**
 * The character cell a column's lines start at, where the page is set on a grid of cells
 * (pdftotext -layout: two in three of the column's pieces or more, and eight at least, start at
 * the same code point of their line); null where they do not line up so (an OCR engine's spaces only approximate
 * the gaps, and an indent cannot be told from their noise).
 */
function cellMargin(stream: readonly Piece[]): number | null {
  if (stream.length < MIN_MARGIN_PIECES) return null;
  const counts = new Map<number, number>();
  for (const piece of stream) counts.set(piece.from, (counts.get(piece.from) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [from, count] of counts) if (count > bestCount || (count === bestCount && from < best)) [best, bestCount] = [from, count];
  return bestCount * 3 >= stream.length * 2 ? best : null;
}

/** Characters at most of a stray piece. */
const MAX_STRAY = 2;

/**
 * Pieces of one or two Chinese characters after the end of a sentence that run on into nothing
 * below: what the engine makes of a row it read across two half-overlapping rows (`的`, `本`).
 * Glued to the next piece they would open its paragraph.
 */
function strayPieces(streams: Piece[][], judge: SeamJudge): Set<Piece> {
  const order = streams.flat();
  const textOf = (piece: Piece): string[] => piece.line.chars.slice(piece.from, piece.to).filter((ch) => !isSpace(ch));
  const stray = new Set<Piece>();
  order.forEach((piece, k) => {
    const text = textOf(piece);
    if (text.length === 0 || text.length > MAX_STRAY || !text.every((ch) => isCjk(ch) && !NO_LINE_START.has(ch) && !endsSentence([ch]))) return;
    const before = k > 0 ? textOf(order[k - 1]!) : [];
    const after = k + 1 < order.length ? textOf(order[k + 1]!) : [];
    // inside a sentence it is one character too many; only where a paragraph would open with it
    // does it do more harm glued than apart
    if (before.length > 0 && !endsSentence(before) && !stray.has(order[k - 1]!)) return;
    if (after.length > 0 && judge.continuity(text, after.slice(0, 8)) > 0) return;
    stray.add(piece);
  });
  return stray;
}

/**
 * A line at the top of a block with one column's text, the padding before it dropped, is dealt
 * to the first column for want of text above it. Once the columns are read, the text that runs
 * into it is known: the end of the column before the one it belongs to (`…完成684.` + `5亿元`).
 * It moves to the top of a later column when that column's row is free, the end of the column
 * before runs on into it, and nothing runs on into it where it stands.
 */
function moveOpeningPieces(streams: Piece[][], judge: SeamJudge): void {
  const textOf = (piece: Piece): string[] => piece.line.chars.slice(piece.from, piece.to);
  for (let c = 0; c + 1 < streams.length; c++) {
    const piece = streams[c]![0];
    if (piece === undefined || !piece.alone) continue;
    const before = c > 0 ? streams[c - 1]![streams[c - 1]!.length - 1] : undefined;
    if (before !== undefined && judge.continuity(textOf(before), textOf(piece)) > 0) continue;
    for (let target = c + 1; target < streams.length; target++) {
      const first = streams[target]![0];
      if (first !== undefined && first.row <= piece.row) continue;
      const above = streams[target - 1]!.filter((p) => p !== piece);
      const end = above[above.length - 1];
      if (end === undefined || judge.continuity(textOf(end), textOf(piece)) === 0) continue;
      streams[c]!.shift();
      streams[target]!.unshift(piece);
      break;
    }
  }
}

/** Marks the engine leaves where it met the gap between two columns (`全年”1450亿元`). */
const GAP_MARKS = new Set(['“', '”', '"', '‘', '’', "'", '|']);
const NUMBER_PART = /[0-9.,%]/u;
/** Cuts tried where text of two columns touches without a space. */
const MAX_CUTS = 3;

/**
 * Fragments wider than a column hold two columns the engine joined without a space: each is cut
 * at the column boundary it crosses, before a stray quote mark there if there is one, else at
 * the nearest character, never inside a number.
 */
function splitOverwide(line: Line, frags: Fragment[], geometry: Geometry): Fragment[] {
  const { columns, pitch, starts, slack } = geometry;
  const out: Fragment[] = [];
  for (const fragment of frags) {
    let rest = fragment;
    // the boundaries; where the fragment opens a column's text off them, after a wide gap (the
    // engine wrote fewer spaces than the gap or the empty columns before it take), where its
    // columns' text ends counted from its own start
    const offGrid = fragment.gapBefore >= WIDE && starts.every((x, c) => Math.abs(fragment.x0 - x) > pitch * 0.2 + slack[c]!);
    const targets = Array.from({ length: columns - 1 }, (_, b) => (offGrid ? fragment.x0 + (b + 1) * pitch - WIDE : starts[b + 1]!));
    for (const target of targets) {
      if (rest.x1 - rest.x0 <= pitch * 1.15 || target < rest.x0 + pitch * 0.25 || target > rest.x1 - pitch * 0.2) continue;
      // the cuts near the boundary: before a stray quote mark if there is one, else the few
      // nearest character boundaries that a printed line may start at (not inside a number, not
      // before closing punctuation); the dealing picks among them by the columns' text
      const candidates: { at: number; x: number; distance: number }[] = [];
      let mark: { at: number; x: number; distance: number } | null = null;
      let x = rest.x0;
      for (let i = rest.start; i < rest.end; i++) {
        const ch = line.chars[i]!;
        const distance = Math.abs(x - target);
        if (i > rest.start && distance <= pitch * 0.2) {
          if (GAP_MARKS.has(ch) && (mark === null || distance < mark.distance)) mark = { at: i, x, distance };
          const inNumber = NUMBER_PART.test(ch) && NUMBER_PART.test(line.chars[i - 1]!);
          if (!inNumber && !NO_LINE_START.has(ch)) candidates.push({ at: i, x, distance });
        }
        if (x - target > pitch * 0.2) break;
        x += widthOf(ch);
      }
      const cuts = mark !== null ? [mark] : candidates.sort((p, q) => p.distance - q.distance).slice(0, MAX_CUTS).sort((p, q) => p.at - q.at);
      if (cuts.length === 0) continue;
      for (const cut of cuts) {
        out.push({ start: rest.start, end: cut.at, x0: rest.x0, x1: cut.x, gapBefore: rest.gapBefore });
        rest = { start: cut.at, end: rest.end, x0: cut.x, x1: rest.x1, gapBefore: 0 };
      }
    }
    out.push(rest);
  }
  return out;
}

/** Order-keeping assignments of `n` fragments to `k` columns, times the shifts tried: C(n+k-1, k-1)·k. */
function assignments(n: number, k: number): number {
  let count = 1;
  for (let i = 1; i < k; i++) count = (count * (n + i)) / i;
  return count * k;
}

/** A line with too many fragments to deal: each fragment goes to the column its position names. */
function keepWhole(frags: Fragment[], geometry: Geometry): number[] {
  let last = 0;
  return frags.map((f) => {
    last = Math.max(last, columnFrom(geometry, f.x0, 0.2));
    return last;
  });
}

/** The best order-keeping assignment of a line's fragments to columns. */
function deal(line: Line, frags: Fragment[], geometry: Geometry, tails: string[][], open: readonly boolean[], judge: SeamJudge): number[] {
  const { columns, pitch, starts, slack } = geometry;
  const n = frags.length;
  const texts = frags.map((f) => line.chars.slice(f.start, f.end));
  // judged once: fragment i opening column c, and fragment i running on across a single space
  const opens: number[][] = frags.map((_, i) =>
    tails.map((tail) => (tail.length === 0 || endsSentence(tail) ? 0 : judge.continuity(tail, texts[i]!))),
  );
  // text across a single space or none, judged with the whole line around it; text the engine
  // wrote without a space stays together unless the columns' text says otherwise
  const joins: number[] = frags.map((f, i) =>
    i > 0 && f.gapBefore < WIDE
      ? judge.continuity(line.chars.slice(Math.max(0, f.start - 8), f.start), line.chars.slice(f.start, f.start + 8)) + (f.gapBefore === 0 ? TOUCHING : 0)
      : 0,
  );
  const shifts: number[] = [0];
  // where the line starts at the margin, the engine may have dropped the padding of empty columns
  if (frags[0]!.x0 < pitch * 0.2) for (let s = 1; s < columns; s++) if (frags[n - 1]!.x1 + starts[s]! <= rightEdge(geometry) + pitch * 0.2) shifts.push(s);
  let best: number[] = [];
  let bestScore = -Infinity;
  const assignment: number[] = new Array<number>(n).fill(0);
  const score = (shift: number): number => {
    let total = -shift * SHIFT_COST;
    const used = new Set(assignment);
    for (let c = 0; c < columns; c++) if (open[c] && !used.has(c)) total -= MID_STOP_COST;
    for (let i = 0; i < n; i++) {
      const c = assignment[i]!;
      const f = frags[i]!;
      if (i === 0 || assignment[i - 1] !== c) {
        total -= POSITION_WEIGHT * Math.min(1.5, Math.max(0, Math.abs(f.x0 + starts[shift]! - starts[c]!) - slack[c]!) / pitch);
        total += CONTINUITY_WEIGHT * opens[i]![c]!;
      } else {
        total += CONTINUITY_WEIGHT * joins[i]!;
        // a wide gap inside one column is unlikely
        if (f.gapBefore >= WIDE) total -= WIDE_INSIDE_COST;
      }
      // a column's text on one line is no wider than the column
      if (i + 1 === n || assignment[i + 1] !== c) {
        let first = i;
        while (first > 0 && assignment[first - 1] === c) first--;
        const excess = f.x1 - frags[first]!.x0 - pitch;
        if (excess > 0) total -= POSITION_WEIGHT * Math.min(1.5, excess / pitch);
      }
    }
    return total;
  };
  const walk = (i: number, from: number, shift: number): void => {
    if (i === n) {
      const value = score(shift);
      if (value > bestScore) {
        bestScore = value;
        best = [...assignment];
      }
      return;
    }
    for (let c = from; c < columns; c++) {
      assignment[i] = c;
      walk(i + 1, c, shift);
    }
  };
  // where the engine kept the padding of empty columns, the first fragment stands beyond them
  const first = frags[0]!.x0 >= pitch * EMPTY_FIRST ? Math.max(1, columnFrom(geometry, frags[0]!.x0, 0.4)) : 0;
  for (const shift of shifts) walk(0, first, shift);
  return best;
}

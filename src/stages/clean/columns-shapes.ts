/**
 * columns-shapes: what the column search knows of a line, whatever boundary it tries, and the
 * block it builds. A line's gaps (runs of spaces between text), where they lie by characters or
 * by printed width (`Measure`), how near a boundary a gap must be; the slot a line takes in a
 * block (split, left column alone, right column alone) and the block itself. Kept apart from the
 * search so that finding a block, weighing its evidence and splitting it share one vocabulary.
 */
import { isSpace } from './chars.js';
import type { Line } from './lines.js';
import type { SeamJudge } from './seam.js';

/** A run of spaces inside a line (non-space text on both sides). */
export interface Gap {
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
export type Measure = 'chars' | 'units';

/**
 * How far from the boundary a gap may lie and still count as near it: by characters a tenth of
 * the column (a line's figures and Latin letters make its characters vary); by printed width,
 * which type sets to the half character, less. bench/clean-damage.mjs --seeds 10, columns whole
 * (--layout ragged / --style hard): 0.1 of the column 0.895 / 0.914 but 0.998 without columns,
 * where noise spaces then line up by chance (1.000 before); 0.07 0.890 / 0.914 and 1.000; 0.05
 * 0.887 / 0.913; one character 0.881 / 0.913.
 */
export function toleranceOf(x: number, measure: Measure): number {
  return Math.max(1, Math.round(x * (measure === 'chars' ? 0.1 : 0.07)));
}


/**
 * Raw origins of characters normalize folded from full-width forms to ASCII (`normalize.ts`
 * `FoldedWide`): by printed width each is one, as the page set it, not half. A ragged page of
 * bench/clean-damage.mjs whose left cell held `２００７年…１５．２％；…` was measured 30.5 wide beside a
 * boundary at 34, and its row left out of the block.
 */
export type Wide = ReadonlySet<number>;

const NOT_WIDE: Wide = new Set<number>();

/**
 * Width of `line`'s character `i` in `measure`: one per character, or its printed width in Chinese
 * characters (ASCII and Latin-1 half, the rest one; a folded full-width form one, as printed: `Wide`).
 */
export function widthAt(line: Line, i: number, measure: Measure, wide: Wide = NOT_WIDE): number {
  if (measure === 'chars') return 1;
  return line.chars[i]!.codePointAt(0)! <= 0xff && !wide.has(line.origins[i]!) ? 0.5 : 1;
}

/** Widest column tried, in characters: a gap further in is not a column boundary. */
export const MAX_COLUMN_WIDTH = 160;

/** Lines a block needs before its columns are split. */
export const MIN_BLOCK = 3;

/** `target.push(...items)` without the argument limit: a document may have a million lines. */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

export function gapsOf(line: Line, measure: Measure = 'chars', wide: Wide = NOT_WIDE): Gap[] {
  const gaps: Gap[] = [];
  const { chars } = line;
  let seen = 0;
  for (let i = 0; i < chars.length; i++) {
    if (!isSpace(chars[i]!)) {
      seen += widthAt(line, i, measure, wide);
      continue;
    }
    let end = i;
    while (end < chars.length && isSpace(chars[end]!)) end++;
    if (seen > 0 && end < chars.length) gaps.push({ start: i, end, left: seen });
    i = end - 1;
  }
  return gaps;
}

/** What the column searches ask of a line in one measure: its gaps, leading spaces and content width. */
export interface Shape {
  gaps: Gap[];
  leading: number;
  content: number;
}

/** No gaps: shared by every line without one (never changed by a reader). */
const NO_GAPS: Gap[] = [];

/**
 * `gapsOf`, the leading spaces and the content width of `line` in one loop over its characters
 * (they were three, in each of the two searches that measure every line, by both measures). A
 * line without a space, most of them, has no gap and only its width to add up (the 10 MB corpus
 * twice, warm: the cells search 0.36 → 0.20 s CPU, the across search 0.85 → 0.68 s).
 */
export function shapeOf(line: Line, measure: Measure, wide: Wide = NOT_WIDE): Shape {
  const { chars } = line;
  // (a folded full-width form is looked up only on a page that has one)
  const folded = wide.size > 0;
  const n = chars.length;
  const half = measure === 'units';
  let content = 0;
  let gaps = NO_GAPS;
  let leading = -1;
  for (let i = 0; i < n; i++) {
    const ch = chars[i]!;
    if (!isSpace(ch)) {
      if (leading < 0) leading = i;
      content += half && ch.codePointAt(0)! <= 0xff && !(folded && wide.has(line.origins[i]!)) ? 0.5 : 1;
      continue;
    }
    let end = i + 1;
    while (end < n && isSpace(chars[end]!)) end++;
    if (content > 0 && end < n) {
      if (gaps === NO_GAPS) gaps = [];
      gaps.push({ start: i, end, left: content });
    }
    i = end - 1;
  }
  return { gaps, leading: leading < 0 ? n : leading, content };
}

/**
 * `shapeOf` by both measures, `[chars, units]`, in one loop over the line's characters: the two
 * searches ask both of nearly every line (the cells search tries each line by characters, then by
 * printed width), and the loop, not what it builds, was most of their cost on a page without columns.
 */
export function shapePair(line: Line, wide: Wide = NOT_WIDE): [Shape, Shape] {
  const { chars } = line;
  // (a folded full-width form is looked up only on a page that has one)
  const folded = wide.size > 0;
  const n = chars.length;
  let points = 0;
  let units = 0;
  let byPoints = NO_GAPS;
  let byUnits = NO_GAPS;
  let leading = -1;
  for (let i = 0; i < n; i++) {
    const ch = chars[i]!;
    if (!isSpace(ch)) {
      if (leading < 0) leading = i;
      points += 1;
      units += ch.codePointAt(0)! <= 0xff && !(folded && wide.has(line.origins[i]!)) ? 0.5 : 1;
      continue;
    }
    let end = i + 1;
    while (end < n && isSpace(chars[end]!)) end++;
    if (points > 0 && end < n) {
      if (byPoints === NO_GAPS) {
        byPoints = [];
        byUnits = [];
      }
      byPoints.push({ start: i, end, left: points });
      byUnits.push({ start: i, end, left: units });
    }
    i = end - 1;
  }
  const lead = leading < 0 ? n : leading;
  return [
    { gaps: byPoints, leading: lead, content: points },
    { gaps: byUnits, leading: lead, content: units },
  ];
}

/**
 * What the block search asks of a line and of its gaps, whatever boundary it tries: asked for
 * every boundary tried on every line near it, answered once per line and gap (the lines' text
 * does not change while blocks are sought).
 */
export class LineShapes {
  /** Each line's shapes by both measures (`shapePair`), shared by the two `LineShapes` of one page. */
  private readonly shapes: Map<Line, [Shape, Shape]>;
  /** This measure's place in a pair. */
  private readonly index: 0 | 1;
  private readonly across = new Map<Gap, boolean>();
  private readonly lefts = new Map<Gap, string[]>();
  private readonly judge: SeamJudge;
  /** How gap positions and line lengths are counted. */
  readonly measure: Measure;

  /** True when a cell's text is page furniture. */
  readonly isFurniture: (text: string) => boolean;

  /** Folded full-width forms, counted as printed in the `units` measure. */
  readonly wide: Wide;

  /** `pairs`: the map of shapes to share with the other measure's `LineShapes` over the same lines. */
  constructor(judge: SeamJudge, measure: Measure, isFurniture: (text: string) => boolean, wide: Wide = NOT_WIDE, pairs: Map<Line, [Shape, Shape]> = new Map()) {
    this.judge = judge;
    this.measure = measure;
    this.isFurniture = isFurniture;
    this.wide = wide;
    this.shapes = pairs;
    this.index = measure === 'chars' ? 0 : 1;
  }

  of(line: Line): Shape {
    let pair = this.shapes.get(line);
    if (pair === undefined) {
      pair = shapePair(line, this.wide);
      this.shapes.set(line, pair);
    }
    return pair[this.index];
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

  /** How much `right` runs on from `left` (the judge's `continuity`). */
  continuity(left: readonly string[], right: readonly string[]): number {
    return this.judge.continuity(left, right);
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

/** A right slot with `margin` is a line at the margin read as the right column's by its width alone (`rightAtMargin`). */
export type Slot = { kind: 'split'; gap: Gap; near: boolean } | { kind: 'left' } | { kind: 'right'; margin?: boolean };

export interface Block {
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

/** The index of the block's last split line. */
export function lastSplit(slots: readonly Slot[]): number {
  for (let k = slots.length - 1; k >= 0; k--) if (slots[k]!.kind === 'split') return k;
  return -1;
}

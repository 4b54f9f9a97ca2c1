/**
 * The page's layout as the line statistics show it: the usual width of a full line, the usual
 * number of blank lines between lines, the usual indent. The paragraph pass reads a line against
 * these: a line that ends a sentence well short of the usual width ends its paragraph.
 */
import { endsSentence, isCjk, isClauseMark } from './chars.js';
import type { Line } from './lines.js';

export interface Layout {
  /** Width of a full (wrapped) line, or null when the lines do not share one (each line a block). */
  width: number | null;
  /** How far short of `width` a line may stop and still count as full. */
  tolerance: number;
  /**
   * The text was wrapped every N characters (a converter, not a typesetter): no line is longer
   * than `width` and most full lines have exactly it, so a line that ends a sentence one short
   * of it is a paragraph's last line.
   */
  exact: boolean;
  /** How the width is measured. */
  measure: (line: Line) => number;
  /** The usual count of blank lines between two lines (1 in a double-spaced OCR dump). */
  blanks: number;
  /** The usual indent of a line. */
  indent: number;
  /**
   * A gap follows nearly every line that ends a sentence well short of the width: the page sets
   * its paragraphs apart by gaps (Tesseract's automatic layout writes one between blocks), so a
   * short line without a gap after it is no paragraph's end but a first line whose indent the
   * OCR dropped.
   */
  gapsEndParagraphs: boolean;
  /**
   * Each line is a whole paragraph (text saved from a web page or a word processor): nearly every
   * long line ends a sentence, where a hard-wrapped page ends most of its lines mid-sentence.
   */
  linePerParagraph: boolean;
}

/** Code points, as a harness that wraps every N characters counts them. */
const codePoints = (line: Line): number => line.chars.length;
/** Printed width in full-width ems: Chinese is one em, ASCII half, as a page is set. */
const ems = (line: Line): number => emsOf(line.chars);

/** Reads the layout of `lines` (non-blank, in reading order). */
export function measureLayout(lines: readonly Line[]): Layout {
  const { best, linePerParagraph } = measureWidth(lines);
  const width = linePerParagraph ? null : best.width;
  const blanks = mode(lines.slice(1).map((line) => line.blanksBefore));
  return {
    gapsEndParagraphs: width !== null && gapsEnd(lines, width - toleranceOf(width), best.measure, blanks),
    linePerParagraph,
    width: linePerParagraph ? null : best.width,
    tolerance: best.width === null ? 0 : toleranceOf(best.width),
    exact: best.width !== null && best.tight,
    measure: best.measure,
    blanks,
    indent: usualIndent(lines),
  };
}

/**
 * `measureLayout(lines).width` alone, without the blank lines, the indent and the gaps after
 * paragraphs: whether the lines share a width is all the relink pass asks.
 */
export function layoutWidth(lines: readonly Line[]): number | null {
  const { best, linePerParagraph } = measureWidth(lines);
  return linePerParagraph ? null : best.width;
}

/** The width the body lines share, by the measure that shows it best, and whether each line is a paragraph. */
function measureWidth(lines: readonly Line[]): { best: { width: number | null; tight: boolean; measure: (line: Line) => number }; linePerParagraph: boolean } {
  // each body line's width by both measures in one loop over its characters, read again by
  // `proseAt` (relink and the paragraph pass each measure a page: the two widths, `ems` once
  // more for the lines near the width, and the long lines' ends had been separate walks)
  const body: Line[] = [];
  const byPointsOf: number[] = [];
  const byEmsOf: number[] = [];
  let long = 0;
  let ended = 0;
  for (const line of lines) {
    if (line.role !== undefined) continue;
    const { chars } = line;
    body.push(line);
    byPointsOf.push(chars.length);
    byEmsOf.push(emsOf(chars));
    if (chars.length >= LONG_LINE) {
      long++;
      if (endsSentence(chars)) ended++;
    }
  }
  const byPoints = cluster(byPointsOf);
  const byEms = cluster(byEmsOf);
  const chosen = byEms.share > byPoints.share ? { ...byEms, measure: ems } : { ...byPoints, measure: codePoints };
  const widths = byEms.share > byPoints.share ? byEmsOf : byPointsOf;
  // a data card's lines (`新增规上工业企业23家`, `高新技术企业达到68家`) may share a width by chance: prose wrapped at a
  // width has clause marks in most of its full lines, a list of items one a line has none
  const best = chosen.width !== null && !proseAt(body, widths, chosen.width) ? { ...chosen, width: null, tight: false } : chosen;
  const linePerParagraph = long >= 3 && ended >= long * 0.8;
  return { best, linePerParagraph };
}

/** `ems` of a line's characters: a count of its CJK characters, the rest half an em each (the same sum, exact in halves). */
function emsOf(chars: readonly string[]): number {
  let cjk = 0;
  for (let i = 0; i < chars.length; i++) if (isCjk(chars[i]!)) cjk++;
  return cjk + (chars.length - cjk) * 0.5;
}

/** Share of the full lines that must hold a clause mark for a width to be a wrap width of prose. */
const PROSE_SHARE = 0.2;

/** Lines at a width, none of them prose, needed to say the width is no wrap width. */
const LIST_LINES = 6;

/**
 * True unless at least LIST_LINES lines stand at `width` (within its tolerance) and fewer than
 * PROSE_SHARE of them hold a clause mark. A line with a gap of two spaces or more is a table row,
 * neither prose nor an item: it is not counted. `widths`: each line's width in the measure `width` is in.
 */
function proseAt(lines: readonly Line[], widths: readonly number[], width: number): boolean {
  const tolerance = toleranceOf(width);
  let full = 0;
  let marked = 0;
  for (let k = 0; k < lines.length; k++) {
    if (Math.abs(widths[k]! - width) > tolerance) continue;
    const mark = gapOrMark(lines[k]!.chars);
    if (mark === GAP) continue;
    full++;
    if (mark === MARK) marked++;
  }
  return full < LIST_LINES || marked >= full * PROSE_SHARE;
}

const NEITHER = 0;
const MARK = 1;
const GAP = 2;

/**
 * GAP when the line holds a run of two spaces or more (a table's column gap), else MARK when it
 * holds a clause mark, else NEITHER: one walk for the two questions `proseAt` asks of a line.
 */
function gapOrMark(chars: readonly string[]): number {
  let mark = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === ' ') {
      if (i > 0 && chars[i - 1] === ' ') return GAP;
    } else if (!mark && isClauseMark(ch)) mark = true;
  }
  return mark ? MARK : NEITHER;
}

/** Continuation lines needed to read the usual indent from them alone. */
const MIN_CONTINUATIONS = 3;

/**
 * The indent of a line that goes on with a sentence: the commonest indent among lines whose line
 * above stops mid-sentence, which no paragraph starts. Over all lines, a page of short indented
 * paragraphs and indented headings has more first lines than continuations, and its first-line
 * indent would pass for the usual one (pdftotext -layout of a bulletin: five paragraphs read as one).
 */
function usualIndent(lines: readonly Line[]): number {
  const continuations: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const above = lines[i - 1]!;
    if (above.role === undefined && lines[i]!.role === undefined && !endsSentence(above.chars)) continuations.push(lines[i]!.indent);
  }
  return mode(continuations.length >= MIN_CONTINUATIONS ? continuations : lines.map((line) => line.indent));
}

/**
 * True when more blank lines than usual follow at least GAP_SHARE of the lines that end a
 * sentence short of `full` (and there are GAP_ENDS of them at least).
 */
function gapsEnd(lines: readonly Line[], full: number, measure: (line: Line) => number, blanks: number): boolean {
  let ends = 0;
  let gapped = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    if (line.role !== undefined || !endsSentence(line.chars) || measure(line) >= full) continue;
    // a line after a gap two ems short may be a first line that lost its indent: what is asked
    if (line.blanksBefore > blanks && measure(line) + FIRST_LINE_INDENT >= full) continue;
    ends++;
    if (lines[i + 1]!.blanksBefore > blanks) gapped++;
  }
  return ends >= GAP_ENDS && gapped >= ends * GAP_SHARE;
}

/** The first-line indent of a typeset Chinese paragraph, in ems. */
export const FIRST_LINE_INDENT = 2;
const GAP_ENDS = 5;
const GAP_SHARE = 0.85;

/** A line this long (code points) that ends a sentence is evidence for one paragraph a line. */
const LONG_LINE = 40;

/**
 * No printed page wraps lines this long (in ems or code points): lines that share such a width
 * are unwrapped paragraphs of similar length, one per line, not a page's column width.
 */
const MAX_WRAP_WIDTH = 120;

/** Lines at exactly the width, and their share of the lines near it, to read a width as exact. */
const TIGHT_LINES = 8;
const TIGHT_SHARE = 0.8;

function toleranceOf(width: number): number {
  return Math.max(1, Math.floor(width * 0.08));
}

/**
 * The width most lines share, within a tolerance, when enough lines share it: at least three,
 * and at least a third of the lines long enough to have wrapped.
 */
export function cluster(widths: number[]): { width: number | null; share: number; tight: boolean } {
  const long = widths.filter((w) => w >= 6);
  if (long.length < 3) return { width: null, share: 0, tight: false };
  // a histogram over whole widths keeps this linear in the number of lines
  const histogram = new Map<number, number>();
  for (const w of long) histogram.set(Math.round(w), (histogram.get(Math.round(w)) ?? 0) + 1);
  const within = (candidate: number): number => {
    const tolerance = toleranceOf(candidate);
    let count = 0;
    for (let w = Math.ceil(candidate - tolerance); w <= candidate + tolerance; w++) count += histogram.get(w) ?? 0;
    return count;
  };
  let bestWidth = 0;
  let bestCount = 0;
  for (const candidate of histogram.keys()) {
    const count = within(candidate);
    if (count > bestCount || (count === bestCount && candidate > bestWidth)) {
      bestCount = count;
      bestWidth = candidate;
    }
  }
  const share = bestCount / long.length;
  if (bestCount < 3 || share < 0.35 || bestWidth > MAX_WRAP_WIDTH) return { width: null, share, tight: false };
  // the full width is the middle of the cluster: lines just short of it are full lines with wider glyphs
  const tolerance = toleranceOf(bestWidth);
  // (sorted as numbers by the typed array's own sort, not by a comparator called from C++ for
  // every pair: on a wrapped page the cluster holds most of its lines, and that sort was half of
  // this function's time)
  const members = new Float64Array(long.filter((w) => Math.abs(w - bestWidth) <= tolerance)).sort();
  const width = members[Math.floor(members.length / 2)]!;
  // wrapped every N characters: see Layout.exact
  const exact = members.filter((w) => w === width).length;
  const tight = exact >= TIGHT_LINES && exact >= members.length * TIGHT_SHARE && !long.some((w) => w > width);
  return { width, share, tight };
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = 0;
  let bestCount = -1;
  for (const [v, c] of counts) {
    if (c > bestCount || (c === bestCount && v < best)) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

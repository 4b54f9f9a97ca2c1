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
 *
 * Pages of three columns whose empty cells are not padded (a row of the first and third columns'
 * cells) are dealt row by row by the cells' widths and the words (`columns-cells.ts`), before the
 * two-column repair would split such a row at the wrong boundary.
 *
 * This file runs the passes in order; the rest is split by concern: `columns-shapes.ts` (a line's
 * gaps, slots and blocks), `columns-slots.ts` (how one line fits a boundary), `columns-blocks.ts`
 * (finding a candidate block and its boundary), `columns-evidence.ts` (the words: columns run down
 * or text runs across), `columns-across.ts` (choosing between overlapping blocks, the split and its
 * note), `columns-alternating.ts` (lines alternating between two columns).
 */
import type { Line } from './lines.js';
import type { Note } from './notes.js';
import { layoutWidth } from './layout.js';
import { readGrid } from './grid.js';
import { readCells } from './columns-cells.js';
import { relink } from './relink.js';
import type { SeamJudge } from './seam.js';
import { LineShapes, type Shape, type Wide } from './columns-shapes.js';
import { splitAcross } from './columns-across.js';
import { deinterleave } from './columns-alternating.js';

/**
 * `isFurniture` says whether a cell's text is page furniture (`rules/furniture.yaml`: a byline, a
 * running date, `第3版`): set in one column's cell beside the other's line, it is split off.
 * `wide`: the raw origins of full-width forms normalize folded to ASCII, measured as printed.
 */
export function repairColumns(lines: Line[], judge: SeamJudge, notes: Note[], isFurniture: (text: string) => boolean = () => false, wide?: Wide): Line[] {
  const blanks = usualBlanks(lines);
  const pieces = new Set<Line>();
  // pages of columns read across with runs of spaces first; their lines are left alone below
  const gridLines = new Set<Line>();
  const gridded = readGrid(lines, judge, blanks, notes, gridLines);
  // the lines' shapes, by characters and by printed width, measured once for both searches below
  // (neither changes a line it does not take into a block)
  const pairs = new Map<Line, [Shape, Shape]>();
  const shapes = [new LineShapes(judge, 'chars', isFurniture, wide, pairs), new LineShapes(judge, 'units', isFurniture, wide, pairs)];
  // then pages of three columns whose empty cells are not padded: their rows are dealt by the cells' widths
  const celled = readCells(gridded, judge, blanks, notes, gridLines, shapes, isFurniture);
  const across = splitAcross(celled, judge, blanks, notes, pieces, 0, gridLines, shapes);
  for (const line of gridLines) pieces.add(line);
  const ordered = deinterleave(across, judge, blanks, notes, pieces);
  // where lines share a width, columns show in the layout and were handled above; only in a dump
  // of blocks (a paragraph or a column's run per line) must the words alone decide. Measured only
  // where relink finds a suspect seam: a page with no space inside a line (text saved from a web
  // page, a converter's output) has none (held-out texts, clean alone: 0.266 → 0.255 s CPU)
  const blocks = (): boolean => layoutWidth(ordered) === null;
  return relink(ordered, judge, blanks, notes, blocks);
}

function usualBlanks(lines: Line[]): number {
  const counts = new Map<number, number>();
  for (const line of lines.slice(1)) counts.set(line.blanksBefore, (counts.get(line.blanksBefore) ?? 0) + 1);
  let best = 0;
  let bestCount = -1;
  for (const [value, count] of counts) if (count > bestCount || (count === bestCount && value < best)) [best, bestCount] = [value, count];
  return best;
}

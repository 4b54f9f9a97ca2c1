/**
 * columns-evidence: whether a candidate block is columns, by the words: the text must run on down
 * each column (the joins of one column's lines) more than across the gap, and more clearly so
 * where the gap is a single space, which OCR also leaves inside a column. Apart from the search
 * (`columns-blocks.ts`) because this is where jieba is the judge, and where the bench figures that
 * tuned the thresholds are kept.
 */
import { endsSentence, endsSentenceIgnoringSpaces } from './chars.js';
import type { Line } from './lines.js';
import type { SeamJudge } from './seam.js';
import { type Block, MIN_BLOCK, gapsOf, lastSplit, toleranceOf } from './columns-shapes.js';

/** Share of a block's lines with a gap at exactly the boundary that shows columns by position alone. */
const EXACT_SHARE = 0.6;

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
export function columnsRunDown(lines: Line[], block: Block, judge: SeamJudge): boolean {
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
        const near = slot.gap.left === block.x ? [] : gapsOf(line, block.shapes.measure, block.shapes.wide).filter((g) => Math.abs(g.left - block.x) <= tolerance);
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
  const characters = blockLines.reduce((n, line) => n + block.shapes.of(line).content, 0);
  const chance = Math.min(1, ((2 * tolerance + 1) * spaces) / Math.max(1, characters));
  // a line of the right column alone, standing after the left column's padding, is as good as a split
  const rights = block.slots.filter((slot) => slot.kind === 'right').length;
  if ((splits + rights) / block.slots.length < Math.min(0.9, chance + 0.3)) return false;
  // (the words may run across some gaps by chance where they clearly run down more)
  return block.matched >= MIN_BLOCK + 1 && down >= 2 && downRate + 0.1 >= acrossRate && (acrossRate < 0.4 || downRate >= acrossRate + 0.25);
}

/**
 * columns-across: the repair of blocks read straight across: a block found and judged to be
 * columns (choosing a longer overlapping one where it is better) has its lines cut at the gap into
 * a left stream then a right stream, reported as `clean/columns#read-across`, and each stream is
 * searched again for a third column. Apart from the search and the evidence because this is the
 * one place that rewrites lines and their blank lines.
 */
import { isSpace } from './chars.js';
import type { Line } from './lines.js';
import type { Note } from './notes.js';
import type { SeamJudge } from './seam.js';
import { type Block, type LineShapes, MIN_BLOCK, appendAll } from './columns-shapes.js';
import { WalkBounds, findBlock, rightAlone } from './columns-blocks.js';
import { columnsRunDown } from './columns-evidence.js';

function piece(line: Line, from: number, to: number, blanksBefore: number): Line {
  let start = from;
  let end = to;
  while (start < end && isSpace(line.chars[start]!)) start++;
  while (end > start && isSpace(line.chars[end - 1]!)) end--;
  return { number: line.number, chars: line.chars.slice(start, end), origins: line.origins.slice(start, end), blanksBefore, indent: 0 };
}

/** Splits blocks read straight across into a left stream then a right stream (recursing for a third column). */
export function splitAcross(lines: Line[], judge: SeamJudge, blanks: number, notes: Note[], pieces: Set<Line>, depth: number, done: ReadonlySet<Line>, shapes: readonly LineShapes[]): Line[] {
  const out: Line[] = [];
  const walks = new WalkBounds(lines, shapes[0]!);
  let i = 0;
  let floor = 0;
  while (i < lines.length) {
    const found = depth < 3 && !done.has(lines[i]!) ? findBlock(lines, i, blanks, floor, judge, done, shapes, walks) : null;
    if (found !== null) rightAlone(lines, found, judge);
    if (found === null || !columnsRunDown(lines, found, judge)) {
      out.push(lines[i]!);
      i++;
      continue;
    }
    const block = largerOverlapping(lines, found, i, blanks, floor, judge, done, shapes, walks);
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
function largerOverlapping(lines: Line[], block: Block, from: number, blanks: number, floor: number, judge: SeamJudge, done: ReadonlySet<Line>, shapes: readonly LineShapes[], walks: WalkBounds): Block {
  let best = block;
  for (let j = block.end; j < Math.min(lines.length, block.end + 2); j++) {
    if (done.has(lines[j]!)) continue;
    const other = findBlock(lines, j, blanks, floor, judge, done, shapes, walks);
    if (other === null || other.start > block.start || other.end <= best.end || other.wide < best.wide || other.matched < best.matched + MIN_BLOCK) continue;
    const extra = other.slots.slice(best.end - other.start);
    if (3 * extra.filter((slot) => slot.kind === 'split').length < 2 * extra.length) continue;
    rightAlone(lines, other, judge);
    if (columnsRunDown(lines, other, judge)) best = other;
  }
  return best;
}

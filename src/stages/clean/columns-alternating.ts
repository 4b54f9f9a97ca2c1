/**
 * columns-alternating: the other shape of interleaving, lines that alternate between two columns
 * (read line by line in turn). A run is split by parity when each line runs on into the line after
 * next more than into the next line, reported as `clean/columns#alternating`. Apart from the
 * read-across repair because it shares nothing with it but the judge.
 */
import { endsSentenceIgnoringSpaces } from './chars.js';
import type { Line } from './lines.js';
import type { Note } from './notes.js';
import type { SeamJudge } from './seam.js';
import { appendAll } from './columns-shapes.js';

/**
 * Lines that alternate between two columns: within a page (a run of lines up to a dropped page
 * number), each line runs on into the line after next. Slots count raw lines, so a blank line
 * left by a paragraph break in one column keeps the parity, and the page's first slot says which
 * parity is the left column.
 */
export function deinterleave(lines: Line[], judge: SeamJudge, blanks: number, notes: Note[], pieces: Set<Line>): Line[] {
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
  // The joins to the line after next are judged only while those left could still lift the rate
  // to 0.3, and each join's most is read from the dictionary first (`mostContinuity`: 0 where no
  // word is a run of its text across the join, 1 where none of three characters is): on a page of
  // one column nearly every run ends here with no join segmented (jieba cuts for clean over 4 MB
  // 6,259 → 4,665 with a bound of 2 a join; with the dictionary's bound, 10 MB corpus, clean
  // alone: 249,937 → 190,261 UTF-16 units segmented a pass, clean's own total within the noise)
  const open: [Line, Line][] = [];
  const most: number[] = [];
  for (const pair of afterNextPairs) {
    const bound = judge.mostContinuity(pair[0].chars, pair[1].chars);
    if (bound === 0) continue;
    open.push(pair);
    most.push(bound);
  }
  const rest = new Array<number>(open.length + 1).fill(0);
  for (let k = open.length - 1; k >= 0; k--) rest[k] = rest[k + 1]! + most[k]!;
  const stops = (afterNext: number, k: number): boolean => (afterNext + rest[k]!) / afterNextPairs.length < 0.3;
  let afterNext = 0;
  // (the joins judged whatever the ones before them give, since the sum only grows, are handed to
  // the judge together: one jieba call for them instead of one each)
  let prepared = 0;
  for (let k = 0; k < open.length; k++) {
    if (stops(afterNext, k)) return false;
    if (k >= prepared) {
      prepared = k + 1;
      while (prepared < open.length && !stops(afterNext, prepared)) prepared++;
      judge.prepare(pairChars(open, k, prepared));
    }
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

function* pairChars(pairs: readonly [Line, Line][], from: number, to: number): Iterable<[string[], string[]]> {
  for (let k = from; k < to; k++) yield [pairs[k]![0].chars, pairs[k]![1].chars];
}

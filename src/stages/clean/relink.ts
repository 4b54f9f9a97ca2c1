/**
 * relink: repairs the reading order where interleaved columns left one line holding the ends of
 * sentences from different columns, and no layout (columns read across, alternating lines)
 * explains it.
 *
 * A space inside a line is a suspect seam when the text does not run on across it (no word
 * crosses it, the left side does not end a sentence). Lines are cut into fragments at suspect
 * seams. A fragment whose end is left stranded before its OCR successor (`seam.ts#stranded`)
 * is relinked to a fragment nearby whose start is left stranded after its OCR predecessor, when
 * the two make a dictionary word across the join (`长春市市` + `长王子联` → `市长`; `科创资源加`
 * + `速集聚` → `加速`) and each is the other's only such partner: chance words across random
 * joins are many, a true seam is one. Seams that stay unrepaired and leave a character stranded
 * are reported (`clean/columns#weak-seam`, naming the raw line); each repair is reported too
 * (`clean/columns#relinked`).
 */
import { endsSentence, hasSpace, isCjk, isClauseMark, isDigit, isSpace } from './chars.js';
import type { Line } from './lines.js';
import type { Note } from './notes.js';
import type { SeamJudge } from './seam.js';

/**
 * How far apart, in text lines, two fragments may be and still be relinked. Chance words across
 * random joins are many; on the sample, links reaching further than this were chance words.
 */
const WINDOW_LINES = 2;
/** Most suspect seams a line may hold and still have its fragments relinked. */
const MAX_CUTS = 6;
/** Characters on each side of a seam handed to the judge. */
const CONTEXT = 12;

interface Fragment {
  line: Line;
  /** True when this fragment starts at a suspect seam inside its raw line. */
  cutBefore: boolean;
}

/**
 * Cuts lines at suspect seams, relinks fragments where the words say so, and reports the rest.
 * `relinking` says whether fragments may be relinked; it is asked only where a line holds a suspect seam.
 */
export function relink(lines: Line[], judge: SeamJudge, blanks: number, notes: Note[], relinking: () => boolean): Line[] {
  const fragments = cut(lines, judge, blanks);
  if (!fragments.some((f) => f.cutBefore)) return lines;
  // the seams as the OCR order leaves them, which the warnings below judge, segmented in one call
  judge.prepare(cutSeams(fragments), true);
  const linking = relinking();
  const step = blanks + 1;
  const suspectLines = new Set(fragments.filter((f) => f.cutBefore).map((f) => f.line.number));
  // a line cut at many seams is a scramble where every join is a chance: it keeps its OCR order
  const cutsPerLine = new Map<number, number>();
  for (const f of fragments) if (f.cutBefore) cutsPerLine.set(f.line.number, (cutsPerLine.get(f.line.number) ?? 0) + 1);
  const scrambled = (f: Fragment): boolean => (cutsPerLine.get(f.line.number) ?? 0) > MAX_CUTS;
  const nearSuspect = (f: Fragment): boolean => {
    for (let d = -2 * step; d <= 2 * step; d++) if (suspectLines.has(f.line.number + d)) return true;
    return false;
  };
  const n = fragments.length;
  const chars = (i: number): string[] => fragments[i]!.line.chars;
  // a seam worth a warning leaves a character stranded or a number without its unit; one
  // between two whole words reads as an ordinary wrap the OCR joined with a space
  const looksCut = (left: string[], right: string[]): boolean => {
    const stranded = judge.stranded(left, right);
    const last = left[left.length - 1] ?? '';
    return stranded.left || stranded.right || isDigit(last) || last === '%';
  };
  const tailOf = (i: number): string[] => chars(i).slice(-CONTEXT);
  const headOf = (i: number): string[] => chars(i).slice(0, CONTEXT);

  interface Candidate {
    from: number;
    to: number;
  }
  // a link needs both halves of the crossing word stranded where the OCR left them: the end of
  // `from` before its OCR successor, the start of `to` after its OCR predecessor
  const sources: number[] = [];
  fragments.forEach((fragment, e) => {
    if (!linking) return;
    if (endsSentence(chars(e)) || !nearSuspect(fragment) || scrambled(fragment)) return;
    const next = e + 1 < fragments.length ? e + 1 : -1;
    if (next < 0 || (judge.continuity(tailOf(e), headOf(next)) === 0 && judge.stranded(tailOf(e), headOf(next)).left)) sources.push(e);
  });
  const targets = new Set<number>();
  // targets only matter against a source; on a page with a shared width there are none
  if (sources.length > 0) fragments.forEach((fragment, s) => {
    if (!nearSuspect(fragment) || scrambled(fragment)) return;
    const previous = s - 1;
    if (previous < 0) return;
    if (judge.continuity(tailOf(previous), headOf(s)) > 0) return;
    if (judge.stranded(tailOf(previous), headOf(s)).right) targets.add(s);
  });
  const options = new Map<number, number[]>();
  const offers = new Map<number, number[]>();
  for (const e of sources) {
    for (const s of targets) {
      if (s === e || s === e + 1) continue;
      // inside one line every seam is a cut and chance words abound: the line's own order stands
      if (fragments[s]!.line.number === fragments[e]!.line.number) continue;
      if (Math.abs(fragments[s]!.line.number - fragments[e]!.line.number) / step > WINDOW_LINES) continue;
      if (judge.crossingWord(tailOf(e), headOf(s)) === null) continue;
      options.set(e, [...(options.get(e) ?? []), s]);
      offers.set(s, [...(offers.get(s) ?? []), e]);
    }
  }
  // a link must be the nearest choice of both its ends: chance words across random joins are
  // many and scattered, a true seam lies close to the text it was cut from
  const distance = (e: number, s: number): number => Math.abs(fragments[s]!.line.number - fragments[e]!.line.number) * n + Math.abs(s - e);
  const nearest = (from: number, list: number[], measure: (other: number) => number): number =>
    list.reduce((best, other) => (measure(other) < measure(best) ? other : best), list[0]!);
  const candidates: Candidate[] = [];
  for (const [e, list] of options) {
    const s = nearest(e, list, (other) => distance(e, other));
    const back = nearest(s, offers.get(s)!, (other) => distance(other, s));
    if (back === e) candidates.push({ from: e, to: s });
  }
  candidates.sort((a, b) => distance(a.from, a.to) - distance(b.from, b.to));

  const succ = Array.from({ length: n }, (_, i) => (i + 1 < n ? i + 1 : -1));
  const pred = Array.from({ length: n }, (_, i) => i - 1);
  const linked = new Set<number>();
  const claimed = new Set<number>();
  const reaches = (from: number, target: number): boolean => {
    for (let i = from, steps = 0; i >= 0 && steps <= n; i = succ[i]!, steps++) if (i === target) return true;
    return false;
  };
  for (const { from: e, to: s } of candidates) {
    if (linked.has(e) || claimed.has(s)) continue;
    linked.add(e);
    claimed.add(s);
    const oldNext = succ[e]!;
    const oldPrevious = pred[s]!;
    if (reaches(s, e)) {
      // s runs on to e: cut the loop at its weakest join, and let that end take e's old successor
      let weakest = -1;
      let weakestScore = Infinity;
      for (let i = s; i !== e; i = succ[i]!) {
        const score = judge.continuity(tailOf(i), headOf(succ[i]!));
        if (score <= weakestScore) {
          weakestScore = score;
          weakest = i;
        }
      }
      pred[succ[weakest]!] = -1;
      succ[weakest] = oldNext;
      if (oldNext >= 0) pred[oldNext] = weakest;
      if (oldPrevious >= 0 && succ[oldPrevious] === s) succ[oldPrevious] = -1;
    } else {
      if (oldNext >= 0) pred[oldNext] = -1;
      if (oldPrevious >= 0) {
        succ[oldPrevious] = -1;
        // s's old predecessor goes on with e's old successor, unless that closes a loop
        if (oldNext >= 0 && !reaches(oldNext, oldPrevious)) {
          succ[oldPrevious] = oldNext;
          pred[oldNext] = oldPrevious;
        }
      }
    }
    succ[e] = s;
    pred[s] = e;
    const joined = `${tailOf(e).slice(-6).join('')}|${headOf(s).slice(0, 6).join('')}`;
    notes.push({
      rule: 'clean/columns#relinked',
      reason: `interleaved columns: raw line ${fragments[e]!.line.number} runs on at raw line ${fragments[s]!.line.number} ("${joined}", the word "${judge.crossingWord(tailOf(e), headOf(s))}" crosses the join)`,
      severity: 'info',
      line: fragments[e]!.line.number,
      actual: joined,
    });
  }

  const order: number[] = [];
  const seen = new Set<number>();
  const emit = (start: number): void => {
    for (let i = start; i >= 0 && !seen.has(i); i = succ[i]!) {
      seen.add(i);
      order.push(i);
    }
  };
  for (let i = 0; i < n; i++) if (!seen.has(i) && (pred[i]! < 0 || seen.has(pred[i]!))) emit(i);
  for (let i = 0; i < n; i++) if (!seen.has(i)) emit(i);

  const out: Line[] = [];
  order.forEach((index, k) => {
    const fragment = fragments[index]!;
    const previous = k > 0 ? order[k - 1]! : -1;
    if (fragment.cutBefore && previous === index - 1 && looksCut(tailOf(previous), headOf(index))) {
      const context = `${tailOf(previous).slice(-6).join('')}|${headOf(index).slice(0, 6).join('')}`;
      notes.push({
        rule: 'clean/columns#weak-seam',
        reason: `raw line ${fragment.line.number}: the text may jump between columns at "${context}"; kept in OCR order`,
        severity: 'warning',
        line: fragment.line.number,
        actual: context,
      });
    }
    const last = out[out.length - 1];
    if (last && previous === index - 1 && fragment.cutBefore && last.number === fragment.line.number) {
      // still in OCR order: the fragment goes back into its line
      for (let i = 0; i < fragment.line.chars.length; i++) {
        last.chars.push(fragment.line.chars[i]!);
        last.origins.push(fragment.line.origins[i]!);
      }
      return;
    }
    if (linked.has(previous) && claimed.has(index) && succ[previous] === index) {
      fragment.line.blanksBefore = blanks;
      fragment.line.indent = 0;
      fragment.line.continuesPrevious = true;
    }
    // no copy: a fragment's line is either a whole line no other fragment joins, or a fresh
    // slice (cut) that only its own line's later fragments are appended to, after its last use
    out.push(fragment.line);
  });
  return out;
}

/** Lines cut at their suspect seams; a line without one stays whole. */
function cut(lines: Line[], judge: SeamJudge, blanks: number): Fragment[] {
  // every line's candidate seams first, so that the judge segments their joins in one call
  const candidates = lines.map(candidateGaps);
  judge.prepare(joinsOf(candidates));
  const fragments: Fragment[] = [];
  lines.forEach((line, n) => {
    const cuts = suspectGaps(candidates[n]!, judge);
    if (cuts.length === 0) {
      fragments.push({ line, cutBefore: false });
      return;
    }
    let from = 0;
    cuts.forEach(([start, end], k) => {
      fragments.push({ line: slice(line, from, start, k === 0 ? line.blanksBefore : blanks, k === 0 ? line.indent : 0), cutBefore: k > 0 });
      from = end;
    });
    fragments.push({ line: slice(line, from, line.chars.length, blanks, 0), cutBefore: true });
  });
  return fragments;
}

/** A space inside a line that may be a suspect seam: the gap `[start, end)` and the text either side the judge reads. */
interface CandidateGap {
  start: number;
  end: number;
  left: string[];
  right: string[];
}

function* joinsOf(candidates: readonly CandidateGap[][]): Iterable<[string[], string[]]> {
  for (const gaps of candidates) for (const gap of gaps) yield [gap.left, gap.right];
}

/** Spaces inside a line of prose where the text does not run on and the left side does not end a sentence. */
function suspectGaps(candidates: readonly CandidateGap[], judge: SeamJudge): [number, number][] {
  const gaps: [number, number][] = [];
  for (const gap of candidates) if (judge.continuity(gap.left, gap.right) === 0) gaps.push([gap.start, gap.end]);
  return gaps;
}

/** The spaces of a line of prose between Chinese text (or a number) and Chinese text, where the left side does not end a sentence. */
function candidateGaps(line: Line): CandidateGap[] {
  const { chars } = line;
  // a byline's or caption's spaces separate names, not columns
  if (line.role !== undefined) return [];
  // most lines hold no space at all
  if (!hasSpace(chars)) return [];
  // spaces between the phrases of a heading (`2024年 攻坚克难 奋力前行`) are no seam
  if (!chars.some(isClauseMark)) return [];
  const gaps: CandidateGap[] = [];
  for (let i = 1; i < chars.length; i++) {
    if (!isSpace(chars[i]!) || isSpace(chars[i - 1]!)) continue;
    let end = i;
    while (end < chars.length && isSpace(chars[end]!)) end++;
    if (end >= chars.length) break;
    const last = chars[i - 1]!;
    if ((isCjk(last) || isDigit(last) || last === '%') && isCjk(chars[end]!)) {
      const left = chars.slice(Math.max(0, i - CONTEXT), i);
      if (!endsSentence(left)) gaps.push({ start: i, end, left, right: chars.slice(end, end + CONTEXT) });
    }
    i = end - 1;
  }
  return gaps;
}

/** Each fragment cut from the one before it in its line: the join of the two, as `looksCut` reads it. */
function* cutSeams(fragments: readonly Fragment[]): Iterable<[string[], string[]]> {
  for (let i = 1; i < fragments.length; i++) {
    if (fragments[i]!.cutBefore) yield [fragments[i - 1]!.line.chars.slice(-CONTEXT), fragments[i]!.line.chars.slice(0, CONTEXT)];
  }
}

function slice(line: Line, from: number, to: number, blanksBefore: number, indent: number): Line {
  return {
    ...line,
    chars: line.chars.slice(from, to),
    origins: line.origins.slice(from, to),
    blanksBefore,
    indent,
  };
}

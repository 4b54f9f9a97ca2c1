/**
 * gap-marks: what an OCR engine writes where it meets the gap between two columns read
 * straight across: a quote mark, alone or after a comma (`全部超”过10万元`, `专，”业点`), before
 * a column's line or after it (`较好完 ” 源4.3亿条`). Such a mark pairs with no other quote; a
 * real one does.
 */
import { isSpace } from './chars.js';
import type { Line } from './lines.js';
import type { Note } from './notes.js';
import type { SeamJudge } from './seam.js';

/** Closing punctuation, which no printed Chinese line starts with. */
export const NO_LINE_START = new Set(['，', '。', '、', '；', '：', '！', '？', '%', '）', '》', '”', '’', ',', '.', ';', ':', '!', '?', ')']);

const OPENING = new Set(['“', '‘']);
const CLOSING = new Set(['”', '’']);
/** How far on an opening quote's partner is looked for. */
const QUOTE_REACH = 60;

/**
 * The engine reads the gap before a column's line as a quote mark (`全部超”过10万元`,
 * `”1800个`): a quote mark opening a column's line that pairs with nothing (a closing one with
 * no quote open before it in reading order, an opening one with no closing one soon after) is
 * dropped, with a note naming the raw line.
 */
export function dropStrayQuotes(lines: Line[], notes: Note[]): void {
  let open = 0;
  lines.forEach((line, k) => {
    let i = 0;
    while (i < line.chars.length && isSpace(line.chars[i]!)) i++;
    const stray: number[] = [];
    for (; i < line.chars.length; i++) {
      const ch = line.chars[i]!;
      const closing = (at: number): boolean => CLOSING.has(line.chars[at] ?? '') && open - stray.length <= 0;
      // punctuation before a stray closing quote is the same gap (`专，”业点`, `就。”业`): no
      // printed line starts with either
      if (NO_LINE_START.has(ch) && !CLOSING.has(ch)) {
        let next = i + 1;
        while (next < line.chars.length && NO_LINE_START.has(line.chars[next]!) && !CLOSING.has(line.chars[next]!)) next++;
        if (next - i <= 2 && closing(next)) {
          for (let at = i; at < next; at++) stray.push(at);
          i = next - 1;
          continue;
        }
      }
      const unpaired = closing(i) || (OPENING.has(ch) && !closesSoon(lines, k, i + 1));
      if (!unpaired) break;
      stray.push(i);
    }
    if (stray.length > 0) {
      notes.push({
        rule: 'clean/columns#gap-quote',
        reason: `raw line ${line.number}: "${stray.map((at) => line.chars[at]).join('')}" before a column's line pairs with no quote; read as the gap between columns and dropped`,
        severity: 'info',
        line: line.number,
        raw: { start: line.origins[stray[0]!]!, end: line.origins[stray[stray.length - 1]!]! + 1 },
      });
      const keep = (_: unknown, at: number): boolean => !stray.includes(at);
      line.chars = line.chars.filter(keep);
      line.origins = line.origins.filter(keep);
    }
    // the gap after a column's line too: a closing quote ending the line with no quote open
    let last = line.chars.length - 1;
    while (last >= 0 && isSpace(line.chars[last]!)) last--;
    let trailing = -1;
    line.chars.forEach((ch, at) => {
      if (OPENING.has(ch)) open++;
      else if (CLOSING.has(ch)) {
        if (open === 0 && at === last && at > 0) trailing = at;
        open = Math.max(0, open - 1);
      }
    });
    if (trailing >= 0) {
      notes.push({
        rule: 'clean/columns#gap-quote',
        reason: `raw line ${line.number}: "${line.chars[trailing]}" after a column's line pairs with no quote; read as the gap between columns and dropped`,
        severity: 'info',
        line: line.number,
        raw: { start: line.origins[trailing]!, end: line.origins[trailing]! + 1 },
      });
      line.chars.splice(trailing, 1);
      line.origins.splice(trailing, 1);
    }
  });
}

/** True when a closing quote follows position `from` of line `k` before another opening one, within reach. */
function closesSoon(lines: readonly Line[], k: number, from: number): boolean {
  let seen = 0;
  for (let j = k; j < lines.length && seen < QUOTE_REACH; j++) {
    const chars = lines[j]!.chars;
    let lead = 0;
    while (lead < chars.length && (isSpace(chars[lead]!) || (NO_LINE_START.has(chars[lead]!) && !CLOSING.has(chars[lead]!)))) lead++;
    for (let i = j === k ? from : 0; i < chars.length && seen < QUOTE_REACH; i++) {
      // a closing quote opening a later line is the engine's gap mark, not a partner
      if (CLOSING.has(chars[i]!) && !(j > k && i === lead)) return true;
      if (OPENING.has(chars[i]!)) return false;
      seen++;
    }
  }
  return false;
}

/** Clause and sentence marks the engine also writes where it meets a column's gap (`货 。`, `增。。`, `振 ，`). */
const GAP_PUNCTUATION = new Set(['，', '。', '、', '；', '：', ',', ';', ':']);
/** Characters of text either side of a mark the judge reads. */
const JUDGE_REACH = 8;

/**
 * Clause and sentence marks in a column's gap, in the lines of columns read straight across (in
 * reading order, one column's line each). Where the text runs on across them into the next line
 * (a dictionary word across: `货 。` + `物进出口`, `持续增。。` + `强。`), the marks at the line's
 * end, or at the start of the line after (no printed line starts with them), are dropped; where
 * it does not, a run of two or more marks, which no text writes (`项目418个，。。`), keeps its
 * first. A real mark the OCR set apart by a space before a new sentence stays: the text does not
 * run on across it.
 */
export function dropGapPunctuation(lines: Line[], judge: SeamJudge, notes: Note[]): void {
  const solid = (chars: readonly string[]): string[] => chars.filter((ch) => !isSpace(ch));
  // an opening quote that opens nothing, a mark straight after it (`降至“，`, `总量“。`): no text
  // writes that; the engine does, in a gap
  for (const line of lines) {
    const drop: number[] = [];
    line.chars.forEach((ch, i) => {
      if (ch !== '“' || !GAP_PUNCTUATION.has(line.chars[i + 1] ?? '')) return;
      drop.push(i);
      for (let j = i + 1; j < line.chars.length && GAP_PUNCTUATION.has(line.chars[j]!); j++) drop.push(j);
    });
    if (drop.length === 0) continue;
    noteDropped(line, drop, 'opens no quote', notes);
    removeAt(line, drop);
  }
  lines.forEach((line, k) => {
    const next = lines[k + 1];
    // the marks ending the line, spaces among them
    let start = line.chars.length;
    while (start > 0 && (isSpace(line.chars[start - 1]!) || GAP_PUNCTUATION.has(line.chars[start - 1]!) || QUOTES.has(line.chars[start - 1]!))) start--;
    const before = solid(line.chars.slice(0, start));
    const run: number[] = [];
    for (let i = start; i < line.chars.length; i++) if (!isSpace(line.chars[i]!)) run.push(i);
    const marks = run.filter((i) => GAP_PUNCTUATION.has(line.chars[i]!));
    if (before.length > 0 && marks.length > 0 && next !== undefined) {
      const spaced = isSpace(line.chars[run[0]!]!) || (run[0]! > 0 && isSpace(line.chars[run[0]! - 1]!));
      const after = headAfterMarks(next.chars);
      const runsOn = after.length > 0 && judge.continuity(before.slice(-JUDGE_REACH), after.slice(0, JUDGE_REACH)) > 0;
      const drop = runsOn && (spaced || marks.length >= 2 || run.length > marks.length) ? run : marks.length >= 2 ? marks.slice(1) : [];
      if (drop.length > 0) {
        noteDropped(line, drop, `at a column's line end ${runsOn ? 'splits text that runs on into the next line' : 'repeats a mark'}`, notes);
        removeAt(line, drop);
      }
    }
  });
  // marks opening a line (no printed line starts with them), and quote marks among them: dropped
  // where the text before runs on across them, or, marks alone, after a mark
  lines.forEach((line, k) => {
    if (k === 0) return;
    let end = 0;
    while (end < line.chars.length && (isSpace(line.chars[end]!) || GAP_PUNCTUATION.has(line.chars[end]!) || QUOTES.has(line.chars[end]!))) end++;
    const lead: number[] = [];
    for (let i = 0; i < end; i++) if (!isSpace(line.chars[i]!)) lead.push(i);
    const rest = solid(line.chars.slice(end));
    const previous = solid(lines[k - 1]!.chars);
    if (lead.length === 0 || rest.length === 0 || previous.length === 0) return;
    const doubled = GAP_PUNCTUATION.has(previous[previous.length - 1]!) && lead.every((i) => GAP_PUNCTUATION.has(line.chars[i]!));
    if (!doubled && judge.continuity(previous.slice(-JUDGE_REACH), rest.slice(0, JUDGE_REACH)) === 0) return;
    noteDropped(line, lead, `opens a column's line ${doubled ? 'after a mark' : 'inside text that runs on across it'}`, notes);
    line.chars = line.chars.slice(end);
    line.origins = line.origins.slice(end);
  });
}

const QUOTES = new Set(['“', '”']);

/** The note for marks at `drop` (indices into the line, in order) read as a column's gap. */
function noteDropped(line: Line, drop: readonly number[], why: string, notes: Note[]): void {
  notes.push({
    rule: 'clean/columns#gap-marks',
    reason: `raw line ${line.number}: "${drop.map((i) => line.chars[i]).join('')}" ${why}; read as the gap between columns and dropped`,
    severity: 'info',
    line: line.number,
    raw: { start: line.origins[drop[0]!]!, end: line.origins[drop[drop.length - 1]!]! + 1 },
  });
}

/** Removes the characters at `drop` from the line, with their origins. */
function removeAt(line: Line, drop: readonly number[]): void {
  const keep = (_: unknown, at: number): boolean => !drop.includes(at);
  line.chars = line.chars.filter(keep);
  line.origins = line.origins.filter(keep);
}

/** A line's first characters after the spaces, marks and quotes the engine may have left before its text. */
function headAfterMarks(chars: readonly string[]): string[] {
  let i = 0;
  while (i < chars.length && (isSpace(chars[i]!) || GAP_PUNCTUATION.has(chars[i]!) || QUOTES.has(chars[i]!))) i++;
  return chars.slice(i, i + JUDGE_REACH).filter((ch) => !isSpace(ch));
}

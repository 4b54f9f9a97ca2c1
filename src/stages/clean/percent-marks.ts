/**
 * percent-marks: `%` signs the OCR engine misread at the end of a number (rules/ocr-percent.yaml).
 * Tesseract reads a `%` on a line that mixes rows of two columns as two digits (`增长5.896`,
 * `98.794`) or as itself with a stray digit after it (`8.9%6`). Every such number then loses its
 * unit, and the sentence around it no longer matches its source.
 *
 * A pair of digits becomes `%` only where nothing but a percentage fits: the pair ends the number
 * (no unit follows), a word that expects a percentage stands just before it (`增长`, `比重`,
 * `率`), and what is left is a percentage as reports print them: at most two digits after the
 * decimal point, or one or two digits without one. A number that keeps its unit or has no cue is
 * never touched, so correct text cannot change. The `%` keeps the raw origin of the pair's first
 * digit; each fix is an info note naming the raw line.
 */
import type { Rules } from '../../rules/schema.js';
import { isDigit } from './chars.js';
import type { Note } from './notes.js';
import type { ParagraphDraft } from './paragraphs.js';

export interface PercentRules {
  misreads: { read: string[]; decimalsOnly: boolean }[];
  /** Cue words, each as code points. */
  cues: string[][];
  /** Matches wherever a repair may apply: a digit before a misread pair or before `%` and a digit. */
  candidate: RegExp;
  /** Bound words that may follow a percentage (`左右`, `以上`: the `after` words of qualifiers.yaml), each as code points, by first character. */
  boundsAfter: Map<string, string[][]>;
  /**
   * Marks that join the items of a list or a range (`4.9%和7.1%`, `18.6%、9.2%`, `3%至5%`): the
   * one-character `unit_sharing_joiners` and `range_connectors` of qualifiers.yaml.
   */
  listJoins: Set<string>;
}

/** A percentage with two decimals, the second a 9 (`98.79%`): where the engine reads `%` as `9%`. */
const TWO_DECIMALS_NINE = /[.\uff0e][0-9\uff10-\uff19][9\uff19][%\uff05]/u;
const TWO_DECIMALS = /[.\uff0e][0-9\uff10-\uff19]{2}[%\uff05]/gu;
/** Two-decimal percentages ending in 9 that make the engine's `9%` a pattern of the document, not chance. */
const MIN_NINES = 2;

/** Characters before a number searched for a cue word (`比重达到|2.3596`, `增长|5.896`). */
const CUE_REACH = 6;
/** What may follow a percentage directly: punctuation, the end. */
const AFTER = new Set(['，', '。', '、', '；', '：', '）', ')', '！', '？', ',', ';', ':', '和', '及']);
const SPACES = new Set([' ', '\t', '\u3000']);

export function compilePercents(rules: Pick<Rules, 'ocr-percent.yaml' | 'changes.yaml' | 'qualifiers.yaml'>): PercentRules {
  const changes = rules['changes.yaml'];
  // single-character change words (`增`, `高`) stand inside too many other words to be a cue
  const changeWords = [...changes.increase, ...changes.decrease, ...changes.level].map((e) => e.word).filter((w) => Array.from(w).length >= 2);
  const cues = [...new Set([...changeWords, ...rules['ocr-percent.yaml'].cues.map((e) => e.word)])].map((w) => Array.from(w));
  const misreads = rules['ocr-percent.yaml'].misreads.map((m) => ({ read: Array.from(m.read), decimalsOnly: m.decimals_only === true }));
  // each character also in its full-width form (the raw text is not normalised yet); fixed
  // alternatives after one digit: linear in the text
  const either = (ch: string): string => {
    const wide = String.fromCodePoint(ch.codePointAt(0)! + 0xfee0);
    return `[${ch.replace(/[\]\\^-]/gu, '\\$&')}${wide}]`;
  };
  // a bound word after a figure (控制在2%左右): whole words only; 多 and 余 stand inside figures
  const boundsAfter = new Map<string, string[][]>();
  for (const entry of rules['qualifiers.yaml'].after) {
    const word = Array.from(entry.word);
    if (entry.inside || word.length < 2) continue;
    boundsAfter.set(word[0]!, [...(boundsAfter.get(word[0]!) ?? []), word]);
  }
  const boundFirsts = [...boundsAfter.keys()].map((ch) => ch.replace(/[\]\\^-]/gu, '\\$&')).join('');
  // … and what may end a figure after it (spaces, punctuation, a bound word's first character, a
  // line end; not a decimal point): years (`2004年`) and most numbers do not match (11 of the 40
  // benchmark files do)
  const candidate = new RegExp(
    `[0-9\uff10-\uff19](?:[%\uff05][0-9\uff10-\uff19]|${misreads.map((m) => m.read.map(either).join('')).join('|')})(?:[ \\t\u3000，。、；：）)！？,;:!?和及${boundFirsts}]|$)|${TWO_DECIMALS_NINE.source}`,
    'mu',
  );
  const qualifiers = rules['qualifiers.yaml'];
  const listJoins = new Set(
    [...(qualifiers.unit_sharing_joiners ?? []), ...qualifiers.range_connectors].map((e) => e.word).filter((w) => Array.from(w).length === 1),
  );
  return { misreads, cues, candidate, boundsAfter, listJoins };
}

/**
 * Repairs misread percent signs in every paragraph in place; one info note per repair. `raw` is
 * the document's raw text: where no candidate shows in it, the pass ends at once.
 */
export function repairPercents(drafts: ParagraphDraft[], rules: PercentRules, notes: Note[], lineOf: (rawOffset: number) => number, raw: string): void {
  // one native regex scan of the raw text names the raw lines worth a look; only paragraphs
  // built from them are walked (a walk over every character cost ~90 ms a pass over the 4 MB
  // benchmark text, where no document needs a repair; now ~20 ms, measured over 3 passes)
  const lines = candidateLines(raw, rules.candidate);
  if (lines.size === 0) return;
  // `9%` for `%` (`98.79%`) is told from a true second decimal by the document as a whole: one
  // in ten two-decimal percentages ends in 9 by chance; where most do, the engine wrote them
  const twoDecimals = [...raw.matchAll(TWO_DECIMALS)].map((m) => m[0]);
  const nines = twoDecimals.filter((m) => m[2] === '9' || m[2] === '\uff19').length;
  // … in a document that shows the engine's other misreads of `%`, or where three in four or more
  // do (by chance: about one clean document in 300 with three or four such figures, where
  // "most, and two" alone would change one in 40 — a clean report's 98.79% stays as printed)
  const ninesLikely = nines >= MIN_NINES && nines * 2 > twoDecimals.length;
  const ninesCertain = nines >= MIN_NINES + 1 && nines * 4 >= twoDecimals.length * 3;
  const repaired = walk(drafts, lines, rules, notes, lineOf, false);
  if (ninesCertain || (ninesLikely && repaired > 0)) walk(drafts, lines, rules, notes, lineOf, true);
}

/** One walk over the flagged paragraphs: the stray-digit and pair repairs, or (`nines`) the `9%` one. Returns the repairs made. */
function walk(drafts: ParagraphDraft[], lines: Set<number>, rules: PercentRules, notes: Note[], lineOf: (rawOffset: number) => number, nines: boolean): number {
  let repaired = 0;
  for (const draft of drafts) {
    if (!draft.lines.some((line) => lines.has(line))) continue;
    const { chars, origins } = draft;
    // the repaired paragraph is built as the walk goes (a splice per repair was quadratic: 16 s
    // for a 0.8 MB line of misread percentages); `out` is the text before `i` as repaired so far,
    // where the look-backs (the previous character, the cue before a number) read
    const out: string[] = [];
    const outOrigins: number[] = [];
    let copied = 0;
    const copyTo = (upTo: number): void => {
      for (; copied < upTo; copied++) {
        out.push(chars[copied]!);
        outOrigins.push(origins[copied]!);
      }
    };
    let fixed = 0;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      if (ch > '9' || ch < '0') continue;
      copyTo(i);
      const before = out[out.length - 1] ?? '';
      if (out.length > 0 && (isDigit(before) || before === '.' || isLatin(before))) continue;
      // the number: digits with at most one decimal point inside
      let end = i;
      let point = -1;
      while (end < chars.length && (isDigit(chars[end]!) || (chars[end] === '.' && point < 0 && isDigit(chars[end + 1] ?? '')))) {
        if (chars[end] === '.') point = end;
        end++;
      }
      // a number the engine split with a space (`7 396`) has lost its decimal point: left alone
      const split = out.length >= 2 && (before === ' ' || before === '\u3000') && isDigit(out[out.length - 2]!);
      const cue = (): boolean => cueBefore(out, out.length, rules.cues, rules.listJoins);
      const fix = split ? null : nines ? nineMark(chars, end, point) : (strayDigit(chars, i, end, point, rules) ?? misreadPair(chars, i, end, point, rules, cue));
      if (fix !== null) {
        repaired++;
        fixed++;
        const actual = chars.slice(fix.from, fix.to).join('');
        const context = [...out.slice(Math.max(0, out.length - 4)), ...chars.slice(i, Math.min(chars.length, fix.to + 2))].join('');
        const origin = origins[fix.from]!;
        const rawEnd = origins[fix.to - 1]! + 1;
        copyTo(fix.from);
        out.push('%');
        outOrigins.push(origin);
        copied = fix.to;
        notes.push({
          rule: `ocr-percent.yaml#${fix.rule}`,
          reason: `OCR misread of "%" fixed: "${actual}" → "%" in "${context}"`,
          severity: 'info',
          line: lineOf(origin),
          raw: { start: origin, end: rawEnd },
          actual,
          expected: '%',
        });
        end = fix.to;
      }
      i = end - 1;
    }
    if (fixed === 0) continue;
    copyTo(chars.length);
    draft.chars = out;
    draft.origins = outOrigins;
  }
  return repaired;
}

/** 1-based numbers of the raw lines where `candidate` matches. */
function candidateLines(raw: string, candidate: RegExp): Set<number> {
  const lines = new Set<number>();
  const global = new RegExp(candidate.source, 'gmu');
  let line = 1;
  let counted = 0;
  for (const match of raw.matchAll(global)) {
    for (let at = raw.indexOf('\n', counted); at !== -1 && at < match.index; at = raw.indexOf('\n', at + 1)) line++;
    counted = match.index;
    lines.add(line);
  }
  return lines;
}

function isLatin(ch: string): boolean {
  return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
}

interface Fix {
  /** Code points `[from, to)` replaced by a single `%`. */
  from: number;
  to: number;
  rule: string;
}

/** `%` followed by one stray digit before the end of the figure (`8.9%6` → `8.9%`; `86.39%6` → `86.3%`). */
function strayDigit(chars: readonly string[], start: number, end: number, point: number, rules: PercentRules): Fix | null {
  if (chars[end] !== '%' || !isDigit(chars[end + 1] ?? '') || !endsFigure(chars, end + 2, rules)) return null;
  // the engine writes the `%` as `9%6` or `0%6`: after two decimals, the last is part of the mark
  const decimals = point < 0 ? 0 : end - point - 1;
  const from = decimals >= 2 && (chars[end - 1] === '9' || chars[end - 1] === '0') && end - 1 > start ? end - 1 : end;
  return { from, to: end + 2, rule: 'stray-digit' };
}

/** `X.Y9%` → `X.Y%`, in a document whose two-decimal percentages mostly end in 9. */
function nineMark(chars: readonly string[], end: number, point: number): Fix | null {
  if (chars[end] !== '%' || point < 0 || end - point - 1 !== 2 || chars[end - 1] !== '9') return null;
  return { from: end - 1, to: end + 1, rule: 'nine' };
}

/** A misread pair ending the number, where a cue expects a percentage and what is left is one. */
function misreadPair(chars: readonly string[], start: number, end: number, point: number, rules: PercentRules, cue: () => boolean): Fix | null {
  for (const misread of rules.misreads) {
    const from = end - misread.read.length;
    if (from <= start || !misread.read.every((ch, k) => chars[from + k] === ch) || !endsFigure(chars, end, rules)) continue;
    if (point >= from) continue;
    // what is left reads as a percentage as reports print it
    const left = point < 0 ? from - start : from - point - 1;
    if (point < 0 ? misread.decimalsOnly || left > 2 : left < 1 || left > 2) continue;
    if (!cue()) continue;
    return { from, to: end, rule: misread.read.join('') };
  }
  return null;
}

/** True when the figure ends at `at`: the end, punctuation, or a bound word (`左右`, `以上`), also after spaces. */
function endsFigure(chars: readonly string[], at: number, rules: PercentRules): boolean {
  // a space may stand where the engine met a column's gap (`2.590 。`); what follows it decides
  while (at < chars.length && SPACES.has(chars[at]!)) at++;
  if (at >= chars.length) return true;
  if (AFTER.has(chars[at]!)) return true;
  return (rules.boundsAfter.get(chars[at]!) ?? []).some((word) => word.every((ch, k) => chars[at + k] === ch));
}

function cueBefore(chars: readonly string[], start: number, cues: readonly string[][], listJoins: ReadonlySet<string>): boolean {
  // the next item of a list of percentages (`分别增长4.9%和7.194`): its cue stands before the first
  if (start >= 3 && listJoins.has(chars[start - 1]!) && chars[start - 2] === '%' && isDigit(chars[start - 3]!)) return true;
  const from = Math.max(0, start - CUE_REACH);
  for (const cue of cues) {
    for (let at = from; at + cue.length <= start; at++) if (cue.every((ch, k) => chars[at + k] === ch)) return true;
  }
  return false;
}

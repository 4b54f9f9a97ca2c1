/**
 * sentences: paragraph spans → sentence spans.
 *
 * A sentence ends after 。！？；!? (and `;`), together with any closing quotes or brackets that
 * follow; a paragraph's end always ends its sentence. The semicolon counts because report
 * sentences chain whole clauses with it (`…增长71%；…`), and a researcher wants the clause.
 * In an English paragraph a full stop ends a sentence too, when a space and a capital letter
 * follow (`…5.1 percent. The…`, but not `U.S. dollars` or `Jan. 17`).
 *
 * A news headline of two clauses sets them apart with a space, not a mark (`…比重达12.6% 全市算力
 * 规模突破8000P`); the cleaner drops the space, as it drops every space between Chinese
 * characters, so the space is read back from the raw text: in a paragraph of one raw line with no
 * sentence end, a dropped space splits the line into two sentences where the clause before it
 * ends in a quantity (a digit among its last characters, the number closed by a unit or `%`) and
 * jieba finds no word across the gap (`2000亿 元` stays one), and the clause after it does not open
 * with a comparison word (subjects.yaml comparisons: `· 优良天数 312天 比上年增加9天` is one clause
 * and its rise, the measure before it carried on).
 *
 * A sentence longer than MAX_SENTENCE code points (a table flattened into one line, a run-on
 * OCR block, hostile input) is cut at its last clause mark (，、,) before the limit: every
 * quantity row repeats its sentence, so an unbounded sentence would make the output grow with
 * the square of the input. A cut never falls inside a number or between a number and its unit
 * (`1381|个`, `1，|381个`): a cut point is safe when no digit, numeral, decimal point or `%`
 * stands right after it and none in the NUMBER_TAIL code points before it unless a clause mark
 * closes it off. With no safe clause mark in the sentence's last half the cut moves back to the
 * nearest safe point before the limit; where numbers stand too close for one, to the nearest
 * start of an Arabic number after a character that neither ends a number nor ties it to the
 * next (`个|12`, not `至|12`, `万|12`); only a run with neither (300 code points of digits) is
 * cut at the limit.
 */
import type { Doc, Sentence } from '../document.js';
import { defineStage } from '../stage.js';
import { CharFinder, charsOf, sliceChars, type Chars } from '../text/chars.js';
import { CodePointIndex } from '../text/codepoints.js';
import type { Segmenter } from '../text/segment.js';
import { DECIMAL_POINTS, isArabicDigit, isChineseNumeralChar } from './recognize/numerals.js';

/** Characters that end a sentence. Structural punctuation, not a word list. */
const SENTENCE_END = new Set(['。', '！', '？', '；', '!', '?', ';']);
/** Longest sentence, in code points; real report sentences stay well below it. */
export const MAX_SENTENCE = 600;
/** Marks a sentence over MAX_SENTENCE may be cut after: the clause ends inside it. */
const CLAUSE_CUTS = new Set(['，', '、', ',', '：', ':']);
/**
 * How far after a number's last character its tail may reach: a gap, a magnitude, a unit, a note
 * and a bound word (`12 万吨二氧化碳当量（含本数）以上`). tests/sentences.test.ts checks it is at
 * least the longest such tail the rules can make (21 today).
 */
export const NUMBER_TAIL = 24;
/** Characters of a number itself, besides digits and Chinese numerals. */
const NUMBER_MARKS = new Set([...DECIMAL_POINTS, '%', '％', '‰']);
/** Closing marks that stay with the sentence they close: `…。”` */
const CLOSERS = new Set(['”', '’', '"', "'", '）', ')', '」', '』', '】', '》']);

export const sentences = defineStage({
  name: 'sentences',
  requires: ['paragraphs'],
  assigns: ['sentences'],
  // the comparison words that continue a clause rather than open one: 比上年, 同比 (subjects.yaml comparisons)
  prepare: (rules) => new Set((rules['subjects.yaml'].comparisons ?? []).map((entry) => entry.word)),
  run(doc, { segmenter, compiled: continuing }) {
    const chars = charsOf(doc.text);
    // the marks are found by a CharFinder search over the string, not over an array of its code points (0.07 → 0.01 s over 4 MB)
    const chineseEnds = new CharFinder(chars, SENTENCE_END);
    const englishEnds = new CharFinder(chars, [...SENTENCE_END, '.']);
    const list: Sentence[] = [];
    // built on the first headline gap: one pass over the raw text per document, not one per question
    let rawIndex: CodePointIndex | undefined;
    const rawIndexOf = (): CodePointIndex => (rawIndex ??= new CodePointIndex(doc.raw));
    doc.paragraphs.forEach((paragraph, index) => {
      let start = paragraph.start;
      const ends = paragraph.lang === 'en' ? englishEnds : chineseEnds;
      for (let i = ends.next(paragraph.start); i < paragraph.end; i = ends.next(i + 1)) {
        if (chars[i] === '.' && !endsEnglishSentence(chars, i, paragraph.end)) continue;
        let end = i + 1;
        while (end < paragraph.end && (CLOSERS.has(chars[end]!) || SENTENCE_END.has(chars[end]!))) end++;
        pushTrimmed(list, chars, start, end, index);
        start = end;
        i = end - 1;
      }
      if (start < paragraph.end) {
        const seams = start === paragraph.start && paragraph.lang === 'zh' && paragraph.rawLineStart === paragraph.rawLineEnd ? headlineSeams(doc, rawIndexOf, chars, start, paragraph.end, segmenter, continuing ?? NONE) : [];
        for (const seam of seams) {
          pushOne(list, chars, start, seam, index);
          start = seam;
        }
        pushTrimmed(list, chars, start, paragraph.end, index);
      }
    });
    return { ...doc, sentences: list };
  },
});

/** No continuing words (a run given no compiled rules). */
const NONE: ReadonlySet<string> = new Set();
/** Shortest clause, in code points, either side of a headline's seam. */
const HEADLINE_CLAUSE = 4;
/** Longest headline line looked at, in code points. */
const HEADLINE_LENGTH = 60;
/** How far back from the seam the clause's number may stand (`12.6%`, `2000亿元`, `1286万人次`). */
const NUMBER_REACH = 5;
/** Characters either side of the gap that jieba cuts to see whether a word crosses it. */
const CUT_REACH = 8;

/** Cleaned offsets in `[start, end)` where a space of the raw line was dropped between two clauses of a headline. */
function headlineSeams(
  doc: Doc,
  rawIndexOf: () => CodePointIndex,
  chars: Chars,
  start: number,
  end: number,
  segmenter: Segmenter,
  continuing: ReadonlySet<string>,
): number[] {
  if (end - start > HEADLINE_LENGTH) return [];
  const seams: number[] = [];
  for (let i = start + HEADLINE_CLAUSE; i <= end - HEADLINE_CLAUSE; i++) {
    const before = doc.offsets.toRaw(i - 1) + 1;
    const after = doc.offsets.toRaw(i);
    if (after <= before) continue;
    const index = rawIndexOf();
    if (!/^[ \t\u3000]+$/.test(doc.raw.slice(index.toUtf16(before), index.toUtf16(after)))) continue;
    const last = chars[i - 1]!;
    if (/[\d.]/.test(last) || !/[\p{Script=Han}%％]/u.test(last) || !/\p{Script=Han}/u.test(chars[i]!)) continue;
    if (!/\d/.test(sliceChars(chars, Math.max(start, i - NUMBER_REACH), i))) continue;
    const from = Math.max(start, i - CUT_REACH);
    const words = segmenter.cut(sliceChars(chars, from, Math.min(end, i + CUT_REACH)), from);
    if (words.some((word) => word.start < i && word.end > i)) continue;
    // 312天 比上年增加9天: a comparison after the gap continues the clause before it
    if (words.some((word) => word.start === i && continuing.has(word.word))) continue;
    seams.push(i);
  }
  return seams;
}

/** `.` at `i` after a word, followed by closing marks, a space and a capital letter or an opening quote. */
function endsEnglishSentence(chars: Chars, i: number, end: number): boolean {
  if (chars[i] !== '.') return false;
  // an initial or a roman numeral is no sentence: `U.S.`, `I. Review of Our Work`
  let k = i;
  while (k > 0 && /[A-Za-z]/.test(chars[k - 1]!)) k--;
  const word = sliceChars(chars, k, i);
  if (word.length < 2 || /^[IVXLC]+$/.test(word)) return false;
  let j = i + 1;
  while (j < end && CLOSERS.has(chars[j]!)) j++;
  if (j >= end || chars[j] !== ' ') return false;
  while (j < end && chars[j] === ' ') j++;
  const next = chars[j] ?? '';
  return /^[A-Z"“(]$/.test(next);
}

function pushTrimmed(list: Sentence[], chars: Chars, start: number, end: number, paragraph: number): void {
  while (end - start > MAX_SENTENCE) {
    const limit = start + MAX_SENTENCE;
    const floor = start + MAX_SENTENCE / 2;
    let cut = limit;
    while (cut > floor && !(CLAUSE_CUTS.has(chars[cut - 1]!) && safeCut(chars, cut, start))) cut--;
    if (cut <= floor) {
      cut = limit;
      while (cut > floor && !safeCut(chars, cut, start)) cut--;
    }
    if (cut <= floor) {
      // numbers close together: right before one, whose digit no tail of the number before can hold
      cut = limit;
      while (cut > floor && !opensNumber(chars, cut)) cut--;
      if (cut <= floor) cut = limit;
    }
    pushOne(list, chars, start, cut, paragraph);
    start = cut;
  }
  pushOne(list, chars, start, end, paragraph);
}

/** Range connectors and signs that tie a number to the one after it (`5-12个`, `5至12个`, `-3%`). */
const TIES = new Set(['-', '－', '~', '～', '—', '–', '至', '到', '/', '／', '+', '−']);

/** True when an Arabic number starts at `cut`, after a character that ends no number and ties it to none. */
function opensNumber(chars: Chars, cut: number): boolean {
  const before = chars[cut - 1];
  return isArabicDigit(chars[cut]) && before !== undefined && !isNumberChar(before) && !TIES.has(before) && !/\s/u.test(before);
}

function isNumberChar(ch: string | undefined): boolean {
  return isArabicDigit(ch) || isChineseNumeralChar(ch) || NUMBER_MARKS.has(ch ?? '');
}

/**
 * True when a sentence may end before `cut`: no number goes on after it, and no number stands in
 * the NUMBER_TAIL code points before it (back to `from`) that its unit could still follow,
 * unless a clause mark closes the number off first.
 */
function safeCut(chars: Chars, cut: number, from: number): boolean {
  if (isNumberChar(chars[cut])) return false;
  for (let k = cut - 1; k >= Math.max(from, cut - NUMBER_TAIL); k--) {
    const ch = chars[k]!;
    if (CLAUSE_CUTS.has(ch)) return true;
    if (isNumberChar(ch)) return false;
  }
  return true;
}

function pushOne(list: Sentence[], chars: Chars, start: number, end: number, paragraph: number): void {
  while (start < end && /\s/.test(chars[start]!)) start++;
  while (end > start && /\s/.test(chars[end - 1]!)) end--;
  if (end > start) list.push({ start, end, paragraph });
}

/**
 * Finds and resolves candidate quantities in one stretch of text: a numeral, an optional
 * magnitude, a unit, bound words, and the second half of a range. String matching only; what
 * is not a quantity after all (dates, names, the article 一) is decided by `exclusions.ts`.
 *
 * The scan moves left to right and never revisits a character it has consumed, so candidates
 * never overlap and the work is linear in the text (each lookup probes at most the longest
 * word of its table).
 */
import { add, integer, multiply, negate, scale, type Decimal } from '../../text/decimal.js';
import { CharFinder, type Chars, codeAt, sliceChars } from '../../text/chars.js';
import { boundAfter, boundBefore, decideQualifier, type Lexicon } from './bounds.js';
import type { Compiled } from './compile.js';
import { readNumeral, type Candidate, type Refusal, type Scan, type ScanContext } from './context.js';
import { DOUBLING_OPEN, FRACTION_MARK, doubling, fractionAt, slashFraction } from './number-words.js';
import { isArabicDigit, isChineseNumeralChar, isChineseNumeralCode, NUMERAL_STARTS, type Numeral } from './numerals.js';
import { rangeAfter } from './ranges.js';
import { compoundUnit, digitAfter, halfAfter, magnitudeValue, rateEntry, readTail, spacedDecimal, spacedThousands } from './tail.js';
import { matchAt, matchEndingAt, skipGap, type BoundEntry, type UnitEntry, type WordMatch } from './units.js';

export type { Candidate, Refusal, Scan } from './context.js';

const LATIN_LETTER = /^[A-Za-z]$/;

/**
 * Scans `chars[from, to)` for quantities. Units, magnitudes and trailing bound words may be
 * looked up as far as `reach` (≥ `to`), so that a unit wrapped onto the next line still belongs
 * to its number (`260⏎亿斤`).
 */
export function scan(
  chars: Chars,
  from: number,
  to: number,
  reach: number,
  compiled: Compiled,
  lexicon: Lexicon,
  starts: CharFinder = numberStarts(chars),
): Scan {
  const out: Scan = { candidates: [], refusals: [], consumed: from };
  const context: ScanContext = { chars, to, reach, compiled, lexicon, floor: from };
  let i = from;
  while (i < to) {
    // the text between numeral characters is skipped by a CharFinder search (a tight char-code loop), not by the scan below
    i = Math.min(starts.next(i), to);
    if (i >= to) break;
    const ch = chars[i]!;
    let next = i + 1;
    if (isArabicDigit(ch) && LATIN_LETTER.test(chars[i - 1] ?? '')) {
      // GDP1.2万美元 is an amount; PM2.5, G20, H7N9, P2P are identifiers (no unit, or a Latin one);
      // digits on both sides of the letters (2B6亿斤: an OCR-garbled 286) are never the amount's start
      const result = afterDigitAndLetters(chars, i) ? null : number(context, i);
      const form = result && 'candidate' in result ? chars[result.candidate.end - 1] : undefined;
      if (result && 'candidate' in result && !LATIN_LETTER.test(form ?? '')) {
        out.candidates.push(result.candidate);
        next = result.next;
      } else {
        while (next < to && /^[A-Za-z0-9.]$/.test(chars[next]!)) next++;
      }
    } else if (ch === DOUBLING_OPEN) {
      const found = doubling(context, i);
      if (found) {
        out.candidates.push(found);
        next = found.end;
      }
    } else if (isArabicDigit(ch) || isChineseNumeralChar(ch)) {
      const result = number(context, i);
      if ('candidate' in result) out.candidates.push(result.candidate);
      else if (result.refusal) out.refusals.push(result.refusal);
      next = Math.max(result.next, i + 1);
    }
    if (next > i + 1) context.floor = next;
    i = next;
  }
  out.consumed = Math.max(i, from);
  return out;
}

/** The Latin letters before `at` have an Arabic digit before them (2B6, 7N9). */
function afterDigitAndLetters(chars: Chars, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && LATIN_LETTER.test(chars[k]!)) k--;
  return isArabicDigit(chars[k]);
}

/**
 * Where a number can start in `chars`: a digit, a Chinese numeral or 翻 (翻两番). Build one per
 * text and pass it to every `scan` of that text, so the text is searched once.
 */
export function numberStarts(chars: Chars): CharFinder {
  return new CharFinder(chars, [...NUMERAL_STARTS, DOUBLING_OPEN]);
}

type NumberResult = { candidate: Candidate; next: number } | { refusal: Refusal | null; next: number };

/** Most numbers of a list read ahead for a shared unit: keeps a hostile list of bare numbers linear. */
const MAX_LISTED = 8;

/** A number starting at `at`: numeral, tail, optional range, bounds; `depth` numbers of a list before it. */
function number(context: ScanContext, at: number, depth = 0): NumberResult {
  const { chars, to, compiled } = context;
  let first = readNumeral(context, at, to);
  if (first === null) return { refusal: null, next: skipNumeralRun(chars, at, to) };
  if ('tooLong' in first) {
    return { refusal: { start: at, end: first.end, rule: 'recognize/too-long', reason: 'digit run too long to be an amount' }, next: first.end };
  }
  if (first.script === 'arabic' && isZero(chars[at]) && isArabicDigit(chars[at + 1])) {
    // 0431, 000万元 (an OCR-split 5 000): a code or a fragment, not an amount
    return {
      refusal: { start: at, end: first.end, rule: 'recognize/leading-zero', reason: `number with a leading zero: ${sliceChars(chars, at, first.end)}` },
      next: first.end,
    };
  }
  if (chars[first.end] === FRACTION_MARK[0] && chars[first.end + 1] === FRACTION_MARK[1]) {
    const fraction = fractionAt(context, first);
    if (fraction) return { candidate: fraction, next: fraction.end };
  }
  const slashed = slashFraction(context, first);
  if (slashed) return { candidate: slashed, next: slashed.end };
  let tail = readTail(context, first);
  const thousands = tail.unit || tail.magnitude ? null : spacedThousands(context, first);
  const decimal = tail.unit || tail.magnitude || thousands ? null : spacedDecimal(context, first);
  const joined = thousands ?? decimal;
  if (joined) {
    first = joined.numeral;
    tail = joined.tail;
  }
  let last: Numeral = first;
  let lastTail = tail;
  let value = magnitudeValue(first.value, tail);
  let valueMax = first.valueMax ? magnitudeValue(first.valueMax, tail) : null;
  const rules: string[] = [];
  if (first.valueMax) rules.push('recognize/adjacent-numerals');
  if (thousands) rules.push('recognize/spaced-thousands');
  if (decimal) rules.push('recognize/spaced-decimal');

  const range = first.valueMax === null ? rangeAfter(context, first, tail) : null;
  if (range) {
    last = range.second;
    lastTail = range.tail;
    value = range.value;
    valueMax = range.valueMax;
    rules.push('recognize/range');
  }
  const unit = lastTail.unit ?? (range ? null : tail.unit);
  const listable = !range && first.valueMax === null && tail.bounds.length === 0 && depth < MAX_LISTED && !opensClause(chars, at);
  if (unit === null && listable) {
    // 分别为120亿和150亿元: a number of a list takes the unit of the next one that has it
    // the numeral with its magnitude and any chained part (1亿2000万和…)
    const end = tail.end;
    const next = nextListed(context, end, depth);
    if (next && (tail.magnitude !== null) === next.magnified && next.script === first.script) {
      const before = boundBefore(compiled.before, chars, at, context.floor, context.lexicon);
      const rules = [next.candidate.unit.rule, 'recognize/shared-unit'];
      if (first.script === 'chinese') rules.push('recognize/chinese-numeral');
      if (tail.magnitude) rules.push(tail.magnitude.entry.rule);
      if (before) rules.push(before.entry.rule);
      const candidate: Candidate = {
        start: at,
        end,
        numeralStart: at,
        numeralEnd: first.end,
        value: byFactor(value, next.candidate.unit),
        valueMax: null,
        unit: next.candidate.unit,
        unitText: tail.magnitude?.form ?? '',
        qualifier: decideQualifier(false, before, []),
        rules,
      };
      return { candidate, next: end };
    }
  }
  if (unit === null) {
    const end = Math.max(last.end, lastTail.magnitude?.end ?? 0);
    const refusal: Refusal | null =
      first.script === 'arabic'
        ? { start: at, end, rule: 'recognize/no-unit', reason: `no unit after ${sliceChars(chars, at, end)}` }
        : null;
    return { refusal, next: first.script === 'arabic' ? end : skipNumeralRun(chars, at, to) };
  }

  // a unit may continue on the next line (260⏎亿斤), but what follows the unit stays in the sentence
  // (the context's reach is narrowed for the call and put back, not copied: a copy per number was
  // most of what a number allocated besides its records)
  const reach = context.reach;
  if (unit.end <= to) context.reach = to;
  const bounds = range ? tail.bounds.concat(range.tail.bounds) : tail.bounds.slice();
  const after = afterUnit(context, unit, range !== null || first.valueMax !== null, bounds, last.script);
  context.reach = reach;
  let end = after.end;
  const unitMatch = after.unit;
  let unitEntry = unitMatch.entry;
  // 高于全省0.3个和0.5个百分点: 个 is the start of the next number's unit, 个百分点 (only units that
  // begin a longer one are looked at, so a plain list 增长5%、6% is not read twice)
  if (listable && compiled.unitPrefixes.has(unitMatch.form) && !lastTail.magnitude && after.tenths === null && bounds.length === 0 && end === unit.end) {
    const next = nextListed(context, end, depth);
    const form = next?.candidate.unitText ?? '';
    // (门 and 门次 are two units: 3126门、9847门次 are two counts)
    const shares = form.length > unitMatch.form.length && form.startsWith(unitMatch.form) && !compiled.distinctUnitSuffixes.has(form.slice(unitMatch.form.length));
    if (next && !next.magnified && shares) {
      unitEntry = next.candidate.unit;
      rules.push('recognize/shared-unit');
    }
  }
  const speed = unitEntry.kind === 'length' && !unitEntry.per ? perWordBefore(context, at) : null;
  if (speed) {
    // 时速350公里 is 350 公里/小时, as 350公里/小时 is
    unitEntry = rateEntry(unitEntry, speed.entry);
    rules.push('recognize/per-word');
  }
  if (after.tenths !== null) {
    // 一年半 → 1.5 年, 两个半月 → 2.5 个月; 九成五 → 9.5 成
    value = add(value, scale(integer(after.tenths), -1 + (lastTail.magnitude ? lastTail.power : 0)));
    rules.push(after.half ? 'recognize/half' : 'recognize/next-digit');
  }
  // 增长-2.1%, 气温-5℃: a minus sign right before an Arabic number that no digit precedes
  const signed = first.script === 'arabic' && valueMax === null && isMinus(context, at);
  const start = signed ? at - 1 : at;
  if (signed) {
    value = negate(value);
    rules.push('recognize/minus');
  }
  const bound =
    boundBefore(compiled.before, chars, start, context.floor, context.lexicon) ??
    boundAcrossChange(context, start) ??
    boundAcrossWords(context, start) ??
    boundAcrossBase(context, start, unitEntry);
  // (突破500万人大关, 突破百万户大关: an amount with a magnitude is the mark's level, never a count of marks)
  const magnified = (lastTail.magnitude ?? tail.magnitude) !== null || first.bare;
  const before = bound && !magnified && countsMarks(context, bound, unitEntry, end) ? null : bound;
  if (first.bare && !before && bounds.length === 0) {
    // 亿元, 万人 with no number and no bound word: a magnitude naming a class, not an amount
    return {
      refusal: { start: at, end, rule: 'recognize/bare-magnitude', reason: `bare magnitude without a bound word: ${sliceChars(chars, at, end)}` },
      next: end,
    };
  }
  if (first.bare) rules.push('recognize/bare-magnitude');
  if (first.script === 'chinese') rules.push('recognize/chinese-numeral');
  const magnitude = lastTail.magnitude ?? tail.magnitude;
  if (magnitude) rules.push(magnitude.entry.rule);
  // the unit's rules first: a new array rather than unshift, which on a short array is a call
  // into V8's runtime (the hottest line of this function in a warm profile of the 10 MB corpus)
  const ruled = unitEntry.per ? [unitEntry.rule, unitEntry.per, 'recognize/per-unit'] : [unitEntry.rule];
  for (const rule of rules) ruled.push(rule);
  if (before) ruled.push(before.entry.rule);
  for (const bound of bounds) ruled.push(bound.entry.rule);

  const numeralEnd = last.end;
  return {
    candidate: {
      start,
      end,
      numeralStart: start,
      numeralEnd,
      value: byFactor(value, unitEntry),
      valueMax: valueMax && byFactor(valueMax, unitEntry),
      unit: unitEntry,
      unitText: (magnitude ? magnitude.form : '') + unitMatch.form,
      qualifier: decideQualifier(valueMax !== null, before, bounds),
      rules: ruled,
    },
    next: end,
  };
}


/**
 * The number after a list joiner at `at` (、 和), when it is a quantity of its own with a single
 * value, whether it has a magnitude (亿 of 150亿元) apart from its numeral, and its script; else null.
 */
function nextListed(
  context: ScanContext,
  at: number,
  depth: number,
): { candidate: Candidate; magnified: boolean; script: Numeral['script'] } | null {
  const { chars, compiled, to } = context;
  const joiner = matchAt(compiled.sharingJoiners, chars, at, to);
  if (!joiner) return null;
  const start = joiner.end;
  if (start >= to || !(isArabicDigit(chars[start]) || isChineseNumeralChar(chars[start]))) return null;
  const next = number(context, start, depth + 1);
  if (!('candidate' in next) || next.candidate.start !== start || next.candidate.valueMax !== null) return null;
  const candidate = next.candidate;
  const magnified = candidate.rules.some((rule) => rule.startsWith('magnitudes.yaml#'));
  return { candidate, magnified, script: isArabicDigit(chars[start]) ? 'arabic' : 'chinese' };
}

/** Characters after which a number opens a clause: there, `一、` and `1、` number a heading or an item. */
const CLAUSE_OPENERS = new Set(['\n', '。', '！', '？', '；', '：', ':', ';']);

/** The number at `at` opens the text or a clause (spaces before it passed over). */
function opensClause(chars: Chars, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && (chars[k] === ' ' || chars[k] === '\u3000' || chars[k] === '\t')) k--;
  return k < 0 || CLAUSE_OPENERS.has(chars[k]!);
}

/**
 * What follows the unit: a half (一年半) or a next digit (九成五), a bound word (以上, 左右), or
 * 余/多 inside a two-part unit (3个多月 = 个 + 多 + 月). Pushes the bound onto `bounds`; returns
 * the final unit and end, and the tenths to add (5 for a half).
 */
function afterUnit(
  context: ScanContext,
  unit: WordMatch<UnitEntry>,
  isRange: boolean,
  bounds: WordMatch<BoundEntry>[],
  script: Numeral['script'],
): { unit: WordMatch<UnitEntry>; end: number; half: boolean; tenths: number | null } {
  const { chars, compiled, reach, lexicon } = context;
  const half = isRange ? null : halfAfter(context, unit);
  const digit = isRange || half ? null : digitAfter(context, unit, script);
  const current = half ?? (digit === null ? unit : { ...unit, end: unit.end + 1 });
  const tenths = half ? 5 : digit;
  const afterAt = skipGap(chars, current.end, reach);
  // 多月 being a dictionary word does not matter inside 3个多月
  const split = boundAfter(compiled.after, chars, afterAt, reach, lexicon, false);
  const whole = split?.entry.inside && tenths === null ? compoundUnit(context, unit, split.end) : null;
  if (split && whole) {
    bounds.push(split);
    return { unit: whole, end: whole.end, half: false, tenths: null };
  }
  // 5000万元（含）以上: a note on the bound stands between the unit and the bound word
  const insert = matchAt(compiled.boundInserts, chars, afterAt, reach);
  const boundAt = insert ? skipGap(chars, insert.end, reach) : afterAt;
  const after = boundAfter(compiled.after, chars, boundAt, reach, lexicon, true);
  if (after) bounds.push(after);
  return { unit: current, end: after ? after.end : current.end, half: half !== null, tenths };
}

/** Minus signs: ASCII, full-width, and the mathematical minus. */
const MINUS = new Set(['-', '－', '−']);

/**
 * A minus sign at `at - 1`, not preceded by a digit, letter, closing bracket, numeral, magnitude
 * or unit: 1-11月 is a span, 2万-1万元 and 10元-5元 are (reversed) spans, not negatives.
 */
function isMinus(context: ScanContext, at: number): boolean {
  const { chars, compiled, floor } = context;
  if (at - 1 < floor || !MINUS.has(chars[at - 1]!)) return false;
  const before = chars[at - 2];
  if (before === undefined) return true;
  if (/^[0-9０-９A-Za-z.)）\]%％]$/u.test(before) || isChineseNumeralChar(before)) return false;
  return !matchEndingAt(compiled.units, chars, at - 1, 0) && !matchEndingAt(compiled.magnitudes, chars, at - 1, 0);
}

/** 九成 → 90 %, 一半 → 50 %: the value of a unit written as a multiple of its canonical one. */
function byFactor(value: Decimal, unit: UnitEntry): Decimal {
  return unit.factor === null ? value : multiply(value, unit.factor);
}

function isZero(ch: string | undefined): boolean {
  return ch === '0' || ch === '０';
}

/** Index after the run of Chinese numeral characters (or digits) that starts at `at`. */
function skipNumeralRun(chars: Chars, at: number, to: number): number {
  let k = at;
  if (isArabicDigit(chars[k])) {
    while (k < to && (isArabicDigit(chars[k]) || chars[k] === '.' || chars[k] === '．' || chars[k] === ',')) k++;
    return Math.max(k, at + 1);
  }
  while (k < to && isChineseNumeralChar(chars[k])) k++;
  return Math.max(k, at + 1);
}

/** Most Chinese characters between a speed word and its number (时速|可达|350公里). */
const MAX_PER_WORD_DISTANCE = 3;

/**
 * The character at `i` is of the basic CJK block (U+4E00–U+9FFF), the words these scans may cross.
 * Read by its code: `chars[i]` on a string makes a fresh string of one Chinese character, and
 * these scans step back over up to a dozen characters per number.
 */
function isBasicHanAt(chars: Chars, i: number): boolean {
  const code = codeAt(chars, i);
  return code >= 0x4e00 && code <= 0x9fff;
}

/** A basic-block Han character that is no Chinese numeral character, by its code. */
function isWordHanAt(chars: Chars, i: number): boolean {
  return isBasicHanAt(chars, i) && !isChineseNumeralCode(codeAt(chars, i));
}

/**
 * 时速350公里, 最高时速可达350公里, 每小时350公里: a units.yaml `per_words` word ending at most a
 * few Chinese characters before the number at `at`, with no mark, space or digit between.
 */
function perWordBefore(context: ScanContext, at: number): WordMatch<UnitEntry> | null {
  const { chars, compiled, floor } = context;
  for (let k = 0; k <= MAX_PER_WORD_DISTANCE && at - k > floor; k++) {
    if (k > 0 && !isWordHanAt(chars, at - k)) return null;
    const word = matchEndingAt(compiled.perWords, chars, at - k, floor);
    if (word) return word;
  }
  return null;
}

/** Most characters between a count and the mark it counts (两个|万亿元|台阶). */
const MAX_MARK_DISTANCE = 6;

/**
 * 跨越两个万亿元台阶: a threshold word (at_least) in front of a count of marks (subjects.yaml marks)
 * bounds the amount each mark stands for, not the count; the marks crossed are counted exactly.
 * True when `bound` is such a word and a mark begins within a few Chinese characters after `end`.
 */
function countsMarks(context: ScanContext, bound: WordMatch<BoundEntry>, unit: UnitEntry, end: number): boolean {
  const { chars, compiled, reach } = context;
  if (bound.entry.qualifier !== 'at_least' || unit.kind !== 'count') return false;
  for (let k = end; k < reach && k - end <= MAX_MARK_DISTANCE; k++) {
    if (matchAt(compiled.marks, chars, k, reach)) return true;
    if (!isBasicHanAt(chars, k)) return false;
  }
  return false;
}

/** Most Chinese characters any `across_words` entry may stand before the number. */
const MAX_ACROSS_WORDS = 8;

/**
 * 至少开工10个, 至少新建5所: a bound word marked `across_words: N` up to N Chinese characters (the
 * verb it scopes over) before the number, with no mark, space or digit between.
 */
function boundAcrossWords(context: ScanContext, start: number): WordMatch<BoundEntry> | null {
  const { compiled, chars, floor, lexicon } = context;
  for (let k = 1; k <= MAX_ACROSS_WORDS && start - k > floor; k++) {
    if (!isWordHanAt(chars, start - k)) return null;
    const bound = boundBefore(compiled.before, chars, start - k, floor, lexicon);
    // 约定3年内, 约束: the bound word glued to the verb after it is a word of its own
    if (bound && bound.entry.acrossWords >= k && !lexicon.isWord(bound.form + chars[bound.end]!)) return bound;
  }
  return null;
}

/** 的, by its code. */
const DE = 0x7684;

/** Most Chinese characters of the base between an `across_base` word and the 的 before the number. */
const MAX_BASE_CHARS = 12;

/**
 * 不低于营业收入的5%, 不超过地区生产总值的3%: a bound word marked `across_base` in front of the base
 * a percentage is measured against: Chinese characters (no digit, mark or 的 of their own; 一般 holds
 * a numeral character) ending in the 的 right before the number.
 */
function boundAcrossBase(context: ScanContext, start: number, unit: UnitEntry): WordMatch<BoundEntry> | null {
  const { compiled, chars, floor, lexicon } = context;
  if (unit.kind !== 'percent' || start - 1 <= floor || chars[start - 1] !== '的') return null;
  for (let k = 2; k <= MAX_BASE_CHARS + 1 && start - k > floor; k++) {
    if (!isBasicHanAt(chars, start - k) || codeAt(chars, start - k) === DE) return null;
    const bound = boundBefore(compiled.before, chars, start - k, floor, lexicon);
    if (bound) return bound.entry.acrossBase ? bound : null;
  }
  return null;
}

/**
 * 约增长12%, 大约下降3%: a bound word marked `across_change` in front of a change word that stands
 * right before the number. Only the change word's own span is passed over, so 约 stays a whole word.
 */
function boundAcrossChange(context: ScanContext, start: number): WordMatch<BoundEntry> | null {
  const { compiled, chars, floor, lexicon } = context;
  const change = matchEndingAt(compiled.changes, chars, start, floor);
  if (change === null) return null;
  const bound = boundBefore(compiled.before, chars, change.start, floor, lexicon);
  return bound?.entry.acrossChange ? bound : null;
}

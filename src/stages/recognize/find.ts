/**
 * Finds and resolves candidate quantities in one stretch of text: a numeral, an optional
 * magnitude, a unit, bound words, and the second half of a range. String matching only; what
 * is not a quantity after all (dates, names, the article 一) is decided by `exclusions.ts`.
 *
 * The scan moves left to right and never revisits a character it has consumed, so candidates
 * never overlap and the work is linear in the text (each lookup probes at most the longest
 * word of its table).
 */
import type { Qualifier } from '../../document.js';
import { add, integer, lessThan, percentOf, scale, type Decimal } from '../../text/decimal.js';
import { boundAfter, boundBefore, decideQualifier, type IsWord } from './bounds.js';
import type { Compiled } from './compile.js';
import { isArabicDigit, isChineseDigit, isChineseNumeralChar, parseArabic, parseChinese, type Numeral, type TooLong } from './numerals.js';
import { matchAt, matchEndingAt, skipGap, type BoundEntry, type UnitEntry, type WordMatch } from './units.js';

/** `X分之Y`: the fraction mark between denominator and numerator (三分之一, 百分之七十一). */
const FRACTION_MARK = ['分', '之'] as const;
/** `翻N番`: doubling N times (翻一番 = ×2, 翻两番 = ×4); 了 may stand after 翻. */
const DOUBLING_OPEN = '翻';
const DOUBLING_CLOSE = '番';
const DOUBLING_ASPECT = '了';
/** Decimal places kept for a fraction that does not terminate (三分之一 → 33.3333 %). */
const FRACTION_PLACES = 4;
/** Canonical units the number-word constructions resolve to; they must exist in units.yaml. */
const PERCENT_UNIT = '%';
const MULTIPLE_UNIT = '倍';
const LATIN_LETTER = /^[A-Za-z]$/;

/** A resolved candidate, before exclusions. Offsets are code points into the scanned text. */
export interface Candidate {
  start: number;
  end: number;
  /** The number as written, from the first numeral to the end of the last (ranges included). */
  numeralStart: number;
  numeralEnd: number;
  value: Decimal;
  valueMax: Decimal | null;
  unit: UnitEntry;
  unitText: string;
  qualifier: Qualifier;
  rules: string[];
}

/** A number the scan looked at and refused before any exclusion rule (no unit, bare magnitude). */
export interface Refusal {
  start: number;
  end: number;
  rule: string;
  reason: string;
}

export interface Scan {
  candidates: Candidate[];
  refusals: Refusal[];
  /** First index not consumed: a candidate may run past `to` into the extension. */
  consumed: number;
}

/**
 * Scans `chars[from, to)` for quantities. Units, magnitudes and trailing bound words may be
 * looked up as far as `reach` (≥ `to`), so that a unit wrapped onto the next line still belongs
 * to its number (`260⏎亿斤`).
 */
export function scan(
  chars: readonly string[],
  from: number,
  to: number,
  reach: number,
  compiled: Compiled,
  isWord: IsWord,
): Scan {
  const out: Scan = { candidates: [], refusals: [], consumed: from };
  const context: ScanContext = { chars, to, reach, compiled, isWord, floor: from };
  let i = from;
  while (i < to) {
    const ch = chars[i]!;
    let next = i + 1;
    if (isArabicDigit(ch) && LATIN_LETTER.test(chars[i - 1] ?? '')) {
      // PM2.5, G20, H7N9: digits inside an identifier
      while (next < to && /^[A-Za-z0-9.]$/.test(chars[next]!)) next++;
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

interface ScanContext {
  chars: readonly string[];
  to: number;
  reach: number;
  compiled: Compiled;
  isWord: IsWord;
  /** Before-bound words are looked for no further back than this (the end of the last candidate). */
  floor: number;
}

type NumberResult = { candidate: Candidate; next: number } | { refusal: Refusal | null; next: number };

/** What follows a numeral: bound words inside, a magnitude, a unit. */
interface Tail {
  power: number;
  /** Extra value from a chained Arabic part (1亿2000万 → + 2000×10⁴), already scaled. */
  extra: Decimal | null;
  magnitude: WordMatch<{ form: string; power: number }> | null;
  unit: WordMatch<UnitEntry> | null;
  bounds: WordMatch<BoundEntry>[];
  end: number;
}

function readNumeral(context: ScanContext, at: number, limit: number): Numeral | TooLong | null {
  const { chars, compiled } = context;
  if (isArabicDigit(chars[at])) return parseArabic(chars, at, limit);
  const numeral = parseChinese(chars, at, limit);
  // 三千米, 二十千瓦: the last multiplier begins a unit, so it is not part of the numeral
  if (numeral && numeral.endsWithMultiplier && matchAt(compiled.units, chars, numeral.end - 1, context.reach)) {
    return numeral.end - 1 > at ? parseChinese(chars, at, numeral.end - 1) : null;
  }
  return numeral;
}

/** A number starting at `at`: numeral, tail, optional range, bounds. */
function number(context: ScanContext, at: number): NumberResult {
  const { chars, to, compiled } = context;
  let first = readNumeral(context, at, to);
  if (first === null) return { refusal: null, next: skipNumeralRun(chars, at, to) };
  if ('tooLong' in first) {
    return { refusal: { start: at, end: first.end, rule: 'recognize/too-long', reason: 'digit run too long to be an amount' }, next: first.end };
  }
  if (first.script === 'arabic' && isZero(chars[at]) && isArabicDigit(chars[at + 1])) {
    // 0431, 000万元 (an OCR-split 5 000): a code or a fragment, not an amount
    return {
      refusal: { start: at, end: first.end, rule: 'recognize/leading-zero', reason: `number with a leading zero: ${chars.slice(at, first.end).join('')}` },
      next: first.end,
    };
  }
  if (chars[first.end] === FRACTION_MARK[0] && chars[first.end + 1] === FRACTION_MARK[1]) {
    const fraction = fractionAt(context, first);
    if (fraction) return { candidate: fraction, next: fraction.end };
  }
  let tail = readTail(context, first);
  const joined = tail.unit || tail.magnitude ? null : spacedThousands(context, first);
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
  if (joined) rules.push('recognize/spaced-thousands');

  const range = first.valueMax === null ? rangeAfter(context, first, tail) : null;
  if (range) {
    last = range.second;
    lastTail = range.tail;
    value = range.value;
    valueMax = range.valueMax;
    rules.push('recognize/range');
  }
  const unit = lastTail.unit ?? (range ? null : tail.unit);
  if (unit === null) {
    const end = Math.max(last.end, lastTail.magnitude?.end ?? 0);
    const refusal: Refusal | null =
      first.script === 'arabic'
        ? { start: at, end, rule: 'recognize/no-unit', reason: `no unit after ${chars.slice(at, end).join('')}` }
        : null;
    return { refusal, next: first.script === 'arabic' ? end : skipNumeralRun(chars, at, to) };
  }

  let end = unit.end;
  let unitMatch = unit;
  const half = range || first.valueMax ? null : halfAfter(context, unit);
  if (half) {
    // 一年半 → 1.5 年, 两个半月 → 2.5 个月
    value = add(value, scale(integer(5), -1 + (lastTail.magnitude ? lastTail.power : 0)));
    unitMatch = half;
    end = half.end;
    rules.push('recognize/half');
  }
  const afterAt = skipGap(chars, end, context.reach);
  const bounds = [...tail.bounds, ...(range ? range.tail.bounds : [])];
  // 3个多月, 2个多小时: 余/多 inside a two-part unit (个月 = 个 + 月); 多月 being a word does not matter
  const split = boundAfter(compiled.after, chars, afterAt, context.reach, context.isWord, false);
  const whole = split?.entry.inside && !half ? compoundUnit(context, unit, split.end) : null;
  if (split && whole) {
    bounds.push(split);
    unitMatch = whole;
    end = whole.end;
  } else {
    const after = boundAfter(compiled.after, chars, afterAt, context.reach, context.isWord, true);
    if (after) {
      bounds.push(after);
      end = after.end;
    }
  }
  const before = boundBefore(compiled.before, chars, at, context.floor, context.isWord);
  if (first.bare && !before && bounds.length === 0) {
    // 亿元, 万人 with no number and no bound word: a magnitude naming a class, not an amount
    return {
      refusal: { start: at, end, rule: 'recognize/bare-magnitude', reason: `bare magnitude without a bound word: ${chars.slice(at, end).join('')}` },
      next: end,
    };
  }
  if (first.bare) rules.push('recognize/bare-magnitude');
  if (first.script === 'chinese') rules.push('recognize/chinese-numeral');
  const magnitude = lastTail.magnitude ?? tail.magnitude;
  if (magnitude) rules.push(`magnitudes.yaml#${magnitude.form}`);
  rules.unshift(`${unitMatch.entry.file}#${unitMatch.entry.unit}`);
  if (before) rules.push(`qualifiers.yaml#${before.form}`);
  for (const bound of bounds) rules.push(`qualifiers.yaml#${bound.form}`);

  const numeralEnd = last.end;
  return {
    candidate: {
      start: at,
      end,
      numeralStart: at,
      numeralEnd,
      value,
      valueMax,
      unit: unitMatch.entry,
      unitText: (magnitude ? magnitude.form : '') + unitMatch.form,
      qualifier: decideQualifier(valueMax !== null, before, bounds),
      rules,
    },
    next: end,
  };
}

/** 半 after a unit adds one half: 一年半, 3倍半, 两个半月 (个 + 半 + 月); not 3个半导体. */
const HALF = '半';

function halfAfter(context: ScanContext, unit: WordMatch<UnitEntry>): WordMatch<UnitEntry> | null {
  const { chars, reach, isWord } = context;
  if (chars[unit.end] !== HALF) return null;
  const compound = compoundUnit(context, unit, unit.end + 1);
  if (compound) return { ...compound, start: unit.start };
  if (unit.entry.file === 'classifiers.yaml') return null;
  // 半 opening a word of its own (半导体, 半数) is not a half; 半时 in 一年半时间 is, because 时间 is a word
  const next = chars.slice(unit.end, Math.min(reach, unit.end + 3));
  const word = (from: number, to: number) => next.length >= to && isWord(next.slice(from, to).join(''));
  if (word(0, 3)) return null;
  if (word(0, 2) && !word(1, 3)) return null;
  return { ...unit, end: unit.end + 1 };
}

/** The longest unit form that is `unit`'s form plus the characters at `at` (个 + 月 = 个月). */
function compoundUnit(context: ScanContext, unit: WordMatch<UnitEntry>, at: number): WordMatch<UnitEntry> | null {
  const { chars, compiled, reach } = context;
  let form = unit.form;
  let best: WordMatch<UnitEntry> | null = null;
  for (let k = at; k < reach && k - at < compiled.units.longest; k++) {
    form += chars[k]!;
    const entry = compiled.units.forms.get(form);
    if (entry) best = { entry, form, start: unit.start, end: k + 1 };
  }
  return best;
}

function magnitudeValue(value: Decimal, tail: Tail): Decimal {
  const scaled = scale(value, tail.power);
  return tail.extra ? add(scaled, tail.extra) : scaled;
}

/**
 * After the numeral: `余`/`多` (130余个, 10多万), a magnitude unless a unit is at least as long
 * (3千米 is a unit, 3千万 a magnitude), a chained Arabic part (1亿2000万), `余` again (3万余人),
 * then the unit. OCR gaps are bridged only when something is found after them.
 */
function readTail(context: ScanContext, numeral: Numeral): Tail {
  const { chars, compiled, reach } = context;
  const tail: Tail = { power: 0, extra: null, magnitude: null, unit: null, bounds: [], end: numeral.end };
  let k = skipGap(chars, numeral.end, reach);
  k = insideBound(context, k, tail);
  const unit = matchAt(compiled.units, chars, k, reach);
  const magnitude = matchAt(compiled.magnitudes, chars, k, reach);
  if (magnitude && (!unit || magnitude.end - magnitude.start > unit.end - unit.start)) {
    tail.magnitude = magnitude;
    tail.power = magnitude.entry.power;
    tail.end = magnitude.end;
    k = magnitude.end;
    if (numeral.script === 'arabic') k = chainedPart(context, k, tail);
    k = insideBound(context, skipGap(chars, k, reach), tail);
    tail.unit = matchAt(compiled.units, chars, k, reach);
  } else {
    tail.unit = unit;
  }
  if (tail.unit) tail.end = tail.unit.end;
  return tail;
}

/**
 * 130余个, 10多万人: 余/多 between the number and its magnitude or unit; also a full bound word
 * when a unit follows it directly (10万以上人口).
 */
function insideBound(context: ScanContext, k: number, tail: Tail): number {
  const { chars, compiled, reach, isWord } = context;
  const bound = boundAfter(compiled.after, chars, k, reach, isWord, false);
  if (!bound) return k;
  const resume = skipGap(chars, bound.end, reach);
  const unitFollows = matchAt(compiled.units, chars, resume, reach) !== null;
  const magnitudeFollows = matchAt(compiled.magnitudes, chars, resume, reach) !== null;
  if (bound.entry.inside ? unitFollows || magnitudeFollows : unitFollows) {
    tail.bounds.push(bound);
    return resume;
  }
  return k;
}

/** Spaces the OCR reads inside a number: `5 000万元` is 5000万元. */
const DIGIT_GAP = new Set([' ', '\u00a0', '\u3000']);

/**
 * `5 000万元`, `1 381个`: one to three digits, one space, exactly three digits, and then a
 * magnitude or unit. Only tried when the first part has no unit of its own.
 */
function spacedThousands(context: ScanContext, first: Numeral): { numeral: Numeral; tail: Tail } | null {
  const { chars, to } = context;
  if (first.script !== 'arabic' || first.end - first.start > 3 || !DIGIT_GAP.has(chars[first.end]!)) return null;
  for (let k = first.start; k < first.end; k++) if (!isArabicDigit(chars[k])) return null;
  const groupAt = first.end + 1;
  let digits = 0;
  while (groupAt + digits < to && isArabicDigit(chars[groupAt + digits])) digits++;
  if (digits !== 3) return null;
  const group = parseArabic(chars, groupAt, to);
  if (!group || 'tooLong' in group) return null;
  const numeral: Numeral = { ...first, end: group.end, value: add(scale(first.value, 3), group.value) };
  const tail = readTail(context, numeral);
  return tail.unit || tail.magnitude ? { numeral, tail } : null;
}

/** 1亿2000万: an Arabic part with a smaller magnitude right after a magnitude adds to the number. */
function chainedPart(context: ScanContext, k: number, tail: Tail): number {
  const { chars, compiled, to } = context;
  if (!isArabicDigit(chars[k])) return k;
  const part = parseArabic(chars, k, to);
  if (!part || 'tooLong' in part) return k;
  const magnitude = matchAt(compiled.magnitudes, chars, part.end, context.reach);
  if (!magnitude || magnitude.entry.power >= tail.power) return k;
  if (matchAt(compiled.units, chars, part.end, context.reach)) return k;
  const partValue = scale(part.value, magnitude.entry.power);
  tail.extra = tail.extra ? add(tail.extra, partValue) : partValue;
  tail.end = magnitude.end;
  return magnitude.end;
}

interface Range {
  second: Numeral;
  tail: Tail;
  value: Decimal;
  valueMax: Decimal;
}

/**
 * `2-3所`, `2至3所`, `5%-8%`, `3-5万元`, `3万-5万元`: a connector and a second number. The
 * first half takes the second's magnitude when it has none and stays below it (3-5万 → 3万–5万),
 * and must not name a different unit. The low end must be below the high end.
 */
function rangeAfter(context: ScanContext, first: Numeral, tail: Tail): Range | null {
  const { chars, compiled, to } = context;
  const connectorAt = tail.unit ? tail.unit.end : tail.magnitude ? tail.magnitude.end : first.end;
  if (tail.bounds.length > 0) return null;
  const connector = matchAt(compiled.connectors, chars, connectorAt, to);
  if (!connector) return null;
  if (matchEndingAt(compiled.rangeBreakers, chars, first.start, context.floor)) return null;
  const secondAt = connector.end;
  if (!(isArabicDigit(chars[secondAt]) || isChineseDigit(chars[secondAt]))) return null;
  const second = readNumeral(context, secondAt, to);
  if (!second || 'tooLong' in second || second.bare || second.valueMax) return null;
  const secondTail = readTail(context, second);
  if (!secondTail.unit) return null;
  if (tail.unit && tail.unit.entry.unit !== secondTail.unit.entry.unit) return null;
  const high = magnitudeValue(second.value, secondTail);
  let low = magnitudeValue(first.value, tail);
  if (!tail.magnitude && secondTail.magnitude) {
    const borrowed = scale(first.value, secondTail.power);
    if (lessThan(borrowed, high)) low = borrowed;
  }
  if (!lessThan(low, high)) return null;
  return { second, tail: secondTail, value: low, valueMax: high };
}

/** `X分之Y` → 100·Y/X percent: 百分之七十一 → 71 %, 三分之一 → 33.3333 %, 千分之三 → 0.3 %. */
function fractionAt(context: ScanContext, denominator: Numeral): Candidate | null {
  const { chars, compiled, to, reach, isWord } = context;
  const unit = compiled.units.forms.get(PERCENT_UNIT);
  if (!unit || denominator.valueMax || denominator.value.isZero()) return null;
  const numeratorAt = denominator.end + FRACTION_MARK.length;
  const numerator = plain(isArabicDigit(chars[numeratorAt]) ? parseArabic(chars, numeratorAt, to) : parseChinese(chars, numeratorAt, to));
  // 百分之百 is 100 %: the numerator may be a bare multiplier
  if (!numerator || numerator.valueMax) return null;
  const value = percentOf(numerator.value, denominator.value, FRACTION_PLACES);
  let end = numerator.end;
  const bounds: WordMatch<BoundEntry>[] = [];
  const after = boundAfter(compiled.after, chars, skipGap(chars, end, reach), reach, isWord, true);
  if (after) {
    bounds.push(after);
    end = after.end;
  }
  const before = boundBefore(compiled.before, chars, denominator.start, context.floor, isWord);
  const percentWords = denominator.value.equals(100);
  const rules = [`units.yaml#${unit.unit}`, percentWords ? 'recognize/percent-words' : 'recognize/fraction'];
  if (before) rules.push(`qualifiers.yaml#${before.form}`);
  for (const bound of bounds) rules.push(`qualifiers.yaml#${bound.form}`);
  return {
    start: denominator.start,
    end,
    numeralStart: denominator.start,
    numeralEnd: numerator.end,
    value,
    valueMax: null,
    unit,
    // 百分之 is the percent sign written in words; in 三分之一 only 分之 marks the unit
    unitText: chars.slice(percentWords ? denominator.start : denominator.end, denominator.end + FRACTION_MARK.length).join(''),
    qualifier: decideQualifier(false, before, bounds),
    rules,
  };
}

/** `翻一番` → 2 倍, `翻两番` → 4 倍, `翻了一番` → 2 倍: doubling N times is 2^N. */
function doubling(context: ScanContext, at: number): Candidate | null {
  const { chars, compiled, to } = context;
  const unit = compiled.units.forms.get(MULTIPLE_UNIT);
  if (!unit) return null;
  let k = at + 1;
  if (chars[k] === DOUBLING_ASPECT) k++;
  const times = plain(isArabicDigit(chars[k]) ? parseArabic(chars, k, to) : parseChinese(chars, k, to));
  if (!times || times.valueMax || times.bare) return null;
  if (chars[times.end] !== DOUBLING_CLOSE) return null;
  const count = Number(times.value.toFixed());
  if (!Number.isInteger(count) || count < 1 || count > 10) return null;
  return {
    start: at,
    end: times.end + 1,
    numeralStart: times.start,
    numeralEnd: times.end,
    value: integer(2 ** count),
    valueMax: null,
    unit,
    unitText: DOUBLING_CLOSE,
    qualifier: 'exact',
    rules: [`units.yaml#${unit.unit}`, 'recognize/doubling'],
  };
}

function isZero(ch: string | undefined): boolean {
  return ch === '0' || ch === '０';
}

/** The numeral, or null for no numeral or an over-long digit run. */
function plain(result: Numeral | TooLong | null): Numeral | null {
  return result === null || 'tooLong' in result ? null : result;
}

/** Index after the run of Chinese numeral characters (or digits) that starts at `at`. */
function skipNumeralRun(chars: readonly string[], at: number, to: number): number {
  let k = at;
  if (isArabicDigit(chars[k])) {
    while (k < to && (isArabicDigit(chars[k]) || chars[k] === '.' || chars[k] === '．' || chars[k] === ',')) k++;
    return Math.max(k, at + 1);
  }
  while (k < to && isChineseNumeralChar(chars[k])) k++;
  return Math.max(k, at + 1);
}


/**
 * Numbers written as words around a numeral: `X分之Y` (三分之一, 百分之七十一, 千分之三) and
 * `翻N番` (翻一番, 翻两番).
 */
import { integer, lessThan, percentOf } from '../../text/decimal.js';
import { sliceChars } from '../../text/chars.js';
import { boundAfter, boundBefore, decideQualifier } from './bounds.js';
import { plain, type Candidate, type ScanContext } from './context.js';
import { isArabicDigit, parseArabic, parseChinese, type Numeral } from './numerals.js';
import { matchAt, matchEndingAt, skipGap, type BoundEntry, type WordMatch } from './units.js';

/** `X分之Y`: the fraction mark between denominator and numerator (三分之一, 百分之七十一). */
export const FRACTION_MARK = ['分', '之'] as const;
/** `翻N番`: doubling N times (翻一番 = ×2, 翻两番 = ×4); 了 may stand after 翻. */
export const DOUBLING_OPEN = '翻';
const DOUBLING_CLOSE = '番';
const DOUBLING_ASPECT = '了';
/** Decimal places kept for a fraction that does not terminate: enough to agree with a float 100/3 to 1e-12. */
const FRACTION_PLACES = 10;
/** Canonical units the number-word constructions resolve to; they must exist in units.yaml. */
const PERCENT_UNIT = '%';
/** 千分之N is per mille, written as the ‰ sign is: 千分之十二 and 12‰ are the same figure. */
const PERMILLE_UNIT = '‰';
const PERMILLE_DENOMINATOR = 1000;
const MULTIPLE_UNIT = '倍';

/** `X分之Y` → 100·Y/X percent: 百分之七十一 → 71 %, 三分之一 → 33.3333333333 %; 千分之三 → 3 ‰. */
export function fractionAt(context: ScanContext, denominator: Numeral): Candidate | null {
  const { chars, compiled, to, reach, lexicon } = context;
  const permille = denominator.value.equals(PERMILLE_DENOMINATOR) ? compiled.units.forms.get(PERMILLE_UNIT) : undefined;
  const unit = permille ?? compiled.units.forms.get(PERCENT_UNIT);
  if (!unit || denominator.valueMax || denominator.value.isZero()) return null;
  const numeratorAt = denominator.end + FRACTION_MARK.length;
  const numerator = plain(isArabicDigit(chars[numeratorAt]) ? parseArabic(chars, numeratorAt, to) : parseChinese(chars, numeratorAt, to));
  // 百分之百 is 100 %: the numerator may be a bare multiplier
  if (!numerator || numerator.valueMax) return null;
  const share = (n: Numeral) => (permille ? n.value : percentOf(n.value, denominator.value, FRACTION_PLACES));
  const value = share(numerator);
  const upper = fractionUpper(context, denominator, numerator);
  const valueMax = upper && share(upper);
  let end = upper ? upper.end : numerator.end;
  const bounds: WordMatch<BoundEntry>[] = [];
  const after = boundAfter(compiled.after, chars, skipGap(chars, end, reach), reach, lexicon, true);
  if (after) {
    bounds.push(after);
    end = after.end;
  }
  const before = boundBefore(compiled.before, chars, denominator.start, context.floor, lexicon);
  // 百分之 and 千分之 are the % and ‰ signs written in words
  const percentWords = denominator.value.equals(100) || permille !== undefined;
  const rules = [`units.yaml#${unit.unit}`, percentWords ? 'recognize/percent-words' : 'recognize/fraction'];
  if (before) rules.push(`qualifiers.yaml#${before.form}`);
  for (const bound of bounds) rules.push(`qualifiers.yaml#${bound.form}`);
  return {
    start: denominator.start,
    end,
    numeralStart: denominator.start,
    numeralEnd: upper ? upper.end : numerator.end,
    value,
    valueMax,
    unit,
    // 百分之 is the percent sign written in words; in 三分之一 only 分之 marks the unit
    unitText: sliceChars(chars, percentWords ? denominator.start : denominator.end, denominator.end + FRACTION_MARK.length),
    qualifier: decideQualifier(valueMax !== null, before, bounds),
    rules,
  };
}

/**
 * The upper end of a fraction range: a connector, the same fraction mark again or not, and a
 * larger numerator (百分之五到百分之八, 百分之六至七 → 5–8 %, 6–7 %); null when none follows.
 */
function fractionUpper(context: ScanContext, denominator: Numeral, numerator: Numeral): Numeral | null {
  const { chars, compiled, to } = context;
  const connector = matchAt(compiled.connectors, chars, numerator.end, to);
  // 从百分之五到百分之八 is a change between two levels, not a range
  if (!connector || matchEndingAt(compiled.rangeBreakers, chars, denominator.start, context.floor)) return null;
  const numeralAt = (at: number) => plain(isArabicDigit(chars[at]) ? parseArabic(chars, at, to) : parseChinese(chars, at, to));
  let at = connector.end;
  // 百分之五到百分之八 repeats the denominator and the mark; 百分之六至七 does not
  const again = numeralAt(at);
  if (again && again.value.equals(denominator.value) && hasMark(chars, again.end)) at = again.end + FRACTION_MARK.length;
  const upper = numeralAt(at);
  if (!upper || upper.valueMax || upper.bare || !lessThan(numerator.value, upper.value)) return null;
  // 百分之五至七成, 三分之一到一半: the next number has a unit of its own, so it is not this range's end
  if (matchAt(compiled.units, chars, upper.end, to) || matchAt(compiled.magnitudes, chars, upper.end, to)) return null;
  if (hasMark(chars, upper.end)) return null;
  return upper;
}

/** Slashes of a fraction written with digits (1/3). */
const SLASHES = new Set(['/', '／']);
/** Largest denominator read as a fraction: 1/3, 3/4, 1/10; 2024/2025学年 is two years. */
const MAX_SLASH_DENOMINATOR = 100;

/**
 * `1/3`, `2／3` → 33.3333333333 %, 66.6666666667 %, like 三分之一: whole numbers with the
 * numerator below the denominator, which is at most 100 and followed by no digit, magnitude or
 * unit (8.6/10万 is a rate per 100000, 2024/2025 two years). Rule `recognize/slash-fraction`;
 * not-quantities.yaml drops the names among them (1/4决赛).
 */
export function slashFraction(context: ScanContext, numerator: Numeral): Candidate | null {
  const { chars, compiled, to, reach, lexicon } = context;
  const unit = compiled.units.forms.get(PERCENT_UNIT);
  if (!unit || numerator.script !== 'arabic' || !numerator.value.isInteger() || !SLASHES.has(chars[numerator.end]!)) return null;
  // a digit or decimal point right before (3.1/2, 5/1/3) makes it something else
  if (isArabicDigit(chars[numerator.start - 1]) || SLASHES.has(chars[numerator.start - 1]!)) return null;
  const denominator = plain(parseArabic(chars, numerator.end + 1, to));
  if (!denominator || !denominator.value.isInteger() || denominator.value.gt(MAX_SLASH_DENOMINATOR)) return null;
  if (!lessThan(numerator.value, denominator.value) || numerator.value.isZero()) return null;
  const next = chars[denominator.end];
  if (next !== undefined && (SLASHES.has(next) || DECIMAL_MARKS.has(next))) return null;
  if (matchAt(compiled.units, chars, denominator.end, reach) || matchAt(compiled.magnitudes, chars, denominator.end, reach)) return null;
  const value = percentOf(numerator.value, denominator.value, FRACTION_PLACES);
  const after = boundAfter(compiled.after, chars, skipGap(chars, denominator.end, reach), reach, lexicon, true);
  const before = boundBefore(compiled.before, chars, numerator.start, context.floor, lexicon);
  const rules = [`units.yaml#${unit.unit}`, 'recognize/slash-fraction'];
  if (before) rules.push(before.entry.rule);
  if (after) rules.push(after.entry.rule);
  return {
    start: numerator.start,
    end: after ? after.end : denominator.end,
    numeralStart: numerator.start,
    numeralEnd: denominator.end,
    value,
    valueMax: null,
    unit,
    unitText: sliceChars(chars, numerator.end, numerator.end + 1),
    qualifier: decideQualifier(false, before, after ? [after] : []),
    rules,
  };
}

/** Characters that would make the denominator a decimal (1/3.5). */
const DECIMAL_MARKS = new Set(['.', '．']);

/** `分之` at `at`. */
function hasMark(chars: ScanContext['chars'], at: number): boolean {
  return chars[at] === FRACTION_MARK[0] && chars[at + 1] === FRACTION_MARK[1];
}

/**
 * `翻一番` → 2 倍, `翻两番` → 4 倍, `翻了一番` → 2 倍: doubling N times is 2^N. Bound words count
 * as after any number: `翻一番多`, `翻一番以上` (at_least), `接近翻一番` (approx).
 */
export function doubling(context: ScanContext, at: number): Candidate | null {
  const { chars, compiled, to, reach, lexicon } = context;
  const unit = compiled.units.forms.get(MULTIPLE_UNIT);
  if (!unit) return null;
  let k = at + 1;
  if (chars[k] === DOUBLING_ASPECT) k++;
  const times = plain(isArabicDigit(chars[k]) ? parseArabic(chars, k, to) : parseChinese(chars, k, to));
  if (!times || times.valueMax || times.bare) return null;
  if (chars[times.end] !== DOUBLING_CLOSE) return null;
  const count = Number(times.value.toFixed());
  if (!Number.isInteger(count) || count < 1 || count > 10) return null;
  const close = times.end + 1;
  const after = boundAfter(compiled.after, chars, skipGap(chars, close, reach), reach, lexicon, true);
  const before = boundBefore(compiled.before, chars, at, context.floor, lexicon);
  const rules = [`units.yaml#${unit.unit}`, 'recognize/doubling'];
  if (before) rules.push(before.entry.rule);
  if (after) rules.push(after.entry.rule);
  return {
    start: at,
    end: after ? after.end : close,
    numeralStart: times.start,
    numeralEnd: times.end,
    value: integer(2 ** count),
    valueMax: null,
    unit,
    unitText: DOUBLING_CLOSE,
    qualifier: decideQualifier(false, before, after ? [after] : []),
    rules,
  };
}


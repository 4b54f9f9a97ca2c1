/**
 * What follows a numeral, up to its unit: 余/多 (130余个), a magnitude (3.6万), a chained Arabic
 * part (1亿2000万), an OCR-spaced thousands group (5 000万元), a half (一年半) and two-part
 * units split by a bound (3个多月).
 */
import { add, parseDecimal, scale, type Decimal } from '../../text/decimal.js';
import { sliceChars, type Chars } from '../../text/chars.js';
import { boundAfter } from './bounds.js';
import type { ScanContext, Tail } from './context.js';
import { asciiDigits, chineseDigitValue, DECIMAL_POINTS, isArabicDigit, isChineseNumeralChar, parseArabic, type Numeral } from './numerals.js';
import { matchAt, skipGap, type UnitEntry, type WordMatch } from './units.js';

/** One half, after a unit: 一年半 = 1.5 年. */
const HALF = '半';

/**
 * The unit extended over a following 半 (一年半, 3倍半, 两个半月 = 个 + 半 + 月), or null when 半
 * does not follow or begins a word of its own (3个半导体). The caller adds the half.
 */
export function halfAfter(context: ScanContext, unit: WordMatch<UnitEntry>): WordMatch<UnitEntry> | null {
  const { chars, reach, lexicon } = context;
  if (chars[unit.end] !== HALF) return null;
  const compound = compoundUnit(context, unit, unit.end + 1);
  if (compound) return { ...compound, start: unit.start };
  if (unit.entry.file === 'classifiers.yaml') return null;
  // 半 opening a word of its own (半导体, 半数) is not a half; 半时 in 一年半时间 is, because 时间 is a word
  const limit = Math.min(reach, unit.end + 3);
  const word = (from: number, to: number) => unit.end + to <= limit && lexicon.isWord(sliceChars(chars, unit.end + from, unit.end + to));
  if (word(0, 3)) return null;
  if (word(0, 2) && !word(1, 3)) return null;
  return { ...unit, end: unit.end + 1 };
}

/**
 * 九成五 (9.5 成 = 95 %): the value of one digit after a unit marked `next_digit`, in the
 * numeral's own script, as the number's next decimal place; null unless it stands alone. A
 * digit that begins a number, unit or word of its own (三成五年, 七成五十岁, 三成一样) is not one.
 */
export function digitAfter(context: ScanContext, unit: WordMatch<UnitEntry>, script: Numeral['script']): number | null {
  const { chars, compiled, reach, lexicon } = context;
  if (!unit.entry.nextDigit || unit.end >= reach) return null;
  const ch = chars[unit.end];
  const digit = script === 'chinese' ? chineseDigitValue(ch) : isArabicDigit(ch) ? Number(asciiDigits(chars, unit.end, unit.end + 1)) : undefined;
  if (digit === undefined || digit === 0 || (script === 'chinese' && ch === '两')) return null;
  const at = unit.end + 1;
  const next = chars[at];
  if (isArabicDigit(next) || isChineseNumeralChar(next) || DECIMAL_POINTS.has(next ?? '')) return null;
  if (at < reach && (matchAt(compiled.units, chars, at, reach) || matchAt(compiled.magnitudes, chars, at, reach))) return null;
  if (at < reach && lexicon.isWord(sliceChars(chars, unit.end, at + 1))) return null;
  return digit;
}

/** The longest unit form that is `unit`'s form plus the characters at `at` (个 + 月 = 个月). */
export function compoundUnit(context: ScanContext, unit: WordMatch<UnitEntry>, at: number): WordMatch<UnitEntry> | null {
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

/** The numeral's value with the tail's magnitude and chained part applied, exactly. */
export function magnitudeValue(value: Decimal, tail: Tail): Decimal {
  const scaled = scale(value, tail.power);
  return tail.extra ? add(scaled, tail.extra) : scaled;
}

/**
 * After the numeral: `余`/`多` (130余个, 10多万), a magnitude unless a unit is at least as long
 * (3千米 is a unit, 3千万 a magnitude), a chained Arabic part (1亿2000万), `余` again (3万余人),
 * then the unit. OCR gaps are bridged only when something is found after them.
 */
export function readTail(context: ScanContext, numeral: Numeral): Tail {
  const { chars, compiled, reach } = context;
  const tail: Tail = { power: 0, extra: null, magnitude: null, unit: null, bounds: [], end: numeral.end };
  let k = skipGap(chars, numeral.end, reach);
  if (k > numeral.end && endsTableRow(chars, numeral, k)) k = numeral.end;
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
  if (tail.unit) tail.unit = perUnit(context, tail.unit);
  if (tail.unit) tail.end = tail.unit.end;
  return tail;
}

/** Spaces that part a table row's cells (`研究生招生2.86 7.9`). */
const CELL_GAP = new Set([' ', '\u3000', '\t']);

/**
 * True when the numeral is the last cell of a table row (a figure, a space, this figure, then a
 * line break before `gapEnd`): its unit stands in a header, and what opens the next line is the
 * next row's label (`7.9` + `本专科招生…` is no 7.9 本; `101.2` + `支出合计…`).
 */
function endsTableRow(chars: Chars, numeral: Numeral, gapEnd: number): boolean {
  let lineBreak = false;
  for (let j = numeral.end; j < gapEnd; j++) if (chars[j] === '\n') lineBreak = true;
  if (!lineBreak) return false;
  let i = numeral.start - 1;
  if (chars[i] === '-' || chars[i] === '−') i--;
  if (!CELL_GAP.has(chars[i]!)) return false;
  const before = chars[i - 1];
  return isArabicDigit(before) || before === '%';
}

/** The slashes of a rate: 元/吨, 立方米／秒. */
const PER = new Set(['/', '／']);
/** Kinds that are shares or ratios already: never the top or the bottom of a rate. */
const NOT_RATE: ReadonlySet<string> = new Set(['percent', 'percentage_point', 'multiple']);

/**
 * A unit per another one, written with a slash: `2400元/吨`, `3200立方米/秒`, `1.2万人/平方公里`,
 * `0.45吨标准煤/万元` (the bottom may carry its own magnitude, kept as written). The canonical unit
 * joins both canonical units (`5公斤/亩` → 公斤/亩, `80km/h` → 公里/小时); the kind is money for a
 * price (money per something), else other (a density, a flow, a yield). Without a unit after the
 * slash (`1/3`, `5%/年`) the unit stays as it was.
 */
function perUnit(context: ScanContext, unit: WordMatch<UnitEntry>): WordMatch<UnitEntry> {
  const { chars, compiled, reach } = context;
  if (!PER.has(chars[unit.end]!) || NOT_RATE.has(unit.entry.kind) || unit.entry.factor !== null) return unit;
  const at = unit.end + 1;
  const magnitude = matchAt(compiled.magnitudes, chars, at, reach);
  const plain = matchAt(compiled.units, chars, at, reach);
  // 千瓦时 is a unit, not 千 + 瓦时: a unit at least as long as the magnitude wins, as after a number
  const scaled = magnitude && (!plain || magnitude.end - magnitude.start > plain.end - plain.start);
  const bottom = scaled ? matchAt(compiled.units, chars, magnitude.end, reach) : plain;
  if (!bottom || NOT_RATE.has(bottom.entry.kind) || bottom.entry.factor !== null) return unit;
  const prefix = scaled ? magnitude.form : '';
  const entry = rateEntry(unit.entry, bottom.entry, prefix);
  return { entry, form: `${unit.form}${chars[unit.end]}${prefix}${bottom.form}`, start: unit.start, end: bottom.end };
}

/** `top` per `prefix` + `bottom` as one unit (元/吨, 公里/小时): money for a price, else other. */
export function rateEntry(top: UnitEntry, bottom: UnitEntry, prefix = ''): UnitEntry {
  return {
    unit: `${top.unit}/${prefix}${bottom.unit}`,
    kind: top.kind === 'money' ? 'money' : 'other',
    file: top.file,
    factor: null,
    rule: top.rule,
    per: bottom.rule,
  };
}

/**
 * 130余个, 10多万人: 余/多 between the number and its magnitude or unit; also a full bound word
 * when a unit follows it directly (10万以上人口).
 */
export function insideBound(context: ScanContext, k: number, tail: Tail): number {
  const { chars, compiled, reach, lexicon } = context;
  const bound = boundAfter(compiled.after, chars, k, reach, lexicon, false);
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
export function spacedThousands(context: ScanContext, first: Numeral): { numeral: Numeral; tail: Tail } | null {
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

/** Most spaces the OCR puts around a decimal point: `118. 9`, `5 .2`, `12 . 5`. */
const MAX_POINT_GAP = 2;

/**
 * `118. 9公里`, `5 .2%`: digits, a decimal point with one or two spaces beside it, digits, and
 * then a unit. Refused where a list item's number could stand before a number of its own: before
 * a duration (`1. 2023年工作回顾`) and before a count with no magnitude (`2. 5个项目`). Only tried
 * when the first part has no unit of its own.
 */
export function spacedDecimal(context: ScanContext, first: Numeral): { numeral: Numeral; tail: Tail } | null {
  const { chars, to } = context;
  if (first.script !== 'arabic') return null;
  for (let k = first.start; k < first.end; k++) if (!isArabicDigit(chars[k])) return null;
  let i = first.end;
  let gaps = 0;
  while (i < to && DIGIT_GAP.has(chars[i]!) && gaps <= MAX_POINT_GAP) {
    i++;
    gaps++;
  }
  if (i >= to || !DECIMAL_POINTS.has(chars[i]!)) return null;
  i++;
  while (i < to && DIGIT_GAP.has(chars[i]!) && gaps <= MAX_POINT_GAP) {
    i++;
    gaps++;
  }
  if (gaps === 0 || gaps > MAX_POINT_GAP || !isArabicDigit(chars[i])) return null;
  const fraction = parseArabic(chars, i, to);
  if (!fraction || 'tooLong' in fraction || fraction.end - i !== digitCount(chars, i, fraction.end)) return null;
  // full-width digits (９．５) are read as their ASCII values
  const value = parseDecimal(`${asciiDigits(chars, first.start, first.end)}.${asciiDigits(chars, i, fraction.end)}`);
  const numeral: Numeral = { ...first, end: fraction.end, value };
  const tail = readTail(context, numeral);
  const kind = tail.unit?.entry.kind;
  return kind && kind !== 'duration' && (kind !== 'count' || tail.magnitude) ? { numeral, tail } : null;
}

/** How many of `chars[from, to)` are Arabic digits. */
function digitCount(chars: ScanContext['chars'], from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) if (isArabicDigit(chars[k])) count++;
  return count;
}

/** 1亿2000万: an Arabic part with a smaller magnitude right after a magnitude adds to the number. */
export function chainedPart(context: ScanContext, k: number, tail: Tail): number {
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


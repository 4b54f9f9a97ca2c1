/**
 * Numerals → exact decimals: Arabic (`1,381`, `238.9`), full-width (`１３８１`, `２．５`), and
 * Chinese (`一百二十三`, `两万`, `三千五百`, `三点五`, `二〇二四`, `两三`), without the unit.
 *
 * Every function reads a code-point array `chars` from index `start` and never looks past
 * `limit`; each character is visited once, so parsing is linear in the numeral's length.
 */
import { add, integer, parseDecimal, scale, type Decimal } from '../../text/decimal.js';
import type { Chars } from '../../text/chars.js';

/** ASCII and full-width digits → their value. */
const ARABIC_DIGITS: ReadonlyMap<string, number> = new Map(
  [...'0123456789'].map((d, i) => [d, i] as [string, number]).concat([...'０１２３４５６７８９'].map((d, i) => [d, i])),
);
/** Decimal points, ASCII and full-width. */
export const DECIMAL_POINTS: ReadonlySet<string> = new Set(['.', '．']);
/** The thousands separator (1,381). */
const THOUSANDS_SEPARATOR = ',';
/**
 * The full-width comma separates clauses, but full-width typesetting also groups thousands with
 * it (１，３８１ → 1，381 after width folding). It is read as a separator only in a number whose
 * groups all have exactly three digits after a first group of one to three (1，381 but not
 * 2024，381 nor 5，12).
 */
const FULL_WIDTH_SEPARATOR = '，';

/** Chinese digits, everyday and financial (大写) forms. 两 is 2 before a magnitude or classifier. */
const CHINESE_DIGITS: ReadonlyMap<string, number> = new Map([
  ['〇', 0], ['○', 0], ['零', 0],
  ['一', 1], ['壹', 1], ['二', 2], ['贰', 2], ['两', 2], ['三', 3], ['叁', 3], ['四', 4], ['肆', 4],
  ['五', 5], ['伍', 5], ['六', 6], ['陆', 6], ['七', 7], ['柒', 7], ['八', 8], ['捌', 8], ['九', 9], ['玖', 9],
]);
/** Multipliers inside a section of four digits: 十 百 千 (and their financial forms) → power of ten. */
const CHINESE_SMALL_UNITS: ReadonlyMap<string, number> = new Map([
  ['十', 1], ['拾', 1], ['百', 2], ['佰', 2], ['千', 3], ['仟', 3],
]);
/** Multipliers of whole sections: 万 亿 → power of ten. */
const CHINESE_BIG_UNITS: ReadonlyMap<string, number> = new Map([
  ['万', 4], ['萬', 4], ['亿', 8], ['億', 8],
]);
/** The decimal point written in words: 三点五. */
const CHINESE_POINT = '点';
/** Integer parts longer than this are not amounts (a run of OCR digits, an identifier). */
export const MAX_INTEGER_DIGITS = 24;
/** Fraction digits kept; more is noise rather than precision. */
const MAX_FRACTION_DIGITS = 12;

/** A parsed numeral: `[start, end)` in code points, and its value (a pair for 两三 → 2 and 3). */
export interface Numeral {
  start: number;
  end: number;
  value: Decimal;
  /** Upper end when the numeral itself is a range of adjacent digits (两三, 七八十). */
  valueMax: Decimal | null;
  script: 'arabic' | 'chinese';
  /** True when a Chinese numeral starts with a bare multiplier (百亿, 万, 千万): no digit of its own. */
  bare: boolean;
  /** Kind of the last character (for backing off when it begins a unit: 三千米 → 三 + 千米). */
  endsWithMultiplier: boolean;
  /** Power of ten of a multiplier that ends the numeral (五万 → 4, 五千 → 3), else 0. */
  trailingPower: number;
}

/** A digit run too long to be an amount, and where it ends. */
export interface TooLong {
  tooLong: true;
  end: number;
}

/** Every character that can begin a numeral: digits, Chinese digits and multipliers. */
export const NUMERAL_STARTS: readonly string[] = [
  ...ARABIC_DIGITS.keys(),
  ...CHINESE_DIGITS.keys(),
  ...CHINESE_SMALL_UNITS.keys(),
  ...CHINESE_BIG_UNITS.keys(),
];

/** The ASCII digits of `chars[from, to)`, which must all be Arabic digits (full-width ones as well). */
export function asciiDigits(chars: Chars, from: number, to: number): string {
  let digits = '';
  for (let k = from; k < to; k++) digits += ARABIC_DIGITS.get(chars[k]!);
  return digits;
}

/** True for an ASCII or full-width digit. */
export function isArabicDigit(ch: string | undefined): boolean {
  // by char code, as ARABIC_DIGITS holds them: a Map probe hashes the fresh one-character string
  // each chars[i] makes (with isChineseNumeralChar, 5% of recognize's warm profile)
  if (ch === undefined || ch.length !== 1) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/** 1 at the char code of each Chinese digit and multiplier. */
const CHINESE_NUMERAL_CODES = new Uint8Array(0x10000);
for (const ch of [...CHINESE_DIGITS.keys(), ...CHINESE_SMALL_UNITS.keys(), ...CHINESE_BIG_UNITS.keys()]) CHINESE_NUMERAL_CODES[ch.charCodeAt(0)] = 1;

/** True for the code point of a Chinese digit or multiplier: for scans that read codes, not strings. */
export function isChineseNumeralCode(code: number): boolean {
  return code >= 0 && code < 0x10000 && CHINESE_NUMERAL_CODES[code] === 1;
}

/** True for a Chinese digit or multiplier (一 两 十 百 万 亿 …). */
export function isChineseNumeralChar(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && CHINESE_NUMERAL_CODES[ch.charCodeAt(0)] === 1;
}

/** The value of a Chinese digit (一 → 1, 两 → 2), or undefined for any other character. */
export function chineseDigitValue(ch: string | undefined): number | undefined {
  return ch === undefined ? undefined : CHINESE_DIGITS.get(ch);
}

/** True for a Chinese digit (零 一 两 … 九, financial forms included). */
export function isChineseDigit(ch: string | undefined): boolean {
  return ch !== undefined && CHINESE_DIGITS.has(ch);
}

/**
 * An Arabic number at `start`: digits, `,` thousands groups of exactly three digits after a
 * first group of one to three, and a
 * decimal part. Returns null when `chars[start]` is not a digit; returns `tooLong` (with the
 * end of the digit run) when the integer part exceeds `MAX_INTEGER_DIGITS`.
 */
export function parseArabic(
  chars: Chars,
  start: number,
  limit: number,
): Numeral | TooLong | null {
  // a digit at or past `limit` belongs to the next sentence
  if (start >= limit || !isArabicDigit(chars[start])) return null;
  let digits = '';
  let i = start;
  let count = 0;
  let groups = 0;
  while (i < limit) {
    const ch = chars[i]!;
    const digit = ARABIC_DIGITS.get(ch);
    if (digit !== undefined) {
      if (count < MAX_INTEGER_DIGITS + 1) digits += digit;
      count++;
      i++;
    } else if (
      (ch === THOUSANDS_SEPARATOR || ch === FULL_WIDTH_SEPARATOR) &&
      count <= 3 + 3 * groups &&
      isThousandsGroup(chars, i + 1, limit)
    ) {
      // 1,381 and 12,345,678: a first group of one to three digits, then groups of three
      groups++;
      i++;
    } else break;
  }
  if (count > MAX_INTEGER_DIGITS) {
    while (i < limit && (isArabicDigit(chars[i]) || DECIMAL_POINTS.has(chars[i]!))) i++;
    return { tooLong: true, end: i };
  }
  if (i + 1 < limit && DECIMAL_POINTS.has(chars[i]!) && isArabicDigit(chars[i + 1])) {
    let fraction = '';
    i++;
    while (i < limit && isArabicDigit(chars[i])) {
      if (fraction.length < MAX_FRACTION_DIGITS) fraction += ARABIC_DIGITS.get(chars[i]!);
      i++;
    }
    digits += '.' + fraction;
  }
  return {
    start,
    end: i,
    value: parseDecimal(digits),
    valueMax: null,
    script: 'arabic',
    bare: false,
    endsWithMultiplier: false,
    trailingPower: 0,
  };
}

/** `,` followed by exactly three digits and then no further digit: 1,381 but not 7,12 or 1,2345. */
function isThousandsGroup(chars: Chars, at: number, limit: number): boolean {
  if (at + 3 > limit) return false;
  for (let k = 0; k < 3; k++) if (!isArabicDigit(chars[at + k])) return false;
  return !isArabicDigit(chars[at + 3]);
}

/** Evaluation state of a Chinese numeral, kept for the low and the high reading of a 两三 pair. */
interface Reading {
  total: Decimal;
  section: number;
  digit: number | null;
}

/**
 * A Chinese numeral at `start`, the longest well-formed one:
 *   一百二十三 → 123, 两万 → 20000, 三千五 → 3500 (abbreviated), 一亿三千万 → 130000000,
 *   万亿 → 10¹², 三点五 → 3.5, 二〇二四 → 2024 (digit by digit), 两三 → 2–3, 十二三 → 12–13.
 * Returns null when no numeral starts at `start`.
 */
export function parseChinese(chars: Chars, start: number, limit: number): Numeral | null {
  if (start >= limit || !isChineseNumeralChar(chars[start])) return null;

  // three or more plain digits in a row are read digit by digit (二〇二四, 一九九八)
  let run = 0;
  while (start + run < limit && CHINESE_DIGITS.has(chars[start + run]!) && chars[start + run] !== '两') run++;
  if (run >= 3) {
    let digits = '';
    for (let k = 0; k < run && k <= MAX_INTEGER_DIGITS; k++) digits += CHINESE_DIGITS.get(chars[start + k]!);
    if (run > MAX_INTEGER_DIGITS) return null;
    return {
      start,
      end: start + run,
      value: parseDecimal(digits),
      valueMax: null,
      script: 'chinese',
      bare: false,
      endsWithMultiplier: false,
      trailingPower: 0,
    };
  }

  const low: Reading = { total: integer(0), section: 0, digit: null };
  let high: Reading | null = null; // set once a 两三 pair is read
  let lastSmall = Infinity; // power of the last 十/百/千 in this section: they must decrease
  let lastBig = Infinity; // power of the last 万/亿: they must decrease, except in 万亿
  let previous: 'digit' | 'zero' | 'small' | 'big' | null = null;
  let previousPower = 0;
  let powerBeforeDigit = 0; // for 三千五: the multiplier the trailing digit abbreviates under
  let i = start;
  const first = chars[start]!;
  const bare = CHINESE_SMALL_UNITS.has(first) ? (CHINESE_SMALL_UNITS.get(first)! >= 2) : CHINESE_BIG_UNITS.has(first);

  const each = (f: (r: Reading) => void) => {
    f(low);
    if (high) f(high);
  };

  for (; i < limit; i++) {
    const ch = chars[i]!;
    const digit = CHINESE_DIGITS.get(ch);
    if (digit === 0) {
      if (previous === 'digit' || previous === 'zero') break;
      if (previous === null) {
        each((r) => (r.digit = 0));
        previous = 'digit';
      } else previous = 'zero';
      continue;
    }
    if (digit !== undefined) {
      if (previous === 'digit') {
        // 两三, 七八, 十二三: two adjacent digits make a range, once
        const lowDigit = low.digit ?? 0;
        if (high !== null || !(digit === lowDigit + 1) || lowDigit === 0) break;
        high = { total: low.total, section: low.section, digit };
        continue;
      }
      powerBeforeDigit = previous === 'small' || previous === 'big' ? previousPower : 0;
      each((r) => (r.digit = digit));
      previous = 'digit';
      continue;
    }
    const small = CHINESE_SMALL_UNITS.get(ch);
    if (small !== undefined) {
      if (small >= lastSmall) break;
      // 十 may stand alone at the start (十五); other multipliers need a digit unless they open the numeral
      if (low.digit === null && previous !== null) break;
      each((r) => {
        r.section += (r.digit ?? 1) * 10 ** small;
        r.digit = null;
      });
      lastSmall = small;
      previous = 'small';
      previousPower = small;
      continue;
    }
    const big = CHINESE_BIG_UNITS.get(ch);
    if (big === undefined) break;
    if (previous === 'big' && big > previousPower) {
      // 万亿: the second multiplier scales everything before it
      each((r) => (r.total = scale(r.total, big)));
    } else {
      // 万万, 亿万: a multiplier with nothing of its own to multiply ends the numeral
      if (big >= lastBig || previous === 'zero' || previous === 'big') break;
      each((r) => {
        const sectionValue = r.section + (r.digit ?? (previous === null ? 1 : 0));
        r.total = add(r.total, scale(integer(sectionValue), big));
        r.section = 0;
        r.digit = null;
      });
    }
    lastBig = big;
    lastSmall = Infinity;
    previous = 'big';
    previousPower = big;
  }

  // 三千五 = 3500, 两万五 = 25000: a trailing digit right after a multiplier of 百 or more
  const abbreviated = previous === 'digit' && powerBeforeDigit >= 2 ? powerBeforeDigit - 1 : 0;
  const finish = (r: Reading): Decimal =>
    add(add(r.total, integer(r.section)), scale(integer(r.digit ?? 0), abbreviated));

  let end = i;
  let value = finish(low);
  let valueMax = high ? finish(high) : null;

  // 三点五: a decimal part written in words, read digit by digit
  if (high === null && chars[end] === CHINESE_POINT && end + 1 < limit && CHINESE_DIGITS.has(chars[end + 1]!) && abbreviated === 0) {
    let fraction = '';
    let k = end + 1;
    while (k < limit && CHINESE_DIGITS.has(chars[k]!) && chars[k] !== '两') {
      if (fraction.length < MAX_FRACTION_DIGITS) fraction += CHINESE_DIGITS.get(chars[k]!);
      k++;
    }
    if (fraction !== '') {
      value = add(value, parseDecimal('0.' + fraction));
      end = k;
      previous = 'digit';
    }
  }
  if (end === start) return null;
  return {
    start,
    end,
    value,
    valueMax,
    script: 'chinese',
    bare,
    endsWithMultiplier: previous === 'small' || previous === 'big',
    trailingPower: previous === 'small' || previous === 'big' ? previousPower : 0,
  };
}

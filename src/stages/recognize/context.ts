/**
 * What the passes of `find` share: the scan context, the candidate and refusal records, and
 * reading a numeral (with the 三千米 back-off, where the last multiplier begins a unit).
 */
import type { Qualifier } from '../../document.js';
import type { Decimal } from '../../text/decimal.js';
import type { Chars } from '../../text/chars.js';
import type { Lexicon } from './bounds.js';
import type { Compiled } from './compile.js';
import { isArabicDigit, parseArabic, parseChinese, type Numeral, type TooLong } from './numerals.js';
import { matchAt, type BoundEntry, type MagnitudeEntry, type UnitEntry, type WordMatch } from './units.js';

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

/** The text being scanned and the compiled rules; `floor` moves forward as candidates are consumed. */
export interface ScanContext {
  chars: Chars;
  to: number;
  reach: number;
  compiled: Compiled;
  lexicon: Lexicon;
  /** Before-bound words are looked for no further back than this (the end of the last candidate). */
  floor: number;
}

/** What follows a numeral: bound words inside, a magnitude, a unit. */
export interface Tail {
  power: number;
  /** Extra value from a chained Arabic part (1亿2000万 → + 2000×10⁴), already scaled. */
  extra: Decimal | null;
  magnitude: WordMatch<MagnitudeEntry> | null;
  unit: WordMatch<UnitEntry> | null;
  bounds: WordMatch<BoundEntry>[];
  end: number;
}

/** A numeral at `at`: Arabic, or Chinese unless its last multiplier begins a unit (三千米 → 三 + 千米). */
export function readNumeral(context: ScanContext, at: number, limit: number): Numeral | TooLong | null {
  const { chars, compiled } = context;
  if (isArabicDigit(chars[at])) return parseArabic(chars, at, limit);
  const numeral = parseChinese(chars, at, limit);
  // 三千米, 二十千瓦: the last multiplier begins a unit, so it is not part of the numeral
  if (numeral && numeral.endsWithMultiplier && matchAt(compiled.units, chars, numeral.end - 1, context.reach)) {
    return numeral.end - 1 > at ? parseChinese(chars, at, numeral.end - 1) : null;
  }
  return numeral;
}

/** The numeral, or null for no numeral or an over-long digit run. */
export function plain(result: Numeral | TooLong | null): Numeral | null {
  return result === null || 'tooLong' in result ? null : result;
}

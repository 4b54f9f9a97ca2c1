/**
 * Longest-first lookup of units, classifiers, magnitudes and bound words in the compiled rules.
 *
 * Each table is a map from surface form to entry plus the length of its longest form; a lookup
 * at position `i` tries the lengths from longest to shortest, so it costs at most (longest form)
 * map probes, whatever the text.
 */
import type { QuantityKind, Qualifier } from '../../document.js';
import { unitForms } from '../../rules/check.js';
import type { Rules } from '../../rules/schema.js';
import { type Chars, codeAt, sliceChars } from '../../text/chars.js';
import { parseDecimal, type Decimal } from '../../text/decimal.js';

/** A unit or classifier with the rules file it comes from (for the record's `rules`). */
export interface UnitEntry {
  unit: string;
  kind: QuantityKind;
  file: 'units.yaml' | 'classifiers.yaml';
  /** The value is multiplied by this (成 → 10 %, 一半 → 50 %); null for most units. */
  factor: Decimal | null;
  /** A single digit after the form is the number's next decimal place (九成五 = 9.5 成). */
  nextDigit?: boolean;
  /** `units.yaml#亩` (`units.yaml#成` for an entry with a factor): made once, not per record (every record holds it). */
  rule: string;
  /** For a rate (元/吨), the rule of the unit after the slash; the entry then holds both units. */
  per?: string;
}

export interface MagnitudeEntry {
  form: string;
  power: number;
  /** `magnitudes.yaml#万`. */
  rule: string;
}

export interface BoundEntry {
  word: string;
  qualifier: Exclude<Qualifier, 'exact' | 'range'>;
  inside: boolean;
  /** Only between the number and its unit (20来个), never after the unit. */
  onlyInside: boolean;
  /** A `before` word that may stand in front of a change word before the number (约增长12%). */
  acrossChange: boolean;
  /** A `before` word that may stand this many Chinese characters before the number (至少开工10个); 0: none. */
  acrossWords: number;
  /** A `before` word that may stand in front of the base of a share before the number (不低于营业收入的5%). */
  acrossBase: boolean;
  /** `qualifiers.yaml#以上`. */
  rule: string;
}

/** Surface form → entry, with the code-point length of the longest form. */
export interface WordTable<T> {
  forms: ReadonlyMap<string, T>;
  longest: number;
  /**
   * First (last) character of the forms, as a code point → the length of the longest form it
   * begins (ends): most positions are refused on one probe, and the others try only the lengths
   * that can match. Keyed by number, so a probe makes no one-character string (recognize, warm,
   * 40 files: 0.156 → 0.145 s CPU).
   */
  firsts: ReadonlyMap<number, number>;
  lasts: ReadonlyMap<number, number>;
}

/** A match of a table at a position: the entry, the form as written, and where it ends. */
export interface WordMatch<T> {
  entry: T;
  form: string;
  start: number;
  end: number;
}

/** Builds a table; forms are keyed by their exact text. */
export function wordTable<T>(entries: Iterable<[string, T]>): WordTable<T> {
  const forms = new Map<string, T>();
  const firsts = new Map<number, number>();
  const lasts = new Map<number, number>();
  let longest = 0;
  for (const [form, entry] of entries) {
    const chars = Array.from(form);
    forms.set(form, entry);
    longest = Math.max(longest, chars.length);
    if (chars.length === 0) continue;
    const [first, last] = [chars[0]!.codePointAt(0)!, chars[chars.length - 1]!.codePointAt(0)!];
    firsts.set(first, Math.max(firsts.get(first) ?? 0, chars.length));
    lasts.set(last, Math.max(lasts.get(last) ?? 0, chars.length));
  }
  return { forms, longest, firsts, lasts };
}

/** Units and classifiers of `rules` in one table (the loader has checked that forms are unique). */
export function unitTable(rules: Rules): WordTable<UnitEntry> {
  const entries: [string, UnitEntry][] = [];
  for (const file of ['units.yaml', 'classifiers.yaml'] as const) {
    for (const entry of rules[file]) {
      const forms = unitForms(entry);
      const name = entry.factor === undefined ? entry.unit : [...forms][0]!;
      const factor = entry.factor === undefined ? null : parseDecimal(String(entry.factor));
      const unit: UnitEntry = { unit: entry.unit, kind: entry.kind, file, factor, rule: `${file}#${name}` };
      if (entry.next_digit) unit.nextDigit = true;
      for (const form of forms) entries.push([form, unit]);
    }
  }
  return wordTable(entries);
}

/** True for an ASCII letter (a one-character string). */
function isLatinLetter(ch: string | undefined): boolean {
  if (ch === undefined || ch.length !== 1) return false;
  const c = ch.charCodeAt(0) | 0x20; // lower-cases A–Z
  return c >= 0x61 && c <= 0x7a;
}

/**
 * The longest form of `table` that starts at `start` and ends by `limit`. A form ending in a
 * Latin letter must not be followed by another (2000P, not 2000Pa).
 */
export function matchAt<T>(
  table: WordTable<T>,
  chars: Chars,
  start: number,
  limit: number,
): WordMatch<T> | null {
  // no form starts with this character: refused without building a string (matchAt was 15% of recognize)
  const longest = Math.min(table.firsts.get(codeAt(chars, start)) ?? 0, limit - start);
  for (let k = longest; k >= 1; k--) {
    const form = sliceChars(chars, start, start + k);
    const entry = table.forms.get(form);
    if (entry === undefined) continue;
    if (isLatinLetter(chars[start + k - 1]) && isLatinLetter(chars[start + k])) continue;
    return { entry, form, start, end: start + k };
  }
  return null;
}

/** The longest form of `table` that ends exactly at `end` and starts at or after `floor`. */
export function matchEndingAt<T>(
  table: WordTable<T>,
  chars: Chars,
  end: number,
  floor: number,
): WordMatch<T> | null {
  const longest = Math.min(table.lasts.get(codeAt(chars, end - 1)) ?? 0, end - floor);
  for (let k = longest; k >= 1; k--) {
    const form = sliceChars(chars, end - k, end);
    const entry = table.forms.get(form);
    if (entry !== undefined) return { entry, form, start: end - k, end };
  }
  return null;
}

/**
 * Characters that the OCR puts between a number and its unit (`227 项`, `15⏎个`): space, ideographic
 * space, tab, line feed, carriage return, no-break space. By char code: a Set of one-character
 * strings had to hash the fresh string each `chars[i]` makes (isGap and skipGap were 5% of
 * recognize's warm profile).
 */
function isGapCode(code: number): boolean {
  return code === 0x20 || code === 0x3000 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0;
}
/** At most this many gap characters are bridged (a blank line between two wrapped lines). */
export const MAX_GAP = 4;

/** True when the character at `i` of `chars` is an OCR gap; reads its code, so makes no string. */
export function isGapAt(chars: Chars, i: number): boolean {
  return isGapCode(codeAt(chars, i));
}

/** True for a space or line break the OCR may put inside a quantity. */
export function isGap(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && isGapCode(ch.charCodeAt(0));
}

/** Index after the OCR gap at `i` (or `i` itself), bounded by `limit`; a longer gap is not bridged. */
export function skipGap(chars: Chars, i: number, limit: number): number {
  let j = i;
  while (j < limit && isGapCode(codeAt(chars, j))) j++;
  return j - i <= MAX_GAP ? j : i;
}

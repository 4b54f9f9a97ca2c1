/**
 * Numerals in English text: digit numbers (`1,381`, `12.44`, `5.2`) and spelled-out whole
 * numbers (`fifty`, `twenty-five`, `one hundred and fifty thousand`), each with its exact value.
 *
 * Digits are read here with decimal.js, never through a float. Spelled-out numbers are
 * recognised and read by compromise (its `TextValue` tag and number parser); they are whole
 * numbers, which a float holds exactly below 2⁵³, and anything else is refused.
 * Indexes are UTF-16 into the piece of text searched.
 */
import { Decimal as DecimalJs } from 'decimal.js';
import { hasTag, spelledNumber, type Token } from './tokens.js';
import { isWordChar } from './words.js';

/** Exact decimals: no rounding for any number a report writes, no exponent notation. */
export const Exact = DecimalJs.clone({ precision: 200, toExpPos: 9e15, toExpNeg: -9e15 });
export type Decimal = InstanceType<typeof Exact>;

/** One numeral as written. */
export interface Numeral {
  start: number;
  end: number;
  value: Decimal;
  spelled: boolean;
  /** A bare four-digit whole number between 1900 and 2100: a year unless a unit follows. */
  yearLike: boolean;
}

/** A numeral that was set aside because of its shape, and why. */
export interface Rejected {
  start: number;
  end: number;
  rule: string;
  reason: string;
}

// 1,381 / 12.44 / 2024: grouped thousands first, so `1,381` is one number and not `1` and `381`
const DIGITS = /\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|\d+(?:\.\d+)?/g;

/**
 * Digit numerals of `text`; numerals glued to letters (`5G`, `G20`, `PM2.5`, `14th`) are rejected
 * as identifiers unless `gluedOk` accepts the letters after them (`10km`, `5%`) or `prefixOk` the
 * letters before them (a currency: `RMB45 million`).
 */
export function digitNumerals(
  text: string,
  gluedOk: (index: number, start: number) => boolean,
  prefixOk: (index: number) => boolean = () => false,
): { numerals: Numeral[]; rejected: Rejected[] } {
  const numerals: Numeral[] = [];
  const rejected: Rejected[] = [];
  for (const match of text.matchAll(DIGITS)) {
    const start = match.index!;
    const end = start + match[0].length;
    const before = text[start - 1];
    const after = text[end];
    const identifier =
      (isWordChar(before) && !prefixOk(start)) ||
      (before === '.' && /\d/.test(text[start - 2] ?? '')) ||
      (before === '-' && /[\p{L}]/u.test(text[start - 2] ?? '')) ||
      (after !== undefined && /\p{L}/u.test(after) && !gluedOk(end, start) && !possessive(text, end));
    if (identifier) {
      rejected.push({ start, end, rule: 'english/identifier', reason: `"${around(text, start, end)}" is a name or identifier, not an amount` });
      continue;
    }
    const digits = match[0].replace(/,/g, '');
    numerals.push({
      start,
      end,
      value: new Exact(digits),
      spelled: false,
      yearLike: /^\d{4}$/.test(match[0]) && Number(digits) >= 1900 && Number(digits) <= 2100,
    });
  }
  return { numerals, rejected };
}

/**
 * Spelled-out numerals among `tokens`: runs of compromise `TextValue` terms (with `and` inside:
 * `one hundred and fifty`), not ordinals or fractions, outside the spans in `taken`. A run of
 * magnitude words alone (`millions of`, `hundreds of`) is vague and not a numeral.
 */
export function spelledNumerals(
  tokens: readonly Token[],
  taken: (start: number, end: number) => boolean,
  isMagnitude: (word: string) => boolean,
  read: (words: string) => number | null = spelledNumber,
): Numeral[] {
  const numerals: Numeral[] = [];
  const isNumberWord = (t: Token | undefined) =>
    t !== undefined && hasTag(t, 'TextValue') && !hasTag(t, 'Ordinal', 'Fraction') && !taken(t.start, t.end);
  for (let i = 0; i < tokens.length; i++) {
    if (!isNumberWord(tokens[i])) continue;
    let j = i;
    while (j + 1 < tokens.length) {
      const joined = /^[\s-]*$/.test(tokens[j]!.post);
      if (joined && isNumberWord(tokens[j + 1])) j++;
      else if (joined && tokens[j + 1]!.text.toLowerCase() === 'and' && /^\s*$/.test(tokens[j + 1]!.post) && isNumberWord(tokens[j + 2])) j += 2;
      else break;
    }
    const run = tokens.slice(i, j + 1);
    const words = run.map((t, k) => t.text + (k < run.length - 1 ? t.post : '')).join('');
    i = j;
    if (run.every((t) => t.text.toLowerCase() === 'and' || isMagnitude(t.text.toLowerCase()))) continue;
    const value = read(words);
    // `tens of thousands`, `millions of`: compromise reads a plural magnitude as 0; it is vague, not zero
    if (value === null || (value === 0 && !/\bzero\b/i.test(words))) continue;
    numerals.push({ start: run[0]!.start, end: run[run.length - 1]!.end, value: new Exact(value), spelled: true, yearLike: false });
  }
  return numerals;
}

// 2024's: the possessive of a year, not letters glued to a number
function possessive(text: string, end: number): boolean {
  return /^['’]s\b/.test(text.slice(end, end + 3));
}

function around(text: string, start: number, end: number): string {
  let s = start;
  let e = end;
  while (s > 0 && start - s < 12 && /[\p{L}\p{N}.\-]/u.test(text[s - 1]!)) s--;
  while (e < text.length && e - end < 12 && /[\p{L}\p{N}]/u.test(text[e]!)) e++;
  return text.slice(s, e);
}

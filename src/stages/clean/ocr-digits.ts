/**
 * ocr-digits: a Latin letter that OCR read in place of a digit inside a number
 * (rules/ocr-digits.yaml): `新增就业l2.5万人` → `12.5万人`, `1O0亿元` → `100亿元`. A letter is
 * replaced only when it is the one letter of a run of digits, points and commas and stands next
 * to a digit, so names with letters (`O2O`, `PM2.5`, `5G`, `H7N9`) keep theirs, and never where
 * the fix would open a number with 0 and a digit (`O3`, `O2` are formulas). The fixed
 * character keeps the raw origin of the letter.
 */
import type { Rules } from '../../rules/schema.js';
import type { Note } from './notes.js';
import type { OffsetMap } from '../../text/offsets.js';

/** The digit each confusable letter stands for. */
export type OcrDigits = ReadonlyMap<string, string>;

export function compileOcrDigits(rules: Rules['ocr-digits.yaml']): OcrDigits {
  return new Map(rules.map((entry) => [entry.read, entry.digit]));
}

/** 1 for a digit, 2 for a Latin letter, 3 for a point or comma: the UTF-16 units a number run holds. */
const RUN_UNITS = ((): Uint8Array => {
  const table = new Uint8Array(128);
  for (let c = 0x30; c <= 0x39; c++) table[c] = 1;
  for (let c = 0x41; c <= 0x5a; c++) table[c] = table[c + 0x20] = 2;
  table[0x2e] = table[0x2c] = 3;
  return table;
})();

const DIGIT = 1;
const LETTER = 2;

/** What a number run holds at unit `c` of the text: DIGIT, LETTER, 3 (a point or comma) or 0. */
function unitKind(c: number): number {
  return c < 128 ? RUN_UNITS[c]! : 0;
}

/**
 * Replaces confusable letters inside numbers of the placed text (paragraphs one `\n` apart, none
 * inside one); returns the fixed text, of the same length. One info note per fix.
 * Over the placed string, not the paragraphs' arrays of one-character strings: a char-code loop
 * (over the 12 MB of `bench/stages.mjs bench/corpus/10mb 40 3`, timed inside the stage: 0.108 → 0.041–0.058 s)
 */
export function applyOcrDigits(text: string, offsets: OffsetMap, digits: OcrDigits, notes: Note[], lineOf: (rawOffset: number) => number): string {
  if (digits.size === 0) return text;
  const pieces: string[] = [];
  const fixes: Fix[] = [];
  let copied = 0;
  // code points before unit i: units less the low halves of the astral characters passed
  let lows = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const kind = unitKind(c);
    if (kind !== DIGIT && kind !== LETTER) {
      // an astral character: two units, one code point
      if (c >= 0xd800 && c <= 0xdbff && isLowHalf(text.charCodeAt(i + 1))) {
        lows++;
        i++;
      }
      i++;
      continue;
    }
    // the run of letters, digits, points and commas that starts here (ASCII: a unit a code point)
    let end = i;
    let letter = -1;
    let letters = 0;
    while (end < text.length && unitKind(text.charCodeAt(end)) !== 0) {
      if (unitKind(text.charCodeAt(end)) === LETTER) {
        letters++;
        letter = end;
      }
      end++;
    }
    const digit = letters === 1 ? digits.get(text[letter]!) : undefined;
    const isDigitAt = (at: number): boolean => at >= 0 && at < text.length && unitKind(text.charCodeAt(at)) === DIGIT;
    // no number opens with 0 and a digit: 臭氧(O3), O2 are formulas, not 03, 02
    const leadingZero = digit === '0' && letter === i && isDigitAt(letter + 1);
    if (digit !== undefined && !leadingZero && (isDigitAt(letter - 1) || isDigitAt(letter + 1))) {
      const origin = offsets.toRaw(letter - lows);
      const context = fixedAround(text, i, end, fixes);
      notes.push({
        rule: `ocr-digits.yaml#${text[letter]}→${digit}`,
        reason: `OCR letter read for a digit: "${text[letter]}" → "${digit}" in "${context}"`,
        severity: 'info',
        line: lineOf(origin),
        raw: { start: origin, end: origin + 1 },
        actual: text[letter],
        expected: digit,
      });
      fixes.push({ at: letter, digit });
      pieces.push(text.slice(copied, letter), digit);
      copied = letter + 1;
    }
    i = end;
  }
  if (copied === 0) return text;
  pieces.push(text.slice(copied));
  return pieces.join('');
}

interface Fix {
  /** The letter's unit in the text. */
  at: number;
  digit: string;
}

/** Code points of context either side of a fixed run, in its note. */
const CONTEXT = 3;

/**
 * `text[from, to)` with up to CONTEXT code points either side, inside its paragraph (not across a
 * `\n`), as the earlier `fixes` left it.
 */
function fixedAround(text: string, from: number, to: number, fixes: readonly Fix[]): string {
  let start = from;
  for (let k = 0; k < CONTEXT && start > 0 && text[start - 1] !== '\n'; k++) start -= isPair(text, start - 2) ? 2 : 1;
  let end = to;
  for (let k = 0; k < CONTEXT && end < text.length && text[end] !== '\n'; k++) end += isPair(text, end) ? 2 : 1;
  let context = text.slice(start, end);
  for (let f = fixes.length - 1; f >= 0 && fixes[f]!.at >= start; f--) {
    const at = fixes[f]!.at - start;
    context = context.slice(0, at) + fixes[f]!.digit + context.slice(at + 1);
  }
  return context;
}

/** Units `at` and `at + 1` are the two halves of one astral character. */
function isPair(text: string, at: number): boolean {
  const high = text.charCodeAt(at);
  return high >= 0xd800 && high <= 0xdbff && isLowHalf(text.charCodeAt(at + 1));
}

function isLowHalf(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

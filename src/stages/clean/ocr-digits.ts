/**
 * ocr-digits: a Latin letter that OCR read in place of a digit inside a number
 * (rules/ocr-digits.yaml): `新增就业l2.5万人` → `12.5万人`, `1O0亿元` → `100亿元`. A letter is
 * replaced only when it is the one letter of a run of digits, points and commas and stands next
 * to a digit, so names with letters (`O2O`, `PM2.5`, `5G`, `H7N9`) keep theirs, and never where
 * the fix would open a number with 0 and a digit (`O3`, `O2` are formulas). The fixed
 * character keeps the raw origin of the letter.
 */
import type { Rules } from '../../rules/schema.js';
import { isDigit, isLatinLetter } from './chars.js';
import type { Note } from './notes.js';
import type { ParagraphDraft } from './paragraphs.js';

/** The digit each confusable letter stands for. */
export type OcrDigits = ReadonlyMap<string, string>;

export function compileOcrDigits(rules: Rules['ocr-digits.yaml']): OcrDigits {
  return new Map(rules.map((entry) => [entry.read, entry.digit]));
}

/** Characters a number run may hold besides digits and its one letter. */
function isNumberMark(ch: string | undefined): boolean {
  return ch === '.' || ch === ',';
}

/** Replaces confusable letters inside numbers of every paragraph, in place; one info note per fix. */
export function applyOcrDigits(drafts: ParagraphDraft[], digits: OcrDigits, notes: Note[], lineOf: (rawOffset: number) => number): void {
  if (digits.size === 0) return;
  for (const { chars, origins } of drafts) {
    let i = 0;
    while (i < chars.length) {
      const ch = chars[i]!;
      if (!isDigit(ch) && !isLatinLetter(ch)) {
        i++;
        continue;
      }
      // the run of letters, digits, points and commas that starts here
      let end = i;
      let letter = -1;
      let letters = 0;
      while (end < chars.length && (isDigit(chars[end]!) || isLatinLetter(chars[end]!) || isNumberMark(chars[end]))) {
        if (isLatinLetter(chars[end]!)) {
          letters++;
          letter = end;
        }
        end++;
      }
      const digit = letters === 1 ? digits.get(chars[letter]!) : undefined;
      // no number opens with 0 and a digit: 臭氧(O3), O2 are formulas, not 03, 02
      const leadingZero = digit === '0' && letter === i && isDigit(chars[letter + 1] ?? '');
      if (digit !== undefined && !leadingZero && (isDigit(chars[letter - 1] ?? '') || isDigit(chars[letter + 1] ?? ''))) {
        const context = chars.slice(Math.max(0, i - 3), end + 3).join('');
        notes.push({
          rule: `ocr-digits.yaml#${chars[letter]}→${digit}`,
          reason: `OCR letter read for a digit: "${chars[letter]}" → "${digit}" in "${context}"`,
          severity: 'info',
          line: lineOf(origins[letter]!),
          raw: { start: origins[letter]!, end: origins[letter]! + 1 },
          actual: chars[letter],
          expected: digit,
        });
        chars[letter] = digit;
      }
      i = end;
    }
  }
}

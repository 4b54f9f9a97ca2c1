/**
 * spaces: drops the spaces OCR writes inside Chinese text, and trims each line.
 *
 * A run of spaces goes when one side is Chinese (a Han character or Chinese punctuation) and the
 * other is not a Latin letter: `习近平总书 记` → `习近平总书记`, `227 项` → `227项`, `2025 年` →
 * `2025年`. Between Latin words (and between a Latin word and Chinese, `AI 大模型`) one space
 * stays. Leading spaces are counted as the line's indent before they go.
 *
 * A number whose every character stands apart (`7 8 6 5 . 4亿元`, `5 . 6 %`: letter-spaced print
 * read by OCR) is closed up too: a run of three or more single characters, each a digit, a
 * decimal point or a percent sign, one space apart, with at least two digits.
 */
import { hasSpace, isCjk, isDigit, isLatinLetter, isSpace } from './chars.js';
import type { Line } from './lines.js';

export function dropSpaces(lines: Line[]): Line[] {
  for (const line of lines) {
    const { chars, origins } = line;
    // a line with no space keeps its arrays: most lines of a clean report
    if (!hasSpace(chars)) continue;
    let start = 0;
    while (start < chars.length && isSpace(chars[start]!)) start++;
    let end = chars.length;
    while (end > start && isSpace(chars[end - 1]!)) end--;
    line.indent += start;
    const spacedNumber = spacedNumberGaps(chars, start, end);
    const keptChars: string[] = [];
    const keptOrigins: number[] = [];
    for (let i = start; i < end; i++) {
      if (!isSpace(chars[i]!)) {
        keptChars.push(chars[i]!);
        keptOrigins.push(origins[i]!);
        continue;
      }
      let runEnd = i;
      while (runEnd < end && isSpace(chars[runEnd]!)) runEnd++;
      if (!isNoise(chars[i - 1]!, chars[runEnd]!) && !spacedNumber.has(i)) {
        keptChars.push(' ');
        keptOrigins.push(origins[i]!);
      }
      i = runEnd - 1;
    }
    line.chars = keptChars;
    line.origins = keptOrigins;
  }
  return lines;
}

/** Characters of a letter-spaced number: digits, the decimal point, the percent sign. */
function isNumberPart(ch: string | undefined): boolean {
  return ch !== undefined && (isDigit(ch) || ch === '.' || ch === '%');
}

/**
 * The indexes of the single spaces inside letter-spaced numbers of `chars[start, end)`: runs of
 * three or more number characters, each standing alone, one space apart, two of them digits.
 * `2 000` (a thousands group) and `12 3` are not such runs: a member never touches another
 * number character.
 */
function spacedNumberGaps(chars: readonly string[], start: number, end: number): Set<number> {
  const gaps = new Set<number>();
  let i = start;
  while (i < end) {
    if (!isNumberPart(chars[i]) || isNumberPart(chars[i - 1])) {
      i++;
      continue;
    }
    // members at i, i + 2, i + 4, …: alone, with exactly one space between neighbours
    let last = i;
    let digits = isDigit(chars[i]!) ? 1 : 0;
    while (last + 2 < end && chars[last + 1] === ' ' && isNumberPart(chars[last + 2]) && !isNumberPart(chars[last + 3])) {
      last += 2;
      if (isDigit(chars[last]!)) digits++;
    }
    const members = (last - i) / 2 + 1;
    if (members >= 3 && digits >= 2) {
      for (let k = i + 1; k < last; k += 2) gaps.add(k);
    }
    i = last + 1;
  }
  return gaps;
}

/** True when a space between `before` and `after` is OCR noise in Chinese text. */
export function isNoise(before: string, after: string): boolean {
  if (isCjk(before)) return !isLatinLetter(after);
  if (isCjk(after)) return !isLatinLetter(before);
  return false;
}

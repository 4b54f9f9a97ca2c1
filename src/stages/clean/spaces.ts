/**
 * spaces: drops the spaces OCR writes inside Chinese text, and trims each line.
 *
 * A run of spaces goes when one side is Chinese (a Han character or Chinese punctuation) and the
 * other is not a Latin letter: `习近平总书 记` → `习近平总书记`, `227 项` → `227项`, `2025 年` →
 * `2025年`. Between Latin words (and between a Latin word and Chinese, `AI 大模型`) one space
 * stays. Leading spaces are counted as the line's indent before they go.
 */
import { hasSpace, isCjk, isLatinLetter, isSpace } from './chars.js';
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
      if (!isNoise(chars[i - 1]!, chars[runEnd]!)) {
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

/** True when a space between `before` and `after` is OCR noise in Chinese text. */
export function isNoise(before: string, after: string): boolean {
  if (isCjk(before)) return !isLatinLetter(after);
  if (isCjk(after)) return !isLatinLetter(before);
  return false;
}

/**
 * Bound words around a number (约, 超过, 以上, 余 …) → qualifier, and the whole-word rule.
 *
 * Whole words: bound words are single characters or short words that also end or begin other
 * words (签约, 节约, 最近, 赶超; 多元化). The decision uses the segmenter's dictionary on the
 * neighbouring characters rather than jieba's cut of the sentence, because jieba glues bound
 * words to numerals and classifiers in ways that move token boundaries (`130余个` → 130|余个,
 * `10多万人` → 10|多万|人): a `before` word is not a bound when the one or two characters in
 * front of it make a dictionary word with it (签+约 = 签约); a one-character `after` word is not
 * a bound when it makes a dictionary word with the one or two characters after it (多+元 = 多元).
 */
import type { Qualifier } from '../../document.js';
import { isGap, matchAt, matchEndingAt, type BoundEntry, type WordMatch, type WordTable } from './units.js';

/** Dictionary lookup (the segmenter's `isWord`). */
export type IsWord = (word: string) => boolean;

/**
 * The `before` bound word that ends right before `numeralStart` (across OCR gaps), not reaching
 * before `floor`, and standing as a whole word.
 */
export function boundBefore(
  table: WordTable<BoundEntry>,
  chars: readonly string[],
  numeralStart: number,
  floor: number,
  isWord: IsWord,
): WordMatch<BoundEntry> | null {
  let end = numeralStart;
  while (end > floor && end > numeralStart - 4 && isGap(chars[end - 1])) end--;
  const match = matchEndingAt(table, chars, end, floor);
  if (match === null) return null;
  for (let k = 1; k <= 2 && match.start - k >= floor; k++) {
    const prefix = chars.slice(match.start - k, match.start).join('');
    if (isGap(prefix[0])) break;
    if (isWord(prefix + match.form)) return null;
  }
  return match;
}

/**
 * The `after` bound word at `start` (the caller skips gaps). With `wholeWord`, a one-character
 * word must not begin a dictionary word with what follows (5个多元化); between a number and its
 * unit the check is off, because there the next character is a unit (130余个).
 */
export function boundAfter(
  table: WordTable<BoundEntry>,
  chars: readonly string[],
  start: number,
  limit: number,
  isWord: IsWord,
  wholeWord: boolean,
): WordMatch<BoundEntry> | null {
  const match = matchAt(table, chars, start, limit);
  if (match === null) return null;
  if (wholeWord && match.end - match.start === 1) {
    let text = match.form;
    for (let k = 0; k < 2 && match.end + k < limit; k++) {
      const ch = chars[match.end + k]!;
      if (isGap(ch)) break;
      text += ch;
      if (isWord(text)) return null;
    }
  }
  return match;
}

/**
 * The qualifier of a number from its bound words: a range is a range; otherwise a bound after
 * the number (or between it and its unit) wins over one before it (控制在2%左右 → approx).
 */
export function decideQualifier(
  isRange: boolean,
  before: WordMatch<BoundEntry> | null,
  after: readonly WordMatch<BoundEntry>[],
): Qualifier {
  if (isRange) return 'range';
  const last = after[after.length - 1];
  if (last) return last.entry.qualifier;
  if (before) return before.entry.qualifier;
  return 'exact';
}

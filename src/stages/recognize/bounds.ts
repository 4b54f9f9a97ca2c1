/**
 * Bound words around a number (约, 超过, 以上, 余 …) → qualifier, and the whole-word rule.
 *
 * Whole words: bound words are single characters or short words that also end or begin other
 * words (签约, 节约, 最近, 赶超; 多元化). The decision is made in two steps:
 * 1. the segmenter's dictionary on the neighbouring characters: a `before` word whose one or two
 *    preceding characters make a dictionary word with it (签+约), or a one-character `after` word
 *    that makes one with the characters after it (多+元), is suspect; anything else is a bound;
 * 2. a suspect word is settled by jieba's cut of a few characters around it: it is a bound when
 *    a token starts at it (before words: 收入|超|3万元, but 签约|3亿元) or ends with it (after
 *    words: 3|年|多|时间, but 5|个|多元化).
 * jieba is not asked first because it glues bound words to numerals and classifiers in ways
 * that move token boundaries (`130余个` → 130|余个, `10多万人` → 10|多万|人), and because the
 * dictionary test alone rejects real bounds whose neighbours happen to form a word (收入超 has
 * 入超, trade deficit).
 */
import type { Qualifier } from '../../document.js';
import { type Chars, sliceChars } from '../../text/chars.js';
import { isGap, isGapAt, matchAt, matchEndingAt, type BoundEntry, type WordMatch, type WordTable } from './units.js';

/** The segmenter as the recognizer uses it: dictionary lookup and cutting a short window. */
export interface Lexicon {
  isWord(word: string): boolean;
  /** Tokens of `text`, with code-point offsets shifted by `base`. */
  cut(text: string, base: number): readonly { start: number; end: number }[];
}

/** Characters on each side of a suspect bound word that jieba sees. */
const WINDOW = 4;

/** jieba's tokens over `chars[from, to)`. */
function tokensAround(lexicon: Lexicon, chars: Chars, from: number, to: number) {
  return lexicon.cut(sliceChars(chars, from, to), from);
}

/**
 * The `before` bound word that ends right before `numeralStart` (across OCR gaps), not reaching
 * before `floor`, and standing as a whole word.
 */
export function boundBefore(
  table: WordTable<BoundEntry>,
  chars: Chars,
  numeralStart: number,
  floor: number,
  lexicon: Lexicon,
): WordMatch<BoundEntry> | null {
  let end = numeralStart;
  while (end > floor && end > numeralStart - 4 && isGapAt(chars, end - 1)) end--;
  const match = matchEndingAt(table, chars, end, floor);
  if (match === null) return null;
  let suspect = false;
  for (let k = 1; k <= 2 && match.start - k >= floor && !suspect; k++) {
    const prefix = sliceChars(chars, match.start - k, match.start);
    if (isGap(prefix[0])) break;
    suspect = lexicon.isWord(prefix + match.form);
  }
  if (!suspect) return match;
  const tokens = tokensAround(lexicon, chars, Math.max(floor, match.start - WINDOW), Math.min(chars.length, end + WINDOW));
  return tokens.some((token) => token.start === match.start) ? match : null;
}

/**
 * The `after` bound word at `start` (the caller skips gaps). With `wholeWord`, a one-character
 * word must not begin a dictionary word with what follows (5个多元化); between a number and its
 * unit the check is off, because there the next character is a unit (130余个).
 */
export function boundAfter(
  table: WordTable<BoundEntry>,
  chars: Chars,
  start: number,
  limit: number,
  lexicon: Lexicon,
  wholeWord: boolean,
): WordMatch<BoundEntry> | null {
  const match = matchAt(table, chars, start, limit);
  // a whole-word look is a look after the unit, where an only-inside word (来 of 20来个) is not a bound
  if (match !== null && wholeWord && match.entry.onlyInside) return null;
  if (match === null || !wholeWord || match.end - match.start !== 1) return match;
  let text = match.form;
  let suspect = false;
  for (let k = 0; k < 2 && match.end + k < limit && !suspect; k++) {
    const ch = chars[match.end + k]!;
    if (isGap(ch)) break;
    text += ch;
    suspect = lexicon.isWord(text);
  }
  if (!suspect) return match;
  const tokens = tokensAround(lexicon, chars, Math.max(0, match.start - WINDOW), Math.min(limit, match.end + WINDOW));
  return tokens.some((token) => token.end === match.end) ? match : null;
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

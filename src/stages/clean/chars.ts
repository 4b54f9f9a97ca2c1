/**
 * Character classes the clean passes share. Structural only: script ranges and punctuation,
 * held in named constants (no word lists live in code).
 */

/** Marks that end a sentence, and so may end a paragraph at a line break. */
export const SENTENCE_END = new Set(['。', '！', '？', '；', '!', '?', ';', '…']);

/** Closing marks that may follow the end of a sentence: `…。”` */
export const CLOSERS = new Set(['”', '’', '"', "'", '）', ')', '」', '』', '】', '》', '〉']);

/** Marks inside a sentence: a line holding one of these is prose, not a heading. */
export const CLAUSE_MARKS = new Set(['，', ',', '。', '；', ';', '！', '？', '!', '?', '：', ':']);

/** Marks after which a sentence must go on: a line ending in one is never a heading. */
export const CONTINUING_MARKS = new Set(['，', ',', '、', '：', ':', '；', ';', '（', '(', '“', '‘', '《', '—', '-', '·']);

/**
 * A test for membership in a set of one-unit marks by a table look-up on the UTF-16 unit, not by
 * hashing a string: the paragraph and seam passes ask it of nearly every character.
 */
function markTest(marks: ReadonlySet<string>): (ch: string) => boolean {
  const table = new Uint8Array(0x10000);
  for (const mark of marks) table[mark.charCodeAt(0)] = 1;
  return (ch) => ch.length === 1 && table[ch.charCodeAt(0)] === 1;
}

/** `CLAUSE_MARKS.has(ch)`, fast. */
export const isClauseMark = markTest(CLAUSE_MARKS);
const isCloser = markTest(CLOSERS);
const isSentenceEnd = markTest(SENTENCE_END);

/** Horizontal white space an OCR engine writes between words and columns. */
export function isSpace(ch: string): boolean {
  // by char code: ~3× faster than comparing with three strings (a test per character of every pass)
  const c = ch.charCodeAt(0);
  return (c === 0x20 || c === 0x09 || c === 0x3000) && ch.length === 1;
}

/** 1 at each UTF-16 unit for which `test` is true: a table for `holdsUnit`. */
export function unitTable(test: (c: number) => boolean): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (test(c)) table[c] = 1;
  return table;
}

/**
 * True when some character of `chars` starts with a unit marked in `table` (`unitTable`): a
 * loop and a look-up, not `chars.some` with a call per character. The normalize and markup
 * passes ask it of every line (over the 12 MB of `bench/stages.mjs bench/corpus/10mb 40 3`,
 * timed inside the stage, min of 3: normalize + markup 0.113 → 0.061 s CPU).
 */
export function holdsUnit(chars: readonly string[], table: Uint8Array): boolean {
  for (let i = 0; i < chars.length; i++) if (table[chars[i]!.charCodeAt(0)] === 1) return true;
  return false;
}

/** True when `chars` holds a space. */
export function hasSpace(chars: readonly string[]): boolean {
  for (let i = 0; i < chars.length; i++) if (isSpace(chars[i]!)) return true;
  return false;
}

/** A Han ideograph (unified, extensions and compatibility blocks). */
export function isHan(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x20000 && c <= 0x3134f)
  );
}

/** Chinese punctuation: the CJK symbols block, full-width forms, curly quotes, ellipsis, dashes. */
export function isCjkPunctuation(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (
    (c >= 0x3000 && c <= 0x303f && c !== 0x3000) ||
    (c >= 0xff00 && c <= 0xffef) ||
    (c >= 0x2018 && c <= 0x201f) ||
    c === 0x2026 ||
    c === 0x2014 ||
    c === 0x00b7
  );
}

/** 1 at each UTF-16 unit that is, alone, a Han character or Chinese punctuation (`isCjk`'s answer). */
const CJK_UNITS = ((): Uint8Array => {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    if (isHan(ch) || isCjkPunctuation(ch)) table[c] = 1;
  }
  return table;
})();

/** A Han character or Chinese punctuation mark: the characters between which a space is noise. */
export function isCjk(ch: string): boolean {
  // one character of the BMP by a table look-up: the layout's widths ask it of every character
  // (warm clean over 4 MB, min of 4 runs of 8 passes: 0.473 → 0.456 s CPU)
  if (ch.length === 1) return CJK_UNITS[ch.charCodeAt(0)] === 1;
  return isHan(ch) || isCjkPunctuation(ch);
}

// isDigit and isLatinLetter read the first UTF-16 unit instead of comparing strings by order
// (a runtime string comparison per call; these run on nearly every character); the answers are
// those of `ch >= '0' && ch <= '9'` for any string, one character or more.

export function isDigit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 0x30 && c <= 0x38) || ch === '9';
}

export function isLatinLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 0x61 && c <= 0x79) || ch === 'z' || (c >= 0x41 && c <= 0x59) || ch === 'Z';
}

/**
 * True when `chars` ends a sentence: an end mark, perhaps followed by closing marks. A full stop
 * `.` ends an English sentence only after a letter or a closing mark (`…in 2025.`, `(CPPCC).`);
 * after a digit it is a decimal point cut by the wrap (`增长2.` + `5%`).
 */
export function endsSentence(chars: readonly string[]): boolean {
  let i = chars.length - 1;
  while (i >= 0 && isCloser(chars[i]!)) i--;
  if (i < 0) return false;
  if (chars[i] === '.') {
    const before = chars[i - 1] ?? '';
    return isLatinLetter(before) || isCloser(before);
  }
  return isSentenceEnd(chars[i]!);
}

/**
 * `endsSentence` of `chars` with its spaces left out, without copying them: the column passes
 * ask it of every line (a filtered copy per line was 32 MB of garbage per 4 MB of bench/stages).
 */
export function endsSentenceIgnoringSpaces(chars: readonly string[]): boolean {
  return endsSentenceWithin(chars, 0, chars.length);
}

/** `endsSentenceIgnoringSpaces` of `chars[from, to)`, without copying them. */
export function endsSentenceWithin(chars: readonly string[], from: number, to: number): boolean {
  let i = to - 1;
  while (i >= from && (isSpace(chars[i]!) || isCloser(chars[i]!))) i--;
  if (i < from) return false;
  if (chars[i] === '.') {
    let k = i - 1;
    while (k >= from && isSpace(chars[k]!)) k--;
    const before = k >= from ? chars[k]! : '';
    return isLatinLetter(before) || isCloser(before);
  }
  return isSentenceEnd(chars[i]!);
}

/** True when `chars[from, to)` holds a clause mark (`CLAUSE_MARKS`), without copying them. */
export function holdsClauseMark(chars: readonly string[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isClauseMark(chars[i]!)) return true;
  return false;
}

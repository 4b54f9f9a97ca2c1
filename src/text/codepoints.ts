/**
 * Code-point helpers: the only place that converts between UTF-16 indexes (what JavaScript
 * strings and regexes use) and code-point offsets (what every span in liang uses).
 *
 * Nearly all report text is in the Basic Multilingual Plane, where the two agree; the helpers
 * take a fast path when a string has no surrogate pairs.
 */

const SURROGATE = /[\uD800-\uDFFF]/;

/** A surrogate with no partner: a high one not followed by a low one, or a low one not after a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `text` with every lone surrogate replaced by U+FFFD, as a decoder replaces a broken byte
 * sequence. Each stays one code point, so offsets are unchanged. iconv-lite's UTF-16 decoding
 * keeps a lone surrogate of a damaged file, and jieba (C++, UTF-8) returns it as U+FFFD, which
 * no longer aligns with the text (the document failed as `attribute/exception`).
 */
export function wellFormed(text: string): string {
  return isBmpOnly(text) ? text : text.replace(LONE_SURROGATE, '\uFFFD');
}

/** True when UTF-16 indexes and code-point offsets coincide for `text`. */
export function isBmpOnly(text: string): boolean {
  // a short string (a jieba token, a join) is checked unit by unit: cheaper than running the regex
  if (text.length <= SHORT) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdfff) return false;
    }
    return true;
  }
  if (text.length < LONG) return !SURROGATE.test(text);
  // a whole document's raw text or cleaned text is asked about by nearly every stage (about a
  // dozen scans of each per document): the last two answers for such texts are remembered
  if (text === longTexts[0]) return longAnswers[0]!;
  if (text === longTexts[1]) return longAnswers[1]!;
  const answer = !SURROGATE.test(text);
  longTexts[1] = longTexts[0];
  longAnswers[1] = longAnswers[0];
  longTexts[0] = text;
  longAnswers[0] = answer;
  return answer;
}

/** Strings up to this many UTF-16 units take the loop in `isBmpOnly`. */
const SHORT = 16;
/** Strings of at least this many UTF-16 units have their answer remembered (the last two). */
const LONG = 4096;
const longTexts: (string | undefined)[] = [undefined, undefined];
const longAnswers: (boolean | undefined)[] = [undefined, undefined];

/** Number of code points in `text`. */
export function cpLength(text: string): number {
  if (isBmpOnly(text)) return text.length;
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** `text` sliced by code-point offsets `[start, end)`. */
export function cpSlice(text: string, start: number, end?: number): string {
  if (isBmpOnly(text)) return text.slice(start, end);
  return Array.from(text).slice(start, end).join('');
}

/**
 * A converter between UTF-16 indexes and code-point offsets of one string, built once so that
 * many conversions cost O(log n) each (O(1) for BMP-only strings).
 */
export class CodePointIndex {
  /** UTF-16 indexes at which an astral character starts; empty for BMP-only text. */
  private readonly astral: number[] = [];

  constructor(readonly text: string) {
    if (isBmpOnly(text)) return;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.astral.push(i);
          i++;
        }
      }
    }
  }

  /** Code-point offset of UTF-16 index `utf16`. */
  toCodePoint(utf16: number): number {
    if (this.astral.length === 0) return utf16;
    // every astral character before `utf16` occupies one extra UTF-16 unit
    return utf16 - countBelow(this.astral, utf16);
  }

  /** UTF-16 index of code-point offset `cp`. */
  toUtf16(cp: number): number {
    if (this.astral.length === 0) return cp;
    let lo = 0;
    let hi = this.astral.length;
    // find how many astral characters start before code point `cp`
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const astralCp = this.astral[mid]! - mid;
      if (astralCp < cp) lo = mid + 1;
      else hi = mid;
    }
    return cp + lo;
  }

  /** Code-point length of the whole text. */
  get length(): number {
    return this.text.length - this.astral.length;
  }

  /** Slice by code-point offsets. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}

function countBelow(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A text as a sequence of code points that can be indexed by code-point offset, without copying
 * it when it does not need to be, and a fast search for the next character of a class.
 *
 * Report text is nearly always in the Basic Multilingual Plane, where a string's UTF-16 indexes
 * are its code-point offsets: there the string itself is the sequence. Only a text with an
 * astral character (𠀀, an emoji) is split into an array of code points.
 */
import { isBmpOnly } from './codepoints.js';

/** Code points of a text, indexable by code-point offset: `chars[i]`, `chars.length`. */
export type Chars = string | readonly string[];

/** `text` as code points: the string itself when BMP-only (splitting 1.7 M chars cost 0.1 s per stage), else an array. */
export function charsOf(text: string): Chars {
  return isBmpOnly(text) ? text : Array.from(text);
}

/**
 * The code point at offset `i`, or -1 outside the text. Unlike `chars[i]` on a string, it makes
 * no string: V8 keeps one-character strings only for Latin-1, so each `chars[i]` on Chinese text
 * allocates one.
 */
export function codeAt(chars: Chars, i: number): number {
  if (i < 0 || i >= chars.length) return -1;
  return typeof chars === 'string' ? chars.charCodeAt(i) : chars[i]!.codePointAt(0)!;
}

/** The text of code points `[start, end)`. */
export function sliceChars(chars: Chars, start: number, end: number): string {
  return typeof chars === 'string' ? chars.slice(start, end) : chars.slice(start, end).join('');
}

/**
 * Finds, left to right, the characters of one class (given as a list of BMP characters) in a
 * `Chars`. On a string it reads char codes against a table of the class; the last answer is
 * remembered, so callers that ask from increasing positions (one sentence after another) scan
 * the text once in all.
 */
export class CharFinder {
  /** 1 at the UTF-16 unit of each character of the class. */
  private readonly table = new Uint8Array(0x10000);
  private readonly members: ReadonlySet<string>;
  /** The last answer: no character of the class stands in `[askedFrom, found)`. */
  private askedFrom = 0;
  private found = -1;

  constructor(
    private readonly chars: Chars,
    characters: Iterable<string>,
  ) {
    this.members = new Set(characters);
    for (const ch of this.members) {
      if (ch.length !== 1) throw new Error(`CharFinder: "${ch}" is not one BMP character`);
      this.table[ch.charCodeAt(0)] = 1;
    }
  }

  /** The first index at or after `from` whose character is in the class, or `chars.length`. */
  next(from: number): number {
    if (from >= this.askedFrom && from <= this.found) return this.found;
    this.askedFrom = from;
    this.found = this.search(from);
    return this.found;
  }

  private search(from: number): number {
    const { chars, table } = this;
    if (typeof chars === 'string') {
      // a table look-up per char code, not a regex: the number starts (一, 十, digits) stand a few
      // characters apart, and a regex call per hit cost 4× the loop (recognize over 4 MB, warm:
      // 0.128 → 0.119 s CPU, min of 3). A surrogate unit is in no table: the class is BMP only
      for (let i = Math.max(0, from); i < chars.length; i++) if (table[chars.charCodeAt(i)] === 1) return i;
      return chars.length;
    }
    for (let i = from; i < chars.length; i++) if (this.members.has(chars[i]!)) return i;
    return chars.length;
  }
}

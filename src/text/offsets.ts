/**
 * The way back from cleaned text to raw text.
 *
 * The cleaner builds `doc.text` with a `MappedTextBuilder`: every code point it appends carries
 * the code-point offset in `doc.raw` it came from. The resulting `OffsetMap` answers, for any
 * code-point offset of the cleaned text, the raw offset and the 1-based raw line.
 */
import { cpLength, isBmpOnly } from './codepoints.js';

/** Code-point offsets of the start of every line of `raw` (line 1 starts at 0). */
export function lineStarts(raw: string): number[] {
  const starts = [0];
  if (isBmpOnly(raw)) {
    // indexOf, not a loop over every UTF-16 unit
    for (let at = raw.indexOf('\n'); at >= 0; at = raw.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  }
  let cp = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      i++; // the low surrogate belongs to the same code point
    } else if (c === 0x0a) {
      starts.push(cp + 1);
    }
    cp++;
  }
  return starts;
}

export class OffsetMap {
  /** Built on the first line question: most maps (decode's identity) are never asked one. */
  private starts: number[] | undefined;
  /** The line `rawLineOfRaw` answered last (0 before the first). */
  private lastLine = 0;

  /**
   * @param origins code-point offset in raw of every code point of the cleaned text, plus one
   *   trailing entry for the end position (so `origins.length === cleanedLength + 1`); null for
   *   the identity map of a text of `identityLength` code points.
   * @param raw the decoded raw text.
   */
  constructor(
    private readonly origins: Int32Array | null,
    private readonly raw: string,
    private readonly identityLength = 0,
  ) {}

  /** An identity map, for text that was not changed. */
  static identity(raw: string): OffsetMap {
    // no array of n offsets that all equal their index: decode builds one per document
    return new OffsetMap(null, raw, cpLength(raw));
  }

  /** Length of the cleaned text in code points. */
  get length(): number {
    return this.origins === null ? this.identityLength : this.origins.length - 1;
  }

  /** Raw code-point offset of cleaned code-point offset `cp`. */
  toRaw(cp: number): number {
    const clamped = Math.max(0, Math.min(cp, this.length));
    return this.origins === null ? clamped : this.origins[clamped]!;
  }

  /**
   * The raw span a cleaned span `[start, end)` was read from: from the least raw offset of its
   * code points to one past the greatest. Not `[toRaw(start), toRaw(end))`: the end position maps
   * to whatever the cleaned text puts next, and where the cleaner moved a line (a column or a
   * heading put back in reading order) that can stand before the span in the raw text. The span
   * covers every piece, so `start <= end` always; an empty span is empty at `toRaw(start)`.
   */
  rawSpan(start: number, end: number): { start: number; end: number } {
    const from = Math.max(0, Math.min(start, this.length));
    const to = Math.max(from, Math.min(end, this.length));
    if (to === from) {
      const at = this.toRaw(from);
      return { start: at, end: at };
    }
    if (this.origins === null) return { start: from, end: to };
    let least = this.origins[from]!;
    let greatest = least;
    for (let i = from + 1; i < to; i++) {
      const origin = this.origins[i]!;
      if (origin < least) least = origin;
      else if (origin > greatest) greatest = origin;
    }
    return { start: least, end: greatest + 1 };
  }

  /**
   * The cleaned offsets inside `[start, end)` where the raw text goes back: each code point read
   * from before the one it follows (none when the span stands in the raw text in order).
   */
  rawBackSteps(start: number, end: number): number[] {
    const steps: number[] = [];
    if (this.origins === null) return steps;
    const to = Math.min(end, this.length);
    for (let i = Math.max(0, start) + 1; i < to; i++) if (this.origins[i]! < this.origins[i - 1]!) steps.push(i);
    return steps;
  }

  /** 1-based raw line of a raw code-point offset. */
  rawLineOfRaw(rawOffset: number): number {
    const starts = (this.starts ??= lineStarts(this.raw));
    // the line last answered first: callers mostly walk the text in order (the English stage
    // asks the line of every character of its sentences: 10 MB corpus, the English stage alone 4
    // times, --cpu-prof, its sentence loop with segmentsOf inlined 171 → 32 ms self)
    const last = this.lastLine;
    if (last > 0 && starts[last - 1]! <= rawOffset && (last === starts.length || rawOffset < starts[last]!)) return last;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= rawOffset) lo = mid + 1;
      else hi = mid;
    }
    this.lastLine = Math.max(1, lo);
    return this.lastLine;
  }

  /** 1-based raw line where cleaned code-point offset `cp` comes from. */
  rawLine(cp: number): number {
    return this.rawLineOfRaw(this.toRaw(cp));
  }
}

/**
 * UTF-16 units read back as a string by the platform's decoder; a byte-order mark is text here,
 * not a mark to strip. Null where a `Uint16Array` is not little-endian (then `join` serves).
 */
const unitDecoder = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? new TextDecoder('utf-16le', { ignoreBOM: true }) : null;
/** The units `joinChars` copies, kept between calls up to `KEPT_UNITS` (a longer paragraph takes a buffer of its own, not kept). */
let unitBuffer = new Uint16Array(4096);
const KEPT_UNITS = 1 << 16;

/**
 * `chars.join('')`: each string's UTF-16 units copied into one typed array and decoded at once,
 * where `join` spends about 27 ns a character on an array of one-character strings (about twice
 * as long). Where a unit is a surrogate the decoder would replace a lone one with U+FFFD, so such
 * text, and short text, takes `join`: the answer is the same string either way.
 */
export function joinChars(chars: readonly string[]): string {
  if (unitDecoder === null || chars.length < 64) return chars.join('');
  let units = unitBuffer;
  if (units.length < chars.length) {
    units = new Uint16Array(chars.length);
    if (chars.length <= KEPT_UNITS) unitBuffer = units;
  }
  let k = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch.length !== 1) return chars.join('');
    const c = ch.charCodeAt(0);
    if (c >= 0xd800 && c <= 0xdfff) return chars.join('');
    units[k++] = c;
  }
  return unitDecoder.decode(units.subarray(0, k));
}

/**
 * Builds cleaned text one piece at a time, remembering where every code point came from.
 * Inserted characters (a paragraph separator, a repaired join) take the origin of the raw
 * position they stand at.
 */
export class MappedTextBuilder {
  /** The text so far, in pieces of any length (a whole paragraph is one piece). */
  private readonly parts: string[] = [];
  private origins: Int32Array = new Int32Array(1024);
  private size = 0;

  /** Appends `text` whose code points came from raw offsets `rawStart`, `rawStart + 1`, … */
  appendRaw(text: string, rawStart: number): void {
    let i = 0;
    for (const ch of text) {
      this.push(ch, rawStart + i);
      i++;
    }
  }

  /** Appends one code point (or an inserted/replaced string) attributed to raw offset `origin`. */
  appendAt(text: string, origin: number): void {
    // one code point, the usual case: no string iterator
    if (text.length === 1 || (text.length === 2 && text.codePointAt(0)! > 0xffff)) this.push(text, origin);
    else for (const ch of text) this.push(ch, origin);
  }

  /**
   * Appends code points `chars` (one code point each) with their raw offsets `origins` (same
   * length), as one piece: a paragraph costs one join and one copy, not a push per code point.
   */
  appendMapped(chars: readonly string[], origins: readonly number[]): void {
    this.reserve(chars.length);
    this.origins.set(origins, this.size);
    this.parts.push(joinChars(chars));
    this.size += chars.length;
  }

  /** Code points appended so far. */
  get length(): number {
    return this.size;
  }

  /** The last code point appended, or '' when empty. */
  lastChar(): string {
    const last = this.parts[this.parts.length - 1];
    if (last === undefined) return '';
    // the last unit may be the low half of an astral character
    const high = last.charCodeAt(last.length - 2);
    return high >= 0xd800 && high <= 0xdbff ? last.slice(-2) : last.slice(-1);
  }

  /** Removes trailing code points for which `drop` is true (e.g. trailing spaces). */
  trimEnd(drop: (ch: string) => boolean): void {
    while (this.parts.length > 0) {
      const ch = this.lastChar();
      if (!drop(ch)) return;
      const last = this.parts.pop()!;
      const rest = last.slice(0, last.length - ch.length);
      if (rest !== '') this.parts.push(rest);
      this.size--;
    }
  }

  /**
   * The text and its map; `endOrigin` is the raw offset the end position maps to. `origins` is
   * the map's own array (the raw offset of every code point, then of the end), to read, not change.
   */
  finish(raw: string, endOrigin: number): { text: string; offsets: OffsetMap; origins: Int32Array } {
    const origins = this.origins.slice(0, this.size + 1);
    origins[this.size] = endOrigin;
    return { text: this.parts.join(''), offsets: new OffsetMap(origins, raw), origins };
  }

  private push(ch: string, origin: number): void {
    this.reserve(1);
    this.parts.push(ch);
    this.origins[this.size] = origin;
    this.size++;
  }

  /** Room for `count` more code points and the end entry. */
  private reserve(count: number): void {
    if (this.size + count + 1 <= this.origins.length) return;
    let length = this.origins.length * 2;
    while (this.size + count + 1 > length) length *= 2;
    const grown = new Int32Array(length);
    grown.set(this.origins);
    this.origins = grown;
  }
}

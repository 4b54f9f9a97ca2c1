/**
 * The words of jieba dictionary files in a few flat arrays instead of a `Set` or `Map` of
 * 350,000 strings: the text of the files is kept as one string, each word is a span of it, and
 * an open-addressing hash table of span indexes finds them. Every worker thread holds these, so
 * the ~25 MB of string objects (and the twice as much garbage made reading them) matter.
 *
 * Two readings of the same text:
 * - `WordTable` (for `isWord`): a word is the first run of non-space characters of a line, as
 *   `line.trim().split(/\s+/)[0]` gives it; lines are split at `\n` only.
 * - `TagTable` (for `tag`): each word with its part-of-speech tag, read exactly as cppjieba's
 *   DictTrie reads the files, so that jieba's `cut` plus a lookup here gives what its `tag` gives.
 */

/** An open-addressing hash set of spans of one text; an entry is its insertion number. */
class SpanSet {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  count = 0;

  /** `capacity`: most spans that will be added. */
  constructor(
    readonly text: string,
    capacity: number,
  ) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    let size = 1024;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
  }

  /** The entry of `text[start, end)`, added if new. */
  add(start: number, end: number): number {
    const text = this.text;
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) {
        this.starts[this.count] = start;
        this.ends[this.count] = end;
        this.slots[slot] = ++this.count;
        return this.count - 1;
      }
      const other = this.starts[entry - 1]!;
      if (this.ends[entry - 1]! - other === end - start && sameSpans(text, other, start, end - start)) return entry - 1;
    }
  }

  /** The entry whose span reads `word`, or -1. */
  find(word: string): number {
    const length = word.length;
    if (length === 0) return -1;
    let h = 0x811c9dc5;
    for (let i = 0; i < length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return -1;
      const start = this.starts[entry - 1]!;
      if (this.ends[entry - 1]! - start === length && this.sameAt(start, word)) return entry - 1;
    }
  }

  private sameAt(start: number, word: string): boolean {
    for (let i = 0; i < word.length; i++) if (this.text.charCodeAt(start + i) !== word.charCodeAt(i)) return false;
    return true;
  }
}

function sameSpans(text: string, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (text.charCodeAt(a + i) !== text.charCodeAt(b + i)) return false;
  return true;
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** Membership of the first field of each line (see the file comment). */
export class WordTable {
  private readonly set: SpanSet;

  /** Builds the table over the concatenated texts of dictionary files. */
  constructor(text: string) {
    this.set = new SpanSet(text, countLines(text));
    for (let from = 0; from <= text.length; ) {
      let to = text.indexOf('\n', from);
      if (to < 0) to = text.length;
      let start = from;
      while (start < to && isSpaceCode(text.charCodeAt(start))) start++;
      let end = start;
      while (end < to && !isSpaceCode(text.charCodeAt(end))) end++;
      if (end > start) this.set.add(start, end);
      from = to + 1;
    }
  }

  /** Number of distinct words. */
  get size(): number {
    return this.set.count;
  }

  has(word: string): boolean {
    return this.set.find(word) >= 0;
  }

  /** Calls `visit` with each word's span in `text`. */
  forEachSpan(visit: (text: string, start: number, end: number) => void): void {
    for (let k = 0; k < this.set.count; k++) visit(this.set.text, this.set.starts[k]!, this.set.ends[k]!);
  }
}

/**
 * jieba's part-of-speech tag of a word, as its `tag` gives it (cppjieba PosTagger::LookupTag):
 * the tag the dictionaries give the word, else a rule on its ASCII characters.
 *
 * The dictionaries are read as DictTrie reads them: lines split at `\n`, fields split at each
 * single space (two spaces make an empty field). A main-dictionary line is `word freq tag`; a
 * user-dictionary line is `word`, `word tag` or `word freq tag` (any other field count adds
 * nothing), empty lines are skipped, and a later line of the same word replaces the earlier one,
 * so the user dictionary overrides the main one.
 */
export class TagTable {
  private readonly set: SpanSet;
  /** Per entry, an index into `names`; 0 is the empty tag (no tag given). */
  private readonly tagOf: Uint16Array;
  private readonly names: string[] = [''];

  /**
   * @param text the main dictionary's text, then the user dictionaries', joined by `\n`
   * @param userFrom the index in `text` where the user dictionaries start (`text.length` for none)
   */
  constructor(text: string, userFrom: number) {
    const capacity = countLines(text);
    this.set = new SpanSet(text, capacity);
    this.tagOf = new Uint16Array(capacity);
    // tags are interned by their span (no string per line): a tag's id is its entry here, plus one
    const tagSpans = new SpanSet(text, capacity);
    for (let from = 0; from < text.length; ) {
      let to = text.indexOf('\n', from);
      if (to < 0) to = text.length;
      // the fields' ends; a field starts after a space only when the line goes on after it
      const first = fieldEnd(text, from, to);
      const second = first + 1 < to ? fieldEnd(text, first + 1, to) : -1;
      const third = second >= 0 && second + 1 < to ? fieldEnd(text, second + 1, to) : -1;
      const count = second < 0 ? 1 : third < 0 ? 2 : third + 1 < to ? 4 : 3;
      const user = from >= userFrom;
      // an empty word is never entered in jieba's trie; a main line is always `word freq tag`
      if (to > from && first > from && (user ? count <= 3 : count === 3)) {
        let id = 0;
        if (count === 2) id = second > first + 1 ? tagSpans.add(first + 1, second) + 1 : 0;
        else if (count === 3) id = third > second + 1 ? tagSpans.add(second + 1, third) + 1 : 0;
        this.tagOf[this.set.add(from, first)] = id;
      }
      from = to + 1;
    }
    for (let k = 0; k < tagSpans.count; k++) this.names.push(text.slice(tagSpans.starts[k]!, tagSpans.ends[k]!));
  }

  /** The tag jieba's `tag` gives `word` (a word of its `cut`). */
  tag(word: string): string {
    const entry = this.set.find(word);
    const id = entry >= 0 ? this.tagOf[entry]! : 0;
    return id !== 0 ? this.names[id]! : asciiTag(word);
  }
}

/**
 * jieba's tag for a word without one (PosTagger::SpecialRule): counting ASCII characters only
 * until they reach half the word's length (in code points, rounded down), `x` when none was
 * counted, `m` when all counted were digits, else `eng`. So a lone `5` is `x` and `12` is `m`.
 */
function asciiTag(word: string): string {
  let length = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) length++;
  }
  const half = length >> 1;
  let ascii = 0;
  let digits = 0;
  for (let i = 0; i < word.length && ascii < half; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x80) {
      ascii++;
      if (c >= 0x30 && c <= 0x39) digits++;
    }
  }
  if (ascii === 0) return 'x';
  return digits === ascii ? 'm' : 'eng';
}

/** Where the field starting at `from` ends: the next space before `to`, else `to`. */
function fieldEnd(text: string, from: number, to: number): number {
  const space = text.indexOf(' ', from);
  return space < 0 || space > to ? to : space;
}

/** The characters `\s` matches in a JavaScript regular expression. */
function isSpaceCode(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * The words of jieba dictionary files in a few flat arrays instead of a `Set` or `Map` of
 * 350,000 strings: the text of the files is kept as one string, each word is a span of it, and
 * an open-addressing hash table of span indexes finds them. Every worker thread holds one, so
 * the ~25 MB of string objects (and the twice as much garbage made reading them) matter.
 *
 * One table, two readings of the same lines (they agree on every line of jieba's dictionaries
 * and of rules/userdict.txt, so one entry serves both and the table is built once):
 * - for `has` (`isWord`): a word is the first run of non-space characters of a line, as
 *   `line.trim().split(/\s+/)[0]` gives it; lines are split at `\n` only.
 * - for `tag`: each word with its part-of-speech tag, read exactly as cppjieba's DictTrie reads
 *   the files, so that jieba's `cut` plus a lookup here gives what its `tag` gives.
 */

/** An open-addressing hash set of spans of one text; an entry is its insertion number. */
class SpanSet {
  starts: Int32Array;
  ends: Int32Array;
  private slots: Int32Array;
  private mask: number;
  count = 0;

  /** `capacity`: how many spans are expected (the set grows past it). */
  constructor(
    readonly text: string,
    capacity: number,
  ) {
    this.starts = new Int32Array(Math.max(capacity, 16));
    this.ends = new Int32Array(Math.max(capacity, 16));
    let size = 1024;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
  }

  /** The entry of `text[start, end)`, added if new. */
  add(start: number, end: number): number {
    const text = this.text;
    const h = hashSpan(text, start, end);
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) {
        if (this.count === this.starts.length) this.growEntries();
        this.starts[this.count] = start;
        this.ends[this.count] = end;
        this.slots[slot] = ++this.count;
        if (this.count * 2 > this.slots.length) this.rehash();
        return this.count - 1;
      }
      const other = this.starts[entry - 1]!;
      if (this.ends[entry - 1]! - other === end - start && sameSpans(text, other, start, end - start)) return entry - 1;
    }
  }

  private growEntries(): void {
    this.starts = doubled(this.starts);
    this.ends = doubled(this.ends);
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.mask = this.slots.length - 1;
    for (let k = 0; k < this.count; k++) {
      let slot = hashSpan(this.text, this.starts[k]!, this.ends[k]!) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = k + 1;
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

function hashSpan(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
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

/**
 * The words of jieba's dictionaries (see the file comment). For `tag`, a word has the tag the
 * dictionaries give it, else a rule on its ASCII characters (cppjieba PosTagger::LookupTag).
 *
 * The tags are read as DictTrie reads the files: lines split at `\n`, fields split at each
 * single space (two spaces make an empty field). A main-dictionary line is `word freq tag`; a
 * user-dictionary line is `word`, `word tag` or `word freq tag` (any other field count adds
 * nothing), empty lines are skipped, and a later line of the same word replaces the earlier one,
 * so the user dictionary overrides the main one.
 */
export class WordTable {
  private readonly set: SpanSet;
  /** Per entry, 1 when it is a word for `has`. */
  private words: Uint8Array;
  /** Per entry, an index into `names`; 0 is the empty tag (no tag given, or not a tagged word). */
  private tags: Uint16Array;
  private readonly names: string[] = [''];
  private wordCount = 0;

  /**
   * @param text the main dictionary's text, then the user dictionaries', joined by `\n`
   * @param userFrom where in `text` the user dictionaries start, for `tag` (default: none)
   * @param wordsUntil where in `text` the lines `has` reads end (default: all)
   */
  constructor(text: string, userFrom = text.length, wordsUntil = text.length) {
    const lines = countLines(text);
    this.set = new SpanSet(text, lines);
    this.words = new Uint8Array(lines);
    this.tags = new Uint16Array(lines);
    // tags are interned by their span (no string per line): a tag's id is its entry here, plus one
    const tagSpans = new SpanSet(text, 64);
    for (let from = 0; from <= text.length; ) {
      let to = text.indexOf('\n', from);
      if (to < 0) to = text.length;
      // `has`: the first run of non-space characters
      let start = from;
      let end = from;
      if (from < wordsUntil) {
        while (start < to && isSpaceCode(text.charCodeAt(start))) start++;
        end = start;
        while (end < to && !isSpaceCode(text.charCodeAt(end))) end++;
      }
      const entry = end > start ? this.entry(start, end) : -1;
      if (entry >= 0 && this.words[entry] === 0) {
        this.words[entry] = 1;
        this.wordCount++;
      }
      // `tag`: the fields' ends; a field starts after a space only when the line goes on after it
      const first = fieldEnd(text, from, to);
      const second = first + 1 < to ? fieldEnd(text, first + 1, to) : -1;
      const third = second >= 0 && second + 1 < to ? fieldEnd(text, second + 1, to) : -1;
      const count = second < 0 ? 1 : third < 0 ? 2 : third + 1 < to ? 4 : 3;
      // an empty word is never entered in jieba's trie; a main line is always `word freq tag`
      if (to > from && first > from && (from >= userFrom ? count <= 3 : count === 3)) {
        let id = 0;
        if (count === 2) id = second > first + 1 ? tagSpans.add(first + 1, second) + 1 : 0;
        else if (count === 3) id = third > second + 1 ? tagSpans.add(second + 1, third) + 1 : 0;
        // the same span as the word `has` read: the same entry
        const tagged = entry >= 0 && start === from && end === first ? entry : this.entry(from, first);
        this.tags[tagged] = id;
      }
      from = to + 1;
    }
    for (let k = 0; k < tagSpans.count; k++) this.names.push(text.slice(tagSpans.starts[k]!, tagSpans.ends[k]!));
  }

  /** Number of distinct words `has` knows. */
  get size(): number {
    return this.wordCount;
  }

  /** True when `word` is the first field of a line (of the lines before `wordsUntil`). */
  has(word: string): boolean {
    const entry = this.set.find(word);
    return entry >= 0 && this.words[entry] === 1;
  }

  /** The tag jieba's `tag` gives `word` (a word of its `cut`). */
  tag(word: string): string {
    const entry = this.set.find(word);
    const id = entry >= 0 ? this.tags[entry]! : 0;
    return id !== 0 ? this.names[id]! : asciiTag(word);
  }

  /** Calls `visit` with the span in `text` of each word `has` knows. */
  forEachSpan(visit: (text: string, start: number, end: number) => void): void {
    for (let k = 0; k < this.set.count; k++) if (this.words[k] === 1) visit(this.set.text, this.set.starts[k]!, this.set.ends[k]!);
  }

  /** The entry of a span, its flag and tag arrays grown with the set. */
  private entry(start: number, end: number): number {
    const entry = this.set.add(start, end);
    if (entry >= this.words.length) {
      this.words = doubled(this.words);
      this.tags = doubled(this.tags);
    }
    return entry;
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

/** A typed array twice as long as `array`, holding its values at the front. */
function doubled<T extends Int32Array | Uint8Array | Uint16Array>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}

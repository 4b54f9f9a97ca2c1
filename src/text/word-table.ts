/**
 * The words of jieba dictionary files, for `isWord`, in a few flat arrays instead of a `Set` of
 * 350,000 strings: the text of the files is kept as one string, each word is a span of it, and an
 * open-addressing hash table of span indexes finds them. Every worker thread holds one, so the
 * ~25 MB of string objects (and the twice as much garbage made reading them) matter.
 *
 * A word is the first run of non-space characters of a line (`word [freq] [tag]`), as
 * `line.trim().split(/\s+/)[0]` gives it; lines are split at `\n` only.
 */
export class WordTable {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  private count = 0;

  /** Builds the table over the concatenated texts of dictionary files. */
  constructor(private readonly text: string) {
    let lines = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    this.starts = new Int32Array(lines);
    this.ends = new Int32Array(lines);
    let size = 1024;
    while (size < lines * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let from = 0; from <= text.length; ) {
      let to = text.indexOf('\n', from);
      if (to < 0) to = text.length;
      let start = from;
      while (start < to && isSpaceCode(text.charCodeAt(start))) start++;
      let end = start;
      while (end < to && !isSpaceCode(text.charCodeAt(end))) end++;
      if (end > start) this.insert(start, end);
      from = to + 1;
    }
  }

  /** Number of distinct words. */
  get size(): number {
    return this.count;
  }

  has(word: string): boolean {
    const length = word.length;
    if (length === 0) return false;
    let h = 0x811c9dc5;
    for (let i = 0; i < length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return false;
      const start = this.starts[entry - 1]!;
      if (this.ends[entry - 1]! - start === length && this.sameAt(start, word)) return true;
    }
  }

  /** Calls `visit` with each word's span in `text`. */
  forEachSpan(visit: (text: string, start: number, end: number) => void): void {
    for (let k = 0; k < this.count; k++) visit(this.text, this.starts[k]!, this.ends[k]!);
  }

  private insert(start: number, end: number): void {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ this.text.charCodeAt(i), 0x01000193);
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) {
        this.starts[this.count] = start;
        this.ends[this.count] = end;
        this.count++;
        this.slots[slot] = this.count;
        return;
      }
      const other = this.starts[entry - 1]!;
      if (this.ends[entry - 1]! - other === end - start && this.text.startsWith(this.text.slice(start, end), other)) return;
    }
  }

  private sameAt(start: number, word: string): boolean {
    for (let i = 0; i < word.length; i++) if (this.text.charCodeAt(start + i) !== word.charCodeAt(i)) return false;
    return true;
  }
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

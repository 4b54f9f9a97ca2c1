/**
 * A memo of values computed from a text, kept across documents and bounded by the total length
 * of the texts it holds, so that a corpus of distinct texts cannot grow it without end: when a
 * new text would pass the bound, everything is dropped and it starts again.
 */
export class TextMemo<T> {
  private readonly values = new Map<string, T>();
  private length = 0;

  /** `maxLength`: most UTF-16 units of key text held at once. */
  constructor(private readonly maxLength: number) {}

  /** True while `text`'s value is held. */
  has(text: string): boolean {
    return this.values.has(text);
  }

  /** `compute(text)`, computed once while `text` stays held. */
  get(text: string, compute: (text: string) => T): T {
    const known = this.values.get(text);
    if (known !== undefined) return known;
    const value = compute(text);
    if (this.length + text.length > this.maxLength) {
      this.values.clear();
      this.length = 0;
    }
    this.values.set(detached(text), value);
    this.length += text.length;
    return value;
  }
}

/**
 * `text` as a string of its own. A key is a slice of its document's text, and V8 keeps a slice's
 * whole parent alive: the memo held the texts of ~90 past documents (about 15 MB, more again in
 * old-space headroom). Prefixing forces V8 to build a new flat string of just these characters;
 * the slice after it points only into that copy. Slices are only made from 13 units up.
 */
function detached(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

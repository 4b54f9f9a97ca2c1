/**
 * A memo of values computed from a text, kept across documents and bounded by the total length
 * of the texts it holds, so that a corpus of distinct texts cannot grow it without end: a text
 * that would pass the bound drops the texts least recently asked for (a text asked for in every
 * document stays while one-off texts pass through).
 */
export class TextMemo<T> {
  /** By text, the value and the memo's own copy of the text (see `detached`). */
  private readonly values = new Map<string, { key: string; value: T }>();
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
    if (known !== undefined) {
      // a Map iterates in insertion order: set again, the text is the last to be dropped
      this.values.delete(known.key);
      this.values.set(known.key, known);
      return known.value;
    }
    const value = compute(text);
    if (text.length > this.maxLength) return value;
    for (const held of this.values.keys()) {
      if (this.length + text.length <= this.maxLength) break;
      this.values.delete(held);
      this.length -= held.length;
    }
    const key = detached(text);
    this.values.set(key, { key, value });
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

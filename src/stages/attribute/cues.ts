/**
 * Whole-word cue matching over a sentence's items. A cue matches when it equals one word item
 * or several consecutive word items joined (`提高`+`到` → `提高到`), so the `增` of `增加值`
 * and the `约` of `签约` never match.
 */
import type { Item } from './items.js';

/** Words, each with the labels it carries (`增速` → increase; `新增` → new). */
export class CueTable<Label extends string> {
  private readonly labels = new Map<string, Set<Label>>();
  /** Every ending and every beginning of a cue word: a search stops as soon as its text is neither. */
  private readonly endings = new Set<string>();
  private readonly beginnings = new Set<string>();
  /** The most items a cue may span; jieba splits few cues into more than three words. */
  private readonly maxItems = 4;

  add(label: Label, words: Iterable<string>): this {
    for (const word of words) {
      const set = this.labels.get(word) ?? new Set<Label>();
      set.add(label);
      this.labels.set(word, set);
      for (let i = 0; i < word.length; i++) {
        this.endings.add(word.slice(i));
        this.beginnings.add(word.slice(0, i + 1));
      }
    }
    return this;
  }

  has(word: string, label: Label): boolean {
    return this.labels.get(word)?.has(label) ?? false;
  }

  /**
   * The longest cue that ends with item `end` (inclusive) and carries one of `wanted`, or null.
   * Only word items take part; a quantity or separator ends the search.
   */
  endingAt(items: readonly Item[], end: number, wanted: readonly Label[]): CueMatch<Label> | null {
    let text = '';
    let best: CueMatch<Label> | null = null;
    for (let start = end; start >= 0 && end - start < this.maxItems; start--) {
      const item = items[start]!;
      if (item.quantity >= 0 || item.separator !== null) break;
      text = item.text + text;
      if (!this.endings.has(text)) break;
      const labels = this.labels.get(text);
      if (!labels) continue;
      const label = wanted.find((w) => labels.has(w));
      if (label) best = { word: text, label, start, end };
    }
    return best;
  }

  /** The longest cue that starts with item `start`, or null (see `endingAt`). */
  startingAt(items: readonly Item[], start: number, wanted: readonly Label[]): CueMatch<Label> | null {
    let text = '';
    let best: CueMatch<Label> | null = null;
    for (let end = start; end < items.length && end - start < this.maxItems; end++) {
      const item = items[end]!;
      if (item.quantity >= 0 || item.separator !== null) break;
      text += item.text;
      if (!this.beginnings.has(text)) break;
      const labels = this.labels.get(text);
      if (!labels) continue;
      const label = wanted.find((w) => labels.has(w));
      if (label) best = { word: text, label, start, end };
    }
    return best;
  }
}

export interface CueMatch<Label extends string> {
  word: string;
  label: Label;
  /** First and last item of the match (inclusive). */
  start: number;
  end: number;
}

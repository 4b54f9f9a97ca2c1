/**
 * Whole-word cue matching over a sentence's items. A cue matches when it equals one word item
 * or several consecutive word items joined (`提高`+`到` → `提高到`), so the `增` of `增加值`
 * and the `约` of `签约` never match.
 */
import type { Item } from './items.js';

/**
 * The cue words spelled forwards or backwards as a character trie, so that a search walks the
 * items' characters without building strings. Children are found in flat arrays (a direct table
 * at the root, an open-addressing hash below it): the searches (1.7 M per pass over the 4 MB
 * text) take about half the profiled self time they took building strings for `Set` lookups.
 */
class CharTrie<Label extends string> {
  /**
   * Per node, the labels of the word that ends there (undefined: no word ends there), as a list:
   * a copy of the cue table's set for that word, made afresh each time a label is added to it. A
   * word carries one label or a few, so reading the list by `===` is cheaper than a set's hash
   * probe per label asked; a list per node instead of a bit mask leaves the number of labels
   * unbounded.
   */
  readonly ends: (readonly Label[] | undefined)[] = [undefined];
  /** The root's child by UTF-16 unit, or -1. */
  private readonly root = new Int32Array(65536).fill(-1);
  /** Edges below the root: (parent node, unit) → child, by open addressing; capacity a power of two. */
  private parents = new Int32Array(1024).fill(-1);
  private units = new Uint16Array(1024);
  private childOf = new Int32Array(1024);
  private edges = 0;

  add(word: string, labels: ReadonlySet<Label>, backwards: boolean): void {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(backwards ? word.length - 1 - i : i);
      let next = this.child(node, code);
      if (next < 0) {
        next = this.ends.push(undefined) - 1;
        this.link(node, code, next);
      }
      node = next;
    }
    this.ends[node] = [...labels];
  }

  /** The node reached from `node` by reading `text` forwards or backwards, or -1. */
  walk(node: number, text: string, backwards: boolean): number {
    const length = text.length;
    for (let i = 0; i < length && node >= 0; i++) node = this.child(node, text.charCodeAt(backwards ? length - 1 - i : i));
    return node;
  }

  private child(node: number, code: number): number {
    if (node === 0) return this.root[code]!;
    const mask = this.parents.length - 1;
    for (let slot = slotOf(node, code, mask); ; slot = (slot + 1) & mask) {
      const parent = this.parents[slot]!;
      if (parent < 0) return -1;
      if (parent === node && this.units[slot] === code) return this.childOf[slot]!;
    }
  }

  private link(node: number, code: number, next: number): void {
    if (node === 0) {
      this.root[code] = next;
      return;
    }
    if ((this.edges + 1) * 2 > this.parents.length) this.grow();
    const mask = this.parents.length - 1;
    let slot = slotOf(node, code, mask);
    while (this.parents[slot]! >= 0) slot = (slot + 1) & mask;
    this.parents[slot] = node;
    this.units[slot] = code;
    this.childOf[slot] = next;
    this.edges++;
  }

  private grow(): void {
    const { parents, units, childOf } = this;
    this.parents = new Int32Array(parents.length * 2).fill(-1);
    this.units = new Uint16Array(parents.length * 2);
    this.childOf = new Int32Array(parents.length * 2);
    this.edges = 0;
    for (let slot = 0; slot < parents.length; slot++) if (parents[slot]! >= 0) this.link(parents[slot]!, units[slot]!, childOf[slot]!);
  }
}

function slotOf(node: number, code: number, mask: number): number {
  return Math.imul(node * 65599 + code, 0x9e3779b1) >>> 8 & mask;
}

/** Words, each with the labels it carries (`增速` → increase; `新增` → new). */
export class CueTable<Label extends string> {
  private readonly labels = new Map<string, Set<Label>>();
  /** Cue words spelled forwards (for `startingAt`) and backwards (for `endingAt`). */
  private readonly forwards = new CharTrie<Label>();
  private readonly backwards = new CharTrie<Label>();
  /** The most items a cue may span; jieba splits few cues into more than three words. */
  private readonly maxItems = 4;

  add(label: Label, words: Iterable<string>): this {
    for (const word of words) {
      const set = this.labels.get(word) ?? new Set<Label>();
      set.add(label);
      this.labels.set(word, set);
      if (word.length === 0) continue;
      this.forwards.add(word, set, false);
      this.backwards.add(word, set, true);
    }
    return this;
  }

  /**
   * True when `word` is a cue carrying `label`. Read off the forward trie, whose node for a word
   * holds the very set `labels` maps it to: most words asked about are subjects built afresh per
   * quantity (isChangeText), whose `Map` look-up hashed every character, where the walk stops at
   * the first character no cue continues with. The empty word is in `labels` alone.
   */
  has(word: string, label: Label): boolean {
    if (word.length === 0) return this.labels.get(word)?.has(label) ?? false;
    const node = this.forwards.walk(0, word, false);
    return node >= 0 && (this.forwards.ends[node]?.includes(label) ?? false);
  }

  /**
   * The longest cue that ends with item `end` (inclusive) and carries one of `wanted`, or null;
   * its label is the first of `wanted` it carries. Only word items take part; a quantity or
   * separator ends the search. One label may be given as it is: a literal array per call
   * (`['closer']`) was an allocation per item asked about.
   */
  endingAt(items: readonly Item[], end: number, wanted: Label | readonly Label[]): CueMatch<Label> | null {
    let node = 0;
    let best: CueMatch<Label> | null = null;
    for (let start = end; start >= 0 && end - start < this.maxItems; start--) {
      const item = items[start]!;
      if (item.quantity >= 0 || item.separator !== null) break;
      node = this.backwards.walk(node, item.text, true);
      if (node < 0) break;
      const label = this.first(this.backwards.ends[node], wanted);
      if (label !== undefined) best = { word: joined(items, start, end), label, start, end };
    }
    return best;
  }

  /** The longest cue that starts with item `start`, or null (see `endingAt`). */
  startingAt(items: readonly Item[], start: number, wanted: Label | readonly Label[]): CueMatch<Label> | null {
    let node = 0;
    let best: CueMatch<Label> | null = null;
    for (let end = start; end < items.length && end - start < this.maxItems; end++) {
      const item = items[end]!;
      if (item.quantity >= 0 || item.separator !== null) break;
      node = this.forwards.walk(node, item.text, false);
      if (node < 0) break;
      const label = this.first(this.forwards.ends[node], wanted);
      if (label !== undefined) best = { word: joined(items, start, end), label, start, end };
    }
    return best;
  }

  /** The first of `wanted` in `labels`. */
  private first(labels: readonly Label[] | undefined, wanted: Label | readonly Label[]): Label | undefined {
    if (labels === undefined) return undefined;
    if (typeof wanted === 'string') return carries(labels, wanted) ? wanted : undefined;
    for (let i = 0; i < wanted.length; i++) if (carries(labels, wanted[i]!)) return wanted[i];
    return undefined;
  }
}

function carries<Label extends string>(labels: readonly Label[], label: Label): boolean {
  for (let i = 0; i < labels.length; i++) if (labels[i] === label) return true;
  return false;
}

function joined(items: readonly Item[], start: number, end: number): string {
  let text = '';
  for (let i = start; i <= end; i++) text += items[i]!.text;
  return text;
}

export interface CueMatch<Label extends string> {
  word: string;
  label: Label;
  /** First and last item of the match (inclusive). */
  start: number;
  end: number;
}

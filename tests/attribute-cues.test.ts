import { describe, expect, it } from 'vitest';
import { CueTable } from '../src/stages/attribute/cues.js';
import type { Item } from '../src/stages/attribute/items.js';

/** Word items as jieba would give them, one per string. */
function items(...words: string[]): Item[] {
  let at = 0;
  return words.map((text) => {
    const item: Item = { text, tag: 'v', start: at, end: at + text.length, quantity: -1, separator: null, inYear: false };
    at += text.length;
    return item;
  });
}

describe('CueTable', () => {
  it('matches whole words only, longest first, across joined items', () => {
    const table = new CueTable<'increase' | 'level'>().add('increase', ['增长', '提高']).add('level', ['提高到']);
    expect(table.endingAt(items('提高', '到'), 1, ['level', 'increase'])).toMatchObject({ word: '提高到', label: 'level', start: 0, end: 1 });
    expect(table.endingAt(items('增加值'), 0, ['increase'])).toBeNull();
    expect(table.startingAt(items('增长', '了'), 0, ['increase'])).toMatchObject({ word: '增长', label: 'increase' });
  });

  it('gives the first wanted label a word carries', () => {
    const table = new CueTable<'a' | 'b'>().add('a', ['建议']).add('b', ['建议']);
    expect(table.endingAt(items('建议'), 0, ['b', 'a'])?.label).toBe('b');
    expect(table.has('建议', 'a') && table.has('建议', 'b')).toBe(true);
  });

  it('takes one label as it is, as the array of that label', () => {
    const table = new CueTable<'increase' | 'level'>().add('increase', ['增长', '提高']).add('level', ['提高到']);
    for (const words of [['提高', '到'], ['增长'], ['增加值'], ['提高']]) {
      for (const label of ['increase', 'level'] as const) {
        expect(table.endingAt(items(...words), words.length - 1, label)).toEqual(table.endingAt(items(...words), words.length - 1, [label]));
        expect(table.startingAt(items(...words), 0, label)).toEqual(table.startingAt(items(...words), 0, [label]));
      }
    }
    expect(table.endingAt(items('提高', '到'), 1, 'increase')).toBeNull();
    expect(table.endingAt(items('提高', '到'), 1, 'level')).toMatchObject({ word: '提高到', start: 0, end: 1 });
  });

  // `has` reads the forward trie instead of a Map: it must answer as the Map of words to labels
  // does, for cue words, their prefixes and extensions (nodes that end no word), astral
  // characters, the empty word, and labels added to a word later.
  it('has answers as a map of each word to its labels', () => {
    const words: Record<string, readonly string[]> = { a: ['增长', '增速', '𠀀增', ''], b: ['增长率', '增'], c: ['增速'] };
    const table = new CueTable<string>();
    const truth = new Map<string, Set<string>>();
    for (const [label, list] of Object.entries(words)) {
      table.add(label, list);
      for (const word of list) truth.set(word, (truth.get(word) ?? new Set()).add(label));
    }
    const asked = ['增长', '增速', '增长率', '增', '增长率高', '𠀀增', '𠀀', '𠀁增', '', '长', '增加值', '工业增加值增速'];
    for (const word of asked) {
      for (const label of ['a', 'b', 'c', 'd']) expect(table.has(word, label), `${word} ${label}`).toBe(truth.get(word)?.has(label) ?? false);
    }
    expect(new CueTable<string>().has('', 'a')).toBe(false);
  });

  // The labels were once bits of a 32-bit mask, and a 32nd label threw when the rules loaded.
  it('holds any number of labels', () => {
    const table = new CueTable<string>();
    for (let n = 0; n < 40; n++) table.add(`label${n}`, [`词${n}`]);
    expect(table.endingAt(items('词39'), 0, ['label39'])).toMatchObject({ word: '词39', label: 'label39' });
    expect(table.endingAt(items('词39'), 0, ['label38'])).toBeNull();
  });
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { WordTable } from '../src/text/word-table.js';

/** What the table stands for: the first field of every line, as a Set. */
function asSet(text: string): Set<string> {
  const set = new Set<string>();
  for (const line of text.split('\n')) {
    const word = line.trim().split(/\s+/)[0];
    if (word) set.add(word);
  }
  return set;
}

describe('WordTable', () => {
  it('holds the first field of each line, and nothing else', () => {
    const text = '市长 100 n\n  长春\t3\n\n\u3000两会 ns\r\n𠀀字 1\n市长 5\nx\n';
    const table = new WordTable(text);
    const set = asSet(text);
    expect(table.size).toBe(set.size);
    for (const word of set) expect(table.has(word)).toBe(true);
    for (const word of ['', '市', '长', '100', 'n', '市长 ', '两', '𠀀', 'xx', '\r']) expect(table.has(word)).toBe(set.has(word));
  });

  it("agrees with a Set on jieba's whole dictionary", () => {
    const jieba = createRequire(import.meta.url)('nodejieba') as { DEFAULT_DICT: string };
    const text = readFileSync(jieba.DEFAULT_DICT, 'utf8');
    const table = new WordTable(text);
    const set = asSet(text);
    expect(table.size).toBe(set.size);
    for (const word of set) if (!table.has(word)) throw new Error(`missing ${word}`);
    // pieces of words are mostly not words; the table must say what the Set says
    let checked = 0;
    for (const word of set) {
      if (word.length < 3 || checked++ > 20000) continue;
      const piece = word.slice(1);
      expect(table.has(piece)).toBe(set.has(piece));
    }
  });

  it('tags the lines jieba reads, and knows for has only the lines before wordsUntil', () => {
    const main = '市长 100 n\n长春 50 ns\n';
    const user = '市长 nr\n长春\t9 nz\n新词 3 vn\n';
    const table = new WordTable(main + user, main.length, main.length);
    expect(table.has('市长')).toBe(true);
    expect(table.has('新词')).toBe(false);
    expect(table.size).toBe(2);
    // the user line overrides the main tag; a tab is part of jieba's word, so 长春 keeps ns
    expect(table.tag('市长')).toBe('nr');
    expect(table.tag('长春')).toBe('ns');
    expect(table.tag('长春\t9')).toBe('nz');
    expect(table.tag('新词')).toBe('vn');
    // not in the dictionaries: the ASCII rule
    expect(table.tag('12')).toBe('m');
    expect(table.tag('ab')).toBe('eng');
    expect(table.tag('5')).toBe('x');
    const all = new WordTable(main + user, main.length);
    expect(all.has('新词')).toBe(true);
    expect(all.has('长春\t9')).toBe(false);
    expect(all.size).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import { TextMemo } from '../src/stages/english/memo.js';

describe('english: TextMemo', () => {
  it('computes a text once while it is held', () => {
    const memo = new TextMemo<number>(100);
    let calls = 0;
    const length = (text: string) => (calls++, text.length);
    expect(memo.get('fifty', length)).toBe(5);
    expect(memo.get('fifty', length)).toBe(5);
    expect(calls).toBe(1);
  });

  it('drops what it holds rather than pass its bound, and computes again', () => {
    const memo = new TextMemo<string>(10);
    let calls = 0;
    const upper = (text: string) => (calls++, text.toUpperCase());
    memo.get('abcdef', upper); // 6 held
    memo.get('ghijkl', upper); // 12 > 10: cleared first, 6 held
    expect(calls).toBe(2);
    memo.get('ghijkl', upper);
    expect(calls).toBe(2);
    expect(memo.get('abcdef', upper)).toBe('ABCDEF');
    expect(calls).toBe(3);
  });

  it('drops the texts least recently asked for first', () => {
    const memo = new TextMemo<string>(10);
    let calls = 0;
    const upper = (text: string) => (calls++, text.toUpperCase());
    memo.get('abc', upper);
    memo.get('def', upper);
    memo.get('abc', upper); // asked for again: now the most recent
    memo.get('ghijk', upper); // 11 > 10: 'def' goes, 8 held
    expect(calls).toBe(3);
    memo.get('abc', upper);
    memo.get('ghijk', upper);
    expect(calls).toBe(3);
    memo.get('def', upper);
    expect(calls).toBe(4);
  });

  it('holds no text longer than its bound', () => {
    const memo = new TextMemo<string>(4);
    let calls = 0;
    const upper = (text: string) => (calls++, text.toUpperCase());
    memo.get('abc', upper);
    expect(memo.get('abcdef', upper)).toBe('ABCDEF');
    memo.get('abcdef', upper);
    expect(calls).toBe(3);
  });

  it('keeps a null value as known', () => {
    const memo = new TextMemo<number | null>(100);
    let calls = 0;
    const none = () => (calls++, null);
    memo.get('zero', none);
    memo.get('zero', none);
    expect(calls).toBe(1);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodePointIndex, cpLength, cpSlice } from '../src/text/codepoints.js';

describe('codepoints', () => {
  it('counts an astral character as one', () => {
    expect(cpLength('𠀀字')).toBe(2);
    expect(cpSlice('𠀀字12', 1, 3)).toBe('字1');
  });

  it('property: CodePointIndex agrees with Array.from on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.nat(), fc.nat(), (text, a, b) => {
        const chars = Array.from(text);
        const index = new CodePointIndex(text);
        expect(index.length).toBe(chars.length);
        const start = Math.min(a, b) % (chars.length + 1);
        const end = Math.max(start, Math.max(a, b) % (chars.length + 1));
        expect(index.slice(start, end)).toBe(chars.slice(start, end).join(''));
        expect(index.toCodePoint(index.toUtf16(end))).toBe(end);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodePointIndex, cpLength, cpSlice, isBmpOnly } from '../src/text/codepoints.js';

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

  it('property: isBmpOnly answers long texts right whatever was asked before (its answers for them are remembered)', () => {
    // texts of a document's size, equal in length, one surrogate apart: a remembered answer for
    // one must never be given for another
    const base = '统计'.repeat(3000);
    const texts = [base, base.slice(0, 5000) + '\ud840\udc00' + base.slice(5002), base.slice(0, 5999) + '\ud840', '\udc00' + base.slice(1), base + 'x'];
    const direct = (text: string) => !/[\uD800-\uDFFF]/.test(text);
    fc.assert(
      fc.property(fc.array(fc.nat(texts.length - 1), { maxLength: 30 }), (order) => {
        for (const k of order) expect(isBmpOnly(texts[k]!)).toBe(direct(texts[k]!));
        // the same contents in fresh strings
        for (const k of order) expect(isBmpOnly(texts[k]!.split('').join(''))).toBe(direct(texts[k]!));
      }),
    );
  });
});

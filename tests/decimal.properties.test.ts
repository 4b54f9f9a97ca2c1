/**
 * text/decimal: the integer fast path (a safe-integer coefficient and a power of ten) gives every
 * result decimal.js gives for the same operations, digit for digit, on either side of 2⁵³ and for
 * any mix of values held either way. decimal.js is the reference here, with the settings the
 * module used before it had a fast path (precision 1000, plain notation).
 */
import { Decimal as DecimalJs } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, integer, lessThan, multiply, negate, parseDecimal, percentOf, scale, toPlain, type Decimal } from '../src/text/decimal.js';

const Reference = DecimalJs.clone({ precision: 1000, rounding: DecimalJs.ROUND_HALF_EVEN, toExpPos: 9e15, toExpNeg: -9e15 });
type Ref = InstanceType<typeof Reference>;

const plainRef = (value: Ref): string => {
  const text = value.toFixed();
  return text === '-0' ? '0' : text;
};

/** ASCII decimal strings as the recognizer builds them: 1–24 integer digits, an optional fraction of up to 12. */
const digitString = fc
  .tuple(fc.stringMatching(/^[0-9]{1,24}$/), fc.option(fc.stringMatching(/^[0-9]{1,12}$/), { nil: undefined }))
  .map(([whole, fraction]) => (fraction === undefined ? whole : `${whole}.${fraction}`));

/** A value built by a few operations, with its reference value built by decimal.js alongside. */
type Pair = [Decimal, Ref];
const leaf: fc.Arbitrary<Pair> = fc.oneof(
  digitString.map((digits): Pair => [parseDecimal(digits), new Reference(digits)]),
  fc.integer({ min: -1e6, max: 1e6 }).map((n): Pair => [integer(n), new Reference(n)]),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, 2 ** 53, 2 ** 53 + 2, 0).map((n): Pair => [integer(n), new Reference(n)]),
);
const { value: pair } = fc.letrec<{ value: Pair }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(tie('value'), fc.integer({ min: -20, max: 30 })).map(([[a, r], p]): Pair => [scale(a, p), r.times(new Reference(`1e${p}`))]),
    fc.tuple(tie('value'), tie('value')).map(([[a, r], [b, s]]): Pair => [add(a, b), r.plus(s)]),
    fc.tuple(tie('value'), tie('value')).map(([[a, r], [b, s]]): Pair => [multiply(a, b), r.times(s)]),
    tie('value').map(([a, r]): Pair => [negate(a), r.negated()]),
  ),
}));

describe('text/decimal: the same results as decimal.js', () => {
  it('parses and writes a digit string as decimal.js does', () => {
    fc.assert(
      fc.property(digitString, (digits) => {
        expect(toPlain(parseDecimal(digits))).toBe(plainRef(new Reference(digits)));
      }),
      { numRuns: 2000 },
    );
  });

  it('adds, multiplies, scales and negates exactly, and compares and tests as decimal.js does', () => {
    fc.assert(
      fc.property(pair, pair, ([a, r], [b, s]) => {
        expect(toPlain(a)).toBe(plainRef(r));
        expect(a.toFixed()).toBe(r.toFixed());
        expect(lessThan(a, b)).toBe(r.lessThan(s));
        expect(a.equals(b)).toBe(r.equals(s));
        expect(a.gt(b)).toBe(r.gt(s));
        expect(a.isZero()).toBe(r.isZero());
        expect(a.isInteger()).toBe(r.isInteger());
        expect(a.equals(100)).toBe(r.equals(100));
      }),
      { numRuns: 2000 },
    );
  });

  it('rounds a fraction as decimal.js does', () => {
    fc.assert(
      fc.property(pair, pair, fc.integer({ min: 0, max: 12 }), ([a, r], [b, s], places) => {
        fc.pre(!s.isZero());
        expect(toPlain(percentOf(a, b, places))).toBe(plainRef(r.times(100).dividedBy(s).toDecimalPlaces(places, DecimalJs.ROUND_HALF_EVEN)));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['238.9', 4, '2389000'],
    ['0.50', 0, '0.5'],
    ['0.05', -3, '0.00005'],
    ['1.000', 2, '100'],
    ['9007199254740993', 0, '9007199254740993'],
    ['123456789012345678901234', -30, '0.000000123456789012345678901234'],
  ])('%s × 10^%i → %s', (digits, power, expected) => {
    expect(toPlain(scale(parseDecimal(digits), power))).toBe(expected);
  });

  it('writes a negated zero as 0, as decimal.js does', () => {
    expect(toPlain(negate(integer(0)))).toBe('0');
    expect(negate(integer(0)).toFixed()).toBe(new Reference(0).negated().toFixed());
  });
});

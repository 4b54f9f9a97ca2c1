import { describe, expect, it } from 'vitest';
import { expectLinear } from './helpers/linear.js';

// the helper that stands in for clock limits must itself be able to fail
describe('expectLinear', () => {
  const text = (n: number) => 'a'.repeat(n);
  /** Looks for a character that is never there from every position: n²/2 comparisons. */
  const quadratic = (s: string) => {
    let found = 0;
    for (let i = 0; i < s.length; i++) if (s.indexOf('b', i) >= 0) found++;
    return found;
  };
  const linear = (s: string) => {
    let sum = 0;
    for (let round = 0; round < 200; round++) for (let i = 0; i < s.length; i++) sum += s.charCodeAt(i);
    return sum;
  };

  it('passes work that grows with the input', () => {
    expect(expectLinear(text, linear, 400_000)).toBe(97 * 400_000 * 200);
  });

  it('fails work that grows with the square of the input', () => {
    expect(() => expectLinear(text, quadratic, 200_000)).toThrow(/at full size against/);
  });
});

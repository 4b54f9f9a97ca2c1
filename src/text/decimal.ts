/**
 * Exact decimal arithmetic for quantity values: parsing digit strings, scaling by powers of ten
 * (magnitudes such as 万 = 10⁴) and writing plain decimal strings. No value ever passes through a
 * binary float: `238.9` × 10⁴ is `"2389000"`, not `2388999.9999…`.
 *
 * A value is held as an integer coefficient times a power of ten (`238.9` = 2389 × 10⁻¹). While
 * the coefficient is a safe integer (|c| < 2⁵³, which covers every amount a report writes) the
 * arithmetic is integer arithmetic on doubles, which is exact there: a sum or product is kept only
 * when `Number.isSafeInteger` says it is, and a true result of 2⁵³ or more can only round to a
 * double of 2⁵³ or more, which that test refuses. Anything else — a longer digit string, a result
 * outside that range, a division — is done by decimal.js with a private constructor (never the
 * global one, so no other module's settings can change these results), which is exact too, so the
 * value, and the string `toPlain` writes for it, do not depend on which of the two holds it.
 * decimal.js for every value cost about a seventh of the recognize stage (a Decimal object and its
 * digit array per parse, scale and product, and `toFixed` per record).
 */
import { Decimal as DecimalJs } from 'decimal.js';

/**
 * Multiplication and addition must not round: precision is set far above the longest number the
 * recognizer accepts (it refuses integer parts over a few dozen digits), and exponent notation is
 * switched off so `toFixed()` always writes plain digits.
 */
const Exact = DecimalJs.clone({ precision: 1000, rounding: DecimalJs.ROUND_HALF_EVEN, toExpPos: 9e15, toExpNeg: -9e15 });

type Big = InstanceType<typeof Exact>;

/** 10^k for k = 0..22: every one of them is exactly a double. */
const TEN_POWERS: readonly number[] = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** Most digits a coefficient is parsed with directly: 15 digits are always below 2⁵³. */
const MAX_SMALL_DIGITS = 15;

/**
 * An exact decimal value: `coefficient` × 10^`exponent` when `big` is null (the coefficient a
 * safe integer), else `big`. Immutable.
 */
export class Decimal {
  /** @internal use the functions of this module */
  constructor(
    readonly coefficient: number,
    readonly exponent: number,
    readonly big: Big | null,
  ) {}

  /** The value equals `other`. */
  equals(other: Decimal | number): boolean {
    return compare(this, typeof other === 'number' ? integer(other) : other) === 0;
  }

  /** The value is greater than `other`. */
  gt(other: Decimal | number): boolean {
    return compare(this, typeof other === 'number' ? integer(other) : other) > 0;
  }

  isZero(): boolean {
    return this.big === null ? this.coefficient === 0 : this.big.isZero();
  }

  isInteger(): boolean {
    if (this.big !== null) return this.big.isInteger();
    if (this.exponent >= 0 || this.coefficient === 0) return true;
    // a nonzero safe integer has at most 16 digits, so it cannot be a multiple of 10^16 or more
    return -this.exponent <= MAX_SMALL_DIGITS && this.coefficient % TEN_POWERS[-this.exponent]! === 0;
  }

  /** Plain digits, as decimal.js's `toFixed()` writes them. */
  toFixed(): string {
    return this.big !== null ? this.big.toFixed() : plainOf(this.coefficient, this.exponent);
  }
}

function small(coefficient: number, exponent: number): Decimal {
  return new Decimal(coefficient, exponent, null);
}

function big(value: Big): Decimal {
  return new Decimal(Number.NaN, 0, value);
}

/** The decimal.js value of `value` (exact: the coefficient's digits and the exponent). */
function toBig(value: Decimal): Big {
  return value.big ?? new Exact(`${value.coefficient}e${value.exponent}`);
}

/** The exact value of an ASCII decimal string such as `"238.9"` or `"1381"` (no exponent, no sign). */
export function parseDecimal(digits: string): Decimal {
  let coefficient = 0;
  let point = -1;
  let count = 0;
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      coefficient = coefficient * 10 + (c - 0x30);
      count++;
    } else if (c === 0x2e && point === -1 && i > 0 && i < digits.length - 1) point = i;
    else return big(new Exact(digits));
  }
  // up to 15 digits every step above stays below 2⁵³, so the coefficient is exact
  if (count === 0 || count > MAX_SMALL_DIGITS) return big(new Exact(digits));
  return small(coefficient, point === -1 ? 0 : -(digits.length - point - 1));
}

/** The exact value of a small integer. */
export function integer(value: number): Decimal {
  return Number.isSafeInteger(value) ? small(value, 0) : big(new Exact(value));
}

/** Powers of ten by exponent, made once (parsing `1e4` per quantity cost a third of the scaling). */
const powers = new Map<number, Big>();

/** `value` × 10^`power`, exactly (`power` may be negative). */
export function scale(value: Decimal, power: number): Decimal {
  if (power === 0) return value;
  if (value.big === null) return small(value.coefficient, value.exponent + power);
  let factor = powers.get(power);
  if (factor === undefined) powers.set(power, (factor = new Exact(`1e${power}`)));
  return big(value.big.times(factor));
}

/**
 * The coefficients of `a` and `b` over their smaller exponent, or null when one of them would
 * not be a safe integer there.
 */
function aligned(a: Decimal, b: Decimal): [number, number, number] | null {
  if (a.exponent === b.exponent) return [a.coefficient, b.coefficient, a.exponent];
  const high = a.exponent > b.exponent ? a : b;
  const shift = Math.abs(a.exponent - b.exponent);
  if (shift >= TEN_POWERS.length) return high.coefficient === 0 ? (high === a ? [0, b.coefficient, b.exponent] : [a.coefficient, 0, a.exponent]) : null;
  const raised = high.coefficient * TEN_POWERS[shift]!;
  if (!Number.isSafeInteger(raised)) return null;
  return high === a ? [raised, b.coefficient, b.exponent] : [a.coefficient, raised, a.exponent];
}

/** Sum of two exact values. */
export function add(a: Decimal, b: Decimal): Decimal {
  if (a.big === null && b.big === null) {
    const both = aligned(a, b);
    if (both !== null) {
      const sum = both[0] + both[1];
      if (Number.isSafeInteger(sum)) return small(sum, both[2]);
    }
  }
  return big(toBig(a).plus(toBig(b)));
}

/** Product of two exact values. */
export function multiply(a: Decimal, b: Decimal): Decimal {
  if (a.big === null && b.big === null) {
    const product = a.coefficient * b.coefficient;
    if (Number.isSafeInteger(product)) return small(product, a.exponent + b.exponent);
  }
  return big(toBig(a).times(toBig(b)));
}

/** Negation (for `-2.1%`). */
export function negate(value: Decimal): Decimal {
  return value.big === null ? small(-value.coefficient, value.exponent) : big(value.big.negated());
}

/**
 * 100 × `numerator` / `denominator`, rounded half-even to `places` decimal places: the percent
 * a fraction such as 三分之一 stands for (→ 33.3333 with 4 places). Division is the one place a
 * value cannot always be exact, so the rounding is explicit here.
 */
export function percentOf(numerator: Decimal, denominator: Decimal, places: number): Decimal {
  return big(toBig(numerator).times(100).dividedBy(toBig(denominator)).toDecimalPlaces(places, DecimalJs.ROUND_HALF_EVEN));
}

/** −1, 0 or 1 as `a` is below, equal to or above `b`. */
function compare(a: Decimal, b: Decimal): number {
  if (a.big === null && b.big === null) {
    const both = aligned(a, b);
    if (both !== null) return Math.sign(both[0] - both[1]);
  }
  return toBig(a).comparedTo(toBig(b));
}

/** True when `a` < `b`. */
export function lessThan(a: Decimal, b: Decimal): boolean {
  return compare(a, b) < 0;
}

/** Plain decimal string without exponent or trailing zeros: `"2389000"`, `"0.5"`, `"-2.1"`. */
export function toPlain(value: Decimal): string {
  if (value.big !== null) {
    const text = value.big.toFixed();
    return text === '-0' ? '0' : text;
  }
  return plainOf(value.coefficient, value.exponent);
}

/** `coefficient` × 10^`exponent` in plain digits, no trailing zeros after the point; a zero is `0`. */
function plainOf(coefficient: number, exponent: number): string {
  if (coefficient === 0) return '0';
  let c = Math.abs(coefficient);
  let e = exponent;
  // a multiple of ten divided by ten is an integer, exactly a double
  while (e < 0 && c % 10 === 0) {
    c /= 10;
    e++;
  }
  let text = String(c);
  if (e > 0) text += '0'.repeat(e);
  else if (e < 0) {
    const places = -e;
    if (text.length <= places) text = '0'.repeat(places - text.length + 1) + text;
    text = `${text.slice(0, text.length - places)}.${text.slice(text.length - places)}`;
  }
  return coefficient < 0 ? `-${text}` : text;
}

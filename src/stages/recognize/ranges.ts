/**
 * Ranges: `2-3所`, `2至3所`, `5%-8%`, `3-5万元`, `3万-5万元`; but 从A到B is two levels.
 */
import { lessThan, scale, type Decimal } from '../../text/decimal.js';
import { readNumeral, type ScanContext, type Tail } from './context.js';
import { isArabicDigit, isChineseDigit, type Numeral } from './numerals.js';
import { magnitudeValue, readTail } from './tail.js';
import { matchAt, matchEndingAt } from './units.js';

const TEN = '十';

export interface Range {
  second: Numeral;
  tail: Tail;
  value: Decimal;
  valueMax: Decimal;
}

/**
 * `2-3所`, `2至3所`, `5%-8%`, `3-5万元`, `3万-5万元`: a connector and a second number. The
 * first half takes the second's magnitude when it has none and stays below it (3-5万 → 3万–5万),
 * and must not name a different unit. The low end must be below the high end.
 */
export function rangeAfter(context: ScanContext, first: Numeral, tail: Tail): Range | null {
  const { chars, compiled, to } = context;
  const connectorAt = tail.unit ? tail.unit.end : tail.magnitude ? tail.magnitude.end : first.end;
  if (tail.bounds.length > 0) return null;
  const connector = matchAt(compiled.connectors, chars, connectorAt, to);
  if (!connector) return null;
  if (matchEndingAt(compiled.rangeBreakers, chars, first.start, context.floor)) return null;
  const secondAt = connector.end;
  // 五到十年: a second numeral may open with 十
  if (!(isArabicDigit(chars[secondAt]) || isChineseDigit(chars[secondAt]) || chars[secondAt] === TEN)) return null;
  const second = readNumeral(context, secondAt, to);
  if (!second || 'tooLong' in second || second.bare || second.valueMax) return null;
  const secondTail = readTail(context, second);
  if (!secondTail.unit) return null;
  if (tail.unit && tail.unit.entry.unit !== secondTail.unit.entry.unit) return null;
  const high = magnitudeValue(second.value, secondTail);
  let low = magnitudeValue(first.value, tail);
  // 3-5万 → 3万–5万; 三至五万 → 三万–五万; 三至五千 → 三千–五千 (a multiplier of 百 or more)
  const power = secondTail.magnitude ? secondTail.power : second.trailingPower >= 2 ? second.trailingPower : 0;
  if (!tail.magnitude && first.trailingPower === 0 && power > 0) {
    const borrowed = scale(first.value, power);
    if (lessThan(borrowed, high)) low = borrowed;
  }
  if (!lessThan(low, high)) return null;
  return { second, tail: secondTail, value: low, valueMax: high };
}


/**
 * recognize/numerals: Chinese and Arabic numerals → exact decimals, without units.
 */
import { describe, expect, it } from 'vitest';
import { parseArabic, parseChinese } from '../src/stages/recognize/numerals.js';
import { toPlain } from '../src/text/decimal.js';

function chinese(text: string): [string, string | null, number] | null {
  const chars = Array.from(text);
  const numeral = parseChinese(chars, 0, chars.length);
  return numeral ? [toPlain(numeral.value), numeral.valueMax ? toPlain(numeral.valueMax) : null, numeral.end] : null;
}

function arabic(text: string): [string, number] | 'too long' | null {
  const chars = Array.from(text);
  const numeral = parseArabic(chars, 0, chars.length);
  if (numeral === null) return null;
  return 'tooLong' in numeral ? 'too long' : [toPlain(numeral.value), numeral.end];
}

describe('recognize: Chinese numerals', () => {
  it.each([
    ['一', '1', null, 1],
    ['十', '10', null, 1],
    ['十五', '15', null, 2],
    ['二十', '20', null, 2],
    ['一百二十三', '123', null, 5],
    ['一百零五', '105', null, 4],
    ['一千零一十', '1010', null, 5],
    ['三千五百', '3500', null, 4],
    ['三千五', '3500', null, 3],
    ['两万五', '25000', null, 3],
    ['一百五', '150', null, 3],
    ['两万', '20000', null, 2],
    ['十万', '100000', null, 2],
    ['一万零五百', '10500', null, 5],
    ['一亿三千万', '130000000', null, 5],
    ['八亿五千万', '850000000', null, 5],
    ['三万亿', '3000000000000', null, 3],
    ['万亿', '1000000000000', null, 2],
    ['百亿', '10000000000', null, 2],
    ['亿', '100000000', null, 1],
    ['三点五', '3.5', null, 3],
    ['零点五', '0.5', null, 3],
    ['百分', '100', null, 1],
    ['二〇二四', '2024', null, 4],
    ['一九九八', '1998', null, 4],
    ['两三', '2', '3', 2],
    ['一两', '1', '2', 2],
    ['七八十', '70', '80', 3],
    ['十二三', '12', '13', 3],
    ['四五千', '4000', '5000', 3],
    ['壹佰贰拾', '120', null, 4],
    ['五一', '5', null, 1],
    ['十四五', '14', '15', 3],
    ['十三五', '13', null, 2],
    ['万万', '10000', null, 1],
    ['亿万', '100000000', null, 1],
  ])('recognize: %s → %s', (text, value, valueMax, end) => {
    expect(chinese(text)).toEqual([value, valueMax, end]);
  });

  it('recognize: a character that is no numeral starts none', () => {
    expect(chinese('个')).toBeNull();
  });
});

describe('recognize: Arabic numerals', () => {
  it.each([
    ['1381', ['1381', 4]],
    ['1,381', ['1381', 5]],
    ['12,345,678', ['12345678', 10]],
    ['7,12', ['7', 1]],
    ['2024,381', ['2024', 4]],
    ['238.9', ['238.9', 5]],
    ['１３８１', ['1381', 4]],
    ['２．５', ['2.5', 3]],
    ['1，381', ['1381', 5]],
    ['3.', ['3', 1]],
    ['1.50', ['1.5', 4]],
  ] as const)('recognize: %s', (text, expected) => {
    expect(arabic(text)).toEqual(expected);
  });

  it('recognize: a run of more than 24 digits is no amount', () => {
    expect(arabic('1'.repeat(25))).toBe('too long');
  });
});

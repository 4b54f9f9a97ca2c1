/**
 * recognize: invariants over arbitrary text (fast-check). Whatever the input, the recognizer
 * does not throw, every record slices back to its text, values are finite decimals, ranges are
 * ordered, and records are sorted and disjoint.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cpSlice } from '../../src/text/codepoints.js';
import { recognizeDoc } from '../../src/stages/recognize/index.js';
import { expectLinear } from '../helpers/linear.js';
import { compiled, phraseDoc, recognizePhrase, segmenter } from '../recognize-helpers.js';

/** Pieces that exercise every path of the scanner: numerals, magnitudes, units, bounds, gaps. */
const PIECES = [
  ...'0123456789０１２３４５６７８９.．,-~～至到%％',
  ...'零〇一二两三四五六七八九十百千万亿点分之翻番了',
  '万元', '亿元', '个', '项', '人次', '千米', '千瓦时', '百分点', '个百分点', '倍', '年', '日', '月', '天',
  '以上', '左右', '余', '多', '约', '超', '超过', '签约', '近', '不足', '控制在', '第', '数', '几',
  ' ', '\u3000', '\n', '，', '、', '和', '。', 'P', 'G', 'km', 'a', '𠀋', '"', '“', '”', '《', '》', '半', '从', '由', '的',
];
const reportish = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));
const anyText = fc.oneof(reportish, fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }));

function check(text: string): void {
  const { quantities, warnings } = recognizePhrase(text);
  let previousEnd = 0;
  for (const q of quantities) {
    expect(cpSlice(text, q.start, q.end)).toBe(q.text);
    expect(q.start).toBeGreaterThanOrEqual(previousEnd);
    expect(q.end).toBeGreaterThan(q.start);
    previousEnd = q.end;
    expect(q.value).toMatch(/^-?\d+(\.\d+)?$/);
    expect(Number.isFinite(Number(q.value))).toBe(true);
    if (q.valueMax !== null) {
      expect(q.valueMax).toMatch(/^\d+(\.\d+)?$/);
      expect(Number(q.valueMax)).toBeGreaterThan(Number(q.value));
      expect(q.qualifier).toBe('range');
    }
    expect(q.unit).not.toBe('');
    expect(q.rules.length).toBeGreaterThan(0);
  }
  for (const w of warnings) {
    expect(w.place!.start).toBeGreaterThanOrEqual(0);
    expect(w.place!.end).toBeLessThanOrEqual([...text].length);
  }
}

describe('recognize: properties', () => {
  it('recognize: never throws; records slice back, are sorted, disjoint and finite', () => {
    fc.assert(fc.property(anyText, (text) => check(text)), { numRuns: 1500 });
  });

  it('recognize: never throws and keeps records inside their sentences, wherever the sentences end', () => {
    // a number list or a unit may run up to a sentence's end (1、|2个): nothing is read across it
    const split = fc.tuple(reportish, fc.array(fc.nat({ max: 400 }), { maxLength: 6 }));
    fc.assert(
      fc.property(split, ([text, cuts]) => {
        const doc = phraseDoc(text);
        const n = [...text].length;
        const ends = [...new Set(cuts.map((cut) => cut % (n + 1)))].filter((cut) => cut > 0 && cut < n).sort((a, b) => a - b);
        const bounds = [0, ...ends, n];
        const sentences = bounds.slice(1).map((end, i) => ({ start: bounds[i]!, end, paragraph: 0 }));
        const lexicon = { isWord: (word: string) => segmenter.isWord(word), cut: (t: string, base?: number) => segmenter.cut(t, base) };
        const { quantities } = recognizeDoc({ ...doc, sentences }, compiled, lexicon);
        for (const q of quantities) {
          expect(q.start).toBeGreaterThanOrEqual(sentences[q.sentence]!.start);
          expect(cpSlice(text, q.start, q.end)).toBe(q.text);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('recognize: the same text gives the same records', () => {
    fc.assert(
      fc.property(reportish, (text) => {
        expect(recognizePhrase(text)).toEqual(recognizePhrase(text));
      }),
      { numRuns: 300 },
    );
  });

  it('recognize: a quantity keeps its value when text is put around it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 9 }), fc.constantFrom('个', '项', '元', '万元', '%', '公里'), (n, unit) => {
        const { quantities } = recognizePhrase(`全年新增${n}${unit}，其中`);
        expect(quantities).toHaveLength(1);
        const scale = unit === '万元' ? 10000n : 1n;
        expect(quantities[0]!.value).toBe((BigInt(n) * scale).toString());
      }),
      { numRuns: 300 },
    );
  });

  it('recognize: magnitudes scale decimals exactly, with no float drift', () => {
    const magnitudes: [string, number][] = [['万', 4], ['亿', 8], ['万亿', 12], ['千万', 7]];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99999 }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom(...magnitudes),
        (whole, fraction, [magnitude, power]) => {
          const digits = `${whole}.${String(fraction).padStart(3, '0')}`;
          const { quantities } = recognizePhrase(`投资${digits}${magnitude}元`);
          const scaled = BigInt(`${whole}${String(fraction).padStart(3, '0')}`) * 10n ** BigInt(power - 3);
          expect(quantities[0]?.value).toBe(scaled.toString());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('recognize: a 1 MB line of digits or of 万 is handled in linear time', () => {
    for (const char of ['7', '万', '一']) {
      const { quantities } = expectLinear((n) => char.repeat(n), recognizePhrase, 1_000_000);
      expect(quantities).toEqual([]);
    }
  });
});

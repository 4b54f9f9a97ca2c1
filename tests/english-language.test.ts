import { describe, expect, it } from 'vitest';
import { CJK_SHARE_FOR_ZH, languageOf, letterCounts } from '../src/stages/language.js';
import { cpSlice } from '../src/text/codepoints.js';
import { MappedTextBuilder } from '../src/text/offsets.js';
import { createDoc } from '../src/stages/decode.js';
import { blockDoc, runEnglish } from './helpers/english.js';
import { expectLinear } from './helpers/linear.js';

describe('language: share of CJK among letters', () => {
  it.each([
    ['CPI涨幅控制在2%左右', 'zh'],
    ['推动5G、AI、GDP和IoT融合发展', 'zh'],
    ['全市GDP增长5.2%，CPI上涨0.3%，5G基站新增1.2万个', 'zh'],
    ['GDP grew by 5.2 percent.', 'en'],
    ['We will advance the Belt and Road Initiative (一带一路) with high standards.', 'en'],
    ['— Over 12 million new urban jobs', 'en'],
  ])('%s → %s', (text, lang) => {
    expect(languageOf(text)).toBe(lang);
  });

  it('the threshold sits between the two kinds of mixed text it was chosen for', () => {
    const zh = letterCounts('CPI涨幅控制在2%左右');
    const en = letterCounts('the Belt and Road Initiative (一带一路)');
    expect(zh.cjk / (zh.cjk + zh.latin)).toBeGreaterThan(CJK_SHARE_FOR_ZH);
    expect(en.cjk / (en.cjk + en.latin)).toBeLessThan(CJK_SHARE_FOR_ZH);
  });

  it('a paragraph with no letters takes the language of the one before it', () => {
    const doc = runEnglish('GDP grew by 5.2 percent.\n5.2%\n城镇新增就业1256万人\n2024');
    expect(doc.paragraphs.map((p) => p.lang)).toEqual(['en', 'en', 'zh', 'zh']);
  });
});

describe('english: offsets and robustness', () => {
  it('spans are code points: astral characters before a quantity do not shift it', () => {
    const doc = runEnglish('𝐀𝐁 Grain output reached 695 million metric tons 😀 and exports grew 7.5 percent.');
    expect(doc.quantities.map((q) => q.text)).toEqual(['695 million metric tons', '7.5 percent']);
    for (const q of doc.quantities) expect(cpSlice(doc.text, q.start, q.end)).toBe(q.text);
    expect(doc.quantities[0]!.start).toBe(Array.from('𝐀𝐁 Grain output reached ').length);
  });

  it('values are exact decimals, never floats', () => {
    const doc = runEnglish('Revenue reached 238.9 million yuan and 0.07 billion yuan and 1,234,567.891 trillion yuan.');
    expect(doc.quantities.map((q) => q.value)).toEqual(['238900000', '70000000', '1234567891000000000']);
  });

  it('a 1 MB hostile line takes time linear in its length and finds its numbers', () => {
    const unit = 'over 12 million new urban jobs 5 percent of GDP---- 1,2,3,4 1.1.1.1 $$$$ by by by ';
    const doc = expectLinear((n) => unit.repeat(n), runEnglish, Math.ceil(1_000_000 / unit.length));
    expect(doc.quantities.length).toBeGreaterThan(1000);
  }, 180_000);

  it('English records carry every field of the Quantity model', () => {
    const doc = runEnglish('I. Review of Our Work in 2025\nIn 2025, consumer prices rose by about 0.3 percent.');
    expect(doc.quantities).toEqual([
      {
        start: expect.any(Number),
        end: expect.any(Number),
        text: '0.3 percent',
        value: '0.3',
        valueMax: null,
        unit: '%',
        unitText: 'percent',
        kind: 'percent',
        qualifier: 'approx',
        change: 'increase',
        subject: 'consumer prices',
        modality: 'actual',
        period: '2025',
        sentence: 1,
        lang: 'en',
        rules: expect.arrayContaining(['english-units.yaml#%', 'english-bounds.yaml#about', 'english-changes.yaml#rose']),
      },
    ]);
  });
});

describe('english: segments', () => {
  it('a hard-wrapped PDF paragraph stays one piece: a number and its unit on two lines are one quantity', () => {
    const wrapped = [
      'In 2025, the gross domestic product of the province grew by 5.2',
      'percent, and the surveyed urban unemployment rate stood at an average of',
      '5.1 percent. We created 1.2 million new urban jobs over the course of the',
      'year and renovated 3,000 old residential communities across all cities.',
      'This is filler text of the same width so the wrapped lines look like a page.',
    ].join('\n');
    const doc = runEnglish(wrapped, blockDoc);
    expect(doc.quantities.map((q) => [q.text, q.change])).toEqual([
      ['5.2\npercent'.replace('\n', ' '), 'increase'],
      ['5.1 percent', 'none'],
      ['1.2 million', 'none'],
      ['3,000', 'none'],
    ]);
    expect(doc.quantities[0]!.subject).toContain('gross domestic product');
  });

  it('headings and bullets joined into one paragraph are still read apart', () => {
    const doc = runEnglish('2025 REVIEW\n-- GDP up 5.1 pct\n2026 TARGETS\n-- GDP growth at around 5 pct\n-- Over 12 million new urban jobs', blockDoc);
    expect(doc.paragraphs).toHaveLength(1);
    expect(doc.quantities.map((q) => [q.value, q.modality, q.change])).toEqual([
      ['5.1', 'actual', 'increase'],
      ['5', 'target', 'increase'],
      ['12000000', 'target', 'none'],
    ]);
  });
});

describe('english: numbers across raw lines', () => {
  it('two raw lines joined without a space never make one number', () => {
    // a cleaner that joins `…reached 126` and `2024 was…` with nothing between
    const first = 'In the first eleven months of the year the total output of the manufacturing sector reached 126';
    const raw = `${first}\n2024 was a good year, and exports grew 5 percent.`;
    const builder = new MappedTextBuilder();
    builder.appendRaw(first, 0);
    builder.appendRaw('2024 was a good year, and exports grew 5 percent.', first.length + 1);
    const { text, offsets } = builder.finish(raw, Array.from(raw).length);
    const doc = runEnglish(raw, () => ({
      ...createDoc('joined', raw),
      text,
      offsets,
      paragraphs: [{ start: 0, end: Array.from(text).length, kind: 'body', lang: 'zh', rawLineStart: 1, rawLineEnd: 2 }],
    }));
    expect(doc.quantities.map((q) => q.value)).toEqual(['5']);
    expect(doc.warnings.some((w) => w.rule === 'english/line-join')).toBe(true);
  });
});

/**
 * recognize: the phrase tables (tests/cases/recognize.yaml, tests/cases/not-quantities.yaml)
 * and the stage contract (Chinese sentences only, every field filled, sorted output).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { recognize } from '../src/stages/recognize/index.js';
import { cpSlice } from '../src/text/codepoints.js';
import { asTuple, compiled, expandExpected, phraseDoc, recognizePhrase, rules, segmenter, type ExpectedRecord } from './recognize-helpers.js';

interface PhraseCase {
  phrase: string;
  records: ExpectedRecord[];
  fails?: string;
}
interface ExclusionCase {
  phrase: string;
  dropped: string[];
  records?: ExpectedRecord[];
  fails?: string;
}

const phrases = parse(readFileSync('tests/cases/recognize.yaml', 'utf8')) as PhraseCase[];
const exclusions = parse(readFileSync('tests/cases/not-quantities.yaml', 'utf8')) as ExclusionCase[];

const knownGap = (row: { fails?: string }) => row.fails !== undefined;

describe('recognize: phrase table', () => {
  it('holds at least 200 phrases', () => {
    expect(phrases.length).toBeGreaterThanOrEqual(200);
  });

  it.each(phrases.filter((row) => !knownGap(row)).map((row) => [row.phrase, row] as const))('recognize: %j', (_, row) => {
    const { quantities } = recognizePhrase(row.phrase);
    expect(quantities.map(asTuple)).toEqual(row.records.map(expandExpected));
  });

  for (const row of phrases.filter(knownGap)) {
    it.fails(`recognize: ${JSON.stringify(row.phrase)} (known gap: ${row.fails})`, () => {
      const { quantities } = recognizePhrase(row.phrase);
      expect(quantities.map(asTuple)).toEqual(row.records.map(expandExpected));
    });
  }
});

describe('recognize: what is not a quantity', () => {
  const check = (row: ExclusionCase) => {
    const { quantities, warnings } = recognizePhrase(row.phrase);
    expect(quantities.map(asTuple)).toEqual((row.records ?? []).map(expandExpected));
    const fired = warnings.map((w) => w.rule);
    for (const rule of row.dropped) expect(fired).toContain(rule);
    for (const warning of warnings) {
      expect(warning.severity).toBe('info');
      expect(warning.stage).toBe('recognize');
    }
  };

  it.each(exclusions.filter((row) => !knownGap(row)).map((row) => [row.phrase, row.dropped.join(', ') || 'nothing', row] as const))(
    'recognize: %j drops %s',
    (_, __, row) => check(row),
  );

  for (const row of exclusions.filter(knownGap)) {
    it.fails(`recognize: ${JSON.stringify(row.phrase)} (known gap: ${row.fails})`, () => check(row));
  }
});

describe('recognize: the stage contract', () => {
  const context = { rules, compiled, segmenter };

  it('recognize: fills every field of a record, with the attribute defaults', () => {
    const doc = recognize.run(phraseDoc('实施投资5000万元以上项目1381个'), context);
    expect(doc.quantities[0]).toEqual({
      start: 4,
      end: 12,
      text: '5000万元以上',
      value: '50000000',
      valueMax: null,
      unit: '元',
      unitText: '万元',
      kind: 'money',
      qualifier: 'at_least',
      change: 'none',
      subject: '',
      modality: 'actual',
      period: null,
      sentence: 0,
      lang: 'zh',
      rules: ['units.yaml#元', 'magnitudes.yaml#万', 'qualifiers.yaml#以上'],
    });
  });

  it('recognize: leaves English paragraphs to the english stage', () => {
    const doc = recognize.run(phraseDoc('GDP grew by 5% to 3000 yuan 5个', 'en'), context);
    expect(doc.quantities).toEqual([]);
  });

  it('recognize: keeps records of other stages and sorts everything by start', () => {
    const base = phraseDoc('增长5%，新增3个');
    const english = { ...recognizePhrase('增长5%').quantities[0]!, start: 4, end: 5, lang: 'en' as const };
    const doc = recognize.run({ ...base, quantities: [english] }, context);
    expect(doc.quantities.map((q) => [q.start, q.lang])).toEqual([
      [2, 'zh'],
      [4, 'en'],
      [7, 'zh'],
    ]);
  });

  it('recognize: a unit wrapped onto the next paragraph belongs to the number', () => {
    const text = '粮食产量接近260\n亿斤，增长3%';
    const doc = phraseDoc(text);
    doc.paragraphs = [
      { start: 0, end: 9, kind: 'body', lang: 'zh', rawLineStart: 1, rawLineEnd: 1 },
      { start: 10, end: 17, kind: 'body', lang: 'zh', rawLineStart: 2, rawLineEnd: 2 },
    ];
    doc.sentences = [
      { start: 0, end: 9, paragraph: 0 },
      { start: 10, end: 17, paragraph: 1 },
    ];
    const out = recognize.run(doc, context);
    expect(out.quantities.map((q) => [q.text, q.value, q.unit, q.qualifier, q.sentence])).toEqual([
      ['260\n亿斤', '26000000000', '斤', 'approx', 0],
      ['3%', '3', '%', 'exact', 1],
    ]);
  });

  it('recognize: a bound word opening the next paragraph does not belong to the number', () => {
    const text = '全年新建学校3所\n以上成绩来之不易';
    const doc = phraseDoc(text);
    doc.paragraphs = [
      { start: 0, end: 8, kind: 'body', lang: 'zh', rawLineStart: 1, rawLineEnd: 1 },
      { start: 9, end: 17, kind: 'body', lang: 'zh', rawLineStart: 2, rawLineEnd: 2 },
    ];
    doc.sentences = [
      { start: 0, end: 8, paragraph: 0 },
      { start: 9, end: 17, paragraph: 1 },
    ];
    const out = recognize.run(doc, context);
    expect(out.quantities.map((q) => [q.text, q.qualifier])).toEqual([['3所', 'exact']]);
  });

  it('recognize: offsets are code points, also after characters outside the BMP', () => {
    const text = '𠀋𠀋新增3个';
    const { quantities } = recognizePhrase(text);
    expect(quantities).toHaveLength(1);
    expect(cpSlice(text, quantities[0]!.start, quantities[0]!.end)).toBe('3个');
    expect(quantities[0]!.start).toBe(4);
  });

  it('recognize: a drop names its rule and its place', () => {
    const { warnings } = recognizePhrase('作为一名人大代表');
    expect(warnings).toEqual([
      expect.objectContaining({
        rule: 'not-quantities.yaml#article',
        severity: 'info',
        place: { start: 2, end: 4, line: 1 },
      }),
    ]);
  });

  it('recognize: values are exact decimals, never float drift', () => {
    const cases: [string, string][] = [
      ['238.9万亩', '2389000'],
      ['0.1万元', '1000'],
      ['1.005亿元', '100500000'],
      ['0.07万人', '700'],
      ['123456789012345678.9万元', '1234567890123456789000'],
    ];
    for (const [phrase, value] of cases) expect(recognizePhrase(phrase).quantities[0]?.value).toBe(value);
  });
});

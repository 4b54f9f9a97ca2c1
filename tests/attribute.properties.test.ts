/**
 * attribute: invariants over generated sentences. Whatever the words around the numbers, the
 * stage never throws, every subject is at most 16 characters (24 with a 、 list), every field holds a legal value,
 * and a long hostile sentence is processed in time that grows linearly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Doc, Quantity } from '../src/document.js';
import { loadRules } from '../src/rules/load.js';
import { attribute } from '../src/stages/attribute/index.js';
import { createDoc } from '../src/stages/decode.js';
import { sentences } from '../src/stages/sentences.js';
import { MAX_LIST_SUBJECT, MAX_SUBJECT } from '../src/stages/attribute/phrase.js';
import { cpLength } from '../src/text/codepoints.js';
import { getSegmenter } from '../src/text/segment.js';

const rules = loadRules();
const segmenter = getSegmenter(rules.userDictPath);
const compiled = attribute.prepare(rules, segmenter);

/** Report fragments, cue words and punctuation the generator strings together. */
const FRAGMENTS = [
  '全年', '地区生产总值', '增长', '下降', '增至', '新增', '分别', '均', '、', '，', '。', '；', '：', '的', '等',
  '项目', '企业', '力争', '将', '已', '比上年', '同比', '达到', '超过', '以上', '其中', ' ', '"', '（', '2024年',
  '到2027年', '回首', '今年', '目标', '产销量', '和', '及', '规上工业增加值', '实施', '建成', '个', '亿元',
];

/** Builds a Doc from pieces; a `null` piece is a quantity `5%`. */
function docOf(pieces: (string | null)[], heading?: string): Doc {
  const parts: string[] = heading ? [heading + '\n'] : [];
  let length = heading ? cpLength(heading) + 1 : 0;
  const spans: { start: number; end: number }[] = [];
  for (const piece of pieces) {
    const part = piece ?? '5%';
    if (piece === null) spans.push({ start: length, end: length + 2 });
    parts.push(part);
    length += cpLength(part);
  }
  const text = parts.join('');
  const lines = text.split('\n');
  let offset = 0;
  const paragraphs = lines.map((line, index) => {
    const start = offset;
    offset += cpLength(line) + 1;
    return {
      start,
      end: start + cpLength(line),
      kind: heading && index === 0 ? ('heading' as const) : ('body' as const),
      lang: 'zh' as const,
      rawLineStart: index + 1,
      rawLineEnd: index + 1,
    };
  });
  let doc: Doc = { ...createDoc('generated', text), paragraphs };
  doc = sentences.run(doc, { rules, segmenter, compiled: null });
  const quantities: Quantity[] = spans.map(({ start, end }) => ({
    start,
    end,
    text: '5%',
    value: '5',
    valueMax: null,
    unit: '%',
    unitText: '%',
    kind: 'percent',
    qualifier: 'exact',
    change: 'none',
    subject: '',
    modality: 'actual',
    period: null,
    sentence: doc.sentences.findIndex((s) => s.start <= start && end <= s.end),
    lang: 'zh',
    rules: [],
  }));
  return { ...doc, quantities };
}

describe('attribute: invariants', () => {
  it('never throws, and every field is legal, on generated sentences', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.constant(null)), { maxLength: 40 }),
        fc.option(fc.constantFrom('二、2025年工作安排', '一、2024年工作回顾', '2025 年 凝心聚力'), { nil: undefined }),
        (pieces, heading) => {
          const doc = attribute.run(docOf(pieces, heading), { rules, segmenter, compiled });
          for (const q of doc.quantities) {
            expect(cpLength(q.subject)).toBeLessThanOrEqual(q.subject.includes('、') ? MAX_LIST_SUBJECT : MAX_SUBJECT);
            expect(['increase', 'decrease', 'none']).toContain(q.change);
            expect(['actual', 'target']).toContain(q.modality);
            if (q.period !== null) expect(q.period).toMatch(/^\d{4}$/);
          }
          for (const w of doc.warnings) expect(w.stage).toBe('attribute');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves English quantities and the input document untouched', () => {
    const doc = docOf(['产值增长', null]);
    const english = { ...doc, quantities: doc.quantities.map((q) => ({ ...q, lang: 'en' as const })) };
    const out = attribute.run(english, { rules, segmenter, compiled });
    expect(out.quantities[0]!.change).toBe('none');
    const chinese = attribute.run(doc, { rules, segmenter, compiled });
    expect(chinese.quantities[0]!.change).toBe('increase');
    expect(doc.quantities[0]!.change).toBe('none');
  });

  it('the joined section patterns match exactly where one of the section patterns does', () => {
    expect(compiled.anySection).not.toBeNull();
    const words = compiled.sections.map((section) => section.pattern.source.replace(/[()?|]/g, ''));
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...words, ...FRAGMENTS), fc.string({ maxLength: 3 })), { maxLength: 8 }), (pieces) => {
        const probe = pieces.join('');
        expect(compiled.anySection!.test(probe)).toBe(compiled.sections.some((section) => section.pattern.test(probe)));
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic', () => {
    const pieces = ['光电信息、医药健康产业产值分别增长', null, '、', null, '，新增项目', null];
    const a = attribute.run(docOf(pieces), { rules, segmenter, compiled });
    const b = attribute.run(docOf(pieces), { rules, segmenter, compiled });
    expect(JSON.stringify(a.quantities)).toBe(JSON.stringify(b.quantities));
  });

  it('processes a long sentence of numbers and particles in linear time', () => {
    const time = (n: number) => {
      const pieces: (string | null)[] = [];
      for (let i = 0; i < n; i++) pieces.push('分别的', null, '、');
      const doc = docOf(pieces);
      const started = performance.now();
      attribute.run(doc, { rules, segmenter, compiled });
      return performance.now() - started;
    };
    time(500);
    const small = time(4000);
    const large = time(16000);
    // four times the text: linear work takes about four times as long; quadratic, sixteen
    expect(large).toBeLessThan(Math.max(small, 5) * 8);
  });
});

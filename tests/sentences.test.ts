import { describe, expect, it } from 'vitest';
import type { Doc } from '../src/document.js';
import { createDoc } from '../src/stages/decode.js';
import { MAX_SENTENCE, NUMBER_TAIL, sentences } from '../src/stages/sentences.js';
import { compileRecognizer } from '../src/stages/recognize/compile.js';
import { MAX_GAP } from '../src/stages/recognize/units.js';
import { cpSlice } from '../src/text/codepoints.js';
import { loadRules } from '../src/rules/load.js';
import { createPipeline, processText } from '../src/pipeline.js';

const rules = loadRules();

/** One body paragraph per line of `text`, then the sentence stage. */
function split(text: string, lang: 'zh' | 'en' = 'zh'): string[] {
  const doc: Doc = createDoc('t', text);
  let start = 0;
  for (const line of text.split('\n')) {
    const length = Array.from(line).length;
    doc.paragraphs.push({ start, end: start + length, kind: 'body', lang, rawLineStart: 1, rawLineEnd: 1 });
    start += length + 1;
  }
  const out = sentences.run(doc, { rules, compiled: null, segmenter: undefined as never });
  return out.sentences.map((s) => cpSlice(out.text, s.start, s.end));
}

describe('sentences', () => {
  it.each([
    ['全年实施项目1381个。科技成果转化数量增长71%。', ['全年实施项目1381个。', '科技成果转化数量增长71%。']],
    ['经济稳中有进；民生持续改善', ['经济稳中有进；', '民生持续改善']],
    ['他说："报告很好。"我们赞同。', ['他说："报告很好。"', '我们赞同。']],
    ['代表们说：“信心倍增！”', ['代表们说：“信心倍增！”']],
    ['真的吗？！是的。', ['真的吗？！', '是的。']],
    ['增长3.5%，高于全国。', ['增长3.5%，高于全国。']],
    ['没有句末标点的标题', ['没有句末标点的标题']],
    ['第一段。\n第二段', ['第一段。', '第二段']],
    ['𠀀字开头。后面', ['𠀀字开头。', '后面']],
  ])('%s', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it('a sentence never crosses a paragraph', () => {
    expect(split('上一段没有句号\n下一段。')).toEqual(['上一段没有句号', '下一段。']);
  });

  it.each([
    ['GDP grew 5.1 percent. The CPI rose 0.3 percent.', ['GDP grew 5.1 percent.', 'The CPI rose 0.3 percent.']],
    ['Reserves exceeded 3.2 trillion U.S. dollars in total.', ['Reserves exceeded 3.2 trillion U.S. dollars in total.']],
    ['II. Review of Our Work. We did well.', ['II. Review of Our Work.', 'We did well.']],
    ['BEIJING, Jan. 17 (Xinhua) -- It grew. "Good," he said.', ['BEIJING, Jan. 17 (Xinhua) -- It grew.', '"Good," he said.']],
  ])('English: %s', (text, expected) => {
    expect(split(text, 'en')).toEqual(expected);
  });

  it('a full stop does not end a Chinese sentence', () => {
    expect(split('增长2. 5%')).toEqual(['增长2. 5%']);
  });

  it('a run-on sentence is cut at clause marks, never longer than MAX_SENTENCE', () => {
    const clause = '增长5000万元以上项目1381个，';
    const pieces = split(clause.repeat(500));
    expect(pieces.join('')).toBe(clause.repeat(500));
    for (const piece of pieces) {
      expect(Array.from(piece).length).toBeLessThanOrEqual(MAX_SENTENCE);
      expect(piece.endsWith('，')).toBe(true);
    }
  });

  it('a run-on sentence with no clause mark is cut at the limit', () => {
    const pieces = split('字'.repeat(MAX_SENTENCE * 2 + 5));
    expect(pieces.map((p) => p.length)).toEqual([MAX_SENTENCE, MAX_SENTENCE, 5]);
  });

  it.each([
    ['inside a number', 598, '1381个'],
    ['between a number and its unit', 596, '1381个'],
    ['inside a magnitude and its unit', 597, '12万平方公里以上'],
    ['after a thousands comma', 597, '1，381个'],
  ])('a hard cut never falls %s: the number and its unit stay in one sentence', (_, at, quantity) => {
    const text = '字'.repeat(at) + quantity + '字'.repeat(MAX_SENTENCE);
    const pieces = split(text);
    expect(pieces.join('')).toBe(text);
    expect(pieces.some((piece) => piece.includes(quantity))).toBe(true);
    for (const piece of pieces) expect(Array.from(piece).length).toBeLessThanOrEqual(MAX_SENTENCE);
  });

  it('numbers too close for a tail-free cut: cut right before a number, never inside one or its range', () => {
    const text = '全年12345个'.repeat(100) + '增长5至12345个'.repeat(100);
    const pieces = split(text);
    expect(pieces.join('')).toBe(text);
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces.slice(0, -1)) {
      expect(Array.from(piece).length).toBeLessThanOrEqual(MAX_SENTENCE);
      expect(piece).toMatch(/(全年|增长)$/);
    }
  });

  it('NUMBER_TAIL reaches past the longest tail the rules make: gap, magnitude, unit, note, bound', () => {
    const c = compileRecognizer(rules);
    expect(MAX_GAP + c.magnitudes.longest + c.units.longest + c.boundInserts.longest + c.after.longest).toBeLessThanOrEqual(NUMBER_TAIL);
  });

  it('a clause mark is no cut where a number goes on after it (1，381)', () => {
    const text = '字'.repeat(590) + '共1，381个' + '字'.repeat(MAX_SENTENCE);
    expect(split(text).some((piece) => piece.includes('1，381个'))).toBe(true);
  });

  it('a decimal point is not a sentence end', () => {
    expect(split('增长2.5个百分点.')).toEqual(['增长2.5个百分点.']);
  });
});

describe('a headline of two clauses set apart by a space', () => {
  const pipeline = createPipeline(rules);
  const sentencesOf = (raw: string): string[] => {
    const doc = processText(pipeline, 't', raw);
    return doc.sentences.map((s) => cpSlice(doc.text, s.start, s.end));
  };
  const body = '\n\n本报讯 1月5日，记者从市统计局获悉，全年经济运行稳中有进。\n';

  it.each([
    // the clause before the space ends in a quantity; no word crosses the gap
    ['数字经济核心产业增加值占GDP比重达12.6% 全市算力规模突破8000P', ['数字经济核心产业增加值占GDP比重达12.6%', '全市算力规模突破8000P']],
    ['港口货物吞吐量首破6亿吨 集装箱量增长两成', ['港口货物吞吐量首破6亿吨', '集装箱量增长两成']],
    ['“双节”假期全市接待游客1286万人次　文旅消费同比增长9.7%', ['“双节”假期全市接待游客1286万人次', '文旅消费同比增长9.7%']],
    // an OCR space inside the number's unit (a word across the gap) or before it (the number not closed)
    ['全市社会消费品零售总额突破2000亿 元', ['全市社会消费品零售总额突破2000亿元']],
    ['全市社会消费品零售总额突破2000 亿元', ['全市社会消费品零售总额突破2000亿元']],
    // a comparison after the space (subjects.yaml comparisons) continues the clause: its rise keeps the measure (batch 66)
    ['· 空气质量优良天数 312天 比上年增加9天', ['·空气质量优良天数312天比上年增加9天']],
    ['全市接待游客1286万人次 同比增长9.7%', ['全市接待游客1286万人次同比增长9.7%']],
    // no quantity ends the clause before the space: an OCR space inside the words, kept as one
    ['全市社会消费品 零售总额稳步增长', ['全市社会消费品零售总额稳步增长']],
  ])('%s', (headline, expected) => {
    expect(sentencesOf(headline + body).slice(0, expected.length)).toEqual(expected);
  });

  it('a body line that wraps on is not a headline: its dropped spaces split nothing', () => {
    const page = '去年以来，全市上下坚持稳中求进工作总基调，\n全年共实施重点项目1381个 其中新开工项\n目526个，竣工项目312个，完成投资比上年\n增长7.5%，为经济持续恢复提供有力支撑。\n';
    expect(sentencesOf(page)).toEqual(['去年以来，全市上下坚持稳中求进工作总基调，全年共实施重点项目1381个其中新开工项目526个，竣工项目312个，完成投资比上年增长7.5%，为经济持续恢复提供有力支撑。']);
  });
});

/**
 * The attribute stage cuts only some pieces of a sentence (stages/attribute/window.ts). That is
 * exact only because jieba cuts the text between its separators (，。\n) without looking past
 * them: these tests hold jieba to it on real report text, and check which pieces are kept.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPipeline, stages } from '../src/pipeline.js';
import { loadRules } from '../src/rules/load.js';
import { compileAttribute } from '../src/stages/attribute/compile.js';
import { WordFinder, piecesToCut } from '../src/stages/attribute/window.js';
import { createDoc } from '../src/stages/decode.js';
import { CodePointIndex, cpLength } from '../src/text/codepoints.js';

const rules = loadRules();
const compiled = compileAttribute(rules);
const beforeAttribute = createPipeline(rules, stages.slice(0, stages.findIndex((stage) => stage.name === 'attribute')));
const segmenter = beforeAttribute.segmenter;

const files = [
  ...readdirSync('input').filter((f) => f.endsWith('.txt')).map((f) => join('input', f)),
  ...readdirSync('tests/fixtures/zh-heldout').filter((f) => f.endsWith('.txt')).map((f) => join('tests/fixtures/zh-heldout', f)),
];
const docs = files.map((file) => beforeAttribute.process(createDoc(file, readFileSync(file, 'utf8'))));

describe('attribute windows', () => {
  it('cut a piece exactly as jieba cuts it inside the whole sentence', () => {
    let pieces = 0;
    let left = 0;
    for (const doc of docs) {
      const text = new CodePointIndex(doc.text);
      const members = new Map<number, number[]>();
      doc.quantities.forEach((q, k) => {
        if (q.lang === 'zh' && doc.sentences[q.sentence]) members.set(q.sentence, [...(members.get(q.sentence) ?? []), k]);
      });
      for (const [index, group] of members) {
        const sentence = doc.sentences[index]!;
        const sentenceText = text.slice(sentence.start, sentence.end);
        const whole = segmenter.tag(sentenceText, sentence.start);
        const window = piecesToCut(sentenceText, sentence, doc.quantities, group, compiled)!;
        expect(window).not.toBeNull();
        // every quantity lies inside a kept piece
        for (const k of group) {
          const q = doc.quantities[k]!;
          const holds = window.pieces.some((p) => p.start <= q.start && q.end <= p.start + cpLength(sentenceText.slice(p.from, p.to)));
          expect(holds).toBe(true);
        }
        for (const piece of window.pieces) {
          const tokens = segmenter.tag(sentenceText.slice(piece.from, piece.to), piece.start);
          const last = tokens[tokens.length - 1]!;
          const inside = whole.filter((t) => t.start >= piece.start && t.end <= last.end);
          expect(tokens).toEqual(inside);
          pieces++;
        }
        left += sentenceText.length - window.pieces.reduce((n, p) => n + p.to - p.from, 0);
      }
    }
    expect(pieces).toBeGreaterThan(500);
    // the windows leave something out, or they would not be worth having
    expect(left).toBeGreaterThan(1000);
  });

  it('keeps a piece for a target cue and for a continuation that opens the sentence', () => {
    const text = '其中，全市新增就业，今年将力争，完成，工业增加值增长5%，后面的话。';
    const start = 0;
    const sentence = { start, end: Array.from(text).length, paragraph: 0 };
    const at = text.indexOf('5%');
    const quantity = { start: at, end: at + 2 } as never;
    const window = piecesToCut(text, sentence as never, [quantity], [0], compiled)!;
    const kept = window.pieces.map((p) => text.slice(p.from, p.to));
    // 其中 could continue a plan; 将/力争 are target cues; 新增就业 and 完成 hold neither; nothing after the number is read
    expect(kept).toEqual(['其中，', '今年将力争，', '工业增加值增长5%，']);
    expect(window.opensSentence).toBe(true);
  });

  it('leaves out a first piece that cannot open with a continuation', () => {
    const text = '全市新增就业，工业增加值增长5%。';
    const at = text.indexOf('5%');
    const window = piecesToCut(text, { start: 0, end: text.length, paragraph: 0 } as never, [{ start: at, end: at + 2 } as never], [0], compiled)!;
    expect(window.pieces.map((p) => text.slice(p.from, p.to))).toEqual(['工业增加值增长5%。']);
    expect(window.opensSentence).toBe(false);
  });

  it('finds a target word anywhere, even inside another word, as a substring search would', () => {
    const words = ['将', '力争', '预期目标', '𠀀字'];
    const finder = new WordFinder(words);
    const texts = ['', '将', '主要', '重要的是', '力', '力争', '争力', '预期', '预期目标', '实现预期目标，', 'a𠀀字b', '𠀀', '字𠀀'];
    for (const text of texts) expect(finder.foundIn(text), text).toBe(words.some((word) => text.includes(word)));
    expect(new WordFinder([]).foundIn('将')).toBe(false);
    expect(new WordFinder(['']).foundIn('')).toBe(true);
  });

  it('finds a word inside a range of a text exactly as in that range sliced out', () => {
    const words = ['将', '力争', '预期目标', '𠀀字'];
    const finder = new WordFinder(words);
    const text = '力争实现预期目标，将a𠀀字b';
    for (let from = 0; from <= text.length; from++) {
      for (let to = from; to <= text.length; to++) {
        expect(finder.foundIn(text, from, to), `${from}-${to}`).toBe(finder.foundIn(text.slice(from, to)));
      }
    }
  });
});

/**
 * clean: invariants over arbitrary damaged text (fast-check), and linear time on hostile input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPipeline, processText } from '../../src/pipeline.js';
import { loadRules } from '../../src/rules/load.js';
import { clean } from '../../src/stages/clean/index.js';
import { language } from '../../src/stages/language.js';
import { sentences } from '../../src/stages/sentences.js';
import { cpSlice } from '../../src/text/codepoints.js';
import { expectLinear } from '../helpers/linear.js';

const pipeline = createPipeline(loadRules(), [clean]);
/** Through the sentence stage, which reads dropped spaces back from the raw text (a headline's two clauses). */
const throughSentences = createPipeline(loadRules(), [clean, language, sentences]);

/** Pieces OCR output is made of: Chinese, digits (both widths), punctuation, spaces, breaks, invisibles. */
const piece = fc.constantFrom(
  '发展', '经济', '增长', '项目', '亿元', '个', '万', '%', '。', '，', ',', '、', '；', '：', '"',
  '1', '23', '4.5', '１２', '％', '．', ' ', '  ', '\u3000', '\n', '\n\n', '\u200b', '\r\n', 'AI', 'model ',
  '— 3 —\n', '本版撰稿: 张三\n', '𠀀', '⾏', '> ', '**',
  // what scraped web pages leave (the html pass)
  '<p>', '</p>', '<br/>', '&nbsp;', '&ldquo;', '&#37;', '<span class="x">', '<!-- ', ' -->', '<script>', '</script>', '&', '<',
);
const document = fc.array(piece, { maxLength: 80 }).map((parts) => parts.join(''));

/** A news headline: clauses that end in numbers, set apart by spaces (and OCR spaces inside them). */
const headline = fc
  .array(fc.constantFrom('全市', '经济', '增长', '项目', '突破', '达', '23', '4.5', '亿元', '万人次', '%', '个', ' ', '　'), { minLength: 4, maxLength: 24 })
  .map((parts) => parts.join(''));

const CJK_SPACE = /[\u4e00-\u9fff，。；：、！？][ \t\u3000]+[\u4e00-\u9fff，。；：、！？]/u;

describe('clean: invariants', () => {
  it('paragraphs partition the text, hold no line break, and map back into their raw lines', () => {
    fc.assert(
      fc.property(document, (raw) => {
        const doc = processText(pipeline, 'p', raw);
        const texts = doc.paragraphs.map((p) => cpSlice(doc.text, p.start, p.end));
        expect(texts.join('\n')).toBe(doc.text);
        for (const [i, p] of doc.paragraphs.entries()) {
          expect(texts[i]!.length).toBeGreaterThan(0);
          expect(texts[i]).not.toContain('\n');
          for (let cp = p.start; cp < p.end; cp++) {
            const line = doc.offsets.rawLine(cp);
            expect(line).toBeGreaterThanOrEqual(p.rawLineStart);
            expect(line).toBeLessThanOrEqual(p.rawLineEnd);
          }
        }
        expect(doc.text).not.toMatch(CJK_SPACE);
      }),
      { numRuns: 200 },
    );
  });

  it('sentences lie in order inside their paragraphs and hold all of its text but spaces', () => {
    fc.assert(
      fc.property(headline, document, (head, body) => {
        const raw = `${head}\n\n${body}`;
        const doc = processText(throughSentences, 's', raw);
        let previous = 0;
        const held = doc.paragraphs.map(() => '');
        for (const s of doc.sentences) {
          const p = doc.paragraphs[s.paragraph]!;
          expect(s.start).toBeGreaterThanOrEqual(Math.max(previous, p.start));
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.end).toBeLessThanOrEqual(p.end);
          held[s.paragraph] += cpSlice(doc.text, s.start, s.end);
          previous = s.end;
        }
        doc.paragraphs.forEach((p, i) => expect(held[i]!.replace(/\s/gu, '')).toBe(cpSlice(doc.text, p.start, p.end).replace(/\s/gu, '')));
      }),
      { numRuns: 200 },
    );
  });

  it('every raw character of prose is used exactly once, except dropped furniture lines and reported repairs', () => {
    fc.assert(
      fc.property(document, (raw) => {
        const doc = processText(pipeline, 'p', raw);
        const dropped = new Set(
          doc.warnings.filter((w) => w.rule.startsWith('furniture.yaml#') && w.severity === 'info').map((w) => w.place!.line),
        );
        // a misread percent sign (`1%1` → `1%`) and Markdown marks (`> `, `**`) are dropped with a
        // note naming the raw line: there, digits and percent signs, or the marks, may be gone
        const linesOf = (prefix: string) => new Set(doc.warnings.filter((w) => w.rule.startsWith(prefix)).map((w) => w.place!.line));
        const percentLines = linesOf('ocr-percent.yaml#');
        const markupLines = linesOf('clean/markup');
        // the html pass drops tags, comments and scripts and decodes references on the lines it names
        const htmlLines = linesOf('clean/html');
        // a scraped page's pinyin glosses and doubled clause marks go on the lines the scrape pass names
        const scrapeLines = linesOf('html.yaml#scrape');
        const repaired = (ch: string, line: number) =>
          (percentLines.has(line) && /[0-9０-９%％]/u.test(ch)) ||
          (markupLines.has(line) && /[>*#_]/u.test(ch)) ||
          htmlLines.has(line) ||
          (scrapeLines.has(line) && /[，、(（)）\p{Script=Latin}]/u.test(ch));
        const used = new Map<number, number>();
        Array.from(doc.text).forEach((ch, cp) => {
          if (ch === '\n' || ch === ' ') return;
          const origin = doc.offsets.toRaw(cp);
          used.set(origin, (used.get(origin) ?? 0) + 1);
        });
        const identity = doc.offsets.rawLineOfRaw.bind(doc.offsets);
        const missing: number[] = [];
        Array.from(raw).forEach((ch, i) => {
          if (/[\s\u200b]/u.test(ch) || dropped.has(identity(i)) || repaired(ch, identity(i))) return;
          if (used.get(i) !== 1) missing.push(i);
        });
        expect(missing).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('clean: linear time on hostile input', () => {
  // each input is a unit repeated `times` times (about a megabyte), then `tail`
  const hostile: [string, string, number, string][] = [
    ['a megabyte of Chinese with a space after every character', '中 ', 500_000, ''],
    ['a megabyte of digit groups and commas', '1,', 500_000, ''],
    ['a megabyte of short lines', '发展经济。\n', 170_000, ''],
    ['a megabyte of two columns read across', '发展经济增长项目   亿元个万发展经济\n', 50_000, ''],
    ['a megabyte of percent signs misread as digits, on one line', '增长5.896，', 110_000, ''],
    ['a megabyte of tag openings that never close, on one line', '<p ', 330_000, ''],
    ['a megabyte of comment openings closed at the very end', '<!--', 250_000, '-->发展'],
    ['a megabyte of references and script tags', '&nbsp;发展<script>&#x4e00;</script>', 31_000, ''],
  ];
  it.each(hostile)('%s is cleaned in time linear in its length', (_, unit, times, tail) => {
    const doc = expectLinear((n) => unit.repeat(n) + tail, (raw) => processText(pipeline, 'hostile', raw), times);
    expect(doc.text.length).toBeGreaterThan(0);
  });
});

describe('clean: OCR fixes stay local', () => {
  it('a megabyte paragraph full of confusable characters is cleaned in linear time', () => {
    const doc = expectLinear((n) => '尚未完成己经全面银兴，'.repeat(n), (raw) => processText(pipeline, 'hostile', raw), 90_000);
    expect(doc.text).toContain('尚未完成已经全面振兴');
  });
});

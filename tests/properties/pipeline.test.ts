/**
 * The whole pipeline over real report text cut at arbitrary points and spliced together, the way
 * column seams, page breaks and truncated files leave it: a clause that begins mid-list
 * (`，分别增长8%和7%。`), a heading glued to the wrong body, an English line inside Chinese.
 * Whatever the cut, no stage fails the document, and every record and paragraph stays inside the
 * text, in order, with a finite exact value. The texts are the committed fixtures, so each run
 * draws on thousands of real sentences that the phrase-level generators do not produce.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPipeline, processText } from '../../src/pipeline.js';
import { loadRules } from '../../src/rules/load.js';

const FOLDERS = ['tests/fixtures/zh-fresh', 'tests/fixtures/zh-heldout', 'tests/fixtures/english-fresh', 'tests/harness/ocr'];

/** Each fixture as an array of code points, so a cut never splits a surrogate pair. */
const texts: string[][] = FOLDERS.flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => Array.from(readFileSync(join(folder, name), 'utf8'))),
);

const pipeline = createPipeline(loadRules());

/** A piece of one fixture: `start` and `length` are scaled into the chosen text. */
const piece = fc.record({
  text: fc.nat({ max: texts.length - 1 }),
  start: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 700 }),
});
/** What stands between two pieces: nothing, a wrap, a blank line, a column gap, a comma. */
const joint = fc.constantFrom('', '\n', '\n\n', '  ', '    ', '，', '。');
const spliced = fc
  .tuple(fc.array(fc.tuple(piece, joint), { minLength: 1, maxLength: 3 }))
  .map(([parts]) =>
    parts
      .map(([{ text, start, length }, between]) => {
        const chars = texts[text]!;
        const from = Math.floor(start * chars.length);
        return chars.slice(from, from + length).join('') + between;
      })
      .join(''),
  );

describe('pipeline: properties over cut-up real text', () => {
  it('never fails a document; paragraphs, sentences and records stay in the text, in order, finite', () => {
    expect(texts.length).toBeGreaterThan(50);
    fc.assert(
      fc.property(spliced, (raw) => {
        const doc = processText(pipeline, 'cut', raw);
        const length = Array.from(doc.text).length;
        let previous = 0;
        for (const p of doc.paragraphs) {
          expect(p.start).toBeGreaterThanOrEqual(previous);
          expect(p.end).toBeLessThanOrEqual(length);
          previous = p.end;
        }
        for (const s of doc.sentences) {
          expect(s.start).toBeGreaterThanOrEqual(0);
          expect(s.end).toBeLessThanOrEqual(length);
        }
        let start = 0;
        for (const q of doc.quantities) {
          expect(q.start).toBeGreaterThanOrEqual(start);
          expect(q.end).toBeGreaterThan(q.start);
          expect(q.end).toBeLessThanOrEqual(length);
          start = q.start;
          expect(Number.isFinite(Number(q.value))).toBe(true);
          expect(doc.sentences[q.sentence]).toBeDefined();
        }
      }),
      { numRuns: 300 },
    );
  });

  // short lines of numbers, units and words, the shapes the cleaner reorders: a short line read
  // as a heading that interrupts a sentence is lifted after its paragraph, columns are read apart
  const numberToken = fc.oneof(
    fc.integer({ min: 0, max: 99999 }).map(String),
    fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${b}`),
    fc.constantFrom('三', '四千', '八千', '九百', '两', '十二', '三分之五', '百分之七十'),
  );
  const token = fc.oneof(
    { weight: 3, arbitrary: numberToken },
    { weight: 3, arbitrary: fc.constantFrom('个', '项', '亿元', '万元', '亩', '吨', '公里', '%', '百分点', '倍', '余', '以上', '左右', '人次') },
    { weight: 4, arbitrary: fc.constantFrom('全年', '完成投资', '项目', '增长', '比上年', '计划', '力争', '全市', '新建', '实施', '达到', '其中') },
    { weight: 2, arbitrary: fc.constantFrom('，', '。', '、', '；', ' ', '  ', '    ') },
  );
  const line = fc.array(token, { minLength: 1, maxLength: 10 }).map((tokens) => tokens.join(''));
  const page = fc
    .array(fc.tuple(line, fc.constantFrom('\n', '\n', '\n', '\n\n')), { minLength: 1, maxLength: 40 })
    .map((lines) => lines.map(([text, end]) => text + end).join(''));

  it('every quantity maps back to a raw span in range that holds its characters in order, or a warning says why', () => {
    fc.assert(
      fc.property(fc.oneof(page, spliced), (raw) => {
        const doc = processText(pipeline, 'raw', raw);
        const rawChars = Array.from(raw);
        const converted = doc.warnings.some((w) => w.rule.startsWith('decode/'));
        for (const q of doc.quantities) {
          const span = doc.offsets.rawSpan(q.start, q.end);
          expect(span.start).toBeGreaterThanOrEqual(0);
          expect(span.start).toBeLessThanOrEqual(span.end);
          expect(span.end).toBeLessThanOrEqual(rawChars.length);
          const line = doc.offsets.rawLine(q.start);
          expect(line).toBeGreaterThanOrEqual(doc.offsets.rawLineOfRaw(span.start));
          expect(line).toBeLessThanOrEqual(doc.offsets.rawLineOfRaw(Math.max(span.start, span.end - 1)));
          // a warning on the quantity (out of raw order, an OCR repair) explains a change
          if (converted || doc.warnings.some((w) => w.place && w.place.start < q.end && w.place.end > q.start)) continue;
          // compared as the cleaner folds them: full-width digits and points read as ASCII
          const wanted = Array.from(q.text.normalize('NFKC')).filter((ch) => !/\s/u.test(ch));
          let k = 0;
          for (const ch of rawChars.slice(span.start, span.end).join('').normalize('NFKC')) if (k < wanted.length && ch === wanted[k]) k++;
          expect({ text: q.text, found: wanted.slice(0, k).join('') }).toEqual({ text: q.text, found: wanted.join('') });
        }
      }),
      { numRuns: 300 },
    );
  });
});

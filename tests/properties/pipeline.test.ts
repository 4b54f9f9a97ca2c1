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
});

/**
 * clean, measured on text extracted from PDFs: reports are often published as PDF and turned into
 * text with poppler's pdftotext, which either follows the reading order it finds (no indent, no
 * blank lines: paragraph ends show only in short last lines) or, with `-layout`, keeps the page's
 * geometry (first-line indents as spaces, and several columns read straight across, their
 * fragments joined by runs of spaces).
 *
 * Fixtures in tests/harness/pdf/, printed by headless Chromium 156 (`--print-to-pdf
 * --no-pdf-header-footer`) and read by `pdftotext -enc UTF-8` 22.12, with and without `-layout`:
 *   three-columns.*              tests/harness/ocr/page.html, the harness's source as a three-column page
 *   provincial-bulletin-2021.*,  a held-out text (tests/fixtures/zh-heldout) set one `<p>` a line,
 *   national-report-2019.*       11 pt Noto CJK, 1.6 lines, 2 em first-line indent, A4 with 20 mm margins
 * Measured as the OCR pages are (tests/clean.ocr.test.ts): source sentences found whole in one
 * paragraph, paragraph-start F1, and quantity F1 (value and unit) against the source run through
 * the same pipeline.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPipeline, processText } from '../src/pipeline.js';
import { loadRules } from '../src/rules/load.js';
import { clean } from '../src/stages/clean/index.js';
import { cpSlice } from '../src/text/codepoints.js';
import { multisetF1, paragraphF1, plainClean, sentencesWholeFuzzy, sourceParagraphs } from './harness/measure.js';

const rules = loadRules();
const cleaning = createPipeline(rules, [clean]);
const everything = createPipeline(rules);
const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');

const quantityKeys = (text: string): string[] => processText(everything, 'q', text).quantities.map((q) => `${q.value}|${q.unit}`);

function measure(file: string, source: string[]) {
  const raw = read(`./harness/pdf/${file}`);
  const doc = processText(cleaning, file, raw);
  const ours = doc.paragraphs.map((p) => cpSlice(doc.text, p.start, p.end));
  const plain = plainClean(raw);
  const result = {
    whole: sentencesWholeFuzzy(source, ours),
    plainWhole: sentencesWholeFuzzy(source, plain),
    f1: paragraphF1(source, ours),
    quantities: multisetF1(quantityKeys(raw), quantityKeys(source.join('\n\n'))),
  };
  console.log(`${file}: whole ${result.whole.toFixed(3)} (plain ${result.plainWhole.toFixed(3)}), paragraph F1 ${result.f1.toFixed(3)}, quantity F1 ${result.quantities.toFixed(3)}`);
  return result;
}

const heldOut = (name: string): string[] =>
  read(`./fixtures/zh-heldout/${name}.txt`)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

describe('clean on pdftotext output of one-column reports', () => {
  for (const name of ['provincial-bulletin-2021', 'national-report-2019']) {
    for (const mode of ['plain', 'layout']) {
      const result = measure(`${name}.${mode}.txt`, heldOut(name));
      // measured: every sentence whole and every quantity found in all four; paragraph F1 0.96–1.00
      it(`${name}, pdftotext ${mode === 'layout' ? '-layout' : '(reading order)'}: every sentence whole, every quantity found`, () => {
        expect(result.whole).toBe(1);
        expect(result.quantities).toBe(1);
        expect(result.f1).toBeGreaterThanOrEqual(0.9);
      });
    }
  }
});

describe('clean on pdftotext output of a three-column page', () => {
  const source = sourceParagraphs().map((p) => p.text);
  it('in reading order: every sentence whole', () => {
    const result = measure('three-columns.plain.txt', source);
    expect(result.whole).toBe(1);
    expect(result.quantities).toBeGreaterThanOrEqual(0.97);
  });
  // -layout reads straight across the columns, as an OCR engine that missed them does, but with
  // every character right: measured 1.000 whole (plain cleaner 0.212), paragraph F1 0.979,
  // quantity F1 1.000 (were 0.924, 0.864, 0.984 before the form feed counted as a page break, the
  // title set across the columns was kept apart and an indent off a column's cell margin started
  // a paragraph). The one start off is the title, a heading of its own the source lacks.
  it('-layout, straight across the columns: the grid pass deals them back', () => {
    const result = measure('three-columns.layout.txt', source);
    expect(result.whole).toBeGreaterThanOrEqual(0.98);
    expect(result.whole).toBeGreaterThan(result.plainWhole + 0.5);
    expect(result.f1).toBeGreaterThanOrEqual(0.95);
    expect(result.quantities).toBeGreaterThanOrEqual(0.98);
  });
});

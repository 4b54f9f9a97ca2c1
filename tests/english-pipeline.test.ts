/**
 * The language and english stages inside the whole pipeline: Chinese results stay exactly as
 * they are without them, English fixtures come out in English, and a mixed document gets both.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPipeline, stages } from '../src/pipeline.js';
import { loadRules } from '../src/rules/load.js';
import { defineStage, type Stage } from '../src/stage.js';
import { createDoc, decodeDoc } from '../src/stages/decode.js';
import { cpSlice } from '../src/text/codepoints.js';

const rules = loadRules();
const full = createPipeline(rules);
// the pipeline as it was before issue 8: every paragraph Chinese, no English stage
const identity = (name: string, like: Stage<any>) =>
  defineStage({ name, requires: like.requires, assigns: like.assigns, prepare: () => null, run: (doc) => doc });
const withoutEnglish = createPipeline(
  rules,
  stages.map((stage) => (stage.name === 'language' || stage.name === 'english' ? identity(stage.name, stage) : stage)),
);

describe('english in the pipeline', () => {
  it('leaves the Chinese sample exactly as the pipeline without language and english stages has it', () => {
    const path = 'input/changchun-2025-lianghui.txt';
    const bytes = readFileSync(path);
    const before = withoutEnglish.process(decodeDoc('sample', path, bytes));
    const after = full.process(decodeDoc('sample', path, bytes));
    expect(after.paragraphs.filter((p) => p.lang === 'en').map((p) => cpSlice(after.text, p.start, p.end))).toEqual([]);
    expect(after.quantities).toEqual(before.quantities);
    expect(after.quantities.length).toBeGreaterThan(0);
  });

  it('a mixed document: Chinese paragraphs go through recognize, English ones through english', () => {
    const text = '2024年全市GDP增长5.2%，CPI上涨0.3%。\n\nGDP grew by 5.2 percent, and 12.44 million new urban jobs were added.\n';
    const doc = full.process(createDoc('mixed', text));
    const en = doc.quantities.filter((q) => q.lang === 'en');
    expect(en.map((q) => [q.value, q.unit])).toEqual([
      ['5.2', '%'],
      ['12440000', '个'],
    ]);
    for (const q of doc.quantities) expect(cpSlice(doc.text, q.start, q.end)).toBe(q.text);
    const zhParagraph = doc.paragraphs.find((p) => cpSlice(doc.text, p.start, p.end).includes('CPI'));
    expect(zhParagraph?.lang).toBe('zh');
  });

  it('every English fixture comes out with English records whose text slices back', () => {
    for (const id of ['work-report-2026', 'highlights-2026', 'provincial-report-2025']) {
      const path = `tests/fixtures/english/${id}.txt`;
      const doc = full.process(decodeDoc(id, path, readFileSync(path)));
      expect(doc.quantities.length, id).toBeGreaterThan(15);
      for (const q of doc.quantities) {
        expect(q.lang).toBe('en');
        expect(cpSlice(doc.text, q.start, q.end)).toBe(q.text);
      }
    }
  });
});

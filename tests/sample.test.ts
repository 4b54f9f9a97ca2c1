/**
 * The sample page end to end, scored against its hand-made gold (tests/gold, copied from
 * shared/gold). The floors only ever go up: raise them when extraction improves.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../src/pipeline.js';
import { loadRules } from '../src/rules/load.js';
import { decodeDoc } from '../src/stages/decode.js';
import { docJson } from '../src/output/json.js';
import { readGold } from '../src/score/files.js';
import { metrics, scoreDocument } from '../src/score/score.js';
import type { ScoredRecord } from '../src/score/align.js';
import { cpSlice } from '../src/text/codepoints.js';

const FLOORS = {
  f1: 0.98,
  qualifierAccuracy: 0.98,
  changeAccuracy: 0.97,
  modalityAccuracy: 0.95,
  subjectAccuracy: 0.9,
};

const id = 'changchun-2025-lianghui';
const path = `input/${id}.txt`;
const pipeline = createPipeline(loadRules());
const doc = pipeline.process(decodeDoc(id, path, readFileSync(path)));
const json = docJson(doc) as { quantities: ScoredRecord[] };
const gold = readGold('tests/gold').get(id)!;
const result = metrics(scoreDocument(id, json.quantities, gold).counts);

describe('the sample page', () => {
  it.each(Object.entries(FLOORS))('%s is at least its floor', (name, floor) => {
    expect(result[name as keyof typeof result]).toBeGreaterThanOrEqual(floor);
  });

  it('every quantity slices back to its text, and its raw line holds its first character', () => {
    for (const q of doc.quantities) {
      expect(cpSlice(doc.text, q.start, q.end)).toBe(q.text);
      const rawOffset = doc.offsets.toRaw(q.start);
      expect(Array.from(doc.raw)[rawOffset]).toBe(Array.from(q.text)[0]);
    }
  });

  it('processing twice gives byte-identical JSON', () => {
    const again = pipeline.process(decodeDoc(id, path, readFileSync(path)));
    expect(JSON.stringify(docJson(again))).toBe(JSON.stringify(json));
  });
});

/**
 * The annotated documents end to end, scored against their hand-made gold: the Chinese sample
 * page (tests/gold, copied from shared/gold) and the annotated folders of Chinese and English texts
 * (SETS). The floors only ever go up: raise them when extraction improves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPipeline } from '../src/pipeline.js';
import { loadRules } from '../src/rules/load.js';
import { decodeDoc } from '../src/stages/decode.js';
import { docJson } from '../src/output/json.js';
import { readGold } from '../src/score/files.js';
import { addCounts, emptyCounts, metrics, scoreDocument } from '../src/score/score.js';
import type { ScoredRecord } from '../src/score/align.js';
import { cpSlice } from '../src/text/codepoints.js';
import { MAX_LIST_SUBJECT, MAX_SUBJECT } from '../src/stages/attribute/phrase.js';
import type { Doc } from '../src/document.js';

const pipeline = createPipeline(loadRules());

function run(path: string): Doc {
  return pipeline.process(decodeDoc(basename(path, '.txt'), path, readFileSync(path)));
}

function score(docs: Doc[], goldDir: string) {
  const gold = readGold(goldDir);
  let counts = emptyCounts();
  for (const doc of docs) {
    const predicted = (docJson(doc) as { quantities: ScoredRecord[] }).quantities;
    counts = addCounts(counts, scoreDocument(doc.id, predicted, gold.get(doc.id) ?? []).counts);
  }
  return metrics(counts);
}

describe('the Chinese sample page', () => {
  const FLOORS = { f1: 0.99, qualifierAccuracy: 0.99, changeAccuracy: 0.98, modalityAccuracy: 0.99, subjectAccuracy: 0.95 };
  const doc = run('input/changchun-2025-lianghui.txt');
  const result = score([doc], 'tests/gold');

  it.each(Object.entries(FLOORS))('%s is at least its floor', (name, floor) => {
    expect(result[name as keyof typeof result]).toBeGreaterThanOrEqual(floor);
  });

  it('every quantity slices back to its text, and its raw offset holds its first character', () => {
    const raw = Array.from(doc.raw);
    for (const q of doc.quantities) {
      expect(cpSlice(doc.text, q.start, q.end)).toBe(q.text);
      expect(raw[doc.offsets.toRaw(q.start)]).toBe(Array.from(q.text)[0]);
    }
  });

  it('no subject is longer than 16 characters', () => {
    for (const q of doc.quantities) expect(Array.from(q.subject).length).toBeLessThanOrEqual(16);
  });

  it('processing twice gives byte-identical JSON', () => {
    expect(JSON.stringify(docJson(run('input/changchun-2025-lianghui.txt')))).toBe(JSON.stringify(docJson(doc)));
  });
});

/** The annotated folders: each text was written for the project and annotated before liang ran on it. */
const SETS = [
  {
    name: 'the English texts',
    folder: 'tests/fixtures/english',
    gold: 'tests/gold-english',
    lang: 'en',
    floors: { f1: 0.99, qualifierAccuracy: 0.99, changeAccuracy: 0.99, modalityAccuracy: 0.99, subjectAccuracy: 0.97 },
  },
  // national, provincial, 1995 county, news, full-width OCR, plan report, statistics release
  // (tests/gold-zh/NOTES.md has the first figures)
  {
    name: 'the held-out Chinese texts',
    folder: 'tests/fixtures/zh-heldout',
    gold: 'tests/gold-zh',
    lang: 'zh',
    floors: { f1: 0.99, qualifierAccuracy: 0.99, changeAccuracy: 0.99, modalityAccuracy: 0.99, subjectAccuracy: 0.98 },
  },
  // one hundred and sixty-three sector bulletins, reports, plans and news pages in seventy-six batches (tests/gold-fresh/NOTES.md: the untouched score of each)
  {
    name: 'the fresh bulletin texts',
    folder: 'tests/fixtures/zh-fresh',
    gold: 'tests/gold-fresh',
    lang: 'zh',
    floors: { f1: 0.99, qualifierAccuracy: 0.99, changeAccuracy: 0.99, modalityAccuracy: 0.99, subjectAccuracy: 0.99 },
  },
  // one hundred and six English texts in fifty-one batches (tests/gold-english-fresh/NOTES.md: the untouched score of each)
  {
    name: 'the fresh English texts',
    folder: 'tests/fixtures/english-fresh',
    gold: 'tests/gold-english-fresh',
    lang: 'en',
    floors: { f1: 0.99, qualifierAccuracy: 0.99, changeAccuracy: 0.99, modalityAccuracy: 0.99, subjectAccuracy: 0.97 },
  },
] as const;

for (const { name, folder, gold, lang, floors } of SETS) describe(name, () => {
  const docs = readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => run(join(folder, name)));
  const result = score(docs, gold);

  it.each(Object.entries(floors))('%s is at least its floor', (metric, floor) => {
    expect(result[metric as keyof typeof result]).toBeGreaterThanOrEqual(floor);
  });

  it(`every paragraph is read as ${lang} and every quantity slices back to its text`, () => {
    for (const doc of docs) {
      expect(doc.paragraphs.every((p) => p.lang === lang)).toBe(true);
      for (const q of doc.quantities) expect(cpSlice(doc.text, q.start, q.end)).toBe(q.text);
    }
  });

  if (lang === 'zh') {
    // a subject that holds a 、 list may be an official class name of up to MAX_LIST_SUBJECT characters
    // (电力、热力、燃气及水生产和供应业增加值, phrase.ts shorten); any other stays within MAX_SUBJECT
    it('no subject is longer than 16 characters, or 24 with a list', () => {
      for (const doc of docs) {
        for (const q of doc.quantities) {
          const limit = q.subject.includes('、') ? MAX_LIST_SUBJECT : MAX_SUBJECT;
          expect(Array.from(q.subject).length, q.subject).toBeLessThanOrEqual(limit);
        }
      }
    });
  }
});

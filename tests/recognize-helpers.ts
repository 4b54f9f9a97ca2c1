/**
 * Shared set-up for the recognize tests: the shipped rules, the segmenter, and a one-sentence
 * Chinese document around a phrase.
 */
import type { Doc } from '../src/document.js';
import { loadRules } from '../src/rules/load.js';
import { compileRecognizer } from '../src/stages/recognize/compile.js';
import { recognizeDoc } from '../src/stages/recognize/index.js';
import { OffsetMap } from '../src/text/offsets.js';
import { getSegmenter } from '../src/text/segment.js';
import { cpLength } from '../src/text/codepoints.js';

export const rules = loadRules();
export const segmenter = getSegmenter(rules.userDictPath);
export const compiled = compileRecognizer(rules);

/** A document whose whole text is one Chinese paragraph holding one sentence. */
export function phraseDoc(text: string, lang: 'zh' | 'en' = 'zh'): Doc {
  const n = cpLength(text);
  return {
    id: 'phrase',
    source: { path: '-', sha256: '', encoding: 'utf-8', bytes: 0 },
    raw: text,
    text,
    offsets: OffsetMap.identity(text),
    paragraphs: [{ start: 0, end: n, kind: 'body', lang, rawLineStart: 1, rawLineEnd: 1 }],
    sentences: [{ start: 0, end: n, paragraph: 0 }],
    quantities: [],
    warnings: [],
  };
}

/** Runs the recognizer over `text` as one sentence. */
export function recognizePhrase(text: string) {
  return recognizeDoc(phraseDoc(text), compiled, {
    isWord: (word) => segmenter.isWord(word),
    cut: (text, base) => segmenter.cut(text, base),
  });
}

/** [text, value, unit, kind, qualifier = exact, value_max = null] */
export type ExpectedRecord = [string, string, string, string, string?, string?];

/** The fields of a record that a case table states, in the table's tuple order. */
export function asTuple(q: { text: string; value: string; unit: string; kind: string; qualifier: string; valueMax: string | null }) {
  return [q.text, q.value, q.unit, q.kind, q.qualifier, q.valueMax];
}

export function expandExpected(record: ExpectedRecord) {
  const [text, value, unit, kind, qualifier = 'exact', valueMax = null] = record;
  return [text, value, unit, kind, qualifier, valueMax];
}

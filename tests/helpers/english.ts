/** Builds English Docs directly (one paragraph per non-empty line), independent of the clean stage. */
import type { Doc, Paragraph } from '../../src/document.js';
import { loadRules } from '../../src/rules/load.js';
import { createDoc } from '../../src/stages/decode.js';
import { english } from '../../src/stages/english/index.js';
import { language } from '../../src/stages/language.js';
import { sentences } from '../../src/stages/sentences.js';
import type { Segmenter } from '../../src/text/segment.js';

const rules = loadRules();
const compiled = english.prepare(rules, null as unknown as Segmenter);
const none = null as unknown as Segmenter;

/** A Doc for `text` with one body paragraph per non-empty line (lang set by the language stage). */
export function paragraphDoc(text: string, id = 'test'): Doc {
  const doc = createDoc(id, text);
  const paragraphs: Paragraph[] = [];
  let offset = 0;
  text.split('\n').forEach((line, index) => {
    const length = Array.from(line).length;
    if (line.trim() !== '') {
      paragraphs.push({ start: offset, end: offset + length, kind: 'body', lang: 'zh', rawLineStart: index + 1, rawLineEnd: index + 1 });
    }
    offset += length + 1;
  });
  return { ...doc, paragraphs };
}

/** language → sentences → english over `text`, without clean, recognize or attribute. */
export function runEnglish(text: string): Doc {
  let doc = paragraphDoc(text);
  doc = language.run(doc, { rules, compiled: null, segmenter: none });
  doc = sentences.run(doc, { rules, compiled: null, segmenter: none });
  return english.run(doc, { rules, compiled, segmenter: none });
}

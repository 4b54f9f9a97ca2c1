/** Builds English Docs directly (one paragraph per non-empty line), independent of the clean stage. */
import type { Doc, Paragraph } from '../../src/document.js';
import { loadRules } from '../../src/rules/load.js';
import { createDoc } from '../../src/stages/decode.js';
import { english } from '../../src/stages/english/index.js';
import { language } from '../../src/stages/language.js';
import { sentences } from '../../src/stages/sentences.js';
import type { Segmenter } from '../../src/text/segment.js';
import { MappedTextBuilder } from '../../src/text/offsets.js';

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

/**
 * A Doc for `text` whose paragraphs are blocks of lines separated by blank lines, each line
 * joined to the next with a space (as a cleaner joins a hard-wrapped PDF), offsets mapped.
 */
export function blockDoc(text: string, id = 'test'): Doc {
  const builder = new MappedTextBuilder();
  const paragraphs: Paragraph[] = [];
  let raw = 0;
  let open: { start: number; line: number } | null = null;
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const length = Array.from(line).length;
    if (line.trim() === '') {
      if (open) paragraphs.push({ start: open.start, end: builder.length, kind: 'body', lang: 'zh', rawLineStart: open.line, rawLineEnd: index });
      open = null;
    } else {
      if (open) builder.appendAt(' ', raw - 1);
      else {
        if (builder.length > 0) builder.appendAt('\n', raw - 1);
        open = { start: builder.length, line: index + 1 };
      }
      builder.appendRaw(line, raw);
    }
    raw += length + 1;
  });
  if (open) paragraphs.push({ start: (open as { start: number }).start, end: builder.length, kind: 'body', lang: 'zh', rawLineStart: (open as { line: number }).line, rawLineEnd: lines.length });
  const { text: cleaned, offsets } = builder.finish(text, Array.from(text).length);
  return { ...createDoc(id, text), text: cleaned, offsets, paragraphs };
}

/** language → sentences → english over `text`, without clean, recognize or attribute. */
export function runEnglish(text: string, build: (text: string) => Doc = paragraphDoc): Doc {
  let doc = build(text);
  doc = language.run(doc, { rules, compiled: null, segmenter: none });
  doc = sentences.run(doc, { rules, compiled: null, segmenter: none });
  return english.run(doc, { rules, compiled, segmenter: none });
}

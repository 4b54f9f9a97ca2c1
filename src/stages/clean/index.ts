/**
 * clean: raw → cleaned text in paragraphs. PLACEHOLDER until the clean stage lands: one
 * paragraph per non-empty raw line, text unchanged.
 */
import type { Paragraph } from '../../document.js';
import { defineStage } from '../../stage.js';
import { MappedTextBuilder } from '../../text/offsets.js';

export const clean = defineStage({
  name: 'clean',
  requires: ['raw'],
  assigns: ['text', 'paragraphs'],
  prepare: () => null,
  run(doc) {
    const builder = new MappedTextBuilder();
    const paragraphs: Paragraph[] = [];
    let rawCp = 0;
    doc.raw.split('\n').forEach((line, index) => {
      const length = Array.from(line).length;
      if (line.trim() !== '') {
        if (builder.length > 0) builder.appendAt('\n', rawCp - 1);
        const start = builder.length;
        builder.appendRaw(line, rawCp);
        paragraphs.push({ start, end: builder.length, kind: 'body', lang: 'zh', rawLineStart: index + 1, rawLineEnd: index + 1 });
      }
      rawCp += length + 1;
    });
    const { text, offsets } = builder.finish(doc.raw, Array.from(doc.raw).length);
    return { ...doc, text, offsets, paragraphs };
  },
});

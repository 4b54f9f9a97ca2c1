/**
 * clean, the html pass (src/stages/clean/html.ts): the phrase table in tests/cases/clean-html.yaml,
 * the way back from decoded characters to their raw references, and what it reports.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Doc } from '../src/document.js';
import { createPipeline, processText } from '../src/pipeline.js';
import { loadRules } from '../src/rules/load.js';
import { clean } from '../src/stages/clean/index.js';
import { cpSlice } from '../src/text/codepoints.js';

interface Case {
  name: string;
  raw: string;
  paragraphs: { text: string; kind: string }[];
  todo?: string;
}

const cases = parse(readFileSync(new URL('./cases/clean-html.yaml', import.meta.url), 'utf8')) as Case[];
const pipeline = createPipeline(loadRules(), [clean]);
const paragraphsOf = (doc: Doc) => doc.paragraphs.map((p) => ({ text: cpSlice(doc.text, p.start, p.end), kind: p.kind as string }));

describe('clean html: phrase table', () => {
  for (const c of cases) {
    const test = c.todo ? it.fails : it;
    test(`clean html: ${c.name}${c.todo ? ` (todo: ${c.todo})` : ''}`, () => {
      expect(paragraphsOf(processText(pipeline, c.name, c.raw))).toEqual(c.paragraphs);
    });
  }
});

describe('clean html: provenance', () => {
  const raw = '标题\n<p>粮食总产量&ldquo;十四连丰&rdquo;，达到<b>123.4</b>万吨。</p><p>新建学校12所。</p>\n';
  const doc = processText(pipeline, 'web', raw);

  it('a decoded character maps back to the & of its reference', () => {
    const at = [...doc.text].indexOf('“');
    expect(cpSlice(raw, doc.offsets.toRaw(at), doc.offsets.toRaw(at) + 7)).toBe('&ldquo;');
  });

  it('text after a dropped tag maps back to itself, and both paragraphs name raw line 2', () => {
    const text = [...doc.text];
    const at = text.indexOf('1');
    expect(cpSlice(raw, doc.offsets.toRaw(at), doc.offsets.toRaw(at) + 5)).toBe('123.4');
    expect(doc.paragraphs.slice(1).map((p) => [p.rawLineStart, p.rawLineEnd])).toEqual([
      [2, 2],
      [2, 2],
    ]);
  });

  it('one info warning per raw line says what went', () => {
    const html = doc.warnings.filter((w) => w.rule === 'clean/html');
    expect(html).toHaveLength(1);
    expect(html[0]!.severity).toBe('info');
    expect(html[0]!.place?.line).toBe(2);
    expect(html[0]!.reason).toMatch(/tags dropped.*character references decoded|character references decoded.*tags dropped/);
  });

  it('a text without markup has no such warning', () => {
    expect(processText(pipeline, 'plain', '全年新建学校12所。').warnings.filter((w) => w.rule === 'clean/html')).toEqual([]);
  });
});

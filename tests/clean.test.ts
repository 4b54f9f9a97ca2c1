/**
 * clean: the phrase table in tests/cases/clean.yaml, and the stage's contract on the sample
 * (paragraph spans, raw lines, offsets back to the raw text).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Doc } from '../src/document.js';
import { createPipeline, processText, type Pipeline } from '../src/pipeline.js';
import { loadRules } from '../src/rules/load.js';
import { clean } from '../src/stages/clean/index.js';
import { hasSpace, isDigit, isLatinLetter, isSpace } from '../src/stages/clean/chars.js';
import { foldChar, mayChange } from '../src/stages/clean/normalize.js';
import { cpSlice } from '../src/text/codepoints.js';

interface Case {
  name: string;
  raw: string;
  paragraphs: { text: string; kind: string }[];
  todo?: string;
}

const cases = parse(readFileSync(new URL('./cases/clean.yaml', import.meta.url), 'utf8')) as Case[];
const sample = readFileSync(new URL('../input/changchun-2025-lianghui.txt', import.meta.url), 'utf8');

let pipeline: Pipeline;
beforeAll(() => {
  pipeline = createPipeline(loadRules(), [clean]);
});

const paragraphsOf = (doc: Doc) =>
  doc.paragraphs.map((p) => ({ text: cpSlice(doc.text, p.start, p.end), kind: p.kind as string }));

describe('clean: phrase table', () => {
  for (const c of cases) {
    const test = c.todo ? it.fails : it;
    test(`clean: ${c.name}${c.todo ? ` (todo: ${c.todo})` : ''}`, () => {
      const doc = processText(pipeline, c.name, c.raw);
      expect(paragraphsOf(doc)).toEqual(c.paragraphs);
    });
  }
});

describe('clean: contract on the sample', () => {
  let doc: Doc;
  beforeAll(() => {
    doc = processText(pipeline, 'sample', sample);
  });

  it('paragraphs are joined by one \\n and hold none', () => {
    const text = doc.paragraphs.map((p) => cpSlice(doc.text, p.start, p.end)).join('\n');
    expect(text).toBe(doc.text);
    for (const p of paragraphsOf(doc)) expect(p.text).not.toMatch(/\n/);
  });

  it('no space is left between two Chinese characters', () => {
    expect(doc.text).not.toMatch(/[\u4e00-\u9fff，。；：、！？][ \t\u3000]+[\u4e00-\u9fff，。；：、！？]/u);
  });

  it('every paragraph names the raw lines it came from, and every character maps into them', () => {
    for (const p of doc.paragraphs) {
      expect(p.rawLineStart).toBeGreaterThanOrEqual(1);
      expect(p.rawLineEnd).toBeGreaterThanOrEqual(p.rawLineStart);
      for (let cp = p.start; cp < p.end; cp++) {
        const line = doc.offsets.rawLine(cp);
        expect(line).toBeGreaterThanOrEqual(p.rawLineStart);
        expect(line).toBeLessThanOrEqual(p.rawLineEnd);
      }
    }
  });

  it('a number cut from its unit by a line break comes out joined (260 + 亿斤)', () => {
    expect(doc.text).toContain('粮食产量接近260亿斤');
    expect(doc.text).toContain('227项业务');
    expect(doc.text).toContain('5000万元以上项目1400个');
  });

  it('the byline is its own paragraph; the OCR confusion 银兴 is fixed', () => {
    const byline = paragraphsOf(doc).filter((p) => p.kind === 'byline');
    expect(byline.map((p) => p.text)).toEqual(['本版撰稿：孟凡明孙红丽']);
    expect(doc.text).toContain('乡村全面振兴');
    expect(doc.warnings.some((w) => w.rule.startsWith('ocr-fixes.yaml#') && w.place?.line === 171)).toBe(true);
  });

  it('weak column seams are warned about, naming their raw line', () => {
    const seams = doc.warnings.filter((w) => w.rule === 'clean/columns#weak-seam');
    expect(seams.length).toBeGreaterThan(0);
    expect(seams.some((w) => w.place?.line === 107)).toBe(true);
    for (const w of seams) expect(w.reason).toContain(`raw line ${w.place!.line}`);
  });
});

describe('clean: fast paths', () => {
  it('normalize skips only code units it would leave as they are (every BMP unit checked)', () => {
    const missed: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      const changes = foldChar(ch) !== ch || ',;:?!．'.includes(ch);
      if (changes && !mayChange(c)) missed.push(c.toString(16));
    }
    expect(missed).toEqual([]);
  });
});

describe('clean: character classes', () => {
  it('isDigit and isLatinLetter answer as the string comparisons they replace, for any string', () => {
    const samples = ['', '0', '5', '9', '90', '09', '9a', '/', ':', 'a', 'z', 'za', 'zz', 'y9', 'A', 'Z', 'Za', '@', '[', '`', '{', '５', '中', '\u{20000}'];
    for (const ch of samples) {
      expect(isDigit(ch), ch).toBe(ch >= '0' && ch <= '9');
      expect(isLatinLetter(ch), ch).toBe((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
    }
  });

  it('isSpace is a space, a tab or an ideographic space, one character only; hasSpace finds one', () => {
    for (const ch of ['', ' ', '\t', '\u3000', '  ', ' a', '\u3000\u3000', '\n', '\u00a0', 'a', '中']) {
      expect(isSpace(ch), JSON.stringify(ch)).toBe(ch === ' ' || ch === '\t' || ch === '\u3000');
    }
    expect(hasSpace(['中', '国'])).toBe(false);
    expect(hasSpace(['中', '\u3000', '国'])).toBe(true);
  });
});

/**
 * offsets: the way back from cleaned text to raw text (src/text/offsets.ts), alone and as the
 * clean stage builds it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPipeline, processText } from '../src/pipeline.js';
import { loadRules } from '../src/rules/load.js';
import { clean } from '../src/stages/clean/index.js';
import { foldChar } from '../src/stages/clean/normalize.js';
import { MappedTextBuilder, OffsetMap, lineStarts } from '../src/text/offsets.js';

describe('offsets: OffsetMap and MappedTextBuilder', () => {
  it('identity maps every offset to itself and finds raw lines (1-based)', () => {
    const raw = '第一行\n第二行\n\n第四行';
    const map = OffsetMap.identity(raw);
    expect(map.length).toBe(Array.from(raw).length);
    expect(map.toRaw(5)).toBe(5);
    expect(map.rawLine(0)).toBe(1);
    expect(map.rawLine(4)).toBe(2);
    expect(map.rawLine(9)).toBe(4);
  });

  it('line starts count code points, not UTF-16 units (an astral character is one)', () => {
    expect(lineStarts('𠀀a\nb')).toEqual([0, 3]);
  });

  it('the builder remembers where each appended code point came from', () => {
    const raw = 'ab  cd\nef';
    const builder = new MappedTextBuilder();
    builder.appendRaw('ab', 0);
    builder.appendRaw('cd', 4);
    builder.appendAt('\n', 6);
    builder.appendRaw('ef', 7);
    const { text, offsets } = builder.finish(raw, 9);
    expect(text).toBe('abcd\nef');
    expect([0, 1, 2, 3, 4, 5, 6].map((cp) => offsets.toRaw(cp))).toEqual([0, 1, 4, 5, 6, 7, 8]);
    expect(offsets.toRaw(7)).toBe(9);
    expect(offsets.rawLine(5)).toBe(2);
  });

  it('a paragraph appended in one piece keeps each origin; trimEnd and lastChar see its code points', () => {
    const builder = new MappedTextBuilder();
    builder.appendMapped(['甲', '𠀀', ' ', ' '], [3, 4, 6, 7]);
    expect(builder.length).toBe(4);
    builder.trimEnd((ch) => ch === ' ');
    expect(builder.lastChar()).toBe('𠀀');
    builder.appendAt('\n', 8);
    builder.appendMapped(['乙'], [9]);
    const { text, offsets } = builder.finish('x', 10);
    expect(text).toBe('甲𠀀\n乙');
    expect([0, 1, 2, 3, 4].map((cp) => offsets.toRaw(cp))).toEqual([3, 4, 8, 9, 10]);
  });

  it('trimEnd drops trailing code points and their origins', () => {
    const builder = new MappedTextBuilder();
    builder.appendRaw('ab  ', 0);
    builder.trimEnd((ch) => ch === ' ');
    expect(builder.length).toBe(2);
    expect(builder.finish('ab  ', 2).text).toBe('ab');
  });
});

describe('offsets: the clean stage maps every cleaned character back to its raw character', () => {
  const pipeline = createPipeline(loadRules(), [clean]);
  const raw = readFileSync(new URL('../input/changchun-2025-lianghui.txt', import.meta.url), 'utf8');
  const doc = processText(pipeline, 'sample', raw);
  const rawChars = Array.from(raw);
  const cleaned = Array.from(doc.text);
  const fixed = new Set(
    doc.warnings.filter((w) => w.rule.startsWith('ocr-fixes.yaml#')).map((w) => w.place!.start),
  );
  const chinese: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

  it('each character is its raw origin, folded (width, comma) or fixed by an OCR rule', () => {
    const mismatches: string[] = [];
    cleaned.forEach((ch, cp) => {
      if (ch === '\n') return;
      const origin = rawChars[doc.offsets.toRaw(cp)] ?? '';
      const folded = foldChar(origin);
      if (ch === origin || folded === ch || chinese[origin] === ch || (origin === '．' && ch === '.')) return;
      if (fixed.has(cp)) return;
      mismatches.push(`${cp}: ${ch} ← ${origin}`);
    });
    expect(mismatches).toEqual([]);
  });

  it('the raw line of a character is the line of its raw offset', () => {
    for (let cp = 0; cp < cleaned.length; cp += 7) {
      expect(doc.offsets.rawLine(cp)).toBe(doc.offsets.rawLineOfRaw(doc.offsets.toRaw(cp)));
    }
  });

  it('every raw character of prose appears once in the cleaned text (spaces, controls aside)', () => {
    const count = (chars: string[]) => {
      const map = new Map<string, number>();
      for (const ch of chars) if (!/\s/u.test(ch)) map.set(ch, (map.get(ch) ?? 0) + 1);
      return map;
    };
    const used = new Map<number, number>();
    cleaned.forEach((ch, cp) => {
      if (ch !== '\n' && ch !== ' ') used.set(doc.offsets.toRaw(cp), (used.get(doc.offsets.toRaw(cp)) ?? 0) + 1);
    });
    // Markdown marks the markup pass dropped (with a note naming the raw line) are not prose
    const markupLines = new Set(doc.warnings.filter((w) => w.rule === 'clean/markup').map((w) => w.place!.line));
    const lineOf = (i: number): number => doc.offsets.rawLineOfRaw(i);
    const rawNonSpace = rawChars
      .map((ch, i) => [ch, i] as const)
      .filter(([ch, i]) => !/\s/u.test(ch) && !(/[>*_#]/u.test(ch) && markupLines.has(lineOf(i))));
    expect(rawNonSpace.filter(([, i]) => used.get(i) !== 1)).toEqual([]);
    expect(count(cleaned).size).toBeGreaterThan(0);
  });
});

describe('offsets: a dropped pinyin gloss keeps the way back', () => {
  const pipeline = createPipeline(loadRules(), [clean]);

  it('each character after 失业(yè)率 and a doubled comma maps to itself in the raw text', () => {
    const raw = '城镇调查失业(yè)率为5.2%，，比上年下降。';
    const doc = processText(pipeline, 'gloss', raw);
    expect(doc.text).toBe('城镇调查失业率为5.2%，比上年下降。');
    const rawChars = Array.from(raw);
    Array.from(doc.text).forEach((ch, cp) => expect(rawChars[doc.offsets.toRaw(cp)]).toBe(ch));
    expect(doc.offsets.toRaw(6)).toBe(10);
    expect(doc.warnings.map((w) => w.rule)).toEqual(['html.yaml#scrape.pinyin_tones', 'html.yaml#scrape.doubled_marks']);
  });
});


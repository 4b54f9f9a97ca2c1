/**
 * provenance: a quantity's raw span (OffsetMap.rawSpan) and the warning on a quantity whose pieces
 * the cleaner brought together from raw places out of their order (src/stages/provenance.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Doc, Quantity } from '../src/document.js';
import { createPipeline, processText } from '../src/pipeline.js';
import { outOfOrderWarnings } from '../src/stages/provenance.js';
import { createDoc } from '../src/stages/decode.js';
import { loadRules } from '../src/rules/load.js';
import { MappedTextBuilder, OffsetMap } from '../src/text/offsets.js';

/** `四⏎亿元` read from raw `亿元⏎。四`: the unit's line stands above the number's. */
function reordered(): { raw: string; offsets: OffsetMap; text: string } {
  const raw = '八千\n亿元\n。四\n';
  const builder = new MappedTextBuilder();
  builder.appendRaw('八千', 0);
  builder.appendRaw('。四', 6);
  builder.appendAt('\n', 8);
  builder.appendRaw('亿元', 3);
  const { text, offsets } = builder.finish(raw, 9);
  return { raw, offsets, text };
}

describe('OffsetMap.rawSpan: the raw span a cleaned span was read from', () => {
  it('covers every piece, so it never runs backwards where the cleaner moved a line', () => {
    const { text, offsets } = reordered();
    expect(text).toBe('八千。四\n亿元');
    // 四⏎亿元 is [3, 7): 亿元 stands at raw 3–4, before 四 (7) and the line break after it (8)
    expect(offsets.rawSpan(3, 7)).toEqual({ start: 3, end: 9 });
    // the reading [toRaw(start), toRaw(end)) of 四⏎亿 runs backwards: [7, 4)
    expect(offsets.toRaw(6)).toBeLessThan(offsets.toRaw(3));
    expect(offsets.rawSpan(3, 6)).toEqual({ start: 3, end: 9 });
    expect(offsets.rawSpan(5, 7)).toEqual({ start: 3, end: 5 });
    expect(offsets.rawBackSteps(3, 7)).toEqual([5]);
    expect(offsets.rawBackSteps(0, 4)).toEqual([]);
  });

  it('an empty span is empty where it stands; the identity map spans itself; ends are clamped', () => {
    const { offsets } = reordered();
    expect(offsets.rawSpan(5, 5)).toEqual({ start: 3, end: 3 });
    expect(offsets.rawSpan(0, 99)).toEqual({ start: 0, end: 9 });
    const identity = OffsetMap.identity('全年1381个');
    expect(identity.rawSpan(2, 7)).toEqual({ start: 2, end: 7 });
    expect(identity.rawBackSteps(0, 7)).toEqual([]);
  });
});

describe('a quantity read out of raw order is warned, naming its raw lines', () => {
  it('the warning names the lines in reading order and the span the record covers', () => {
    const { raw, offsets, text } = reordered();
    const doc: Doc = { ...createDoc('t', raw), text, offsets };
    const quantity = { start: 3, end: 7, text: '四\n亿元' } as Quantity;
    const [warning, ...rest] = outOfOrderWarnings(doc, [quantity, { start: 0, end: 2, text: '八千' } as Quantity], 'recognize');
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ stage: 'recognize', rule: 'recognize/raw-order', severity: 'info', place: { start: 3, end: 7, line: 3 } });
    expect(warning!.reason).toContain('raw lines 3, 2');
    expect(warning!.reason).toContain('lines 2–3');
  });

  const pipeline = createPipeline(loadRules());

  it('through the pipeline: a unit line lifted after the number it stood above', () => {
    // 人次 (raw line 3), a short line inside a sentence, is read as a heading and lifted after
    // its paragraph, behind 10.10 of raw line 5
    const doc = processText(pipeline, 't', '100.10\n0.0三分之五\n人次\n%完成投资三\n10.10\n');
    for (const q of doc.quantities) {
      const span = doc.offsets.rawSpan(q.start, q.end);
      expect(span.start).toBeLessThanOrEqual(span.end);
      const steps = doc.offsets.rawBackSteps(q.start, q.end);
      const warned = doc.warnings.some((w) => w.rule === 'recognize/raw-order' && w.place?.start === q.start);
      expect(warned).toBe(steps.length > 0);
    }
    expect(doc.warnings.some((w) => w.rule === 'recognize/raw-order')).toBe(true);
  });

  it('a unit is not borrowed from a next paragraph that stands above the number in the raw text', () => {
    // 项目 (raw line 3) is lifted after 1000 (raw line 4): it is no wrapped line of 1000's unit
    const doc = processText(pipeline, 't', '，\n全年全年全年\n项目\n1000  \n\n0.10全年\n全年\n全年全年全年\n');
    expect(doc.text).toContain('1000\n项目');
    expect(doc.quantities.map((q) => q.text)).toEqual([]);
  });

  it('a unit wrapped onto the next raw line is still read (260⏎亿斤)', () => {
    const doc = processText(pipeline, 't', '全年粮食产量达到260\n\n亿斤，比上年增长2%。\n');
    expect(doc.quantities.map((q) => q.text.replace(/\s/g, ''))).toContain('260亿斤');
  });
});

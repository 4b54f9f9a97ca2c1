/**
 * The two-column search's first test (`mayHoldBlock` in src/stages/clean/columns-blocks.ts) ends
 * its walks up and down the page once the lines further on can no longer change its answer
 * (`WalkBounds`): what the search finds must not change, only how many lines it reads.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import { WalkBounds, findBlock } from '../src/stages/clean/columns-blocks.js';
import { LineShapes, type Shape } from '../src/stages/clean/columns-shapes.js';
import { splitLines, type Line } from '../src/stages/clean/lines.js';
import { seamJudge, unitForms } from '../src/stages/clean/seam.js';
import { getSegmenter } from '../src/text/segment.js';

const rules = loadRules();
const segmenter = getSegmenter(rules.userDictPath);
const units = unitForms(rules);
const sample = readFileSync(new URL('../input/changchun-2025-lianghui.txt', import.meta.url), 'utf8');
/** The sample's text, spaces and line breaks left out. */
const text = Array.from(sample.replace(/\s+/gu, ''));

/** Bounds that never end a walk early: the walks as they were, over every line they may reach. */
class Unbounded extends WalkBounds {
  override below(): number {
    return Number.MAX_SAFE_INTEGER / 4;
  }
  override above(): number {
    return Number.MAX_SAFE_INTEGER / 4;
  }
  override wideBetween(): boolean {
    return true;
  }
}

/** Line shapes that count how often a line's shape is asked for. */
class Counting extends LineShapes {
  asked = 0;
  override of(line: Line): Shape {
    this.asked++;
    return super.of(line);
  }
}

/** A fixed generator (the same pages on every run). */
function generator(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/**
 * A page of `rows` lines: one column of prose wrapped at `width` with noise spaces, and stretches
 * of two columns read straight across (cells of `width / 2`, joined by one to three spaces), some
 * rows with one cell only, some blank lines between; `toggle`: the chance a row starts or ends the columns.
 */
function page(seed: number, rows: number, width: number, noise: number, toggle = 0.08): string {
  const random = generator(seed);
  let at = Math.floor(random() * (text.length - 4000));
  const take = (n: number): string => {
    let out = '';
    for (let i = 0; i < n; i++, at++) out += text[at % text.length]! + (random() < noise ? ' ' : '');
    return out;
  };
  const lines: string[] = [];
  let columns = false;
  for (let row = 0; row < rows; row++) {
    if (random() < toggle) columns = !columns;
    if (random() < 0.05) lines.push('');
    if (!columns) {
      lines.push(take(width));
      continue;
    }
    const cell = Math.floor(width / 2);
    const kind = random();
    const gap = ' '.repeat(1 + Math.floor(random() * 3));
    if (kind < 0.75) lines.push(take(cell) + gap + take(cell));
    else if (kind < 0.88) lines.push(take(cell - Math.floor(random() * cell)));
    else lines.push(' '.repeat(cell + gap.length) + take(cell));
  }
  return lines.join('\n');
}

/** What a found block says, without the shapes object it carries. */
const summary = (lines: Line[], start: number, walks: WalkBounds, shapes: LineShapes[]): unknown => {
  const judge = seamJudge(segmenter, units);
  const block = findBlock(lines, start, 0, 0, judge, new Set(), shapes, walks);
  if (block === null) return null;
  return {
    start: block.start,
    end: block.end,
    x: block.x,
    rx: block.rx,
    matched: block.matched,
    wide: block.wide,
    measure: block.shapes.measure,
    slots: block.slots.map((slot) => (slot.kind === 'split' ? `split ${slot.gap.start}-${slot.gap.end} ${slot.near}` : slot.kind)),
  };
};

const nonBlank = (raw: string): Line[] => splitLines(raw).filter((line) => line.chars.some((ch) => ch.trim() !== ''));

describe('clean: the two-column search reads fewer lines, finds the same blocks', () => {
  it('findBlock from every line of random pages, with the walks bounded and without', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 6, max: 40 }), fc.integer({ min: 12, max: 40 }), fc.constantFrom(0, 0.02, 0.05, 0.12), fc.constantFrom(0.08, 0.3), (seed, rows, width, noise, toggle) => {
        const lines = nonBlank(page(seed, rows, width, noise, toggle));
        const judge = seamJudge(segmenter, units);
        const shapes = [new LineShapes(judge, 'chars', () => false), new LineShapes(judge, 'units', () => false)];
        const bounded = new WalkBounds(lines, shapes[0]!);
        const unbounded = new Unbounded(lines, shapes[0]!);
        for (let start = 0; start < lines.length; start++) {
          expect(summary(lines, start, bounded, shapes)).toEqual(summary(lines, start, unbounded, shapes));
        }
      }),
      { numRuns: 400, seed: 11 },
    );
  });

  it('on a long hard-wrapped page with noise spaces, the walks read a fraction of the lines they read unbounded', () => {
    // 1,500 lines of prose wrapped at 31 characters, a noise space after one character in 100:
    // a gap near a line's end fits nearly every line, and the walks from it read on to the
    // page's end (its first line, going up); bounded, they end within a few lines
    const lines = nonBlank(page(5, 1500, 31, 0.01, 0));
    const judge = seamJudge(segmenter, units);
    const asked = (Walks: typeof WalkBounds): number => {
      const shapes = [new Counting(judge, 'chars', () => false), new Counting(judge, 'units', () => false)];
      const walks = new Walks(lines, shapes[0]!);
      for (let start = 0; start < lines.length; start++) findBlock(lines, start, 0, 0, judge, new Set(), shapes, walks);
      return shapes[0]!.asked + shapes[1]!.asked;
    };
    const unbounded = asked(Unbounded);
    // (97,698 against 27,756 when this test was written)
    expect(unbounded).toBeGreaterThan(50_000);
    expect(asked(WalkBounds)).toBeLessThan(unbounded / 2);
  });
});

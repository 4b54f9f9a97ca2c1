/**
 * The clean stage's shortcuts for speed (issue 7) answer what the longer ways they replace
 * answered: each is held here to that way, as first written, over random input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endsSentence, isCjk, isClauseMark } from '../src/stages/clean/chars.js';
import { shapeOf, shapePair } from '../src/stages/clean/columns-shapes.js';
import { RunCounts, fragmentsOf, measureNarrow, type Fragment } from '../src/stages/clean/grid.js';
import { cluster, layoutWidth, measureLayout } from '../src/stages/clean/layout.js';
import { splitLines, type Line } from '../src/stages/clean/lines.js';
import { joinChars } from '../src/text/offsets.js';

/** Characters the clean passes meet: Han, Chinese marks, ASCII, Latin-1, spaces of three kinds, an astral Han. */
const piece = fc.constantFrom('经', '济', '增', '长', '。', '，', '；', '：', '1', '2', '.', '%', 'a', 'B', ' ', ' ', ' ', '\t', '\u3000', 'é', '𠀀', '“');
const lineOf = (chars: string[], number = 1): Line => ({ number, chars, origins: chars.map((_, i) => i), blanksBefore: 0, indent: 0 });

describe('clean shortcuts: columns-shapes', () => {
  it('shapePair is shapeOf by characters and by printed width, from one walk, with or without folded full-width forms', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), fc.array(fc.nat(80), { maxLength: 10 }), (chars, folded) => {
        const line = lineOf(chars);
        const wide = new Set(folded);
        expect(shapePair(line)).toEqual([shapeOf(line, 'chars'), shapeOf(line, 'units')]);
        expect(shapePair(line, wide)).toEqual([shapeOf(line, 'chars', wide), shapeOf(line, 'units', wide)]);
      }),
      { numRuns: 3000, seed: 17 },
    );
  });
});

describe('clean shortcuts: joinChars', () => {
  it('is chars.join(""), lone surrogates, byte-order marks and astral characters included', () => {
    const unit = fc.oneof(
      piece,
      fc.constantFrom('\ufeff', '\ufffe', '\ud800', '\udfff', '\u0000', '\uffff'),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 300 }), (chars) => {
        expect(joinChars(chars)).toBe(chars.join(''));
      }),
      { numRuns: 3000, seed: 17 },
    );
    // long enough for the decoder, starting with a byte-order mark
    const long = ['\ufeff', ...Array.from('一二三四五六七八九十'.repeat(20))];
    expect(joinChars(long)).toBe(long.join(''));
    // past the buffer it starts with, past the one it keeps, then short again
    for (const n of [5_000, 70_000, 100]) {
      const chars = Array.from({ length: n }, (_, i) => String.fromCharCode(0x4e00 + (i % 5000)));
      expect(joinChars(chars)).toBe(chars.join(''));
    }
  });
});

/** measureNarrow as first written: every boundary's starts counted, whatever their number. */
function narrowAsWritten(block: readonly Fragment[][]): { columns: number; pitch: number } | null {
  if (block.length < 8) return null;
  const ends = block.map((f) => f[f.length - 1]!.x1).sort((a, b) => a - b);
  const width = ends[Math.floor(ends.length * 0.8)]!;
  const starts = block.flatMap((f) => f.filter((g) => g.gapBefore >= 1).map((g) => g.x0));
  for (let columns = 4; columns >= 3; columns--) {
    const pitch = (width + 1) / columns;
    const tolerance = pitch * 0.1;
    const chance = (starts.length * (2 * tolerance + 1)) / Math.max(1, width);
    let ok = true;
    for (let b = 1; b < columns && ok; b++) {
      const hits = starts.filter((x) => Math.abs(x - b * pitch) <= tolerance).length;
      ok = hits >= block.length * 0.5 && hits >= 3 * chance;
    }
    if (ok) return { columns, pitch };
  }
  return null;
}

describe('clean shortcuts: the grid of columns met after single spaces', () => {
  it('measureNarrow answers as it did before it counted the starts first', () => {
    // rows of three or four cells of a width, joined by single spaces, some cells short or
    // empty, or prose with a noise space now and then
    const row = fc.record({
      cells: fc.array(fc.oneof(fc.constant(99), fc.constant(99), fc.integer({ min: 0, max: 12 })), { minLength: 1, maxLength: 4 }),
      noise: fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 2 }),
      prose: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
    });
    let grids = 0;
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), fc.integer({ min: 3, max: 12 }), (rows, cell) => {
        const block = rows.map(({ cells, noise, prose }) => {
          let text: string;
          if (prose) {
            const chars = Array.from('经济增长'.repeat(10).slice(0, 30));
            for (const at of noise) chars.splice(at, 0, ' ');
            text = chars.join('');
          } else text = cells.map((n) => '经'.repeat(Math.min(n, cell)).padEnd(cell, ' ')).join(' ').trimEnd();
          return fragmentsOf(lineOf(Array.from(text.trim() === '' ? '经' : text)));
        });
        const found = measureNarrow(block);
        expect(found === null ? null : { columns: found.columns, pitch: found.pitch }).toEqual(narrowAsWritten(block));
        if (found !== null) grids++;
      }),
      { numRuns: 3000, seed: 17 },
    );
    // (the rows make grids often enough for the answers to differ where the count were wrong)
    expect(grids).toBeGreaterThanOrEqual(5);
  });
});

describe('clean shortcuts: the grid reads its lines\' runs of spaces before their fragments', () => {
  it('RunCounts counts what fragmentsOf would build: fragments, those after a space, one after a wide run', () => {
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 40 }), { maxLength: 12 }), (rows) => {
        const lines = rows.map((chars, k) => lineOf(chars, k + 1));
        const runs = new RunCounts(lines);
        lines.forEach((line, k) => {
          const frags = fragmentsOf(line);
          expect([runs.pieces[k], runs.starts[k], runs.wide[k]]).toEqual([frags.length, frags.filter((f) => f.gapBefore >= 1).length, frags.some((f) => f.gapBefore >= 3) ? 1 : 0]);
        });
        expect(runs.startsIn(0, lines.length)).toBe(lines.reduce((n, line) => n + fragmentsOf(line).filter((f) => f.gapBefore >= 1).length, 0));
      }),
      { numRuns: 2000, seed: 17 },
    );
  });
});

/** The width lines share, as first measured: each measure a walk of its own over every line. */
function widthAsWritten(lines: readonly Line[]): { width: number | null; tight: boolean; linePerParagraph: boolean; measure: (line: Line) => number } {
  const ems = (line: Line): number => line.chars.reduce((sum, ch) => sum + (isCjk(ch) ? 1 : 0.5), 0);
  const points = (line: Line): number => line.chars.length;
  const body = lines.filter((line) => line.role === undefined);
  const byPoints = cluster(body.map(points));
  const byEms = cluster(body.map(ems));
  const chosen = byEms.share > byPoints.share ? { ...byEms, measure: ems } : { ...byPoints, measure: points };
  const hasGap = (line: Line): boolean => {
    for (let i = 1; i < line.chars.length; i++) if (line.chars[i] === ' ' && line.chars[i - 1] === ' ') return true;
    return false;
  };
  const proseAt = (width: number): boolean => {
    const tolerance = Math.max(1, Math.floor(width * 0.08));
    let full = 0;
    let marked = 0;
    for (const line of body) {
      if (Math.abs(chosen.measure(line) - width) > tolerance || hasGap(line)) continue;
      full++;
      if (line.chars.some(isClauseMark)) marked++;
    }
    return full < 6 || marked >= full * 0.2;
  };
  const best = chosen.width !== null && !proseAt(chosen.width) ? { width: null, tight: false } : chosen;
  const long = body.filter((line) => line.chars.length >= 40);
  const ended = long.filter((line) => endsSentence(line.chars)).length;
  return { width: best.width, tight: best.width !== null && best.tight, linePerParagraph: long.length >= 3 && ended >= long.length * 0.8, measure: chosen.measure };
}

describe('clean shortcuts: the layout read in one walk a line', () => {
  it('measureLayout and layoutWidth read the width, its exactness and one paragraph a line as before', () => {
    const text = fc.array(fc.oneof(piece, fc.constant('经'), fc.constant('经'), fc.constant('经')), { minLength: 1, maxLength: 50 });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.boolean()), { minLength: 1, maxLength: 60 }), fc.integer({ min: 8, max: 40 }), fc.nat(30), (rows, wrap, full) => {
        // a wrapped stretch (lines cut at `wrap`) among random lines, some of them bylines
        const raw = [...rows.map(([chars]) => chars.join('')), ...Array.from({ length: full }, (_, i) => '经济，增长'.repeat(10).slice(0, wrap - (i % 4 === 0 ? 1 : 0)))];
        const lines = splitLines(raw.join('\n')).filter((line) => line.chars.length > 0);
        rows.forEach(([, byline], k) => {
          if (byline && lines[k]) lines[k]!.role = 'byline';
        });
        const expected = widthAsWritten(lines);
        const layout = measureLayout(lines);
        expect({ width: layout.width, exact: layout.exact, linePerParagraph: layout.linePerParagraph }).toEqual({
          width: expected.linePerParagraph ? null : expected.width,
          exact: expected.tight,
          linePerParagraph: expected.linePerParagraph,
        });
        expect(lines.map(layout.measure)).toEqual(lines.map(expected.measure));
        expect(layoutWidth(lines)).toBe(expected.linePerParagraph ? null : expected.width);
      }),
      { numRuns: 1500, seed: 17 },
    );
  });
});

/**
 * The seam judge (src/stages/clean/seam.ts) segments joins ahead, many in one jieba call
 * (`prepare`): what it answers must not change, only how many calls reach jieba.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import { splitLines } from '../src/stages/clean/lines.js';
import type { Note } from '../src/stages/clean/notes.js';
import { relink } from '../src/stages/clean/relink.js';
import { deinterleave } from '../src/stages/clean/columns-alternating.js';
import { seamJudge, unitForms } from '../src/stages/clean/seam.js';
import { getSegmenter, type Segmenter } from '../src/text/segment.js';

const rules = loadRules();
const segmenter = getSegmenter(rules.userDictPath);
const units = unitForms(rules);
const sample = readFileSync(new URL('../input/changchun-2025-lianghui.txt', import.meta.url), 'utf8');
/** The sample's text, spaces and line breaks left out: the characters joins are drawn from. */
const text = Array.from(sample.replace(/\s+/gu, ''));

/** A segmenter that counts the calls that reach jieba. */
function counting(): { segmenter: Segmenter; calls: () => number } {
  let calls = 0;
  return {
    segmenter: {
      ...segmenter,
      tag: (t, base) => (calls++, segmenter.tag(t, base)),
      cut: (t, base) => (calls++, segmenter.cut(t, base)),
    },
    calls: () => calls,
  };
}

describe('clean: the seam judge answers the same, prepared or not', () => {
  it('crossingWord, stranded and continuity of random joins of the sample, with and without prepare', () => {
    const piece = fc.tuple(fc.nat(text.length - 1), fc.integer({ min: 0, max: 14 })).map(([at, length]) => text.slice(at, at + length));
    // spaces the judge skips, on either side of a join
    const spaced = fc.tuple(piece, fc.constantFrom('', ' ', '\u3000')).map(([chars, space]) => (space === '' ? chars : [...chars.slice(0, 2), space, ...chars.slice(2)]));
    fc.assert(
      fc.property(fc.array(fc.tuple(spaced, spaced), { minLength: 1, maxLength: 40 }), fc.boolean(), (joins, strandedToo) => {
        const fresh = seamJudge(segmenter, units);
        const prepared = seamJudge(segmenter, units);
        prepared.prepare(joins, strandedToo);
        for (const [left, right] of joins) {
          expect(prepared.crossingWord(left, right)).toBe(fresh.crossingWord(left, right));
          expect(prepared.stranded(left, right)).toEqual(fresh.stranded(left, right));
          expect(prepared.continuity(left, right)).toBe(fresh.continuity(left, right));
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('mostContinuity bounds continuity from above, without segmenting', () => {
    const piece = fc.tuple(fc.nat(text.length - 1), fc.integer({ min: 0, max: 14 })).map(([at, length]) => text.slice(at, at + length));
    const spaced = fc.tuple(piece, fc.constantFrom('', ' ', '\u3000')).map(([chars, space]) => (space === '' ? chars : [...chars.slice(0, 2), space, ...chars.slice(2)]));
    // a third of the lefts end in a number, whose unit or decimals the right may hold
    const left = fc.tuple(spaced, fc.constantFrom('', '', '3', '3.')).map(([chars, tail]) => [...chars, ...Array.from(tail)]);
    const { segmenter: counted, calls } = counting();
    const bounding = seamJudge(counted, units);
    fc.assert(
      fc.property(fc.array(fc.tuple(left, spaced), { minLength: 1, maxLength: 40 }), (joins) => {
        const judge = seamJudge(segmenter, units);
        for (const [l, r] of joins) {
          const most = bounding.mostContinuity(l, r);
          expect(most).toBeGreaterThanOrEqual(judge.continuity(l, r));
          // a positive bound needs a dictionary pair at the join, or a number before it
          const last = l.filter((ch) => ch.trim() !== '').at(-1);
          const first = r.find((ch) => ch.trim() !== '');
          if (most > 0) expect(last !== undefined && (/[0-9]/.test(last) || (last === '.' && /[0-9]/.test(first ?? '')) || (first !== undefined && segmenter.pairInWord(last, first)))).toBe(true);
        }
      }),
      { numRuns: 300, seed: 11 },
    );
    expect(calls()).toBe(0);
  });

  it('a join prepared is not segmented again, nor one asked before', () => {
    const { segmenter: counted, calls } = counting();
    const judge = seamJudge(counted, units);
    const joins: [string[], string[]][] = [];
    for (let at = 0; at + 12 <= 1200; at += 12) joins.push([text.slice(at, at + 6), text.slice(at + 6, at + 12)]);
    judge.prepare(joins, true);
    expect(calls()).toBe(1);
    for (const [left, right] of joins) judge.stranded(left, right);
    judge.prepare(joins, true);
    expect(calls()).toBe(1);
  });
});

describe('clean: jieba calls of a hard-wrapped page with OCR spaces', () => {
  it('relink segments the seams inside its lines together, not one call each', () => {
    // the sample's prose wrapped every 31 characters, a space after one character in 30 or so, at
    // places drawn by a fixed generator
    let seed = 12345;
    const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    let raw = '';
    text.slice(0, 6000).forEach((ch, i) => {
      raw += ch;
      if (random() < 0.03) raw += ' ';
      if (i % 31 === 30) raw += '\n';
    });
    const { segmenter: counted, calls } = counting();
    const notes: Note[] = [];
    relink(splitLines(raw), seamJudge(counted, units), 0, notes, () => false);
    const seams = notes.filter((note) => note.rule === 'clean/columns#weak-seam').length;
    expect(seams).toBeGreaterThan(10);
    // before: one call for each space where a word might cross, and one for each seam cut (142 here)
    expect(calls()).toBe(2);
  });

  it('the alternating-lines test judges no join of a page of one column where no word can lift it', () => {
    // the sample's prose wrapped every 31 characters: a page of one column, no join to the line
    // after next can reach the rate of alternating columns once the dictionary says which joins
    // hold a word across them at all
    let raw = '';
    text.slice(0, 3100).forEach((ch, i) => {
      raw += ch;
      if (i % 31 === 30) raw += '\n';
    });
    const { segmenter: counted, calls } = counting();
    const notes: Note[] = [];
    const lines = splitLines(raw).filter((line) => line.chars.length > 0);
    const out = deinterleave(lines, seamJudge(counted, units), 0, notes, new Set());
    expect(out).toEqual(lines);
    expect(notes).toEqual([]);
    // (before, every join a word might cross counted 2 until judged: one jieba call here)
    expect(calls()).toBe(0);
  });
});

/** Invariants of the english stage over generated English-like text (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cpSlice } from '../src/text/codepoints.js';
import { blockDoc, runEnglish } from './helpers/english.js';

const pieces = [
  'GDP', 'grew', 'by', 'over', 'about', 'percent', '%', 'yuan', 'RMB', '$', 'US$', 'billion', 'million', 'trillion',
  'from', 'to', 'between', 'and', '-', '–', ',', '.', ';', ':', '(', ')', '"', '—', '--', 'the', '14th', '5G', 'PM2.5',
  'Five-Year', 'Plan', 'one', 'two', 'fifty', 'hundred', 'times', 'doubled', 'mu', 'hectares', 'new', 'jobs', 'projects',
  'per', 'capita', 'respectively', 'will', 'last', 'year', '2024', '2021-2025', 'March', '𝐀', '😀', '一带一路', '\n', '\n\n',
];
const number = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${b}`),
  fc.integer({ min: 1000, max: 9_999_999 }).map((n) => n.toLocaleString('en-US')),
);
const text = fc.array(fc.oneof(fc.constantFrom(...pieces), number), { maxLength: 60 }).map((words) => words.join(' '));

describe('english: invariants', () => {
  it('never throws; every record slices back, has an exact decimal value and the english lang', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (input, blocks) => {
        const doc = runEnglish(input, blocks ? blockDoc : undefined);
        let previous = -1;
        for (const q of doc.quantities) {
          expect(cpSlice(doc.text, q.start, q.end)).toBe(q.text);
          expect(q.value).toMatch(/^\d+(\.\d+)?$/);
          if (q.valueMax !== null) expect(Number(q.valueMax)).toBeGreaterThanOrEqual(Number(q.value));
          expect(q.lang).toBe('en');
          expect(q.start).toBeGreaterThanOrEqual(previous);
          previous = q.start;
        }
      }),
      { numRuns: 300, seed: 8 },
    );
  });

  it('is deterministic: the same text gives the same records', () => {
    fc.assert(
      fc.property(text, (input) => {
        expect(runEnglish(input).quantities).toEqual(runEnglish(input).quantities);
      }),
      { numRuns: 50, seed: 8 },
    );
  });
});

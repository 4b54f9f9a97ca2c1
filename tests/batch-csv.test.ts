import { describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { toCsv } from '../src/output/csv.js';

/** What toCsv gave when it called csv-stringify for every table: the direct path must match it. */
function reference(columns: string[], rows: object[], bom: boolean, header: boolean): string {
  return stringify(rows, {
    bom,
    header,
    columns,
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
    cast: { number: (value) => String(value) },
  });
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const pieces = ['', 'a', '量', ',', '"', '""', '\r', '\n', '\r\n', ' ', '\t', '=1', '-', '，', '𠀋', 'x"y', 'é', '\ufeff'];

describe('batch: CSV serialisation', () => {
  it('gives csv-stringify’s bytes for strings, numbers, nulls and missing fields', () => {
    const random = rng(7);
    const columns = ['doc_id', 'text', 'value', 'maybe', 'n'];
    for (let trial = 0; trial < 300; trial++) {
      const rows = Array.from({ length: Math.floor(random() * 6) }, () => {
        const text = Array.from({ length: Math.floor(random() * 5) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
        const row: Record<string, unknown> = { doc_id: `d${trial}`, text, value: random() < 0.5 ? null : text };
        if (random() < 0.5) row.maybe = undefined;
        row.n = random() < 0.3 ? -random() * 1e6 : random() < 0.5 ? Math.floor(random() * 100) : 0;
        return row;
      });
      for (const bom of [true, false]) {
        for (const header of [true, false]) {
          expect(toCsv(columns as never[], rows, { bom, header })).toBe(reference(columns, rows, bom, header));
        }
      }
    }
  });

  it('a header that needs quotes, and an empty table, are written alike', () => {
    for (const columns of [['a,b', 'c"d', 'e\nf'], ['plain']]) {
      for (const bom of [true, false]) {
        for (const header of [true, false]) {
          expect(toCsv(columns as never[], [], { bom, header })).toBe(reference(columns, [], bom, header));
        }
      }
    }
  });

  it('other values (booleans, dates, objects, array rows, path columns) still go through csv-stringify', () => {
    const rows = [{ a: true, b: new Date(0), c: { x: 1 }, 'd.e': 1, d: { e: 'nested' } }];
    const columns = ['a', 'b', 'c', 'd.e'];
    expect(toCsv(columns as never[], rows, { bom: false })).toBe(reference(columns, rows, false, true));
    expect(toCsv(['0', '1'] as never[], [['x', 'y,z']], { bom: false })).toBe(reference(['0', '1'], [['x', 'y,z']], false, true));
  });
});

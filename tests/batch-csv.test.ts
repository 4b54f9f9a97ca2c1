import { describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { random } from '../bench/random.mjs';
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


const pieces = ['', 'a', '量', ',', '"', '""', '\r', '\n', '\r\n', ' ', '\t', '=1', '-', '，', '𠀋', 'x"y', 'é', '\ufeff'];

describe('batch: CSV serialisation', () => {
  it('gives csv-stringify’s bytes for strings, numbers, nulls and missing fields', () => {
    const next = random(7);
    const columns = ['doc_id', 'text', 'value', 'maybe', 'n'];
    for (let trial = 0; trial < 300; trial++) {
      const rows = Array.from({ length: Math.floor(next() * 6) }, () => {
        const text = Array.from({ length: Math.floor(next() * 5) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
        const row: Record<string, unknown> = { doc_id: `d${trial}`, text, value: next() < 0.5 ? null : text };
        if (next() < 0.5) row.maybe = undefined;
        row.n = next() < 0.3 ? -next() * 1e6 : next() < 0.5 ? Math.floor(next() * 100) : 0;
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

  it('a value repeated down a column, as a quantity row repeats its sentence, is written alike each time', () => {
    const columns = ['sentence', 'n'];
    const quoted = '增长7%，"其中"\r\n增长8%';
    const rows = [quoted, quoted, 'plain', 'plain', quoted, `${quoted}`.slice(0), 'a,b', 'plain'].map((sentence, n) => ({ sentence, n }));
    expect(toCsv(columns as never[], rows, { bom: false })).toBe(reference(columns, rows, false, true));
  });

  it('a value csv-stringify must cast, after rows of plain values, sends the whole table through it', () => {
    const rows: Record<string, unknown>[] = [{ a: 'x,y', b: 1 }, { a: 'z', b: null }, { a: 'w', b: true }];
    expect(toCsv(['a', 'b'] as never[], rows, { bom: false })).toBe(reference(['a', 'b'], rows, false, true));
  });

  it('other values (booleans, dates, objects, array rows, path columns) still go through csv-stringify', () => {
    const rows = [{ a: true, b: new Date(0), c: { x: 1 }, 'd.e': 1, d: { e: 'nested' } }];
    const columns = ['a', 'b', 'c', 'd.e'];
    expect(toCsv(columns as never[], rows, { bom: false })).toBe(reference(columns, rows, false, true));
    expect(toCsv(['0', '1'] as never[], [['x', 'y,z']], { bom: false })).toBe(reference(['0', '1'], [['x', 'y,z']], false, true));
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { random } from '../bench/random.mjs';
import { encodeRows, readRows, type RowFragments } from '../src/batch/rows.js';

/** The file as its format describes it: the UTF-8 byte lengths, a line break, the three fragments. */
function reference(rows: RowFragments): Buffer {
  const parts = [rows.paragraphs, rows.quantities, rows.warnings].map((text) => Buffer.from(text, 'utf8'));
  return Buffer.concat([Buffer.from(parts.map((part) => part.length).join(' ') + '\n', 'latin1'), ...parts]);
}

const pieces = ['', 'a', '量', ',', '"', '\r\n', '𠀋', 'é', '\ufeff', '\ud800', '\udc00x', '增长7%，'];
const dir = mkdtempSync(join(tmpdir(), 'liang-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('batch: a document’s rows file', () => {
  it('holds the three fragments’ UTF-8 bytes after their lengths, and reads back as them', () => {
    const next = random(11);
    const text = () => Array.from({ length: Math.floor(next() * 40) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
    for (let trial = 0; trial < 200; trial++) {
      const rows = { paragraphs: text(), quantities: text().repeat(1 + Math.floor(next() * 50)), warnings: next() < 0.5 ? '' : text() };
      const bytes = encodeRows(rows);
      expect(Buffer.compare(bytes, reference(rows))).toBe(0);
      const path = join(dir, `${trial}.rows`);
      writeFileSync(path, bytes);
      const back = readRows(path);
      expect(Buffer.from(back.paragraphs).toString('utf8')).toBe(Buffer.from(rows.paragraphs, 'utf8').toString('utf8'));
      expect(Buffer.compare(Buffer.from(back.quantities), Buffer.from(rows.quantities, 'utf8'))).toBe(0);
      expect(Buffer.compare(Buffer.from(back.warnings), Buffer.from(rows.warnings, 'utf8'))).toBe(0);
    }
  });
});

/**
 * A document's CSV rows as stored in a generation (`rows/<id>.rows`), from which the combined
 * CSVs are concatenated: one header line with the UTF-8 byte lengths of the three fragments,
 * then the fragments' bytes as they go into paragraphs.csv, quantities.csv and warnings.csv.
 * Raw bytes rather than JSON: the combining thread copies them without decoding or re-encoding
 * (JSON cost ~0.3 s of main-thread time per 10 MB of input, serial at the end of a run).
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';

/** A document's rows in each combined CSV, serialised without header or BOM. */
export interface RowFragments {
  paragraphs: string;
  quantities: string;
  warnings: string;
}

export type RowBytes = Record<keyof RowFragments, Uint8Array>;

const ORDER = ['paragraphs', 'quantities', 'warnings'] as const;

/** Room kept for the header line: three lengths of at most 16 digits, two spaces and `\n`. */
const HEADER_ROOM = 3 * 16 + 3;

/**
 * The file's bytes. Each fragment is encoded once, straight into a buffer with room for the
 * header in front (a UTF-16 unit takes at most three UTF-8 bytes), and the header, known only
 * then, is written right before it: measuring each fragment's UTF-8 length first was a second
 * pass over every character (the fragments of 20 documents of the 10 MB corpus as toCsv gives
 * them: 0.098 -> 0.078 s CPU).
 */
export function encodeRows(rows: RowFragments): Buffer {
  let units = 0;
  for (const name of ORDER) units += rows[name].length;
  const buffer = Buffer.allocUnsafe(HEADER_ROOM + 3 * units);
  const lengths: number[] = [];
  let offset = HEADER_ROOM;
  for (const name of ORDER) {
    const written = buffer.write(rows[name], offset, 'utf8');
    lengths.push(written);
    offset += written;
  }
  const header = lengths.join(' ') + '\n';
  const start = HEADER_ROOM - header.length;
  buffer.write(header, start, 'latin1');
  return buffer.subarray(start, offset);
}

/**
 * Reads a rows file back as the three fragments' bytes; throws when it is cut short or not one.
 * With `scratch` the bytes are read into it (grown when too small) and are only valid until its
 * next use: the thread that combines the CSVs reads every document's rows once, and a new buffer
 * each time (730 MB over the 100 MB corpus) made its heap collect for the external memory alone
 * (34 mark-compacts and 0.5 s of that thread's 1.6 s CPU, --trace-gc).
 */
export function readRows(path: string, scratch?: { buffer: Buffer }): RowBytes {
  const bytes = scratch ? readInto(path, scratch) : readFileSync(path);
  const newline = bytes.indexOf(0x0a);
  const lengths = newline < 0 ? [] : bytes.subarray(0, newline).toString('latin1').split(' ').map(Number);
  const total = lengths.reduce((sum, n) => sum + n, 0);
  if (lengths.length !== 3 || !lengths.every(Number.isSafeInteger) || newline + 1 + total !== bytes.length) {
    throw new Error(`${path} is not a complete rows file`);
  }
  let offset = newline + 1;
  const [paragraphs, quantities, warnings] = lengths.map((length) => bytes.subarray(offset, (offset += length)));
  return { paragraphs: paragraphs!, quantities: quantities!, warnings: warnings! };
}

/** The whole file in `scratch.buffer` (replaced by a larger one when needed), as a view of it. */
function readInto(path: string, scratch: { buffer: Buffer }): Buffer {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (scratch.buffer.length < size) scratch.buffer = Buffer.allocUnsafeSlow(Math.max(size, 2 * scratch.buffer.length));
    let length = 0;
    for (let n = 1; n > 0 && length < size; length += n) n = readSync(fd, scratch.buffer, length, size - length, null);
    return scratch.buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

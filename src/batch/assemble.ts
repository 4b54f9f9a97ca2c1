/**
 * Builds a generation's combined files from its per-document row files: each CSV is the header
 * and the documents' rows in id order, streamed to disk (a corpus bigger than memory still fits),
 * then errors.csv and the manifest. `liang run` appends each document as soon as every document
 * before it in id order is settled, so the CSVs grow while workers process the rest; `liang
 * merge` appends them all at once.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { toCsv } from '../output/csv.js';
import { paragraphColumns, quantityColumns, warningColumns } from '../output/records.js';
import { compareIds } from './inputs.js';
import { manifestText, type Manifest, type ManifestEntry } from './manifest.js';
import { readRows } from './rows.js';
import { docPath, fsyncDir, rowsPath, writeDurable } from './store.js';
import { failureRows } from './summary.js';

export const errorColumns = ['doc_id', 'path', 'stage', 'rule', 'reason', 'raw_line'] as const;

export interface Totals {
  paragraphs: number;
  quantities: number;
  warnings: number;
}

/** paragraphs.csv, quantities.csv and warnings.csv of a generation, written document by document. */
export class CombinedCsvs {
  readonly totals: Totals = { paragraphs: 0, quantities: 0, warnings: 0 };
  private readonly files: Record<keyof Totals, number>;
  /** What each document's rows file is read into. */
  private readonly scratch = { buffer: Buffer.allocUnsafeSlow(1024 * 1024) };
  private closed = false;

  /** Opens the three files in `genDir` and writes their headers. */
  constructor(
    private readonly genDir: string,
    bom: boolean,
  ) {
    const open = (name: string) => openSync(join(genDir, name), 'w');
    this.files = { paragraphs: open('paragraphs.csv'), quantities: open('quantities.csv'), warnings: open('warnings.csv') };
    try {
      writeAll(this.files.paragraphs, Buffer.from(toCsv(paragraphColumns, [], { bom }), 'utf8'));
      writeAll(this.files.quantities, Buffer.from(toCsv(quantityColumns, [], { bom }), 'utf8'));
      writeAll(this.files.warnings, Buffer.from(toCsv(warningColumns, [], { bom }), 'utf8'));
    } catch (error) {
      this.close(false);
      throw error;
    }
  }

  /** Appends a document's rows (read from its rows file in the generation); a failed one has none. */
  append(entry: ManifestEntry): void {
    if (this.closed) throw new Error('the combined CSVs are already closed');
    if (entry.status !== 'done') return;
    const rows = readRows(rowsPath(this.genDir, entry.id), this.scratch);
    writeAll(this.files.paragraphs, rows.paragraphs);
    writeAll(this.files.quantities, rows.quantities);
    writeAll(this.files.warnings, rows.warnings);
    this.totals.paragraphs += entry.paragraphs;
    this.totals.quantities += entry.quantities;
    this.totals.warnings += entry.warnings;
  }

  /** Closes the files, flushed to disk when `durable` (on success; on failure they are garbage). */
  close(durable = true): void {
    if (this.closed) return;
    this.closed = true;
    try {
      if (durable) for (const fd of Object.values(this.files)) fsyncSync(fd);
    } finally {
      for (const fd of Object.values(this.files)) closeSync(fd);
    }
  }
}

/**
 * Writes the CSVs, errors.csv and manifest.json of `genDir` from its rows files in one go (for
 * `liang merge`); `manifest.documents` must be complete, and is sorted by id.
 */
export function assembleGeneration(genDir: string, manifest: Manifest): Totals {
  manifest.documents = [...manifest.documents].sort((a, b) => compareIds(a.id, b.id));
  mkdirSync(join(genDir, 'docs'), { recursive: true });
  const csvs = new CombinedCsvs(genDir, manifest.options.bom);
  try {
    for (const entry of manifest.documents) csvs.append(entry);
    csvs.close();
  } finally {
    csvs.close(false);
  }
  finishGeneration(genDir, manifest);
  return csvs.totals;
}

/**
 * Writes errors.csv and manifest.json (`manifest.documents` in id order), and flushes the
 * generation's folders: the last step before the commit. The combined CSVs must be closed.
 */
export function finishGeneration(genDir: string, manifest: Manifest): void {
  const entries = manifest.documents;
  const bom = manifest.options.bom;
  writeDurable(join(genDir, 'errors.csv'), toCsv(errorColumns, failureRows(entries), { bom }));
  writeDurable(join(genDir, 'manifest.json'), manifestText(manifest));
  // the names (new files, hard links) must be on disk before the commit points at them
  const folders = new Set([join(genDir, 'docs'), join(genDir, 'rows')]);
  for (const entry of entries) {
    if (entry.status !== 'done') continue;
    folders.add(dirname(docPath(genDir, entry.id)));
    folders.add(dirname(rowsPath(genDir, entry.id)));
  }
  for (const folder of folders) fsyncDir(folder);
  fsyncDir(genDir);
}

/** writeSync until every byte is written (it may write fewer than asked). */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

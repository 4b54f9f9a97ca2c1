/**
 * Builds a generation's combined files from its per-document row files: each CSV is the header
 * and the documents' rows in id order, streamed to disk (a corpus bigger than memory still fits),
 * then errors.csv and the manifest. Run by `liang run` and `liang merge`.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { toCsv } from '../output/csv.js';
import { paragraphColumns, quantityColumns, warningColumns } from '../output/records.js';
import { compareIds } from './inputs.js';
import { manifestText, type Manifest } from './manifest.js';
import type { RowFragments } from './process.js';
import { docPath, fsyncDir, rowsPath, writeDurable } from './store.js';
import { failureRows } from './summary.js';

export const errorColumns = ['doc_id', 'path', 'stage', 'rule', 'reason', 'raw_line'] as const;

export interface Totals {
  paragraphs: number;
  quantities: number;
  warnings: number;
}

/** Writes the CSVs, errors.csv and manifest.json of `genDir`; `manifest.documents` must be complete. */
export function assembleGeneration(genDir: string, manifest: Manifest): Totals {
  const entries = [...manifest.documents].sort((a, b) => compareIds(a.id, b.id));
  manifest.documents = entries;
  const bom = manifest.options.bom;
  mkdirSync(join(genDir, 'docs'), { recursive: true });

  const files = {
    paragraphs: openSync(join(genDir, 'paragraphs.csv'), 'w'),
    quantities: openSync(join(genDir, 'quantities.csv'), 'w'),
    warnings: openSync(join(genDir, 'warnings.csv'), 'w'),
  };
  const write = (fd: number, text: string) => {
    if (text) writeSync(fd, Buffer.from(text, 'utf8'));
  };
  const totals: Totals = { paragraphs: 0, quantities: 0, warnings: 0 };
  try {
    write(files.paragraphs, toCsv(paragraphColumns, [], { bom }));
    write(files.quantities, toCsv(quantityColumns, [], { bom }));
    write(files.warnings, toCsv(warningColumns, [], { bom }));
    for (const entry of entries) {
      if (entry.status !== 'done') continue;
      const rows = JSON.parse(readFileSync(rowsPath(genDir, entry.id), 'utf8')) as RowFragments;
      write(files.paragraphs, rows.paragraphs);
      write(files.quantities, rows.quantities);
      write(files.warnings, rows.warnings);
      totals.paragraphs += entry.paragraphs;
      totals.quantities += entry.quantities;
      totals.warnings += entry.warnings;
    }
    for (const fd of Object.values(files)) fsyncSync(fd);
  } finally {
    for (const fd of Object.values(files)) closeSync(fd);
  }

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
  return totals;
}

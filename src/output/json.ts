/**
 * Doc → the per-document JSON. Keys come in a fixed order and every value comes from
 * `records.ts`, so the same document always gives the same bytes.
 */
import type { Doc } from '../document.js';
import { paragraphRows, quantityRows, warningRows } from './records.js';

/** The per-document JSON object: `{doc_id, source, paragraphs, quantities, warnings}`. */
export function docJson(doc: Doc): object {
  return {
    doc_id: doc.id,
    source: {
      path: doc.source.path,
      sha256: doc.source.sha256,
      encoding: doc.source.encoding,
      bytes: doc.source.bytes,
    },
    paragraphs: paragraphRows(doc).map(({ doc_id: _, ...row }) => row),
    // numbers as JSON numbers: exact for every value a report writes (≤ 15 significant digits);
    // the CSV keeps the exact decimal string
    quantities: quantityRows(doc).map(({ doc_id: _, ...row }) => ({
      ...row,
      value: Number(row.value),
      value_max: row.value_max === null ? null : Number(row.value_max),
    })),
    warnings: warningRows(doc).map(({ doc_id: _, ...row }) => row),
  };
}

/** The per-document JSON as text: two-space indented, with a final newline. */
export function docJsonText(doc: Doc): string {
  return JSON.stringify(docJson(doc), null, 2) + '\n';
}

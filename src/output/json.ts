/**
 * Doc → the per-document JSON. Keys come in a fixed order and every value comes from
 * `records.ts`, so the same document always gives the same bytes.
 */
import type { Doc } from '../document.js';
import { docRows, type DocRows } from './records.js';

/**
 * The per-document JSON object: `{doc_id, source, paragraphs, quantities, warnings}`. Each row is
 * its CSV row without `doc_id`, keys in the same order (a test holds them to the column lists);
 * they are written out as literals because spreading each row cost twice as much (0.05 → 0.02 s
 * over the 4 MB corpus). `rows`: the document's rows when the caller has built them already.
 */
export function docJson(doc: Doc, rows: DocRows = docRows(doc)): object {
  return {
    doc_id: doc.id,
    source: {
      path: doc.source.path,
      sha256: doc.source.sha256,
      encoding: doc.source.encoding,
      bytes: doc.source.bytes,
    },
    paragraphs: rows.paragraphs.map((row) => ({
      paragraph_no: row.paragraph_no,
      kind: row.kind,
      text: row.text,
      raw_line_start: row.raw_line_start,
      raw_line_end: row.raw_line_end,
      lang: row.lang,
    })),
    // numbers as JSON numbers: exact for every value a report writes (≤ 15 significant digits);
    // the CSV keeps the exact decimal string
    quantities: rows.quantities.map((row) => ({
      paragraph_no: row.paragraph_no,
      text: row.text,
      value: Number(row.value),
      value_max: row.value_max === null ? null : Number(row.value_max),
      unit: row.unit,
      unit_text: row.unit_text,
      kind: row.kind,
      qualifier: row.qualifier,
      change: row.change,
      subject: row.subject,
      modality: row.modality,
      start: row.start,
      end: row.end,
      raw_line: row.raw_line,
      sentence: row.sentence,
      period: row.period,
      lang: row.lang,
    })),
    warnings: rows.warnings.map(({ doc_id: _, ...row }) => row),
  };
}

/** The per-document JSON as text: two-space indented, with a final newline. */
export function docJsonText(doc: Doc, rows?: DocRows): string {
  return JSON.stringify(docJson(doc, rows), null, 2) + '\n';
}

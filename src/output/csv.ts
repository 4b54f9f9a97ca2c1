/**
 * Rows → CSV text: RFC 4180 quoting, CRLF line ends as the RFC writes them, UTF-8. By default
 * the text starts with a byte-order mark so that Excel, opened by a double click, reads the
 * Chinese as UTF-8 instead of the system code page; pandas (`encoding="utf-8-sig"`) and R
 * (`fileEncoding = "UTF-8-BOM"`, or readr, which drops it) read it too. `bom: false` (the CLI's
 * `--no-bom`) leaves it out.
 *
 * The rows liang writes hold strings, numbers and nulls only; those are serialised here directly
 * (csv-stringify's per-field casting and option lookups cost 1.3 s of a 15 s run over 10 MB).
 * Any other value (a boolean, a date, an object, from a library caller) goes through
 * csv-stringify with the same options, and both give the same bytes (tests/batch-csv.test.ts).
 */
import { stringify } from 'csv-stringify/sync';

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark (default true). */
  bom?: boolean;
  /** Write the header row (default true). */
  header?: boolean;
}

/**
 * Serialises `rows` with exactly `columns`, in that order. `null` becomes an empty field.
 * A field holding a comma, a quote or any line break is quoted (a bare `\n` left unquoted would
 * split the row for pandas, R and Excel), its quotes doubled.
 */
export function toCsv<Row extends object>(
  columns: readonly (keyof Row & string)[],
  rows: readonly Row[],
  options: CsvOptions = {},
): string {
  const bom = options.bom ?? true;
  const header = options.header ?? true;
  if (!plainColumns(columns)) return withCsvStringify(columns, rows, bom, header);
  let text = bom ? '\ufeff' : '';
  if (header) text += columns.map(field).join(',') + '\r\n';
  // each column's last string and its field: a quantity row repeats its sentence (the longest
  // field) for every quantity of the sentence, and its kind, unit and modality from a short list,
  // so the quoting test runs once per distinct value in a run instead of once per row
  const lastValue: unknown[] = new Array(columns.length).fill(null);
  const lastField: string[] = new Array(columns.length).fill('');
  for (const row of rows) {
    // csv-stringify reads an array row by position
    if (Array.isArray(row)) return withCsvStringify(columns, rows, bom, header);
    const record = row as Record<string, unknown>;
    let line = '';
    for (let i = 0; i < columns.length; i++) {
      if (i > 0) line += ',';
      const value = record[columns[i]!];
      if (typeof value === 'string') {
        if (value !== lastValue[i]) {
          lastValue[i] = value;
          lastField[i] = field(value);
        }
        line += lastField[i];
      } else if (typeof value === 'number') {
        // a number's text never holds a comma, a quote or a line break
        line += String(value);
      } else if (value !== null && value !== undefined) {
        // a boolean, a date, an object (a library caller's row): csv-stringify casts it
        return withCsvStringify(columns, rows, bom, header);
      }
    }
    text += line + '\r\n';
  }
  return text;
}

const NEEDS_QUOTES = /[",\r\n]/;

function field(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** csv-stringify reads a column named `a.b` or `a[0]` as a path into the row. */
function plainColumns(columns: readonly string[]): boolean {
  return columns.every((column) => !column.includes('.') && !column.includes('['));
}

function withCsvStringify(columns: readonly string[], rows: readonly object[], bom: boolean, header: boolean): string {
  return stringify(rows as object[], {
    bom,
    header,
    columns: [...columns],
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
    cast: { number: (value) => String(value) },
  });
}

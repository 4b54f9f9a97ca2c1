/**
 * Rows → CSV text: RFC 4180 quoting, CRLF line ends as the RFC writes
 * them, UTF-8. By default the text starts with a byte-order mark so that Excel, opened by a
 * double click, reads the Chinese as UTF-8 instead of the system code page; pandas
 * (`encoding="utf-8-sig"`) and R (`fileEncoding = "UTF-8-BOM"`, or readr, which drops it) read it
 * too. `bom: false` (the CLI's `--no-bom`) leaves it out.
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
 *
 * Strings, numbers and nulls (every field liang writes) are quoted here directly, as
 * csv-stringify would: a batch writes millions of fields, and its per-field option handling cost
 * more than the rest of the output. A row holding any other kind of value goes through
 * csv-stringify whole, so its casting rules (booleans, objects) stay the ones that apply.
 */
export function toCsv<Row extends object>(
  columns: readonly (keyof Row & string)[],
  rows: readonly Row[],
  options: CsvOptions = {},
): string {
  if (!rows.every((row) => plainRow(row, columns))) return viaLibrary(columns, rows, options);
  let out = (options.bom ?? true) ? BOM : '';
  if (options.header ?? true) out += columns.map(field).join(',') + CRLF;
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < columns.length; i++) {
      if (i > 0) line += ',';
      const value = (row as Record<string, unknown>)[columns[i]!];
      if (value !== null && value !== undefined) line += field(typeof value === 'number' ? String(value) : (value as string));
    }
    out += line + CRLF;
  }
  return out;
}

const BOM = '\ufeff';
const CRLF = '\r\n';
/**
 * A field holding a quote, a comma or the record delimiter is quoted. A lone `\n` or `\r` is
 * not: csv-stringify quotes only the delimiter it was given (`\r\n`), and the files stay as
 * they were.
 */
const NEEDS_QUOTES = /[",]|\r\n/;

function field(text: string): string {
  return NEEDS_QUOTES.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

function plainRow(row: object, columns: readonly string[]): boolean {
  for (const column of columns) {
    const value = (row as Record<string, unknown>)[column];
    if (value !== null && value !== undefined && typeof value !== 'string' && typeof value !== 'number') return false;
  }
  return true;
}

function viaLibrary<Row extends object>(columns: readonly (keyof Row & string)[], rows: readonly Row[], options: CsvOptions): string {
  return stringify(rows as Row[], {
    bom: options.bom ?? true,
    header: options.header ?? true,
    columns: [...columns],
    record_delimiter: 'windows',
    cast: { number: (value) => String(value) },
  });
}

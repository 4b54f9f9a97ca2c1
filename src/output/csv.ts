/**
 * Rows → CSV text through csv-stringify: RFC 4180 quoting, CRLF line ends as the RFC writes
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
 * A field holding any line break is quoted: csv-stringify by itself quotes only the record
 * delimiter (`\r\n`), and a bare `\n` left unquoted splits the row for pandas, R and Excel.
 */
export function toCsv<Row extends object>(
  columns: readonly (keyof Row & string)[],
  rows: readonly Row[],
  options: CsvOptions = {},
): string {
  return stringify(rows as Row[], {
    bom: options.bom ?? true,
    header: options.header ?? true,
    columns: [...columns],
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
    cast: { number: (value) => String(value) },
  });
}

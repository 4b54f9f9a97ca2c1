/** Reads liang's CSV output back, as pandas or R would, with csv-parse: rows of fields, the BOM dropped. */
import { parse as parseCsv } from 'csv-parse/sync';

export function parse(csv: string): string[][] {
  return parseCsv(csv, { bom: true }) as string[][];
}

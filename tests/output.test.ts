import { describe, expect, it } from 'vitest';
import { parse } from './helpers/csv.js';
import { toCsv } from '../src/output/csv.js';
import { docRows, paragraphColumns, quantityColumns, quantityRows, paragraphRows, warningColumns } from '../src/output/records.js';
import { docJsonText } from '../src/output/json.js';
import { createDoc } from '../src/stages/decode.js';
import type { Doc, Quantity } from '../src/document.js';

function sampleDoc(): Doc {
  const text = '标题\n第二段实施项目1381个,增长"71%"。';
  const doc = createDoc('d', text);
  doc.paragraphs = [
    { start: 0, end: 2, kind: 'heading', lang: 'zh', rawLineStart: 1, rawLineEnd: 1 },
    { start: 3, end: 23, kind: 'body', lang: 'zh', rawLineStart: 2, rawLineEnd: 2 },
  ];
  doc.sentences = [{ start: 3, end: 23, paragraph: 1 }];
  const quantity: Quantity = {
    start: 10, end: 15, text: '1381个', value: '1381', valueMax: null, unit: '个', unitText: '个', kind: 'count',
    qualifier: 'exact', change: 'none', subject: '项目', modality: 'actual', period: '2024', sentence: 0,
    rules: ['classifiers.yaml#个'], lang: 'zh',
  };
  doc.quantities = [quantity];
  return doc;
}

describe('output: records', () => {
  it('quantity offsets are relative to the paragraph, and raw_line points at the raw text', () => {
    const [row] = quantityRows(sampleDoc());
    expect(row).toMatchObject({ paragraph_no: 2, start: 7, end: 12, raw_line: 2, text: '1381个', value: '1381' });
    expect(paragraphRows(sampleDoc())[1]!.text.slice(row!.start as number, row!.end as number)).toBe('1381个');
  });

  it('the quantities.csv columns are the contract, in order', () => {
    expect(quantityColumns.slice(0, 16)).toEqual([
      'doc_id', 'paragraph_no', 'text', 'value', 'value_max', 'unit', 'unit_text', 'kind', 'qualifier', 'change',
      'subject', 'modality', 'start', 'end', 'raw_line', 'sentence',
    ]);
  });
});

describe('output: CSV', () => {
  it('starts with a UTF-8 BOM by default, and not with bom: false', () => {
    const rows = quantityRows(sampleDoc());
    expect(toCsv(quantityColumns, rows).charCodeAt(0)).toBe(0xfeff);
    expect(toCsv(quantityColumns, rows, { bom: false }).charCodeAt(0)).not.toBe(0xfeff);
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and round-trips', () => {
    const rows = [{ a: '有,逗号', b: '有"引号"', c: '两\n行' }];
    const csv = toCsv(['a', 'b', 'c'], rows, { bom: false });
    expect(csv).toContain('"有""引号"""');
    expect(parse(csv)).toEqual([['a', 'b', 'c'], ['有,逗号', '有"引号"', '两\n行']]);
  });

  it('a lone line break inside a field is quoted too', () => {
    const csv = toCsv(['a', 'b'], [{ a: '两\n行', b: '回\r车' }], { bom: false });
    expect(csv.split('\r\n')[1]).toBe('"两\n行","回\r车"');
  });

  it('null is an empty field', () => {
    const csv = toCsv(['a', 'b'], [{ a: null, b: 1 }], { bom: false });
    expect(csv.split('\r\n')[1]).toBe(',1');
  });
});

describe('output: JSON', () => {
  it('has the contract keys in order, values as numbers', () => {
    const json = JSON.parse(docJsonText(sampleDoc()));
    expect(Object.keys(json)).toEqual(['doc_id', 'source', 'paragraphs', 'quantities', 'warnings']);
    expect(Object.keys(json.source)).toEqual(['path', 'sha256', 'encoding', 'bytes']);
    expect(json.quantities[0].value).toBe(1381);
    expect(json.quantities[0].value_max).toBeNull();
  });

  it('each row has the CSV columns but doc_id, in the CSV order', () => {
    const doc = sampleDoc();
    doc.warnings = [{ stage: 's', rule: 'r', reason: 'why', severity: 'info' }];
    const json = JSON.parse(docJsonText(doc));
    const without = (columns: readonly string[]) => columns.filter((column) => column !== 'doc_id');
    expect(Object.keys(json.paragraphs[0])).toEqual(without(paragraphColumns));
    expect(Object.keys(json.quantities[0])).toEqual(without(quantityColumns));
    expect(Object.keys(json.warnings[0])).toEqual(without(warningColumns));
  });

  it('is byte-identical for the same document', () => {
    expect(docJsonText(sampleDoc())).toBe(docJsonText(sampleDoc()));
  });

  it('reads the rows it is given: the batch builds them once for the CSV and the JSON', () => {
    const doc = sampleDoc();
    const rows = docRows(doc);
    expect(docJsonText(doc, rows)).toBe(docJsonText(doc));
    rows.quantities[0]!.subject = '改过的';
    expect(JSON.parse(docJsonText(doc, rows)).quantities[0].subject).toBe('改过的');
  });
});

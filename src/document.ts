/**
 * The shared document model. Every stage reads and extends one `Doc`.
 *
 * Offsets: every `start`/`end` in this file is a half-open code-point offset into `doc.text`
 * (the cleaned text), never a UTF-16 index. `doc.offsets` maps them back to `doc.raw`.
 * Conversion to paragraph-relative offsets and raw line numbers happens once, in
 * `output/records.ts`.
 */
import type { OffsetMap } from './text/offsets.js';

/** A half-open range `[start, end)` of code points in `doc.text`. */
export interface Span {
  start: number;
  end: number;
}

export interface Source {
  /** The path the input was read from, as given (or `-` for stdin). */
  path: string;
  /** Hex SHA-256 of the input bytes. */
  sha256: string;
  /** The encoding the bytes were decoded from, e.g. `utf-8`, `gb18030`. */
  encoding: string;
  bytes: number;
}

export type Severity = 'info' | 'warning' | 'fatal';

/** A problem or decision recorded on the document: where, by which rule, and why. */
export interface Warning {
  stage: string;
  /** The rule that fired, e.g. `not-quantities.yaml#十四五` or `clean/columns#weak-seam`. */
  rule: string;
  reason: string;
  severity: Severity;
  /** Where in `doc.text` (code points), and the 1-based raw line it starts on. */
  place?: { start: number; end: number; line: number };
  actual?: string;
  expected?: string;
}

export type ParagraphKind = 'heading' | 'body' | 'caption' | 'byline';

/** Language of a paragraph, decided by its share of CJK characters. */
export type Lang = 'zh' | 'en';

export interface Paragraph extends Span {
  kind: ParagraphKind;
  lang: Lang;
  /** 1-based raw lines the paragraph was assembled from (inclusive). */
  rawLineStart: number;
  rawLineEnd: number;
}

export interface Sentence extends Span {
  /** Index into `doc.paragraphs`. */
  paragraph: number;
}

/** What a quantity measures (QUANTITIES.md §3 `kind`). */
export const quantityKinds = [
  'money',
  'count',
  'percent',
  'percentage_point',
  'multiple',
  'area',
  'length',
  'mass',
  'volume',
  'duration',
  'energy',
  'computing',
  'other',
] as const;

export type QuantityKind = (typeof quantityKinds)[number];

export type Qualifier = 'exact' | 'approx' | 'at_least' | 'at_most' | 'range';
export type Change = 'increase' | 'decrease' | 'none';
export type Modality = 'actual' | 'target';

export interface Quantity extends Span {
  /** The surface span, as it stands in `doc.text` (spaces and line breaks included). */
  text: string;
  /** Exact decimal string in `unit`, magnitude applied: `238.9万亩` → `"2389000"`. Lower end of a range. */
  value: string;
  /** Upper end of a range, else null. */
  valueMax: string | null;
  /** Canonical unit with the magnitude taken off: `元`, `亩`, `%`, `个`. */
  unit: string;
  /** The unit as written, magnitude included: `万元`, `万亩`. */
  unitText: string;
  kind: QuantityKind;
  qualifier: Qualifier;
  change: Change;
  /** What is measured or counted (filled by the attribute stage; `''` when unknown). */
  subject: string;
  modality: Modality;
  /** The year the number is about, where the text says or implies it; else null. */
  period: string | null;
  /** Index into `doc.sentences`, or -1 before the sentence stage. */
  sentence: number;
  /** Language of the paragraph the quantity stands in. */
  lang: Lang;
  /** The rules that produced the record, e.g. `['units.yaml#亩', 'qualifiers.yaml#以上']`. */
  rules: string[];
}

export interface Doc {
  id: string;
  source: Source;
  /** The decoded input, never changed after decode. */
  raw: string;
  /** The cleaned text: paragraphs separated by `\n`. */
  text: string;
  /** Maps code-point offsets of `text` back to `raw` and its lines. */
  offsets: OffsetMap;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  quantities: Quantity[];
  warnings: Warning[];
}

/** The fields a stage may declare it reads or writes, checked once when the pipeline is built. */
export type DocField = 'raw' | 'text' | 'paragraphs' | 'sentences' | 'quantities' | 'attributes';

/** Thrown by a stage when the document cannot be processed at all; fails this document only. */
export class DocumentFailure extends Error {
  constructor(
    readonly stage: string,
    readonly rule: string,
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'DocumentFailure';
  }
}

/**
 * The batch runner behind `liang run`: every input file through the pipeline, each document's
 * failure recorded and the rest processed, then the per-document JSON and the combined CSVs
 * written atomically.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Doc } from '../document.js';
import { DocumentFailure } from '../document.js';
import { createPipeline, type Pipeline } from '../pipeline.js';
import { loadRules } from '../rules/load.js';
import { decodeDoc } from '../stages/decode.js';
import { toCsv } from '../output/csv.js';
import { docJsonText } from '../output/json.js';
import {
  paragraphColumns,
  paragraphRows,
  quantityColumns,
  quantityRows,
  warningColumns,
  warningRows,
  type ParagraphRow,
  type QuantityRow,
  type WarningRow,
} from '../output/records.js';
import { writeFileAtomic } from '../output/write.js';
import { expandInputs, type InputFile } from './inputs.js';

export interface RunOptions {
  paths: string[];
  out: string;
  rulesDir?: string;
  bom: boolean;
  encoding?: string;
}

export interface FailedInput {
  doc_id: string;
  path: string;
  stage: string;
  rule: string;
  reason: string;
  raw_line: number | null;
}

export interface RunSummary {
  files: number;
  done: number;
  failed: number;
  quantities: number;
  paragraphs: number;
  seconds: number;
  failures: FailedInput[];
}

export const errorColumns = ['doc_id', 'path', 'stage', 'rule', 'reason', 'raw_line'] as const;

/** Runs the batch; throws `RulesError` or `UsageError` before any document is touched. */
export function runBatch(options: RunOptions): RunSummary {
  const started = performance.now();
  const inputs = expandInputs(options.paths);
  const rules = loadRules(options.rulesDir);
  const pipeline = createPipeline(rules);

  const paragraphs: ParagraphRow[] = [];
  const quantities: QuantityRow[] = [];
  const warnings: WarningRow[] = [];
  const failures: FailedInput[] = [];

  for (const input of inputs) {
    const result = processInput(pipeline, input, options.encoding);
    if ('failure' in result) {
      failures.push(result.failure);
      continue;
    }
    const doc = result.doc;
    writeFileAtomic(join(options.out, 'docs', `${doc.id}.json`), docJsonText(doc));
    paragraphs.push(...paragraphRows(doc));
    quantities.push(...quantityRows(doc));
    warnings.push(...warningRows(doc));
  }

  const csv = { bom: options.bom };
  writeFileAtomic(join(options.out, 'paragraphs.csv'), toCsv(paragraphColumns, paragraphs, csv));
  writeFileAtomic(join(options.out, 'quantities.csv'), toCsv(quantityColumns, quantities, csv));
  writeFileAtomic(join(options.out, 'warnings.csv'), toCsv(warningColumns, warnings, csv));
  writeFileAtomic(join(options.out, 'errors.csv'), toCsv(errorColumns, failures, csv));

  return {
    files: inputs.length,
    done: inputs.length - failures.length,
    failed: failures.length,
    quantities: quantities.length,
    paragraphs: paragraphs.length,
    seconds: (performance.now() - started) / 1000,
    failures,
  };
}

/** One input through decode and the pipeline; a failure is returned, never thrown. */
export function processInput(
  pipeline: Pipeline,
  input: InputFile,
  encoding?: string,
): { doc: Doc } | { failure: FailedInput } {
  const fail = (stage: string, rule: string, reason: string, line: number | null = null) => ({
    failure: { doc_id: input.id, path: input.path, stage, rule, reason, raw_line: line },
  });
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(input.path);
  } catch (error) {
    return fail('read', 'read/io', `cannot read the file: ${(error as Error).message}`);
  }
  try {
    return { doc: pipeline.process(decodeDoc(input.id, input.path, bytes, encoding)) };
  } catch (error) {
    if (error instanceof DocumentFailure) return fail(error.stage, error.rule, error.message, error.line ?? null);
    return fail('pipeline', 'pipeline/exception', String((error as Error)?.message ?? error));
  }
}

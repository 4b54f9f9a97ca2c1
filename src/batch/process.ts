/**
 * One input through read → decode → pipeline → per-document files. Runs inside a worker thread
 * (or the main thread with `--jobs 1`); a failure of the document is returned, never thrown.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Doc } from '../document.js';
import { DocumentFailure } from '../document.js';
import type { Pipeline } from '../pipeline.js';
import type { Rules } from '../rules/schema.js';
import { decodeDoc, sha256 } from '../stages/decode.js';
import { toCsv } from '../output/csv.js';
import { docJsonText } from '../output/json.js';
import { docRows, paragraphColumns, quantityColumns, warningColumns, type DocRows } from '../output/records.js';
import type { FailureInfo, ManifestEntry } from './manifest.js';
import { encodeRows, type RowFragments } from './rows.js';
import { docPath, rowsPath, writeFresh } from './store.js';

export interface DecodeSettings {
  encoding: string | null;
  toSimplified: boolean;
}

/** What a worker thread (or the main thread, with one job) needs to build its pipeline. */
export interface WorkerSetup {
  /**
   * The rules the main thread loaded, validated and records in the manifest; a worker gets a
   * structured clone instead of loading them again (no YAML parser, no schemas): its thread's CPU
   * until ready 1.13 → 1.00 s, ~20 MB less RSS per worker.
   */
  rules: Rules;
  settings: DecodeSettings;
}

export interface Task {
  id: string;
  path: string;
  /** Generation folder the per-document files go to. */
  genDir: string;
  config: string;
}

/** Reads a file; the error is a failure with a reason a person understands. */
export function readInput(path: string): { bytes: Buffer } | { failure: FailureInfo } {
  try {
    return { bytes: readFileSync(path) };
  } catch (error) {
    return { failure: readFailure(error) };
  }
}

/**
 * A file's SHA-256 (hex, as `sha256` of its bytes gives it) and size, read through `scratch`:
 * the run hashes every input before it starts, and a whole-file buffer per input would pile up
 * outside the heap faster than the collector returns it (memory growing with the corpus).
 */
export function hashInput(path: string, scratch: Buffer): { sha256: string; bytes: number } | { failure: FailureInfo } {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const hash = createHash('sha256');
    let bytes = 0;
    for (let n = readSync(fd, scratch, 0, scratch.length, null); n > 0; n = readSync(fd, scratch, 0, scratch.length, null)) {
      hash.update(scratch.subarray(0, n));
      bytes += n;
    }
    return { sha256: hash.digest('hex'), bytes };
  } catch (error) {
    return { failure: readFailure(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readFailure(error: unknown): FailureInfo {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ENOENT'
        ? 'the file disappeared (or is a dangling link)'
        : code === 'EISDIR'
          ? 'it is a folder'
          : (error as Error).message;
  return { stage: 'read', rule: 'read/io', reason: `cannot read the file: ${why}`, raw_line: null };
}

let toSimplifiedConverter: ((text: string) => string) | undefined;

/** Traditional → simplified (mainland forms) through OpenCC's dictionaries. */
export function toSimplified(text: string): string {
  // loaded on first use: its dictionaries cost every run that does not convert
  const convert = (toSimplifiedConverter ??= (createRequire(import.meta.url)('opencc-js') as typeof import('opencc-js')).Converter({
    from: 't',
    to: 'cn',
  }) as (text: string) => string);
  return convert(text);
}

/** Code units of a text's opening that `looksTraditional` converts to decide. */
const TRADITIONAL_SAMPLE = 1500; // 0.4 ms a document (4,000: 1.1 ms, 2% of a 100 MB run)
/**
 * Share of those characters OpenCC changes above which a text is traditional: simplified report
 * text changes by 0 (the sample input: 0 of 2,000), the same text in Taiwan forms by 28%.
 */
const TRADITIONAL_SHARE = 0.05;

/**
 * True when the text is written in traditional characters: the rules (units, classifiers, cue
 * words) are simplified, so `個`, `萬億`, `增長` would go unread. OpenCC's own tables decide, on
 * the text's opening.
 */
export function looksTraditional(text: string): boolean {
  const sample = text.slice(0, TRADITIONAL_SAMPLE);
  const converted = toSimplified(sample);
  if (converted === sample) return false;
  let changed = 0;
  const n = Math.min(sample.length, converted.length);
  for (let i = 0; i < n; i++) if (sample.charCodeAt(i) !== converted.charCodeAt(i)) changed++;
  return changed >= 3 && changed >= sample.length * TRADITIONAL_SHARE;
}

/** What runs without `--to-simplified`: a text that looks traditional is converted all the same. */
export function simplifiedIfTraditional(text: string): string {
  return looksTraditional(text) ? toSimplified(text) : text;
}

/**
 * Decodes and runs the pipeline (only decodes with `pipeline` null); a DocumentFailure (or a
 * bug) becomes the failure.
 */
export function processBytes(
  pipeline: Pipeline | null,
  id: string,
  path: string,
  bytes: Uint8Array,
  settings: DecodeSettings,
): { doc: Doc } | { failure: FailureInfo } {
  try {
    const doc = decodeDoc(id, path, bytes, {
      encoding: settings.encoding ?? undefined,
      convert: settings.toSimplified ? toSimplified : simplifiedIfTraditional,
    });
    return { doc: pipeline ? pipeline.process(doc) : doc };
  } catch (error) {
    if (error instanceof DocumentFailure) {
      // pipeline.ts wraps a stage's unexpected exception as `<stage>/exception`: say it is a bug
      const reason = error.rule.endsWith('/exception')
        ? `the ${error.stage} stage broke on this file (a bug in liang; please report it): ${firstLine(error.message)}`
        : firstLine(error.message);
      return { failure: { stage: error.stage, rule: error.rule, reason, raw_line: error.line ?? null } };
    }
    return { failure: { stage: 'pipeline', rule: 'pipeline/exception', reason: firstLine(String((error as Error)?.message ?? error)), raw_line: null } };
  }
}

/**
 * A document's CSV rows, serialised without header or BOM; the CSVs are their concatenation.
 * `rows`: the document's rows when the caller has built them already (for its JSON too).
 */
export function rowFragments(doc: Doc, rows: DocRows): RowFragments {
  const body = { bom: false, header: false };
  return {
    paragraphs: toCsv(paragraphColumns, rows.paragraphs, body),
    quantities: toCsv(quantityColumns, rows.quantities, body),
    warnings: toCsv(warningColumns, rows.warnings, body),
  };
}

/**
 * The whole task: read, process, write the document's files into the generation, and report.
 * The files are not yet flushed to disk: the caller does that before it journals the entry.
 */
export function runTask(pipeline: Pipeline, task: Task, settings: DecodeSettings): ManifestEntry {
  const base = { id: task.id, path: task.path, config: task.config };
  const read = readInput(task.path);
  if ('failure' in read) {
    return { ...base, sha256: null, bytes: 0, status: 'failed', encoding: null, paragraphs: 0, quantities: 0, warnings: 0, failure: read.failure };
  }
  const hash = sha256(read.bytes);
  const result = processBytes(pipeline, task.id, task.path, read.bytes, settings);
  if ('failure' in result) {
    return { ...base, sha256: hash, bytes: read.bytes.length, status: 'failed', encoding: null, paragraphs: 0, quantities: 0, warnings: 0, failure: result.failure };
  }
  const doc = result.doc;
  const rows = docRows(doc);
  writeFresh(docPath(task.genDir, task.id), docJsonText(doc, rows));
  writeFresh(rowsPath(task.genDir, task.id), encodeRows(rowFragments(doc, rows)));
  return {
    ...base,
    sha256: hash,
    bytes: read.bytes.length,
    status: 'done',
    encoding: doc.source.encoding,
    paragraphs: doc.paragraphs.length,
    quantities: doc.quantities.length,
    warnings: doc.warnings.length,
    failure: null,
  };
}

/** Stack traces and multi-line messages stay out of a CSV cell; the first line says what broke. */
function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  const characters = [...line];
  return characters.length > 500 ? characters.slice(0, 500).join('') + '…' : line;
}

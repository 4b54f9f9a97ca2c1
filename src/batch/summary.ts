/** The summary of a run: what `--json` prints and the one-line human form builds on. */
import type { Manifest, ManifestEntry } from './manifest.js';

export interface FailedInput {
  doc_id: string;
  path: string;
  stage: string;
  rule: string;
  reason: string;
  raw_line: number | null;
}

export interface RunSummary {
  /** Inputs of this run (after --include/--exclude/--shard). */
  files: number;
  /** Documents processed in this run without failure. */
  done: number;
  /** Documents skipped because bytes, rules, version and options are as in the last run. */
  unchanged: number;
  /** Documents finished by a killed run and taken over from it. */
  resumed: number;
  /** Documents in errors.csv (new failures and unchanged failed files). */
  failed: number;
  /** Documents of the previous outputs whose input is gone. */
  removed: number;
  paragraphs: number;
  quantities: number;
  warnings: number;
  /** Bytes of input processed in this run. */
  bytes: number;
  seconds: number;
  out: string;
  /** False when nothing changed and the outputs were left as they were. */
  written: boolean;
  failures: FailedInput[];
}

/** `path[:line]: reason [rule]`, the form a person reads in a log. */
/** The rows of errors.csv: every failed input of a manifest, with its stage, rule and reason. */
export function failureRows(entries: readonly ManifestEntry[]): FailedInput[] {
  return entries
    .filter((entry) => entry.status === 'failed')
    .map((entry) => ({
      doc_id: entry.id,
      path: entry.path,
      stage: entry.failure?.stage ?? '',
      rule: entry.failure?.rule ?? '',
      reason: entry.failure?.reason ?? '',
      raw_line: entry.failure?.raw_line ?? null,
    }));
}

export function failureLine(entry: ManifestEntry): string {
  const line = entry.failure?.raw_line ? `:${entry.failure.raw_line}` : '';
  return `liang: ${entry.path}${line}: ${entry.failure?.reason ?? 'failed'} [${entry.failure?.rule ?? ''}]`;
}

/** The summary of the output set `manifest` describes, with this run's counts. */
export function summarize(
  manifest: Manifest,
  counts: { unchanged: number; resumed: number; done: number; bytes: number; removed: number; written: boolean },
  out: string,
  started: number,
): RunSummary {
  const failures = failureRows(manifest.documents);
  const sum = (field: 'paragraphs' | 'quantities' | 'warnings') =>
    manifest.documents.reduce((total, entry) => total + (entry.status === 'done' ? entry[field] : 0), 0);
  return {
    files: manifest.documents.length,
    done: counts.done,
    unchanged: counts.unchanged,
    resumed: counts.resumed,
    failed: failures.length,
    removed: counts.removed,
    paragraphs: sum('paragraphs'),
    quantities: sum('quantities'),
    warnings: sum('warnings'),
    bytes: counts.bytes,
    seconds: (performance.now() - started) / 1000,
    out,
    written: counts.written,
    failures,
  };
}

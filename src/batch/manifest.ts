/**
 * The manifest: one per output generation (`DIR/manifest.json`), recording for every input what
 * was done with which bytes, rules and tool version, so that a rerun redoes only what changed.
 * The same entries are appended, one JSON line each, to a generation's `journal.jsonl` while it
 * is being built, so that a run killed midway leaves its finished documents for the next run.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const MANIFEST_FORMAT = 1;

/** Why a document could not be processed; also a row of errors.csv. */
export interface FailureInfo {
  stage: string;
  rule: string;
  reason: string;
  raw_line: number | null;
}

export interface ManifestEntry {
  id: string;
  path: string;
  /** Hex SHA-256 of the input bytes; null when the file could not be read. */
  sha256: string | null;
  bytes: number;
  /** `configKey` the document was processed under (rules, tool version, decoding options). */
  config: string;
  status: 'done' | 'failed';
  encoding: string | null;
  paragraphs: number;
  quantities: number;
  warnings: number;
  failure: FailureInfo | null;
}

export interface Manifest {
  format: number;
  tool: string;
  version: string;
  rules_hash: string;
  config: string;
  options: { encoding: string | null; to_simplified: boolean; bom: boolean };
  shard: string | null;
  generation: number;
  documents: ManifestEntry[];
}

/** What, besides the input bytes, decides a document's output: a change here redoes everything. */
export function configKey(parts: { version: string; rulesHash: string; encoding: string | null; toSimplified: boolean }): string {
  return createHash('sha256')
    .update(JSON.stringify([MANIFEST_FORMAT, parts.version, parts.rulesHash, parts.encoding, parts.toSimplified]))
    .digest('hex')
    .slice(0, 32);
}

/** Reads a manifest; null when it is missing or not one of ours. */
export function readManifest(path: string): Manifest | null {
  try {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    return manifest.format === MANIFEST_FORMAT && Array.isArray(manifest.documents) ? manifest : null;
  } catch {
    return null;
  }
}

/** The complete lines of a journal; a line cut off by a kill is ignored. */
export function readJournal(path: string): ManifestEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  const entries: ManifestEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      entries.push(JSON.parse(line) as ManifestEntry);
    } catch {
      // the torn last line of a killed run
    }
  }
  return entries;
}

export function manifestText(manifest: Manifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}

/**
 * Checks that an output folder is one complete, self-consistent set: the manifest lists every
 * per-document JSON and no other, each JSON's source hash is the manifest's, and every CSV row
 * belongs to a listed document, with exactly as many rows per document as its JSON holds.
 * Used by the tests and the kill benchmark; a user can run it after copying outputs around.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { join, relative, sep } from 'node:path';
import type { Manifest } from './manifest.js';

export interface Verified {
  problems: string[];
  manifest: Manifest | null;
  /** id → input SHA-256 of the documents in the set (done and failed). */
  hashes: Map<string, string | null>;
}

interface DocJson {
  doc_id: string;
  source: { sha256: string };
  paragraphs: { text: string }[];
  quantities: unknown[];
  warnings: unknown[];
}

export function verifyOutputs(out: string): Verified {
  const problems: string[] = [];
  let manifest: Manifest | null = null;
  try {
    manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
  } catch (error) {
    return { problems: [`no readable manifest.json: ${(error as Error).message}`], manifest: null, hashes: new Map() };
  }
  const hashes = new Map(manifest.documents.map((entry) => [entry.id, entry.sha256]));
  const done = new Set(manifest.documents.filter((entry) => entry.status === 'done').map((entry) => entry.id));
  const docsDir = join(out, 'docs');
  const onDisk = new Set(listJson(docsDir).map((path) => relative(docsDir, path).split(sep).join('/').replace(/\.json$/, '')));
  for (const id of done) if (!onDisk.has(id)) problems.push(`docs/${id}.json is missing`);
  for (const id of onDisk) if (!done.has(id)) problems.push(`docs/${id}.json is not in the manifest`);

  const expected = { paragraphs: new Map<string, string[]>(), quantities: new Map<string, number>(), warnings: new Map<string, number>() };
  for (const id of done) {
    if (!onDisk.has(id)) continue;
    const doc = JSON.parse(readFileSync(join(docsDir, `${id}.json`), 'utf8')) as DocJson;
    const entry = manifest.documents.find((item) => item.id === id)!;
    if (doc.doc_id !== id) problems.push(`docs/${id}.json holds doc_id ${doc.doc_id}`);
    if (doc.source.sha256 !== entry.sha256) problems.push(`docs/${id}.json was made from other bytes than the manifest records`);
    expected.paragraphs.set(id, doc.paragraphs.map((paragraph) => paragraph.text));
    expected.quantities.set(id, doc.quantities.length);
    expected.warnings.set(id, doc.warnings.length);
  }

  const paragraphs = parseCsv(readFileSync(join(out, 'paragraphs.csv'), 'utf8'));
  const textColumn = paragraphs.header.indexOf('text');
  const actualParagraphs = new Map<string, string[]>();
  for (const row of paragraphs.rows) push(actualParagraphs, row[0]!, row[textColumn]!);
  for (const id of new Set([...expected.paragraphs.keys(), ...actualParagraphs.keys()])) {
    const want = expected.paragraphs.get(id);
    const got = actualParagraphs.get(id) ?? [];
    if (!want) problems.push(`paragraphs.csv has rows of ${id}, which has no JSON`);
    else if (want.length !== got.length || want.some((text, i) => text !== got[i])) problems.push(`paragraphs.csv disagrees with docs/${id}.json`);
  }
  for (const name of ['quantities', 'warnings'] as const) {
    const counts = new Map<string, number>();
    for (const row of parseCsv(readFileSync(join(out, `${name}.csv`), 'utf8')).rows) counts.set(row[0]!, (counts.get(row[0]!) ?? 0) + 1);
    for (const id of new Set([...expected[name].keys(), ...counts.keys()])) {
      if ((expected[name].get(id) ?? -1) !== (counts.get(id) ?? 0) && !(expected[name].get(id) === 0 && !counts.has(id))) {
        problems.push(`${name}.csv has ${counts.get(id) ?? 0} rows of ${id}, its JSON ${expected[name].get(id) ?? 'does not exist'}`);
      }
    }
  }
  const errors = parseCsv(readFileSync(join(out, 'errors.csv'), 'utf8')).rows.map((row) => row[0]!);
  const failed = manifest.documents.filter((entry) => entry.status === 'failed').map((entry) => entry.id);
  if (errors.join('\n') !== failed.join('\n')) problems.push('errors.csv does not list exactly the failed documents of the manifest');
  return { problems, manifest, hashes };
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function listJson(folder: string): string[] {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) =>
    entry.isDirectory() ? listJson(join(folder, entry.name)) : entry.name.endsWith('.json') ? [join(folder, entry.name)] : [],
  );
}

/** An output CSV read back with csv-parse (the BOM dropped): its header and its rows. */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const records = parse(text, { bom: true, relax_column_count: false }) as string[][];
  return { header: records[0] ?? [], rows: records.slice(1) };
}

/**
 * What a rerun may take over instead of processing again: the committed generation's documents,
 * and those a killed run finished (its generation's journal). A candidate is used only when the
 * input's bytes and the config key (rules, version, decoding options) are the same.
 */
import { join } from 'node:path';
import { readJournal, type Manifest, type ManifestEntry } from './manifest.js';
import { docPath, exists, generationDir, listGenerations, rowsPath } from './store.js';

export interface Reusable {
  entry: ManifestEntry;
  /** The generation folder holding the document's files. */
  genDir: string;
  /** From the committed generation (unchanged), or from a killed run (resumed). */
  committed: boolean;
}

/**
 * Documents a rerun may take over, per id: the committed manifest's entry first, then those of
 * killed runs' journals (newest first). The caller takes the first whose bytes and config match.
 */
export function reusableDocuments(out: string, current: number | null, previous: Manifest | null): Map<string, Reusable[]> {
  const reusable = new Map<string, Reusable[]>();
  const add = (source: Reusable) => {
    const id = source.entry.id;
    if (source.entry.sha256 === null) return;
    if (source.entry.status === 'done' && !(exists(docPath(source.genDir, id)) && exists(rowsPath(source.genDir, id)))) return;
    const list = reusable.get(id);
    if (list) list.push(source);
    else reusable.set(id, [source]);
  };
  if (previous && current !== null) {
    const genDir = generationDir(out, current);
    for (const entry of previous.documents) add({ entry, genDir, committed: true });
  }
  for (const generation of listGenerations(out).reverse()) {
    if (generation === current) continue;
    const genDir = generationDir(out, generation);
    for (const entry of readJournal(join(genDir, 'journal.jsonl'))) add({ entry, genDir, committed: false });
  }
  return reusable;
}

/**
 * `liang merge DIR... --out OUT`: combines the outputs of `liang run --shard K/N` (or any runs
 * over disjoint inputs) into one output folder, with the same layout, manifest and atomic commit
 * as `liang run`. Per-document files are hard-linked from the shards, not rewritten.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { assembleGeneration } from './assemble.js';
import { UsageError } from './inputs.js';
import { acquireLock, type Lock } from './lock.js';
import { readManifest, MANIFEST_FORMAT, type Manifest, type ManifestEntry } from './manifest.js';
import {
  commitGeneration,
  currentGeneration,
  docPath,
  ensureVisibleLinks,
  exists,
  generationDir,
  linkOrCopy,
  listGenerations,
  removeOldGenerations,
  rowsPath,
  stateDir,
} from './store.js';

export interface MergeOptions {
  dirs: string[];
  out: string;
  /** Overrides the shards' BOM setting for the merged CSVs. */
  bom?: boolean;
  waitMs?: number;
}

export interface MergeSummary {
  folders: number;
  files: number;
  done: number;
  failed: number;
  paragraphs: number;
  quantities: number;
  seconds: number;
  out: string;
}

/** Merges; throws `UsageError` for a folder that is not a liang output, or shards that disagree. */
export async function mergeOutputs(options: MergeOptions): Promise<MergeSummary> {
  const started = performance.now();
  const out = resolve(options.out);
  const unique = [...new Map(options.dirs.map((dir) => [resolve(dir), dir])).entries()];
  const dirs = unique.map(([absolute]) => absolute);
  const names = unique.map(([, given]) => given);
  if (dirs.includes(out)) throw new UsageError(`the merged output ${options.out} cannot also be one of the folders merged`);
  mkdirSync(stateDir(out), { recursive: true });
  const locks: Lock[] = [];
  try {
    locks.push(await acquireLock(join(stateDir(out), 'lock'), options.out, options.waitMs ?? 0));
    const sources: { dir: string; genDir: string; manifest: Manifest }[] = [];
    for (const [i, dir] of dirs.entries()) {
      const notOutput = () =>
        new UsageError(`${names[i]} is not a liang output folder (no committed manifest); run liang run --out ${names[i]} first`);
      if (currentGeneration(dir) === null) throw notOutput();
      // locked before reading: a shard run cannot commit (and delete what is read) meanwhile
      locks.push(await acquireLock(join(stateDir(dir), 'lock'), names[i]!, options.waitMs ?? 0));
      const generation = currentGeneration(dir);
      const manifest = generation === null ? null : readManifest(join(generationDir(dir, generation), 'manifest.json'));
      if (generation === null || manifest === null) throw notOutput();
      sources.push({ dir: names[i]!, genDir: generationDir(dir, generation), manifest });
    }
    const first = sources[0]!.manifest;
    for (const source of sources) {
      if (source.manifest.config !== first.config) {
        throw new UsageError(
          `${source.dir} was made with other rules, tool version or decoding options than ${sources[0]!.dir} ` +
            `(rules ${source.manifest.rules_hash.slice(0, 12)} vs ${first.rules_hash.slice(0, 12)}, version ${source.manifest.version} vs ${first.version}); rerun the shards alike`,
        );
      }
    }

    const byId = new Map<string, { entry: ManifestEntry; genDir: string; dir: string }>();
    for (const source of sources) {
      for (const entry of source.manifest.documents) {
        const before = byId.get(entry.id);
        if (before && before.entry.sha256 !== entry.sha256) {
          throw new UsageError(`document "${entry.id}" is in both ${before.dir} and ${source.dir} with different contents; shards must not overlap`);
        }
        if (!before) byId.set(entry.id, { entry, genDir: source.genDir, dir: source.dir });
      }
    }

    const generation = Math.max(0, ...listGenerations(out)) + 1;
    const genDir = generationDir(out, generation);
    mkdirSync(join(genDir, 'docs'), { recursive: true });
    mkdirSync(join(genDir, 'rows'), { recursive: true });
    for (const { entry, genDir: from, dir } of byId.values()) {
      if (entry.status !== 'done') continue;
      if (!exists(rowsPath(from, entry.id))) {
        throw new UsageError(`${dir} was written by an earlier build of liang (its rows files are JSON); run liang run on it again first`);
      }
      linkOrCopy(docPath(from, entry.id), docPath(genDir, entry.id));
      linkOrCopy(rowsPath(from, entry.id), rowsPath(genDir, entry.id));
    }
    const manifest: Manifest = {
      ...first,
      format: MANIFEST_FORMAT,
      options: { ...first.options, bom: options.bom ?? first.options.bom },
      shard: null,
      generation,
      documents: [...byId.values()].map((item) => item.entry),
    };
    const totals = assembleGeneration(genDir, manifest);
    ensureVisibleLinks(out);
    commitGeneration(out, generation);
    removeOldGenerations(out);
    const failed = manifest.documents.filter((entry) => entry.status === 'failed').length;
    return {
      folders: sources.length,
      files: manifest.documents.length,
      done: manifest.documents.length - failed,
      failed,
      paragraphs: totals.paragraphs,
      quantities: totals.quantities,
      seconds: (performance.now() - started) / 1000,
      out: options.out,
    };
  } finally {
    for (const lock of locks.reverse()) lock.release();
  }
}

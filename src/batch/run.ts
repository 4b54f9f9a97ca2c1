/**
 * The batch runner behind `liang run`: every input through the pipeline on worker threads, each
 * document's failure recorded and the rest processed, only what changed redone.
 *
 * Design: why the outputs survive `kill -9` at any moment, and never show a mix.
 *
 * The CSVs hold every document, so a change to one document changes two files at least (its
 * JSON and each CSV). No order of renames of visible files can switch two files at once, so
 * every visible name is a fixed symlink into `DIR/.liang/current/`, and `current` is itself a
 * symlink to one complete *generation* folder (`.liang/gen-NNNNNN/`: manifest.json, the four
 * CSVs, docs/, rows/). A run builds a new generation beside the committed one and commits it
 * with a single `rename(2)` of a new symlink over `current`: before that rename every reader and
 * every later run sees the old complete set, after it the new complete set.
 *
 *   1. Lock the folder (lock.ts): one writer at a time; a dead writer's lock is broken.
 *   2. Hash every input. A document is reused when its bytes' SHA-256 and the config key (rules
 *      hash, tool version, decoding options) match the committed manifest, or the journal of a
 *      generation a killed run left behind (so a killed run's finished work is not lost). When
 *      nothing can be reused (--force, a first run) the workers are started before the rules are
 *      loaded (step 1's lock, the hashing), and load jieba meanwhile.
 *   3. Nothing changed: stop here; nothing is written at all.
 *   4. New generation: reused documents are hard-linked from where they are (the same inode:
 *      an unchanged document's file is never rewritten); the rest are processed on worker threads,
 *      each writing docs/<id>.json and rows/<id>.rows (its CSV rows); once both are on disk, one
 *      journal line.
 *   5. The CSVs are concatenated from rows/ in id order (so they agree with docs/ by
 *      construction) while the documents are processed: a document's rows are appended once it
 *      and every document before it are settled. Then errors.csv and the manifest; everything
 *      is fsynced.
 *   6. Commit: rename the pointer. Then delete older generations (a kill before that only leaves
 *      garbage the next run removes).
 */
import { appendFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defaultRulesDir, assertRulesUnchanged } from '../rules/files.js';
import { loadRulesCached } from '../rules/cache.js';
import type { Rules } from '../rules/schema.js';
import { userDictPathIn } from '../rules/userdict.js';
import { isKnownEncoding } from '../stages/decode.js';
import { buildVersion } from '../version.js';
import { CombinedCsvs, errorColumns, finishGeneration } from './assemble.js';
import { expandInputs, UsageError, type InputFile } from './inputs.js';
import { acquireLock } from './lock.js';
import { configKey, readManifest, type Manifest, type ManifestEntry, MANIFEST_FORMAT } from './manifest.js';
import { reusableDocuments, type Reusable } from './reuse.js';
import { failureLine, summarize, type RunSummary } from './summary.js';
import { createExecutor, startExecutor, type Executor, type StartedExecutor } from './pool.js';
import { hashInput, type DecodeSettings } from './process.js';
import type { ProgressSink } from './progress.js';
import { inShard, type Shard } from './shard.js';
import {
  commitGeneration,
  currentGeneration,
  docPath,
  ensureVisibleLinks,
  generationDir,
  linkOrCopy,
  listGenerations,
  removeOldGenerations,
  rowsPath,
  stateDir,
  syncFiles,
} from './store.js';

export { errorColumns };
export { failureLine, type FailedInput, type RunSummary } from './summary.js';

export interface RunOptions {
  paths: string[];
  out: string;
  rulesDir?: string;
  /** The folder of the rules cache (rules/cache.ts); none when absent or null. */
  rulesCache?: string | null;
  bom: boolean;
  encoding?: string;
  toSimplified?: boolean;
  include?: string[];
  exclude?: string[];
  jobs?: number;
  force?: boolean;
  shard?: Shard;
  /** Fail a document not done in this many milliseconds (0: no limit). */
  timeoutMs?: number;
  /** Wait this long for another run's lock before giving up (0: give up at once). */
  waitMs?: number;
  progress?: ProgressSink;
}

/** Runs the batch. Throws `RulesError`, `UsageError` or `LockBusyError` before any output changes. */
export async function runBatch(options: RunOptions): Promise<RunSummary> {
  const started = performance.now();
  const rulesDir = options.rulesDir ?? defaultRulesDir;
  const early = startEarly(options, rulesDir);
  try {
    const rules = await loadRulesCached(rulesDir, options.rulesCache ?? null);
    if (options.encoding && !isKnownEncoding(options.encoding)) {
      throw new UsageError(`unknown encoding "${options.encoding}" (try utf-8, gb18030, gbk, big5, utf-16le, utf-16be)`);
    }
    const inputs = early?.inputs ?? listInputs(options);
    const settings: DecodeSettings = { encoding: options.encoding?.toLowerCase() ?? null, toSimplified: Boolean(options.toSimplified) };
    const config = configKey({ version: buildVersion(), rulesHash: rules.hash, encoding: settings.encoding, toSimplified: settings.toSimplified });

    mkdirSync(stateDir(options.out), { recursive: true });
    const lock = await acquireLock(join(stateDir(options.out), 'lock'), options.out, options.waitMs ?? 0);
    try {
      return await runLocked(options, inputs, { rules, settings, config, started }, early);
    } finally {
      lock.release();
    }
  } finally {
    await early?.executor?.close(); // workers started for nothing (or already closed)
  }
}

function listInputs(options: RunOptions): InputFile[] {
  const inputs = expandInputs(options.paths, { include: options.include, exclude: options.exclude, skip: [options.out] });
  return options.shard ? inputs.filter((input) => inShard(input.id, options.shard!)) : inputs;
}

/** Workers started before the rules are loaded, for the inputs listed then. */
interface EarlyStart {
  inputs: InputFile[];
  jobs: number;
  /** None where one job runs in this thread. */
  executor?: StartedExecutor;
}

/**
 * Where every input will likely be processed on worker threads (--force, or no committed output
 * yet), the workers start before the rules are loaded and load jieba meanwhile (~1 s of CPU each
 * with the word tables): 100 MB, --jobs 2, they started ~0.7 s after the process. A rerun waits to
 * know what it must redo. Anything wrong with the inputs is left for the usual checks to report.
 */
function startEarly(options: RunOptions, rulesDir: string): EarlyStart | undefined {
  if (!options.force && currentGeneration(options.out) !== null) return undefined;
  let inputs: InputFile[];
  try {
    inputs = listInputs(options);
  } catch {
    return undefined;
  }
  const jobs = usefulJobs(options.jobs ?? 1, inputs.map(sizeOf));
  return { inputs, jobs, executor: startExecutor(jobs, userDictPathIn(rulesDir), options.timeoutMs ?? 0) };
}

async function runLocked(
  options: RunOptions,
  inputs: InputFile[],
  context: { rules: Rules; settings: DecodeSettings; config: string; started: number },
  early: EarlyStart | undefined,
): Promise<RunSummary> {
  const current = currentGeneration(options.out);
  const previous = current === null ? null : readManifest(join(generationDir(options.out, current), 'manifest.json'));
  const reusable = options.force ? new Map<string, Reusable[]>() : reusableDocuments(options.out, current, previous);
  const setup = { rules: context.rules, settings: context.settings };
  // nothing to reuse (--force, a first run): every input is processed, so the workers start now
  // (or have started already) and load their dictionaries while this thread hashes the inputs
  let executor: Executor | undefined;
  if (reusable.size === 0) {
    const jobs = early?.jobs ?? usefulJobs(options.jobs ?? 1, inputs.map(sizeOf));
    executor = early?.executor?.configure(setup) ?? createExecutor(jobs, setup, options.timeoutMs ?? 0);
  } else {
    await early?.executor?.close(); // a killed run's work is reused: the workers start once the rest is known
  }
  executor?.warm();
  try {
    return await build(options, inputs, context, { previous, reusable, executor });
  } finally {
    await executor?.close();
  }
}

async function build(
  options: RunOptions,
  inputs: InputFile[],
  context: { rules: Rules; settings: DecodeSettings; config: string; started: number },
  state: { previous: Manifest | null; reusable: Map<string, Reusable[]>; executor: Executor | undefined },
): Promise<RunSummary> {
  const { out } = options;
  const { previous, reusable } = state;

  // 2. hash every input and decide; `entries` is in input order, which is id order
  const entries: (ManifestEntry | undefined)[] = new Array(inputs.length);
  const linked: Reusable[] = [];
  const todo: { input: InputFile; index: number; bytes: number }[] = [];
  let unchanged = 0;
  let resumed = 0;
  let readFailures = 0;
  const scratch = Buffer.allocUnsafe(HASH_CHUNK);
  for (const [index, input] of inputs.entries()) {
    const read = hashInput(input.path, scratch);
    if ('failure' in read) {
      entries[index] = readFailure(input, context.config, read.failure);
      readFailures++;
      continue;
    }
    const hash = read.sha256;
    const candidate = reusable.get(input.id)?.find((source) => source.entry.sha256 === hash && source.entry.config === context.config);
    if (candidate) {
      entries[index] = { ...candidate.entry, path: input.path };
      linked.push(candidate);
      if (candidate.committed) unchanged++;
      else resumed++;
    } else {
      todo.push({ input, index, bytes: read.bytes });
    }
  }
  const inputIds = new Set(inputs.map((input) => input.id));
  const removed = previous ? previous.documents.filter((entry) => !inputIds.has(entry.id)).length : 0;

  // 3. nothing changed: the committed outputs are already the answer
  const sameOptions = previous !== null && previous.config === context.config && previous.options.bom === options.bom && previous.shard === shardText(options.shard);
  if (sameOptions && todo.length === 0 && removed === 0 && resumed === 0 && readFailures === 0 && previous!.documents.length === inputs.length) {
    removeOldGenerations(out); // what a killed run left behind
    return summarize(previous!, { unchanged, resumed: 0, done: 0, bytes: 0, removed: 0, written: false }, out, context.started);
  }

  // 4. a new generation
  const generation = Math.max(0, ...listGenerations(out)) + 1;
  const genDir = generationDir(out, generation);
  mkdirSync(join(genDir, 'docs'), { recursive: true });
  mkdirSync(join(genDir, 'rows'), { recursive: true });
  const journal = join(genDir, 'journal.jsonl');
  for (const source of linked) {
    if (source.entry.status !== 'done') continue;
    linkOrCopy(docPath(source.genDir, source.entry.id), docPath(genDir, source.entry.id));
    linkOrCopy(rowsPath(source.genDir, source.entry.id), rowsPath(genDir, source.entry.id));
  }

  // 5. the combined CSVs, appended in id order as the documents settle: this thread writes them
  // while the workers process the rest, instead of all at the end (0.7 s per 10 MB, serial)
  const csvs = new CombinedCsvs(genDir, options.bom);
  let written = 0;
  const appendSettled = () => {
    for (let entry = entries[written]; entry !== undefined; entry = entries[++written]) csvs.append(entry);
  };
  const progress = options.progress;
  let done = 0;
  let bytes = 0;
  const executor = state.executor ?? createExecutor(usefulJobs(options.jobs ?? 1, todo), { rules: context.rules, settings: context.settings }, options.timeoutMs ?? 0);
  try {
    appendSettled();
    progress?.start(todo.length, todo.reduce((sum, item) => sum + item.bytes, 0));
    // a few lanes take the documents in order, not one pending promise per document: with
    // 100,000 inputs the queue would hold them all at once; twice what the executor holds, so
    // lanes waiting for a document's files to be flushed never leave a worker without work
    let next = 0;
    let stopped = false;
    const lane = async () => {
      while (!stopped && next < todo.length) {
        const { input, index } = todo[next++]!;
        try {
          const entry = await executor.run({ id: input.id, path: input.path, genDir, config: context.config });
          // the files reach the disk before the journal names them (a crash never resumes a torn file)
          if (entry.status === 'done') await syncFiles([docPath(genDir, entry.id), rowsPath(genDir, entry.id)]);
          if (stopped) return; // another lane failed: the run is over and its files are closed
          appendFileSync(journal, JSON.stringify(entry) + '\n');
          entries[index] = entry;
          appendSettled();
          bytes += entry.bytes;
          if (entry.status === 'done') done++;
          else progress?.failure(failureLine(entry));
          progress?.advance(entry.bytes);
        } catch (error) {
          stopped = true;
          throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(todo.length, 2 * executor.capacity) }, lane));
    // the workers end while the CSVs are flushed
    const closing = executor.close();
    csvs.close();
    await closing;
  } finally {
    csvs.close(false);
    await executor.close();
    progress?.finish();
  }

  // 6. errors.csv, the manifest, then the commit; the manifest names the rules every thread used
  // (jieba read the user dictionary from disk in each worker), so they must not have changed
  assertRulesUnchanged(context.rules);
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    tool: 'liang',
    version: buildVersion(),
    rules_hash: context.rules.hash,
    config: context.config,
    options: { encoding: context.settings.encoding, to_simplified: context.settings.toSimplified, bom: options.bom },
    shard: shardText(options.shard),
    generation,
    documents: entries as ManifestEntry[],
  };
  finishGeneration(genDir, manifest);
  ensureVisibleLinks(out);
  commitGeneration(out, generation);
  removeOldGenerations(out);
  return summarize(manifest, { unchanged, resumed, done, bytes, removed, written: true }, out, context.started);
}

/**
 * A worker costs a pipeline build (jieba's dictionaries, the rules, V8 warming up again: 1–2 s)
 * and ~260 MB, and one job already keeps more than one core busy (V8 compiles and collects on
 * background threads), so a small batch gets fewer workers than `--jobs`, down to none (one job
 * runs in this thread). Measured on 2 quiet cores: two workers lose below ~9 MB (5 MB: 5.4 s
 * against 5.0 s in this thread), break even at 10 MB (7.1 against 7.3 s) and win on 100 MB (38
 * against 55 s); hence one worker per 4 MB.
 */
function usefulJobs(jobs: number, todo: readonly { bytes: number }[]): number {
  const bytes = todo.reduce((sum, item) => sum + item.bytes, 0);
  return Math.max(1, Math.min(jobs, todo.length, Math.floor(bytes / BYTES_PER_WORKER)));
}

const BYTES_PER_WORKER = 4 * 1024 * 1024;

/** A file's size for `usefulJobs` before it is read (0 when it cannot be read: it fails anyway). */
function sizeOf(input: InputFile): { bytes: number } {
  try {
    return { bytes: statSync(input.path).size };
  } catch {
    return { bytes: 0 };
  }
}

/** Bytes read at a time while hashing the inputs. */
const HASH_CHUNK = 1024 * 1024;

function readFailure(input: InputFile, config: string, failure: ManifestEntry['failure']): ManifestEntry {
  return {
    id: input.id,
    path: input.path,
    sha256: null,
    bytes: 0,
    config,
    status: 'failed',
    encoding: null,
    paragraphs: 0,
    quantities: 0,
    warnings: 0,
    failure,
  };
}

function shardText(shard: Shard | undefined): string | null {
  return shard ? `${shard.index}/${shard.count}` : null;
}

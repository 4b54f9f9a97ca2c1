/**
 * Runs tasks on worker threads, one pipeline per thread; each worker holds up to two tasks (the
 * one it processes and the next). A worker that dies (a native crash, out of memory) fails only
 * the document it was processing and is replaced. With one job, or where the compiled worker is
 * absent (tests running the TypeScript sources), tasks run in this thread, one at a time.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, freemem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import pLimit from 'p-limit';
import type { Pipeline } from '../pipeline.js';
import { assertRulesUnchanged } from '../rules/files.js';
import { tuneV8ForWorkers } from '../v8-flags.js';
import type { ManifestEntry } from './manifest.js';
import { runTask, type Task, type WorkerSetup } from './process.js';
import type { WorkerMessage, WorkerPreload, WorkerReply } from './worker.js';

export interface Executor {
  /** Tasks it works on or holds at once; a caller keeping more in flight never leaves it idle. */
  readonly capacity: number;
  run(task: Task): Promise<ManifestEntry>;
  /** Starts the workers now, before the first task (they take 1–2 s to build their pipelines). */
  warm(): void;
  close(): Promise<void>;
}

const workerUrl = new URL('./worker.js', import.meta.url);

/**
 * Memory one worker thread takes, with a margin: jieba's dictionaries (~225 MB per thread), the
 * rules, its young generation (below) and a document's heap. Measured peak RSS, 100 MB corpus
 * (`npm run bench`, eleventh session): 1,072–1,077 MiB with --jobs 2 (two workers and the main
 * thread, which holds ~85 MB), 461–465 MiB with --jobs 1 (one pipeline, in the main thread).
 */
const WORKER_MEMORY = 512 * 1024 * 1024;

/**
 * Young generation of each worker's heap, in MB (V8's default here is 48: semi-spaces of 16 MB).
 * A document's intermediate objects live as long as the document (tens of milliseconds), longer
 * than a 16 MB semi-space takes to fill, so most were copied twice and promoted before dying:
 * over 100 MB each worker ran ~1,000 scavenges (--trace-gc). With room for 64 MB semi-spaces most
 * die young: 100 MB --jobs 2 user+sys 71.6, 74.0 → 62.3, 61.7 s (96 MB: 68.7 s), peak RSS
 * 851 → 1,012 MB (2 cores at load ~12; --jobs 1 runs on the main thread and keeps V8's default).
 */
const WORKER_YOUNG_GENERATION_MB = 192;

/**
 * `--jobs` by default: one worker per core, as many as the memory free now holds (on a shared
 * machine total memory says little), at least one.
 */
export function defaultJobs(): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(freemem() / WORKER_MEMORY)));
}

/** True when worker threads can be used (the compiled worker.js is next to this module). */
export function workersAvailable(): boolean {
  return existsSync(fileURLToPath(workerUrl));
}

/**
 * `timeoutMs` fails a document whose worker has not answered in time (the worker is replaced);
 * it needs worker threads, so with a timeout even one job runs on a worker.
 */
export function createExecutor(jobs: number, setup: WorkerSetup, timeoutMs = 0): Executor {
  return startExecutor(jobs, setup.rules.userDictPath, timeoutMs)?.configure(setup) ?? inThread(setup);
}

/** Worker threads started before the rules are loaded; `configure` gives them the rules. */
export interface StartedExecutor {
  /** The executor, once the workers have the rules and settings (call once). */
  configure(setup: WorkerSetup): Executor;
  close(): Promise<void>;
}

/**
 * Starts the workers of `createExecutor` at once, before the rules are loaded: each loads jieba
 * with `userDictPath` (the rules folder's, `userDictPathIn`) meanwhile, and builds the rest of its
 * pipeline when `configure` sends the rules. Undefined where `createExecutor` runs tasks in this
 * thread.
 */
export function startExecutor(jobs: number, userDictPath: string | null, timeoutMs = 0): StartedExecutor | undefined {
  if (!workersAvailable() || (jobs <= 1 && !timeoutMs)) return undefined;
  return workerPool(Math.max(1, jobs), userDictPath, timeoutMs);
}

function inThread(setup: WorkerSetup): Executor {
  let pipeline: Pipeline | undefined;
  const limit = pLimit(1);
  return {
    capacity: 1,
    run(task) {
      // one at a time, each after a turn of the event loop: the caller's journal line for the
      // previous document (and the progress bar) come before the next document starts
      return limit(async () => {
        await new Promise((resolve) => setImmediate(resolve));
        // imported here, not above: a rerun with nothing to do never loads the stages
        pipeline ??= (await import('../pipeline.js')).createPipeline(setup.rules);
        return runTask(pipeline, task, setup.settings);
      });
    },
    warm() {},
    async close() {},
  };
}

/**
 * Tasks a worker holds at once: the one it processes and the next, queued in its port, so it
 * starts the next document as soon as it has posted a reply instead of waiting for this thread
 * (which shares the cores with the workers) to wake up and answer. 100 MB, --jobs 2, two cores at
 * load ~9: each worker waited 2.4–3.1 s between documents with one task (p90 17 ms a document).
 */
const TASKS_PER_WORKER = 2;

interface Pending {
  task: Task;
  resolve(entry: ManifestEntry): void;
  reject(error: Error): void;
}

/** A worker that has built its pipeline, with the tasks sent to it in order (the first is in work). */
interface Slot {
  worker: Worker;
  held: Pending[];
  timer?: ReturnType<typeof setTimeout>;
}

function workerPool(jobs: number, userDictPath: string | null, timeoutMs: number): StartedExecutor {
  // before the first worker's isolate is created: see v8-flags.ts
  tuneV8ForWorkers(jobs, availableParallelism());
  /** The rules and settings, once given: sent to every worker before its first task. */
  let setup: WorkerSetup | undefined;
  /** The user dictionary the workers' jieba loads as they start. */
  let preloaded = userDictPath;
  const waiting: Pending[] = []; // not sent to a worker yet, in order
  const slots = new Set<Slot>();
  const all = new Set<Worker>();
  let starting = 0;
  /** Why no worker could start: every task fails with it. */
  let broken: Error | null = null;

  /** Sends waiting tasks to the workers holding the fewest, and starts workers while tasks wait. */
  const dispatch = () => {
    if (broken) {
      for (const pending of waiting.splice(0)) pending.reject(broken);
      return;
    }
    while (waiting.length > 0) {
      let emptiest: Slot | undefined;
      for (const slot of slots) if (slot.held.length < TASKS_PER_WORKER && (!emptiest || slot.held.length < emptiest.held.length)) emptiest = slot;
      if (!emptiest) break;
      const pending = waiting.shift()!;
      emptiest.held.push(pending);
      if (emptiest.held.length === 1) startClock(emptiest);
      emptiest.worker.postMessage(pending.task);
    }
    while (waiting.length > 0 && slots.size + starting < jobs) spawn();
  };

  /** --timeout counts from when the worker turns to a task: when it is first of those it holds. */
  const startClock = (slot: Slot) => {
    if (timeoutMs > 0) slot.timer = setTimeout(() => lose(slot, { timedOut: true }), timeoutMs);
  };

  const spawn = () => {
    starting++;
    const worker = new Worker(workerUrl, {
      workerData: { userDictPath: preloaded } satisfies WorkerPreload,
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    if (setup) worker.postMessage({ setup } satisfies WorkerMessage);
    all.add(worker);
    const fail = (error: Error) => {
      starting--;
      all.delete(worker);
      void worker.terminate();
      broken ??= error;
      dispatch();
    };
    const onStartError = (error: Error) => fail(new Error(`a worker thread could not start: ${error.message}`));
    const onReady = (reply: WorkerReply) => {
      if (!('ready' in reply)) return;
      worker.off('error', onStartError);
      worker.off('message', onReady);
      // the worker's jieba has read the user dictionary from disk: it must still be the one the
      // manifest will name (the rest of the rules came from this thread)
      try {
        assertRulesUnchanged(setup!.rules);
      } catch (error) {
        fail(error as Error);
        return;
      }
      starting--;
      const slot: Slot = { worker, held: [] };
      slots.add(slot);
      worker.on('message', (answer: WorkerReply) => {
        if ('ready' in answer) return;
        clearTimeout(slot.timer);
        const done = slot.held.shift()!;
        if (slot.held.length > 0) startClock(slot);
        if (answer.ok) done.resolve(answer.entry);
        else done.reject(new Error(`cannot write the outputs of ${done.task.path}: ${answer.error}`));
        dispatch();
      });
      worker.on('error', (error: Error) => lose(slot, { crashed: error.message }));
      worker.on('exit', (code: number) => lose(slot, { crashed: `the worker exited with code ${code}` }));
      dispatch();
    };
    worker.on('message', onReady);
    worker.once('error', onStartError);
  };

  /**
   * The worker died or ran out of time: the document it held fails (and is replaced), the one
   * queued behind it goes back to be sent to another worker.
   */
  const lose = (slot: Slot, why: { crashed?: string; timedOut?: boolean }) => {
    if (!slots.delete(slot)) return; // its 'error' and 'exit' both come
    clearTimeout(slot.timer);
    all.delete(slot.worker);
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => {}); // what it throws while it is being stopped is moot
    void slot.worker.terminate();
    const [lost, ...queued] = slot.held;
    waiting.unshift(...queued);
    if (lost) lost.resolve(lostEntry(lost.task, why, timeoutMs));
    dispatch();
  };

  const close = async () => {
    for (const slot of slots) clearTimeout(slot.timer);
    slots.clear();
    await Promise.all([...all].map((worker) => worker.terminate()));
    all.clear();
  };

  const executor: Executor = {
    capacity: jobs * TASKS_PER_WORKER,
    run(task) {
      return new Promise<ManifestEntry>((resolve, reject) => {
        waiting.push({ task, resolve, reject });
        dispatch();
      });
    },
    warm() {
      while (slots.size + starting < jobs) spawn();
    },
    close,
  };

  // started at once: the workers load jieba while the caller loads the rules
  executor.warm();
  return {
    configure(given) {
      setup = given;
      if (given.rules.userDictPath === preloaded) {
        for (const worker of all) worker.postMessage({ setup: given } satisfies WorkerMessage);
      } else {
        // the rules name another user dictionary than the one the workers' jieba loaded (it
        // appeared or went since they started), and jieba cannot load a second: start afresh
        preloaded = given.rules.userDictPath;
        const restart = all.size;
        for (const worker of all) {
          worker.removeAllListeners();
          worker.on('error', () => {}); // what it throws while it is being stopped is moot
          void worker.terminate();
        }
        all.clear();
        starting = 0;
        for (let i = 0; i < restart; i++) spawn();
      }
      return executor;
    },
    close,
  };
}

/** The entry of a document whose worker died or timed out; no hash: the next run tries it again. */
function lostEntry(task: Task, why: { crashed?: string; timedOut?: boolean }, timeoutMs: number): ManifestEntry {
  return {
    id: task.id,
    path: task.path,
    config: task.config,
    sha256: null,
    bytes: 0,
    status: 'failed',
    encoding: null,
    paragraphs: 0,
    quantities: 0,
    warnings: 0,
    failure: why.timedOut
      ? {
          stage: 'pipeline',
          rule: 'pipeline/timeout',
          reason: `processing took longer than ${timeoutMs / 1000} s (--timeout) and was stopped; the next run tries again`,
          raw_line: null,
        }
      : {
          stage: 'pipeline',
          rule: 'pipeline/crash',
          reason: `processing this file stopped its worker thread (${why.crashed}); it may be too large or trip a bug in liang`,
          raw_line: null,
        },
  };
}

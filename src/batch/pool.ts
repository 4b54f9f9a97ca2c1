/**
 * Runs tasks on worker threads, one pipeline per thread, at most one task per worker at a time;
 * p-limit bounds what is in flight. A worker that dies (a native crash, out of memory) fails only
 * the document it held and is replaced. With one job, or where the compiled worker is absent
 * (tests running the TypeScript sources), tasks run in this thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, freemem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import pLimit from 'p-limit';
import type { Pipeline } from '../pipeline.js';
import { assertRulesUnchanged } from '../rules/load.js';
import type { ManifestEntry } from './manifest.js';
import { runTask, type Task, type WorkerSetup } from './process.js';
import type { WorkerReply } from './worker.js';

export interface Executor {
  run(task: Task): Promise<ManifestEntry>;
  close(): Promise<void>;
}

const workerUrl = new URL('./worker.js', import.meta.url);

/**
 * Memory one worker thread takes, with a margin: jieba's dictionaries (~225 MB per thread), the
 * rules, its young generation (below) and a document's heap. Measured peak RSS, 100 MB corpus:
 * 1,012 MB with --jobs 2 (two workers and the main thread, which holds ~85 MB), 470 MB with
 * --jobs 1 (one pipeline, in the main thread).
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
  if (!workersAvailable() || (jobs <= 1 && !timeoutMs)) return inThread(setup);
  return workerPool(Math.max(1, jobs), setup, timeoutMs);
}

function inThread(setup: WorkerSetup): Executor {
  let pipeline: Pipeline | undefined;
  const limit = pLimit(1);
  return {
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
    async close() {},
  };
}

function workerPool(jobs: number, setup: WorkerSetup, timeoutMs: number): Executor {
  const limit = pLimit(jobs);
  const idle: Worker[] = [];
  const all = new Set<Worker>();

  /** A new worker, once it has built its pipeline (or failed to). */
  const spawn = (): Promise<Worker> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(workerUrl, { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
      all.add(worker);
      const onMessage = (reply: WorkerReply) => {
        if (!('ready' in reply)) return;
        worker.off('error', onError);
        worker.off('message', onMessage);
        // the worker's jieba has read the user dictionary from disk: it must still be the one the
        // manifest will name (the rest of the rules came from this thread)
        try {
          assertRulesUnchanged(setup.rules);
        } catch (error) {
          all.delete(worker);
          void worker.terminate();
          reject(error);
          return;
        }
        resolve(worker);
      };
      const onError = (error: Error) => {
        all.delete(worker);
        reject(new Error(`a worker thread could not start: ${error.message}`));
      };
      worker.on('message', onMessage);
      worker.once('error', onError);
    });
  const take = async (): Promise<Worker> => idle.pop() ?? (await spawn());

  const runOn = (worker: Worker, task: Task): Promise<{ entry?: ManifestEntry; fatal?: string; crashed?: string; timedOut?: boolean }> =>
    new Promise((resolve) => {
      const onMessage = (reply: WorkerReply) => {
        if ('ready' in reply) return;
        cleanup();
        resolve(reply.ok ? { entry: reply.entry } : { fatal: reply.error });
      };
      const onError = (error: Error) => {
        cleanup();
        resolve({ crashed: error.message });
      };
      const onExit = (code: number) => {
        cleanup();
        resolve({ crashed: `the worker exited with code ${code}` });
      };
      const timer =
        timeoutMs > 0
          ? setTimeout(() => {
              cleanup();
              resolve({ crashed: 'timeout', timedOut: true });
            }, timeoutMs)
          : undefined;
      const cleanup = () => {
        if (timer) clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(task);
    });

  return {
    run(task) {
      return limit(async () => {
        const worker = await take();
        const outcome = await runOn(worker, task);
        if (outcome.entry) {
          idle.push(worker);
          return outcome.entry;
        }
        if (outcome.fatal) {
          idle.push(worker);
          throw new Error(`cannot write the outputs of ${task.path}: ${outcome.fatal}`);
        }
        all.delete(worker);
        void worker.terminate();
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
          // no hash: a machine-side failure is retried by the next run
          failure: outcome.timedOut
            ? {
                stage: 'pipeline',
                rule: 'pipeline/timeout',
                reason: `processing took longer than ${timeoutMs / 1000} s (--timeout) and was stopped; the next run tries again`,
                raw_line: null,
              }
            : {
                stage: 'pipeline',
                rule: 'pipeline/crash',
                reason: `processing this file stopped its worker thread (${outcome.crashed}); it may be too large or trip a bug in liang`,
                raw_line: null,
              },
        } satisfies ManifestEntry;
      });
    },
    async close() {
      await Promise.all([...all].map((worker) => worker.terminate()));
      all.clear();
    },
  };
}

/**
 * A worker thread of `liang run`: loads jieba with the user dictionary it is started with (while
 * the main thread may still be loading the rules), builds its pipeline once from the rules the
 * main thread sends first (nodejieba's dictionary is per thread), then processes one task at a
 * time as the main thread sends them.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { createPipeline, type Pipeline } from '../pipeline.js';
import { deepFreeze } from '../rules/freeze.js';
import { checkUserDict } from '../rules/userdict.js';
import { preloadSegmenter } from '../text/segment.js';
import { runTask, type Task, type WorkerSetup } from './process.js';

/** What a worker is started with: the user dictionary its jieba loads before the rules come. */
export interface WorkerPreload {
  userDictPath: string | null;
}

/** What the main thread sends: first the setup, then tasks. */
export type WorkerMessage = { setup: WorkerSetup } | Task;

export type WorkerReply =
  | { ok: true; entry: import('./manifest.js').ManifestEntry }
  | { ok: false; error: string }
  | { ready: true };

const preload = workerData as WorkerPreload | null;
if (preload && parentPort) {
  const port = parentPort;
  // jieba reads the user dictionary itself and may abort the process on a malformed line: one the
  // main thread will reject (or one gone since) is left to it, and the pipeline is never built
  let usable = preload.userDictPath === null;
  try {
    usable ||= checkUserDict(readFileSync(preload.userDictPath!, 'utf8')).length === 0;
  } catch {
    // unreadable: the main thread's rules loading says why
  }
  if (usable) preloadSegmenter(preload.userDictPath);
  let pipeline: Pipeline | undefined;
  let setup: WorkerSetup | undefined;
  port.on('message', (message: WorkerMessage) => {
    if ('setup' in message) {
      setup = message.setup;
      pipeline = createPipeline(deepFreeze(setup.rules));
      // the pipeline is built: from here on a task's time is the document's own (for --timeout)
      port.postMessage({ ready: true } satisfies WorkerReply);
      return;
    }
    let reply: WorkerReply;
    try {
      reply = { ok: true, entry: runTask(pipeline!, message, setup!.settings) };
    } catch (error) {
      // writing the document's files failed (disk full, permissions): the run cannot commit
      reply = { ok: false, error: String((error as Error)?.message ?? error) };
    }
    port.postMessage(reply);
  });
}

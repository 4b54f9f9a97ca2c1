/**
 * A worker thread of `liang run`: builds its own pipeline once (nodejieba's dictionary is per
 * thread) from the rules the main thread loaded, then processes one task at a time as the main
 * thread sends them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createPipeline } from '../pipeline.js';
import { deepFreeze } from '../rules/freeze.js';
import { runTask, type Task, type WorkerSetup } from './process.js';

export type WorkerReply =
  | { ok: true; entry: import('./manifest.js').ManifestEntry }
  | { ok: false; error: string }
  | { ready: true };

const setup = workerData as WorkerSetup | null;
const pipeline = setup ? createPipeline(deepFreeze(setup.rules)) : null;
if (setup && pipeline && parentPort) {
  // the pipeline is built: from here on a task's time is the document's own (for --timeout)
  parentPort.postMessage({ ready: true } satisfies WorkerReply);
  parentPort.on('message', (task: Task) => {
    let reply: WorkerReply;
    try {
      reply = { ok: true, entry: runTask(pipeline, task, setup.settings) };
    } catch (error) {
      // writing the document's files failed (disk full, permissions): the run cannot commit
      reply = { ok: false, error: String((error as Error)?.message ?? error) };
    }
    parentPort!.postMessage(reply);
  });
}

/**
 * V8 settings of a liang process, set by the CLI and by the benchmarks that measure it.
 *
 * V8 optimises a function once it has run for its interrupt budget (67,584 here); at about 9×
 * it waits for fuller type feedback, so fewer functions are optimised early and deoptimised
 * again while a worker warms up (the steady state is unchanged). Process-wide: the batch
 * workers take it. CLI over the 10 MB corpus, user+sys min of 3: --jobs 1 7.55 → 7.24 s,
 * --jobs 2 11.30 → 9.71 s; optimising compiles 739 → 385 and 1443 → 613, deopts 127 → 44, 203 → 52.
 */
import { setFlagsFromString } from 'node:v8';

export function tuneV8(): void {
  setFlagsFromString('--interrupt-budget=600000');
}

/**
 * V8 flags for a run whose worker threads are at least as many as the cores, set before the
 * first worker starts (V8's flags are process-wide, and a scavenge reads this one each time).
 *
 * Scavenges on the collecting thread alone (`--no-parallel-scavenge`): V8 otherwise splits each
 * scavenge among the worker and its platform threads and waits for them, and with every core
 * running a worker those threads only get a core by taking it from a worker, so a worker sat
 * asleep in the middle of its document waiting for helpers that waited for a core. Measured per
 * worker from /proc/thread-self/schedstat around each document (asleep = wall − running −
 * runnable), first 30 MB of the 100 MB corpus, --jobs 2, two runs each alternating, load 17–19:
 * asleep 1.41–1.76 → 0.74–1.06 s per worker, CPU of the run 52.1 / 55.5 → 57.9 / 52.7 s (the
 * load's noise; the scavenge work moves from the helpers to the worker). `--single-threaded-gc`
 * (also concurrent marking and sweeping) halved it further (0.53–0.69 s) but cannot be set once
 * the process runs: cppgc's marker aborts the main thread's next mark-compact. With fewer
 * workers than cores (one job on a worker for --timeout) a free core runs the helpers beside the
 * worker, and the flags are left alone.
 */
export function workerV8Flags(workers: number, cores: number): string[] {
  return workers >= cores ? ['--no-parallel-scavenge'] : [];
}

export function tuneV8ForWorkers(workers: number, cores: number): void {
  for (const flag of workerV8Flags(workers, cores)) setFlagsFromString(flag);
}

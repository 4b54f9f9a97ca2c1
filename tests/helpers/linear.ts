/**
 * "Never hangs on long or hostile input", checked without a clock limit: the same work on an input
 * four times as long may take at most `BOUND` times the CPU time (linear work takes about 4×,
 * quadratic about 16×). CPU time of this process, so other processes sharing the cores do not
 * stretch it; and a ratio, so a slower machine does not either. A truly runaway case (hours) is
 * still stopped by vitest's test timeout.
 */
import { expect } from 'vitest';

const GROWTH = 4;
const BOUND = 8;
/** Below this a quarter-size run's CPU time is mostly timer resolution and start-up noise. */
const FLOOR_MS = 25;

function cpuMs<R>(run: () => R): [R, number] {
  const before = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(before);
  return [result, (used.user + used.system) / 1000];
}

/**
 * Runs `run` on `build(size / 4)` (twice: the first call compiles the code) and on `build(size)`,
 * expects the CPU time to grow less than `BOUND`×, and returns the full-size run's result for the
 * caller's own checks. A ratio over the bound is measured once more and each size keeps its faster
 * time: a collection or a busy sibling thread can land in one run (8.34× was seen once at load 15),
 * while quadratic work grows about 16× on every run.
 */
export function expectLinear<I, R>(build: (size: number) => I, run: (input: I) => R, size: number): R {
  const small = build(Math.floor(size / GROWTH));
  const large = build(size);
  run(small);
  let [, smallMs] = cpuMs(() => run(small));
  let [result, largeMs] = cpuMs(() => run(large));
  if (largeMs / Math.max(smallMs, FLOOR_MS) >= BOUND) {
    smallMs = Math.min(smallMs, cpuMs(() => run(small))[1]);
    largeMs = Math.min(largeMs, cpuMs(() => run(large))[1]);
  }
  const ratio = largeMs / Math.max(smallMs, FLOOR_MS);
  expect(ratio, `CPU ${largeMs.toFixed(0)} ms at full size against ${smallMs.toFixed(0)} ms at a quarter`).toBeLessThan(BOUND);
  return result;
}

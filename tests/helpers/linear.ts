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
 * caller's own checks.
 */
export function expectLinear<I, R>(build: (size: number) => I, run: (input: I) => R, size: number): R {
  const small = build(Math.floor(size / GROWTH));
  const large = build(size);
  run(small);
  const [, smallMs] = cpuMs(() => run(small));
  const [result, largeMs] = cpuMs(() => run(large));
  const ratio = largeMs / Math.max(smallMs, FLOOR_MS);
  expect(ratio, `CPU ${largeMs.toFixed(0)} ms at full size against ${smallMs.toFixed(0)} ms at a quarter`).toBeLessThan(BOUND);
  return result;
}

/**
 * mulberry32: a small seeded generator shared by the benchmark scripts and the tests' random
 * inputs (tests/harness/degrade.ts, tests/batch-csv.test.ts), so that a corpus, a damage or a
 * trial is the same on every machine and every run.
 */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

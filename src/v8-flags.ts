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

/**
 * `npm run bench`: throughput and memory of the full pipeline against a bare nodejieba pass over
 * the same generated corpus, with one worker and with every core, in one run. Prints a table and
 * writes it as JSON to bench/results/latest.json. Never asserted in tests: figures depend on the
 * machine, and on what else runs on it, so every row carries the load average around it.
 *
 *   node bench/run.mjs [--sizes 10,100] [--repeat N] [--keep]
 *
 * How to read it:
 *   - `seconds` is wall time. For `liang run` it is the whole command (start-up, rules and jieba
 *     loading, hashing, writing every output, fsync); for the bare passes only the pass itself
 *     (dictionary loading excluded), so the pipeline/bare ratio is if anything unfavourable to
 *     the pipeline. `cpu_s` is user + system CPU over the same span (the bare passes: the pass).
 *   - With `--repeat N` each command runs N times and the row is the run with the least wall time.
 *   - Scaling (`--jobs all` vs `--jobs 1`) is only meaningful when the load average stays below
 *     the number of cores: other processes take the second core. `load_1min` is read before and
 *     after each row; `quiet` says whether both were below the core count.
 *   - `cores_busy` (CPU / wall) shows how much of the machine a row used: `--jobs 1` already keeps
 *     ~1.4 cores busy on a quiet machine (V8 compiles and collects garbage on background threads,
 *     ~28% of the CPU measured per thread over the 10 MB corpus), which bounds what a second job
 *     can add on 2 cores.
 *   - Peak RSS is the process's maximum resident set (worker threads included), from /usr/bin/time.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { buildCorpus } from './corpus.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const sizes = option('--sizes', '10,100').split(',').map(Number);
const repeat = Math.max(1, Number(option('--repeat', '1')));
const root = join('bench', 'corpus');
const cores = availableParallelism();
const scratch = mkdtempSync(join(tmpdir(), 'liang-bench-'));

const load1 = () => Number(loadavg()[0].toFixed(2));

/**
 * Runs a command under /usr/bin/time: wall seconds, CPU seconds (user + system), peak RSS (MB),
 * and the one-minute load average before and after.
 */
function measureOnce(command, commandArgs) {
  const loadBefore = load1();
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M %U %S', command, ...commandArgs], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${command} ${commandArgs.join(' ')} failed (${result.status}):\n${result.stderr}`);
  }
  const lines = result.stderr.trim().split('\n');
  const [peakKb, user, system] = lines[lines.length - 1].split(' ').map(Number);
  return { seconds, cpuSeconds: user + system, peakMb: peakKb / 1024, load: [loadBefore, load1()], stdout: result.stdout };
}

/** The least wall time of `repeat` runs (`prepare` runs before each). */
function measure(command, commandArgs, prepare = () => {}) {
  let best;
  for (let i = 0; i < repeat; i++) {
    prepare();
    const run = measureOnce(command, commandArgs);
    if (!best || run.seconds < best.seconds) best = run;
  }
  return best;
}

// `liang run` keeps its validated rules in a cache (src/rules/cache.ts) that the first run after a
// build or a rules edit fills (~1 CPU s more); one untimed run on one file fills it, so that every
// timed row measures the same steady state, as a user's runs with unchanged rules see it
{
  const folder = join(root, `${sizes[0]}mb`);
  if (!existsSync(folder)) buildCorpus(sizes[0], folder);
  const first = readdirSync(folder).filter((f) => f.endsWith('.txt')).sort()[0];
  const warmIn = join(scratch, 'warm-in');
  mkdirSync(warmIn, { recursive: true });
  cpSync(join(folder, first), join(warmIn, first));
  spawnSync('node', ['dist/cli.js', 'run', warmIn, '--out', join(scratch, 'warm-out'), '--jobs', '1', '--quiet', '--force']);
  rmSync(join(scratch, 'warm-out'), { recursive: true, force: true });
}

const rows = [];
const loadAtStart = loadavg().map((l) => Number(l.toFixed(2)));
for (const size of sizes) {
  const folder = join(root, `${size}mb`);
  if (!existsSync(folder)) buildCorpus(size, folder);
  const names = readdirSync(folder).filter((f) => f.endsWith('.txt'));
  const files = names.length;
  const bytes = names.reduce((sum, name) => sum + statSync(join(folder, name)).size, 0);
  const mb = bytes / 1048576;
  const add = (name, seconds, cpuSeconds, run) =>
    rows.push({
      corpus_mb: Number(mb.toFixed(1)),
      files,
      run: name,
      seconds: Number(seconds.toFixed(2)),
      cpu_s: Number(cpuSeconds.toFixed(2)),
      // CPU per wall second: above 1 with one job means V8's background threads (JIT, GC) ran beside it
      cores_busy: Number((cpuSeconds / seconds).toFixed(2)),
      mb_per_s: Number((mb / seconds).toFixed(2)),
      docs_per_s: Number((files / seconds).toFixed(1)),
      peak_rss_mb: Number(run.peakMb.toFixed(0)),
      load_1min: run.load.join(' → '),
      quiet: run.load.every((load) => load < cores),
    });

  for (const mode of ['tag', 'cut']) {
    const run = measure('node', ['bench/bare-jieba.mjs', mode, folder]);
    const own = JSON.parse(run.stdout);
    // the timed pass only: dictionary loading is outside
    add(`bare nodejieba.${mode}`, own.seconds, own.cpuSeconds, run);
  }
  for (const jobs of [1, cores]) {
    const out = join(scratch, `out-${size}mb-${jobs}`);
    const run = measure('node', ['dist/cli.js', 'run', folder, '--out', out, '--jobs', String(jobs), '--quiet', '--force'], () =>
      rmSync(out, { recursive: true, force: true }),
    );
    add(`liang run --jobs ${jobs}`, run.seconds, run.cpuSeconds, run);
    if (!args.includes('--keep')) rmSync(out, { recursive: true, force: true });
  }
}
if (!args.includes('--keep')) rmSync(scratch, { recursive: true, force: true });

/** The figures: pipeline vs bare tag, all cores vs one, memory of the largest vs smallest corpus. */
function summary() {
  const find = (mb, run) => rows.find((row) => row.corpus_mb === mb && row.run === run);
  const out = {};
  for (const mb of [...new Set(rows.map((row) => row.corpus_mb))]) {
    const tag = find(mb, 'bare nodejieba.tag');
    const one = find(mb, 'liang run --jobs 1');
    const all = find(mb, `liang run --jobs ${cores}`);
    out[`${mb} MB`] = {
      // issue 7: at most 1.0 (wall); CPU shown beside it, less sensitive to other load
      jobs1_vs_bare_tag_wall: Number((one.seconds / tag.seconds).toFixed(2)),
      jobs1_vs_bare_tag_cpu: Number((one.cpu_s / tag.cpu_s).toFixed(2)),
      // issue 7: at least 1.8 (only meaningful when both rows are quiet)
      [`jobs${cores}_speedup_vs_jobs1`]: Number((one.seconds / all.seconds).toFixed(2)),
      [`jobs${cores}_cpu_vs_jobs1`]: Number((all.cpu_s / one.cpu_s).toFixed(2)),
      quiet: one.quiet && all.quiet,
    };
  }
  const sizes = [...new Set(rows.map((row) => row.corpus_mb))].sort((a, b) => a - b);
  if (sizes.length > 1) {
    const small = sizes[0];
    const large = sizes[sizes.length - 1];
    for (const jobs of [1, cores]) {
      const run = `liang run --jobs ${jobs}`;
      // issue 7: at most 1.3, and the larger under 500 MB
      out[`peak RSS ${large} MB / ${small} MB, --jobs ${jobs}`] = `${find(large, run).peak_rss_mb} / ${find(small, run).peak_rss_mb} MB = ${(
        find(large, run).peak_rss_mb / find(small, run).peak_rss_mb
      ).toFixed(2)}`;
    }
  }
  return out;
}

const machine = {
  cores,
  memory_gb: Math.round(totalmem() / 2 ** 30),
  cpu: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  repeat,
  load_at_start: loadAtStart,
  load_at_end: loadavg().map((l) => Number(l.toFixed(2))),
};
mkdirSync(join('bench', 'results'), { recursive: true });
const figures = summary();
writeFileSync(join('bench', 'results', 'latest.json'), JSON.stringify({ machine, rows, figures }, null, 2) + '\n');
console.log(`machine: ${machine.cpu}, ${cores} cores, ${machine.memory_gb} GB, node ${machine.node}; load ${machine.load_at_start.join(' ')} → ${machine.load_at_end.join(' ')}`);
console.table(rows);
console.table(figures);

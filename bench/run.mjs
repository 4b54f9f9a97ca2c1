/**
 * `npm run bench`: throughput and memory of the full pipeline against a bare nodejieba pass over
 * the same generated corpus, with one worker and with every core. Prints a table and writes it
 * as JSON to bench/results/latest.json. Never asserted in tests: figures depend on the machine.
 *
 *   node bench/run.mjs [--sizes 10,100] [--keep]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { buildCorpus } from './corpus.mjs';

const args = process.argv.slice(2);
const sizeArg = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : '10,100';
const sizes = sizeArg.split(',').map(Number);
const root = join('bench', 'corpus');
const cores = cpus().length;

/**
 * Runs a command under /usr/bin/time and returns its wall seconds, CPU seconds (user + system:
 * what the work cost, less sensitive than wall time to other work sharing the cores), peak RSS
 * (MB) and the machine's one-minute load average when it ended.
 */
function measure(command, commandArgs) {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M %U %S', command, ...commandArgs], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${command} ${commandArgs.join(' ')} failed (${result.status}):\n${result.stderr}`);
  }
  const lines = result.stderr.trim().split('\n');
  const [peakKb, user, system] = lines[lines.length - 1].split(' ').map(Number);
  return { seconds, cpuSeconds: user + system, peakMb: peakKb / 1024, load: loadavg()[0], stdout: result.stdout };
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
  const add = (name, seconds, run) =>
    rows.push({
      corpus_mb: Number(mb.toFixed(1)),
      files,
      run: name,
      seconds: Number(seconds.toFixed(2)),
      cpu_s: Number(run.cpuSeconds.toFixed(2)),
      mb_per_s: Number((mb / seconds).toFixed(2)),
      docs_per_s: Number((files / seconds).toFixed(1)),
      peak_rss_mb: Number(run.peakMb.toFixed(0)),
      load_1min: Number(run.load.toFixed(2)),
    });

  for (const mode of ['tag', 'cut']) {
    const run = measure('node', ['bench/bare-jieba.mjs', mode, folder]);
    const own = JSON.parse(run.stdout);
    // the timed part only, as for seconds: dictionary loading is outside
    add(`bare nodejieba.${mode}`, own.seconds, { ...run, cpuSeconds: own.cpuSeconds });
  }
  for (const jobs of [1, cores]) {
    const out = join(root, `out-${size}mb-${jobs}`);
    rmSync(out, { recursive: true, force: true });
    const run = measure('node', ['dist/cli.js', 'run', folder, '--out', out, '--jobs', String(jobs), '--quiet']);
    add(`liang run --jobs ${jobs}`, run.seconds, run);
    if (!args.includes('--keep')) rmSync(out, { recursive: true, force: true });
  }
}

/** The figures: pipeline vs bare tag, all cores vs one, memory of the largest vs smallest corpus. */
function summary() {
  const find = (mb, run) => rows.find((row) => row.corpus_mb === mb && row.run === run);
  const out = {};
  for (const mb of [...new Set(rows.map((row) => row.corpus_mb))]) {
    const tag = find(mb, 'bare nodejieba.tag');
    const one = find(mb, 'liang run --jobs 1');
    const all = find(mb, `liang run --jobs ${cores}`);
    out[`${mb} MB`] = {
      jobs1_vs_bare_tag_wall: Number((one.seconds / tag.seconds).toFixed(2)),
      jobs1_vs_bare_tag_cpu: Number((one.cpu_s / tag.cpu_s).toFixed(2)),
      [`jobs${cores}_speedup_vs_jobs1`]: Number((one.seconds / all.seconds).toFixed(2)),
    };
  }
  const sizes = [...new Set(rows.map((row) => row.corpus_mb))].sort((a, b) => a - b);
  if (sizes.length > 1) {
    const small = sizes[0];
    const large = sizes[sizes.length - 1];
    for (const jobs of [1, cores]) {
      const run = `liang run --jobs ${jobs}`;
      out[`peak RSS ${large} MB / ${small} MB, --jobs ${jobs}`] = Number((find(large, run).peak_rss_mb / find(small, run).peak_rss_mb).toFixed(2));
    }
  }
  return out;
}

const machine = { cores, memory_gb: Math.round(totalmem() / 2 ** 30), cpu: cpus()[0]?.model ?? 'unknown', node: process.version, load_at_start: loadAtStart, load_at_end: loadavg().map((l) => Number(l.toFixed(2))) };
mkdirSync(join('bench', 'results'), { recursive: true });
const figures = summary();
writeFileSync(join('bench', 'results', 'latest.json'), JSON.stringify({ machine, rows, figures }, null, 2) + '\n');
console.log(`machine: ${machine.cpu}, ${cores} cores, ${machine.memory_gb} GB, node ${machine.node}`);
console.table(rows);
console.table(figures);

/**
 * `npm run bench`: throughput and memory of the full pipeline against a bare nodejieba pass over
 * the same generated corpus, with one worker and with every core. Prints a table and writes it
 * as JSON to bench/results/latest.json. Never asserted in tests: figures depend on the machine.
 *
 *   node bench/run.mjs [--sizes 10,100] [--keep]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { buildCorpus } from './corpus.mjs';

const args = process.argv.slice(2);
const sizeArg = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : '10,100';
const sizes = sizeArg.split(',').map(Number);
const root = join('bench', 'corpus');
const cores = cpus().length;

/** Runs a command under /usr/bin/time and returns its wall seconds and peak RSS (MB). */
function measure(command, commandArgs) {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...commandArgs], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${command} ${commandArgs.join(' ')} failed (${result.status}):\n${result.stderr}`);
  }
  const lines = result.stderr.trim().split('\n');
  const peakKb = Number(lines[lines.length - 1]);
  return { seconds, peakMb: peakKb / 1024, stdout: result.stdout };
}

const rows = [];
for (const size of sizes) {
  const folder = join(root, `${size}mb`);
  if (!existsSync(folder)) buildCorpus(size, folder);
  const names = readdirSync(folder).filter((f) => f.endsWith('.txt'));
  const files = names.length;
  const bytes = names.reduce((sum, name) => sum + statSync(join(folder, name)).size, 0);
  const mb = bytes / 1048576;
  const add = (name, seconds, peakMb) =>
    rows.push({ corpus_mb: Number(mb.toFixed(1)), files, run: name, seconds: Number(seconds.toFixed(2)), mb_per_s: Number((mb / seconds).toFixed(2)), docs_per_s: Number((files / seconds).toFixed(1)), peak_rss_mb: Number(peakMb.toFixed(0)) });

  for (const mode of ['tag', 'cut']) {
    const run = measure('node', ['bench/bare-jieba.mjs', mode, folder]);
    add(`bare nodejieba.${mode}`, JSON.parse(run.stdout).seconds, run.peakMb);
  }
  for (const jobs of [1, cores]) {
    const out = join(root, `out-${size}mb-${jobs}`);
    rmSync(out, { recursive: true, force: true });
    const run = measure('node', ['dist/cli.js', 'run', folder, '--out', out, '--jobs', String(jobs), '--quiet']);
    add(`liang run --jobs ${jobs}`, run.seconds, run.peakMb);
    if (!args.includes('--keep')) rmSync(out, { recursive: true, force: true });
  }
}

const machine = { cores, memory_gb: Math.round(totalmem() / 2 ** 30), cpu: cpus()[0]?.model ?? 'unknown', node: process.version };
mkdirSync(join('bench', 'results'), { recursive: true });
writeFileSync(join('bench', 'results', 'latest.json'), JSON.stringify({ machine, rows }, null, 2) + '\n');
console.log(`machine: ${machine.cpu}, ${cores} cores, ${machine.memory_gb} GB, node ${machine.node}`);
console.table(rows);

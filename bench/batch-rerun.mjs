#!/usr/bin/env node
/**
 * The incremental figures of issue 6 on a 1,000-file corpus (made by batch-corpus.mjs):
 *   1. first run (all cores)          2. rerun with nothing changed: time ratio, files rewritten
 *   3. one file changed: how many documents redone, and which per-document files were rewritten
 *
 *   npx tsc -p . && node bench/batch-rerun.mjs [COUNT=1000] [JOBS=cores]
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCorpus, reportBytes, reportPath, snapshotTool } from './batch-corpus.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const count = Number(process.argv[2] ?? 1000);
const jobs = Number(process.argv[3] ?? availableParallelism());
const corpus = join(root, 'bench', 'corpus', `rerun-${count}`);
const out = join(root, 'bench', 'corpus', `rerun-${count}-out`);
const tool = snapshotTool('rerun');
const { verifyOutputs } = await import(join(tool.dist, 'batch', 'verify.js'));

function run(...extra) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [tool.cli, 'run', corpus, '--out', out, '--jobs', String(jobs), '--json', '--quiet', ...extra], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0 && result.status !== 1) throw new Error(`liang run exited ${result.status}: ${result.stderr}`);
  return { seconds, status: result.status, summary: JSON.parse(result.stdout) };
}

/** inode, size and mtime of every per-document file: a rewritten file changes at least one. */
function snapshot() {
  const files = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const stats = statSync(path);
        files.set(path.slice(out.length), `${stats.ino}:${stats.size}:${stats.mtimeMs}`);
      }
    }
  };
  walk(join(out, 'docs'));
  return files;
}

function rewritten(before, after) {
  return [...after].filter(([path, stamp]) => before.get(path) !== stamp).map(([path]) => path);
}

rmSync(out, { recursive: true, force: true });
const bytes = makeCorpus(corpus, count);
console.log(`corpus: ${count} files + 1 empty + 1 binary, ${(bytes / 1048576).toFixed(1)} MB; jobs ${jobs}`);

const first = run();
console.log(`first run:      ${first.seconds.toFixed(2)} s  exit ${first.status}  done ${first.summary.done}  failed ${first.summary.failed}  quantities ${first.summary.quantities}`);
const consistent = verifyOutputs(out).problems;
console.log(`consistency:    ${consistent.length === 0 ? 'CSVs agree with docs/*.json' : consistent.slice(0, 5).join('; ')}`);

const before = snapshot();
const second = run();
const rewrittenUnchanged = rewritten(before, snapshot());
const ratio = second.seconds / first.seconds;
console.log(`unchanged rerun: ${second.seconds.toFixed(2)} s = ${(ratio * 100).toFixed(1)}% of the first run  done ${second.summary.done}  unchanged ${second.summary.unchanged}  per-document files rewritten ${rewrittenUnchanged.length}`);

const n = 123;
writeFileSync(reportPath(corpus, n), reportBytes(n, 1));
const snap = snapshot();
const third = run();
const changed = rewritten(snap, snapshot());
console.log(`one file changed: ${third.seconds.toFixed(2)} s  done ${third.summary.done}  unchanged ${third.summary.unchanged}  per-document files rewritten ${changed.length} (${changed.join(', ')})`);
console.log(`consistency:    ${verifyOutputs(out).problems.length === 0 ? 'CSVs agree with docs/*.json' : 'PROBLEMS'}`);

const ok = ratio < 0.05 && rewrittenUnchanged.length === 0 && third.summary.done === 1 && changed.length === 1 && consistent.length === 0;
console.log(ok ? 'PASS: rerun < 5% of the first run, no file rewritten, one change → one document redone' : 'FAIL');
process.exitCode = ok ? 0 : 1;

#!/usr/bin/env node
/**
 * kill -9 at random moments (issue 6, "Done when"): before each try the inputs change (a third
 * of the files get new numbers, some are removed, some added), so the old and new output sets
 * differ; `liang run` is started and killed with SIGKILL at a random moment, drawn in turn from
 * three kinds so that every phase is hit on any machine speed: a random time after the start, a
 * random number of finished documents, or a random few milliseconds into the assembly and commit. After each kill the outputs must be
 * exactly the old or exactly the new complete set (verifyOutputs: the CSVs agree with
 * docs/*.json, the manifest lists exactly the inputs of one side), and the following run must
 * complete them to the new set.
 *
 *   npx tsc -p . && node bench/batch-kill.mjs [TRIES=20] [COUNT=300] [JOBS=cores]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCorpus, reportBytes, reportPath, snapshotTool } from './batch-corpus.mjs';
import { random } from './random.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tries = Number(process.argv[2] ?? 20);
const count = Number(process.argv[3] ?? 300);
const jobs = Number(process.argv[4] ?? availableParallelism());
const corpus = join(root, 'bench', 'corpus', `kill-${count}`);
const out = join(root, 'bench', 'corpus', `kill-${count}-out`);
const tool = snapshotTool('kill');
const { verifyOutputs } = await import(join(tool.dist, 'batch', 'verify.js'));
const args = ['run', corpus, '--out', out, '--jobs', String(jobs), '--quiet', '--json'];

const next = random(20261127);
const sha = (bytes) => createHash('sha256').update(bytes).digest('hex');
const idOf = (n) => `region-${String(n % 10).padStart(2, '0')}/report-${String(n).padStart(4, '0')}`;

/** id → SHA-256 of every input now present (what the new complete set must record). */
function expectedHashes(present, variants) {
  const map = new Map();
  for (const n of present) map.set(idOf(n), sha(reportBytes(n, variants.get(n) ?? 0)));
  map.set('empty', sha(Buffer.alloc(0)));
  map.set('scan', sha(readFileSync(join(corpus, 'scan.png'))));
  return map;
}

const same = (a, b) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

function complete() {
  const started = performance.now();
  const result = spawnSync(process.execPath, [tool.cli, ...args], { encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) throw new Error(`run exited ${result.status}: ${result.stderr}`);
  return { seconds: (performance.now() - started) / 1000, summary: JSON.parse(result.stdout) };
}

const sleep = (ms) => new Promise((resolvePromise) => setTimeout(resolvePromise, ms));

/** Journal lines and the assembly state of the generation being built (not yet committed). */
function building() {
  const state = join(out, '.liang');
  let current = null;
  try {
    current = readlinkSync(join(state, 'current'));
  } catch {}
  let lines = 0;
  let assembling = false;
  for (const name of existsSync(state) ? readdirSync(state) : []) {
    if (!name.startsWith('gen-') || name === current) continue;
    try {
      lines += readFileSync(join(state, name, 'journal.jsonl'), 'utf8').split('\n').filter(Boolean).length;
    } catch {}
    // manifest.json is the last file written before the commit rename
    if (existsSync(join(state, name, 'manifest.json'))) assembling = true;
  }
  return { lines, assembling };
}

/**
 * Starts a run and kills it with SIGKILL when `moment` says so: after a random time, after a
 * random number of documents, or a few random milliseconds into the assembly and commit.
 */
async function killAt(moment) {
  const child = spawn(process.execPath, [tool.cli, ...args], { stdio: 'ignore' });
  let exited = null;
  const exit = new Promise((resolvePromise) => child.on('exit', (code, signal) => resolvePromise((exited = { code, signal }))));
  const started = performance.now();
  while (!exited) {
    const state = building();
    const elapsed = performance.now() - started;
    if (moment.kind === 'time' ? elapsed >= moment.ms : moment.kind === 'documents' ? state.lines >= moment.documents : state.assembling) {
      if (moment.kind === 'commit') await sleep(moment.ms);
      child.kill('SIGKILL');
      break;
    }
    await sleep(3);
  }
  return { ...(await exit), at: Math.round(performance.now() - started) };
}

rmSync(out, { recursive: true, force: true });
makeCorpus(corpus, count);
const present = new Set(Array.from({ length: count }, (_, n) => n));
const variants = new Map();
const first = complete();
// worker start-up (rules, jieba, stages) is most of a short run: measured with one changed file
writeFileSync(reportPath(corpus, 0), reportBytes(0, 99));
variants.set(0, 99);
const startup = complete().seconds;
const perDoc = Math.max(0.001, (first.seconds - startup) / count);
console.log(`corpus ${count} files, first run ${first.seconds.toFixed(1)} s, a one-file run ${startup.toFixed(1)} s (jobs ${jobs}); ${tries} tries`);
let expectedOld = expectedHashes(present, variants);
if (!same(verifyOutputs(out).hashes, expectedOld)) throw new Error('the first run did not record the corpus');

let passed = 0;
const landed = { old: 0, new: 0 };
let resumedTotal = 0;
for (let t = 1; t <= tries; t++) {
  // change the inputs: a third get new numbers, a few go, a few come (or come back)
  for (const n of present) if (next() < 0.33) {
    variants.set(n, t);
    writeFileSync(reportPath(corpus, n), reportBytes(n, t));
  }
  for (const n of [...present]) if (next() < 0.02) {
    present.delete(n);
    rmSync(reportPath(corpus, n));
  }
  for (let k = 0; k < 4; k++) {
    const n = count + Math.floor(next() * count);
    present.add(n);
    variants.set(n, t);
    mkdirSync(dirname(reportPath(corpus, n)), { recursive: true });
    writeFileSync(reportPath(corpus, n), reportBytes(n, t));
  }
  const expectedNew = expectedHashes(present, variants);
  const changed = [...expectedNew].filter(([id, hash]) => expectedOld.get(id) !== hash).length;
  const estimate = 1000 * (startup + perDoc * changed);
  const moment =
    t % 3 === 1
      ? { kind: 'time', ms: Math.round(next() * estimate * 1.2) }
      : t % 3 === 2
        ? { kind: 'documents', documents: Math.floor(next() * changed) }
        : { kind: 'commit', ms: Math.floor(next() * 12) };
  const killed = await killAt(moment);
  const when =
    moment.kind === 'time' ? `${moment.ms} ms after start` : moment.kind === 'documents' ? `after ${moment.documents} documents` : `${moment.ms} ms after the manifest was written (commit and clean-up)`;

  const after = verifyOutputs(out);
  const isOld = same(after.hashes, expectedOld);
  const isNew = same(after.hashes, expectedNew);
  const ok = after.problems.length === 0 && (isOld || isNew);
  if (isOld) landed.old++;
  if (isNew) landed.new++;
  const rerun = complete();
  resumedTotal += rerun.summary.resumed;
  const final = verifyOutputs(out);
  const completed = final.problems.length === 0 && same(final.hashes, expectedNew);
  if (ok && completed) passed++;
  console.log(
    `try ${String(t).padStart(2)}: ${changed} docs differ, killed ${when} (${killed.signal ?? `exit ${killed.code}`} at ${killed.at} ms) → ` +
      `${isOld ? 'old set' : isNew ? 'new set' : 'MIX'}${after.problems.length ? ` PROBLEMS: ${after.problems.slice(0, 3).join('; ')}` : ''}; ` +
      `next run: resumed ${rerun.summary.resumed}, done ${rerun.summary.done}, unchanged ${rerun.summary.unchanged} → ${completed ? 'new set complete' : 'INCOMPLETE'}`,
  );
  expectedOld = expectedNew;
}
console.log(`${passed}/${tries} tries: outputs were the old or the new complete set after kill -9, and the next run completed them ` +
  `(old ${landed.old}, new ${landed.new}; documents resumed from killed runs ${resumedTotal}); generation folders left: ${readdirSync(join(out, '.liang')).filter((name) => name.startsWith('gen-')).length}`);
process.exitCode = passed === tries ? 0 : 1;

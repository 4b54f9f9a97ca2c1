/**
 * `npm run bench:same [-- --ref main] [--quick]`: proves a speed change changes nothing. Runs the
 * CLI of this working tree and of a git ref (built once in a cached worktree under the system's
 * temp folder) over the same inputs, and compares every output file byte for byte. The run's
 * manifest and journal hold timings, so they are left out; every CSV and per-document JSON is
 * compared. Exits 1 and names the first differing line of each file that differs.
 *
 * Run it from the working tree to check (helpers may each have their own git worktree). The tree is
 * built into a temporary `dist-same-<pid>/` beside `dist/`, which it leaves alone.
 *
 * Inputs: the sample (input/), the English and held-out Chinese fixtures, the OCR fixtures, and
 * the 10 MB benchmark corpus (its first 30 files with --quick).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { buildCorpus } from './corpus.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const ref = option('--ref', 'main');
const quick = args.includes('--quick');
const here = resolve('.');

const sha = execFileSync('git', ['rev-parse', ref], { encoding: 'utf8' }).trim();
const cache = join(tmpdir(), 'liang-same-output');
const refTree = join(cache, sha.slice(0, 12));

const corpus = join(here, 'bench', 'corpus', '10mb');
if (!existsSync(corpus)) buildCorpus(10, corpus);
const subset = join(cache, quick ? 'corpus-quick' : 'corpus-full');
if (!existsSync(subset)) {
  mkdirSync(subset, { recursive: true });
  const names = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort();
  for (const name of quick ? names.slice(0, 30) : names) cpSync(join(corpus, name), join(subset, name));
}
const ocr = join(cache, 'ocr');
if (!existsSync(ocr)) {
  mkdirSync(ocr, { recursive: true });
  for (const name of readdirSync('tests/harness/ocr').filter((f) => f.endsWith('.txt'))) {
    cpSync(join('tests/harness/ocr', name), join(ocr, name));
  }
}
const inputs = {
  sample: join(here, 'input'),
  english: join(here, 'tests/fixtures/english'),
  heldout: join(here, 'tests/fixtures/zh-heldout'),
  ocr,
  corpus: subset,
};

// several sessions may check at once: the first builds the ref's worktree and outputs, under a lock
const lock = `${refTree}.lock`;
mkdirSync(cache, { recursive: true });
for (;;) {
  try {
    mkdirSync(lock);
    writeFileSync(join(lock, 'pid'), String(process.pid));
    break;
  } catch {
    // a holder that was killed never ran its `finally`: its lock is taken over, not waited on forever
    if (!holderAlive(lock)) rmSync(lock, { recursive: true, force: true });
    else spawnSync('sleep', ['2']);
  }
}
const refLabel = `ref-${sha.slice(0, 12)}${quick ? '-quick' : ''}`;
const refOuts = Object.fromEntries(Object.keys(inputs).map((name) => [name, join(cache, 'out', refLabel, name)]));
try {
  if (!existsSync(join(refTree, 'dist', 'cli.js'))) {
    rmSync(refTree, { recursive: true, force: true });
    spawnSync('git', ['worktree', 'prune']);
    execFileSync('git', ['worktree', 'add', '--detach', refTree, sha], { stdio: 'inherit' });
    symlinkSync(join(here, 'node_modules'), join(refTree, 'node_modules'));
    execFileSync('node', [join(here, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: refTree, stdio: 'inherit' });
  }
  const done = join(cache, 'out', refLabel, 'done');
  // an empty marker was left by an older version of this script, which did not record the root
  if (!existsSync(done) || readFileSync(done, 'utf8') === '') {
    run(refTree, refLabel);
    writeFileSync(join(cache, 'out', refLabel, 'done'), here);
  }
} finally {
  rmSync(lock, { recursive: true, force: true });
}
// This tree is built into a folder of its own beside dist/ (the code finds rules/, assets/ and
// package.json one level up from its build, so a sibling folder runs the same), never into dist/:
// a benchmark or test reading dist/ in this tree while the check runs would otherwise measure a
// build that changed under it.
const build = `dist-same-${process.pid}`;
execFileSync('node', [join(here, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--outDir', build], { stdio: 'inherit' });

function run(tree, label, dist = 'dist') {
  const outs = {};
  for (const [name, input] of Object.entries(inputs)) {
    const out = join(cache, 'out', label, name);
    rmSync(out, { recursive: true, force: true });
    const result = spawnSync('node', [join(tree, dist, 'cli.js'), 'run', input, '--out', out, '--quiet', '--force'], {
      encoding: 'utf8',
    });
    if (result.status !== 0 && result.status !== 1) throw new Error(`${label} ${name}: exit ${result.status}\n${result.stderr}`);
    outs[name] = out;
  }
  return outs;
}

function files(dir) {
  const list = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name === '.liang' || entry.name === 'manifest.json') continue;
      const path = join(d, entry.name);
      if (statSync(path).isDirectory()) walk(path);
      else list.push(relative(dir, path));
    }
  };
  walk(dir);
  return list.sort();
}

let mine;
try {
  mine = run(here, `tree-${process.pid}`, build);
} finally {
  rmSync(join(here, build), { recursive: true, force: true });
}

// the per-document JSON names its input's path: the ref's outputs were made from the tree of the
// session that ran first
const refRoot = readFileSync(join(cache, 'out', refLabel, 'done'), 'utf8');
const rooted = (bytes, root) => (root ? Buffer.from(bytes.toString('utf8').split(root).join('<root>')) : bytes);
let differing = 0;
let compared = 0;
for (const name of Object.keys(inputs)) {
  const a = files(refOuts[name]);
  const b = files(mine[name]);
  for (const file of [...new Set([...a, ...b])].sort()) {
    compared++;
    const left = existsSync(join(refOuts[name], file)) ? rooted(readFileSync(join(refOuts[name], file)), refRoot) : null;
    const right = existsSync(join(mine[name], file)) ? rooted(readFileSync(join(mine[name], file)), here) : null;
    if (left && right && left.equals(right)) continue;
    differing++;
    if (!left || !right) {
      console.log(`${name}/${file}: only in ${left ? ref : 'this tree'}`);
      continue;
    }
    const l = left.toString('utf8').split('\n');
    const r = right.toString('utf8').split('\n');
    const at = l.findIndex((line, i) => line !== r[i]);
    const line = at < 0 ? l.length : at;
    console.log(`${name}/${file}: differs from line ${line + 1}`);
    console.log(`  ${ref}:  ${(l[line] ?? '<end>').slice(0, 300)}`);
    console.log(`  tree: ${(r[line] ?? '<end>').slice(0, 300)}`);
  }
}
if (!args.includes('--keep')) rmSync(join(cache, 'out', `tree-${process.pid}`), { recursive: true, force: true });
writeFileSync(join(cache, 'last.json'), JSON.stringify({ ref, sha, compared, differing }, null, 2));
console.log(`${compared} output files compared against ${ref} (${sha.slice(0, 12)}): ${differing} differ`);
process.exit(differing === 0 ? 0 : 1);

/** False when the lock names a process that no longer runs; true while it does, or names none yet. */
function holderAlive(lockDir) {
  let pid;
  try {
    pid = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
  } catch {
    return true;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code !== 'ESRCH';
  }
}

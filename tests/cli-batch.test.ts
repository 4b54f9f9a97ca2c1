/**
 * `liang run` and `liang merge` as a scheduler sees them, through the built CLI (dist/cli.js):
 * exit codes, standard input, the JSON summary, a run killed midway and resumed, two runs on
 * one folder at once.
 */
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { verifyOutputs } from '../src/batch/verify.js';
import { sha256 } from '../src/stages/decode.js';
import { documentText, root, runCli as runCliLive, snapshotRules, startCli as startCliLive, tempDir, writeCorpus } from './batch-helpers.js';

// every run of a test file uses one copy of the rules (others may edit rules/ meanwhile)
const rules = snapshotRules();
const withRules = (args: string[]) => (args[0] === 'run' && !args.includes('--rules') ? [...args, '--rules', rules] : args);
const runCli = (args: string[], options?: { input?: string | Buffer }) => runCliLive(withRules(args), options);
const startCli = (args: string[]) => startCliLive(withRules(args));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, timeoutMs = 150_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(15);
  }
}

function exitOf(child: ReturnType<typeof startCli>): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
}

/** Lines in the journals of generations being built (those without a manifest yet). */
function journalLines(out: string): number {
  const state = join(out, '.liang');
  if (!existsSync(state)) return 0;
  let lines = 0;
  for (const name of readdirSync(state)) {
    const journal = join(state, name, 'journal.jsonl');
    if (!name.startsWith('gen-') || existsSync(join(state, name, 'manifest.json')) || !existsSync(journal)) continue;
    lines += readFileSync(journal, 'utf8').split('\n').filter(Boolean).length;
  }
  return lines;
}

function hashesOf(paths: string[]): Map<string, string> {
  return new Map(paths.map((path) => [path.split('/').pop()!.replace(/\.txt$/, ''), sha256(readFileSync(path))]));
}

describe('cli: exit codes and messages', { timeout: 120_000 }, () => {
  it('0 when every file is done, with a summary line', () => {
    const dir = tempDir();
    writeCorpus(join(dir, 'in'), 2);
    const result = runCli(['run', join(dir, 'in'), '--out', join(dir, 'out'), '--jobs', '2']);
    expect(result.stderr).toMatch(/2 files: 2 done, 0 unchanged, 0 failed/);
    expect(result.status).toBe(0);
  });

  it('1 when some files failed; the reason is printed and in errors.csv', () => {
    const dir = tempDir();
    writeCorpus(join(dir, 'in'), 2);
    writeFileSync(join(dir, 'in', 'empty.txt'), '');
    const result = runCli(['run', join(dir, 'in'), '--out', join(dir, 'out'), '--quiet']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/empty\.txt: the file is empty/);
    expect(readFileSync(join(dir, 'out', 'errors.csv'), 'utf8')).toMatch(/empty,.*decode\/empty,the file is empty/);
  });

  it('2 for a broken rules file, naming the file and line; nothing is written', () => {
    const dir = tempDir();
    cpSync(join(root, 'rules'), join(dir, 'rules'), { recursive: true });
    appendFileSync(join(dir, 'rules', 'magnitudes.yaml'), '\n  - : [broken\n');
    writeCorpus(join(dir, 'in'), 1);
    const result = runCli(['run', join(dir, 'in'), '--out', join(dir, 'out'), '--rules', join(dir, 'rules')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/magnitudes\.yaml:\d+/);
    expect(existsSync(join(dir, 'out', 'manifest.json'))).toBe(false);
  });

  it('2 for usage errors: a missing path, a bad --shard, an unknown --encoding', () => {
    const dir = tempDir();
    expect(runCli(['run', join(dir, 'nope'), '--out', join(dir, 'out')])).toMatchObject({ status: 2 });
    writeCorpus(join(dir, 'in'), 1);
    const shard = runCli(['run', join(dir, 'in'), '--out', join(dir, 'out'), '--shard', '3/2']);
    expect(shard.status).toBe(2);
    expect(shard.stderr).toMatch(/--shard/);
    expect(runCli(['run', join(dir, 'in'), '--out', join(dir, 'out'), '--encoding', 'nope']).status).toBe(2);
  });

  it('--timeout fails a document that takes too long, and the next run retries it', () => {
    const dir = tempDir();
    writeCorpus(join(dir, 'in'), 1);
    const args = ['run', join(dir, 'in'), '--out', join(dir, 'out'), '--quiet', '--json', '--timeout', '0.001'];
    const result = runCli(args);
    expect(result.status).toBe(1);
    expect(readFileSync(join(dir, 'out', 'errors.csv'), 'utf8')).toMatch(/pipeline\/timeout,processing took longer than 0.001 s/);
    const retried = runCli(args.slice(0, -2));
    expect(retried.status).toBe(0);
    expect(JSON.parse(retried.stdout)).toMatchObject({ done: 1, failed: 0 });
  });

  it('--json prints the summary as JSON on stdout', () => {
    const dir = tempDir();
    writeCorpus(join(dir, 'in'), 2);
    const result = runCli(['run', join(dir, 'in'), '--out', join(dir, 'out'), '--json', '--quiet']);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ files: 2, done: 2, unchanged: 0, failed: 0 });
    expect(typeof summary.quantities).toBe('number');
    expect(typeof summary.seconds).toBe('number');
    const again = JSON.parse(runCli(['run', join(dir, 'in'), '--out', join(dir, 'out'), '--json', '--quiet']).stdout);
    expect(again).toMatchObject({ done: 0, unchanged: 2, written: false, quantities: summary.quantities });
  });

  it('progress lines when stderr is not a terminal', () => {
    const dir = tempDir();
    writeCorpus(join(dir, 'in'), 3);
    const result = runCli(['run', join(dir, 'in'), '--out', join(dir, 'out'), '--jobs', '1']);
    expect(result.stderr).toMatch(/^liang: 3\/3 files .* files\/s .* ETA/m);
    expect(result.stderr).not.toContain('\r');
  });
});

describe('worker threads started before the rules are loaded', { timeout: 120_000 }, () => {
  // the built modules: the pool runs dist/batch/worker.js, which the TypeScript sources lack
  const built = (path: string) => import(pathToFileURL(join(root, 'dist', path)).href);

  it('workers whose jieba loaded another user dictionary than the rules name start again, and process', async () => {
    const { startExecutor } = (await built('batch/pool.js')) as typeof import('../src/batch/pool.js');
    const { loadRules } = (await built('rules/load.js')) as typeof import('../src/rules/load.js');
    const loaded = loadRules(rules);
    expect(loaded.userDictPath).not.toBeNull();
    const dir = tempDir();
    const [path] = writeCorpus(join(dir, 'in'), 1);
    // started with jieba's own user dictionary (as if userdict.txt appeared after they started)
    const started = startExecutor(1, null, 60_000)!;
    const executor = started.configure({ rules: loaded, settings: { encoding: null, toSimplified: false } });
    try {
      const entry = await executor.run({ id: 'doc-0000', path: path!, genDir: join(dir, 'gen'), config: 'test' });
      expect(entry).toMatchObject({ status: 'done', failure: null });
      expect(JSON.parse(readFileSync(join(dir, 'gen', 'docs', 'doc-0000.json'), 'utf8')).quantities.length).toBeGreaterThan(0);
    } finally {
      await executor.close();
    }
  });

  it('a malformed user dictionary is reported (exit 2, its line) when a worker was started before it was read', () => {
    const dir = tempDir();
    cpSync(rules, join(dir, 'rules'), { recursive: true });
    appendFileSync(join(dir, 'rules', 'userdict.txt'), '\n# not a word\n');
    writeCorpus(join(dir, 'in'), 1);
    // --timeout runs the one job on a worker, started before the rules are loaded
    const result = runCli(['run', join(dir, 'in'), '--out', join(dir, 'out'), '--rules', join(dir, 'rules'), '--timeout', '60']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/userdict\.txt:\d+: #: jieba has no comments/);
    expect(existsSync(join(dir, 'out', 'manifest.json'))).toBe(false);
  });
});

describe('cli: shards and merge', { timeout: 120_000 }, () => {
  it('--shard K/N runs and liang merge give the CSVs of one whole run', () => {
    const dir = tempDir();
    writeCorpus(join(dir, 'in'), 6);
    for (const k of [1, 2]) expect(runCli(['run', join(dir, 'in'), '--out', join(dir, `s${k}`), '--shard', `${k}/2`, '--quiet']).status).toBe(0);
    expect(runCli(['run', join(dir, 'in'), '--out', join(dir, 'all'), '--quiet']).status).toBe(0);
    const merged = runCli(['merge', join(dir, 's1'), join(dir, 's2'), '--out', join(dir, 'merged')]);
    expect(merged.status).toBe(0);
    expect(merged.stderr).toMatch(/merged 2 folders: 6 files/);
    expect(readFileSync(join(dir, 'merged', 'quantities.csv'))).toEqual(readFileSync(join(dir, 'all', 'quantities.csv')));
    expect(verifyOutputs(join(dir, 'merged')).problems).toEqual([]);
    const notOutput = runCli(['merge', join(dir, 'in'), '--out', join(dir, 'm2')]);
    expect(notOutput.status).toBe(2);
    expect(notOutput.stderr).toMatch(/not a liang output folder/);
  });
});

describe('cli: standard input', { timeout: 120_000 }, () => {
  it('- reads one document (GB18030 here) and prints its JSON as one line', () => {
    const result = runCli(['run', '-'], { input: iconv.encode(documentText(5), 'gb18030') });
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const doc = JSON.parse(lines[0]!);
    expect(doc.doc_id).toBe('stdin');
    expect(doc.source.encoding).toBe('gb18030');
    expect(doc.paragraphs[0].text).toContain('第5号文件');
  });

  it('- with empty input fails with exit 1 and a reason', () => {
    const result = runCli(['run', '-'], { input: '' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/empty/);
    expect(result.stdout).toBe('');
  });
});

// several CLI processes each: generous limits for a loaded 2-core machine
describe('cli: killed and concurrent runs', { timeout: 180_000 }, () => {
  it('kill -9 midway leaves the previous complete outputs; the next run resumes and completes', async () => {
    const dir = tempDir();
    const input = join(dir, 'in');
    const out = join(dir, 'out');
    const paths = writeCorpus(input, 20, 0);
    expect(runCli(['run', input, '--out', out, '--jobs', '1', '--quiet']).status).toBe(0);
    const oldHashes = hashesOf(paths);
    writeCorpus(input, 20, 1);
    const newHashes = hashesOf(paths);

    const child = startCli(['run', input, '--out', out, '--jobs', '1', '--quiet']);
    const exited = exitOf(child);
    await until(() => journalLines(out) >= 3);
    child.kill('SIGKILL');
    expect((await exited).signal).toBe('SIGKILL');

    const after = verifyOutputs(out);
    expect(after.problems).toEqual([]);
    expect(after.hashes).toEqual(oldHashes);

    const resumed = runCli(['run', input, '--out', out, '--jobs', '1', '--json', '--quiet']);
    const summary = JSON.parse(resumed.stdout);
    expect(summary.resumed).toBeGreaterThanOrEqual(3);
    expect(summary.resumed + summary.done).toBe(20);
    const final = verifyOutputs(out);
    expect(final.problems).toEqual([]);
    expect(final.hashes).toEqual(newHashes);
    expect(readdirSync(join(out, '.liang')).filter((name) => name.startsWith('gen-'))).toHaveLength(1);
  });

  it('a second run on the same folder stops with a clear message (exit 2); --wait queues it', async () => {
    const dir = tempDir();
    const input = join(dir, 'in');
    const out = join(dir, 'out');
    writeCorpus(input, 20);
    const first = startCli(['run', input, '--out', out, '--jobs', '1', '--quiet']);
    const firstExit = exitOf(first);
    await until(() => existsSync(join(out, '.liang', 'lock', 'owner.json')));

    const second = runCli(['run', input, '--out', out, '--quiet']);
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(/another liang run is writing to .* \(pid \d+ on /);

    const waiting = startCli(['run', input, '--out', out, '--quiet', '--json', '--wait', '300']);
    let stdout = '';
    waiting.stdout!.on('data', (chunk) => (stdout += chunk));
    const waitingExit = exitOf(waiting);
    expect((await firstExit).code).toBe(0);
    expect((await waitingExit).code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ unchanged: 20, done: 0 });
    expect(verifyOutputs(out).problems).toEqual([]);
  });

  it('the lock of a killed run does not block the next one', async () => {
    const dir = tempDir();
    const input = join(dir, 'in');
    const out = join(dir, 'out');
    writeCorpus(input, 20);
    const child = startCli(['run', input, '--out', out, '--jobs', '1', '--quiet']);
    const exited = exitOf(child);
    await until(() => existsSync(join(out, '.liang', 'lock', 'owner.json')));
    child.kill('SIGKILL');
    await exited;
    expect(existsSync(join(out, '.liang', 'lock'))).toBe(true);
    const next = runCli(['run', input, '--out', out, '--quiet']);
    expect(next.status).toBe(0);
    expect(verifyOutputs(out).problems).toEqual([]);
  });
});

/**
 * The batch runner in process (tasks on this thread): incremental reruns, removed inputs,
 * failures as rows, globs, shards and merge. Tests never depend on how many quantities the
 * sample gives: they compare runs with each other and check the outputs' consistency.
 */
import { appendFileSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync, lstatSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch, type RunOptions } from '../src/batch/run.js';
import { mergeOutputs } from '../src/batch/merge.js';
import { verifyOutputs, parseCsv } from '../src/batch/verify.js';
import { expandInputs, UsageError } from '../src/batch/inputs.js';
import { inShard, parseShard } from '../src/batch/shard.js';
import { LockBusyError } from '../src/batch/lock.js';
import { tempDir, writeCorpus, documentText, snapshotRules } from './batch-helpers.js';

// a copy of the rules taken once: others may edit rules/ while the tests run
const rulesDir = snapshotRules();
const run = (paths: string[], out: string, extra: Partial<RunOptions> = {}) => runBatch({ paths, out, bom: true, jobs: 1, rulesDir, ...extra });

function docStat(out: string, id: string) {
  const stats = statSync(join(out, 'docs', `${id}.json`));
  return { ino: stats.ino, mtimeMs: stats.mtimeMs };
}

describe('batch: incremental runs', () => {
  it('a rerun with nothing changed redoes nothing and writes nothing', async () => {
    const dir = tempDir();
    writeCorpus(join(dir, 'in'), 4);
    const out = join(dir, 'out');
    const first = await run([join(dir, 'in')], out);
    expect(first).toMatchObject({ files: 4, done: 4, unchanged: 0, failed: 0, written: true });
    expect(verifyOutputs(out).problems).toEqual([]);
    const before = docStat(out, 'doc-0000');
    const csvBefore = readFileSync(join(out, 'quantities.csv'));
    const pointer = readlinkSync(join(out, '.liang', 'current'));

    const second = await run([join(dir, 'in')], out);
    expect(second).toMatchObject({ files: 4, done: 0, unchanged: 4, written: false });
    expect(second.quantities).toBe(first.quantities);
    expect(docStat(out, 'doc-0000')).toEqual(before);
    expect(readFileSync(join(out, 'quantities.csv'))).toEqual(csvBefore);
    expect(readlinkSync(join(out, '.liang', 'current'))).toBe(pointer);
  });

  it('one changed file: exactly one document redone; the others keep their files', async () => {
    const dir = tempDir();
    const paths = writeCorpus(join(dir, 'in'), 4);
    const out = join(dir, 'out');
    await run([join(dir, 'in')], out);
    const untouched = docStat(out, 'doc-0002');
    writeFileSync(paths[1]!, documentText(1, 1));
    const second = await run([join(dir, 'in')], out);
    expect(second).toMatchObject({ done: 1, unchanged: 3, written: true });
    expect(docStat(out, 'doc-0002')).toEqual(untouched);
    expect(readFileSync(join(out, 'docs', 'doc-0001.json'), 'utf8')).toContain('版本1');
    expect(readFileSync(join(out, 'paragraphs.csv'), 'utf8')).toContain('第1号文件，版本1。');
    expect(verifyOutputs(out).problems).toEqual([]);
  });

  it('a removed input disappears from docs/, the CSVs and the manifest', async () => {
    const dir = tempDir();
    const paths = writeCorpus(join(dir, 'in'), 3);
    const out = join(dir, 'out');
    await run([join(dir, 'in')], out);
    rmSync(paths[0]!);
    const second = await run([join(dir, 'in')], out);
    expect(second).toMatchObject({ files: 2, removed: 1, done: 0, unchanged: 2 });
    const { problems, manifest } = verifyOutputs(out);
    expect(problems).toEqual([]);
    expect(manifest!.documents.map((entry) => entry.id)).toEqual(['doc-0001', 'doc-0002']);
    expect(() => statSync(join(out, 'docs', 'doc-0000.json'))).toThrow();
    expect(readFileSync(join(out, 'paragraphs.csv'), 'utf8')).not.toContain('doc-0000');
  });

  it('--force redoes every document; the outputs are byte-identical', async () => {
    const dir = tempDir();
    writeCorpus(join(dir, 'in'), 3);
    const out = join(dir, 'out');
    await run([join(dir, 'in')], out);
    const before = readFileSync(join(out, 'paragraphs.csv'));
    const forced = await run([join(dir, 'in')], out, { force: true });
    expect(forced).toMatchObject({ done: 3, unchanged: 0 });
    expect(readFileSync(join(out, 'paragraphs.csv'))).toEqual(before);
  });

  it('other rules redo everything (the rules hash is in the manifest)', async () => {
    const dir = tempDir();
    writeCorpus(join(dir, 'in'), 2);
    const out = join(dir, 'out');
    await run([join(dir, 'in')], out);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.rules_hash).toMatch(/^[0-9a-f]{64}$/);
    // the build: package version + a hash of the code, so new code under the same version redoes all
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{8}$/);
    // changing a decoding option changes the config key, as a rules change does
    const again = await run([join(dir, 'in')], out, { toSimplified: true });
    expect(again).toMatchObject({ done: 2, unchanged: 0 });
  });

  it('rules changed while a run works: it fails before its commit and the previous outputs stay', async () => {
    const dir = tempDir();
    writeCorpus(join(dir, 'in'), 3);
    const out = join(dir, 'out');
    await run([join(dir, 'in')], out);
    const before = readFileSync(join(out, 'quantities.csv'));
    const committed = readlinkSync(join(out, '.liang', 'current'));
    // a rules file changes after the first document of a forced rerun is done (this process's
    // jieba is bound to the snapshot's user dictionary, so the snapshot itself is edited, then restored)
    const units = join(rulesDir, 'units.yaml');
    const original = readFileSync(units);
    let edited = false;
    const progress = {
      start() {},
      advance() {
        if (!edited) appendFileSync(units, '\n# edited during a run\n');
        edited = true;
      },
      failure() {},
      finish() {},
    };
    try {
      await expect(run([join(dir, 'in')], out, { force: true, progress })).rejects.toThrow(/changed while liang was running/);
    } finally {
      writeFileSync(units, original);
    }
    expect(edited).toBe(true);
    expect(readlinkSync(join(out, '.liang', 'current'))).toBe(committed);
    expect(readFileSync(join(out, 'quantities.csv'))).toEqual(before);
  });

  it('two runs at once on one folder in one process: the second is refused, the first completes', async () => {
    const dir = tempDir();
    writeCorpus(join(dir, 'in'), 3);
    const out = join(dir, 'out');
    const results = await Promise.allSettled([run([join(dir, 'in')], out), run([join(dir, 'in')], out)]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(LockBusyError);
    expect(verifyOutputs(out).problems).toEqual([]);
  });

  it('the visible names are links into one generation; older generations are removed', async () => {
    const dir = tempDir();
    const paths = writeCorpus(join(dir, 'in'), 2);
    const out = join(dir, 'out');
    await run([join(dir, 'in')], out);
    writeFileSync(paths[0]!, documentText(0, 2));
    await run([join(dir, 'in')], out);
    for (const name of ['paragraphs.csv', 'quantities.csv', 'warnings.csv', 'errors.csv', 'manifest.json', 'docs']) {
      expect(lstatSync(join(out, name)).isSymbolicLink()).toBe(true);
    }
    expect(readlinkSync(join(out, '.liang', 'current'))).toBe('gen-000002');
    expect(() => statSync(join(out, '.liang', 'gen-000001'))).toThrow();
  });
});

describe('batch: bad inputs', () => {
  it('empty, binary, undecodable and unreadable files become rows with reasons; good files are all there', async () => {
    const dir = tempDir();
    const input = join(dir, 'in');
    writeCorpus(input, 2);
    writeFileSync(join(input, 'empty.txt'), '');
    writeFileSync(join(input, 'image.png'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]), Buffer.alloc(500, 3)]));
    writeFileSync(join(input, 'latin.txt'), Buffer.from(Array.from({ length: 900 }, (_, i) => (i % 3 ? 0x61 : 0xe9))));
    mkdirSync(join(input, 'sub'));
    writeFileSync(join(input, 'sub', 'locked.txt'), documentText(9));
    const unreadable = process.getuid?.() !== 0; // root reads everything
    if (unreadable) (await import('node:fs')).chmodSync(join(input, 'sub', 'locked.txt'), 0);
    const out = join(dir, 'out');
    const summary = await run([input], out);
    const errors = parseCsv(readFileSync(join(out, 'errors.csv'), 'utf8'));
    const reasons = new Map(errors.rows.map((row) => [row[0], row[errors.header.indexOf('reason')]]));
    expect(reasons.get('empty')).toMatch(/empty/);
    expect(reasons.get('image')).toMatch(/binary/);
    expect(reasons.get('latin')).toMatch(/not UTF-8.*--encoding/);
    if (unreadable) expect(reasons.get('sub/locked')).toMatch(/permission denied/);
    expect(summary.failed).toBe(unreadable ? 4 : 3);
    expect(verifyOutputs(out).problems).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.documents.find((entry: { id: string }) => entry.id === 'image').failure.rule).toBe('decode/binary');
    for (const id of ['doc-0000', 'doc-0001']) expect(statSync(join(out, 'docs', `${id}.json`)).size).toBeGreaterThan(0);
    // the unchanged failures stay failures on a rerun, and are not redone
    const again = await run([input], out);
    expect(again.failed).toBe(summary.failed);
    expect(again.done).toBe(unreadable ? 0 : 0);
  });
});

describe('batch: a 5 MB line end to end', () => {
  it('a file with one 5 MB line is processed, next to a normal one', async () => {
    const dir = tempDir();
    const input = join(dir, 'in');
    writeCorpus(input, 1);
    const flat = documentText(4).replace(/\s+/g, '');
    writeFileSync(join(input, 'long.txt'), flat.repeat(Math.ceil(1_950_000 / flat.length)).slice(0, 1_950_000));
    expect(statSync(join(input, 'long.txt')).size).toBeGreaterThan(5_000_000);
    const out = join(dir, 'out');
    const summary = await run([input], out);
    expect(summary.failures).toEqual([]);
    expect(summary).toMatchObject({ files: 2, done: 2 });
    expect(verifyOutputs(out).problems).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.documents.find((entry: { id: string }) => entry.id === 'long').bytes).toBeGreaterThan(5_000_000);
  }, 180_000);
});

describe('batch: inputs, shards, merge', () => {
  it('--include and --exclude filter the files found in folders', () => {
    const dir = tempDir();
    for (const name of ['a.txt', 'b.md', 'sub/c.txt', 'sub/skip-d.txt', '.hidden.txt']) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), 'x');
    }
    const ids = (include: string[], exclude: string[] = []) => expandInputs([dir], { include, exclude }).map((input) => input.id);
    expect(ids([])).toEqual(['a', 'b', 'sub/c', 'sub/skip-d']);
    expect(ids(['*.txt'])).toEqual(['a', 'sub/c', 'sub/skip-d']);
    expect(ids(['sub/**'])).toEqual(['sub/c', 'sub/skip-d']);
    expect(ids(['*.txt'], ['skip-*'])).toEqual(['a', 'sub/c']);
    expect(() => expandInputs([join(dir, 'nope')])).toThrow(UsageError);
  });

  it('the output folder inside an input folder is not read, and a link cycle ends', async () => {
    const dir = tempDir();
    writeCorpus(join(dir, 'in'), 2);
    const { symlinkSync } = await import('node:fs');
    symlinkSync('..', join(dir, 'in', 'loop'));
    const out = join(dir, 'in', 'results');
    await run([join(dir, 'in')], out);
    const again = await run([join(dir, 'in')], out);
    expect(again).toMatchObject({ files: 2, unchanged: 2, written: false });
    expect(expandInputs([join(dir, 'in')], { skip: [out] }).map((input) => input.id)).toEqual(['doc-0000', 'doc-0001']);
  });

  it('--shard K/N: slices that are disjoint, cover everything, and do not move when files are added', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `report-${i}`);
    const slices = [1, 2, 3].map((k) => ids.filter((id) => inShard(id, parseShard(`${k}/3`))));
    expect(slices.flat().sort()).toEqual([...ids].sort());
    for (const slice of slices) expect(slice.length).toBeGreaterThan(40);
    expect(() => parseShard('0/3')).toThrow(UsageError);
    expect(() => parseShard('4/3')).toThrow(UsageError);
    expect(() => parseShard('x')).toThrow(UsageError);
  });

  it('liang merge of shard outputs equals one run over everything', async () => {
    const dir = tempDir();
    writeCorpus(join(dir, 'in'), 7);
    writeFileSync(join(dir, 'in', 'empty.txt'), '');
    for (const k of [1, 2]) await run([join(dir, 'in')], join(dir, `s${k}`), { shard: parseShard(`${k}/2`) });
    await run([join(dir, 'in')], join(dir, 'all'));
    const merged = await mergeOutputs({ dirs: [join(dir, 's1'), join(dir, 's2')], out: join(dir, 'merged') });
    expect(merged).toMatchObject({ folders: 2, files: 8, failed: 1 });
    for (const name of ['paragraphs.csv', 'quantities.csv', 'warnings.csv', 'errors.csv']) {
      expect(readFileSync(join(dir, 'merged', name))).toEqual(readFileSync(join(dir, 'all', name)));
    }
    expect(verifyOutputs(join(dir, 'merged')).problems).toEqual([]);
    await expect(mergeOutputs({ dirs: [join(dir, 'in')], out: join(dir, 'm2') })).rejects.toThrow(/not a liang output/);
  });
});

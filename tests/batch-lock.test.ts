/** The output-folder lock and the progress display, in process (fast). */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, LockBusyError } from '../src/batch/lock.js';
import { UsageError } from '../src/batch/inputs.js';
import { createProgress, FILE_COST_BYTES, remainingSeconds } from '../src/batch/progress.js';
import { tempDir } from './batch-helpers.js';

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function fakeLock(dir: string, owner: object | null): string {
  const lock = join(dir, 'lock');
  mkdirSync(lock);
  if (owner) writeFileSync(join(lock, 'owner.json'), JSON.stringify(owner));
  return lock;
}

describe('lock', () => {
  it('is taken, refused to a second taker with who holds it, and released', async () => {
    const dir = tempDir();
    const lock = await acquireLock(join(dir, 'lock'), 'OUT');
    const owner = JSON.parse(readFileSync(join(dir, 'lock', 'owner.json'), 'utf8'));
    expect(owner).toMatchObject({ pid: process.pid, host: hostname() });
    // owner.json is written under another name and renamed: nothing else is left beside it
    expect(readdirSync(join(dir, 'lock'))).toEqual(['owner.json']);
    const second = acquireLock(join(dir, 'lock'), 'OUT');
    await expect(second).rejects.toThrow(LockBusyError);
    await expect(acquireLock(join(dir, 'lock'), 'OUT')).rejects.toThrow(/another liang run is writing to OUT \(pid \d+ on .*--wait/);
    lock.release();
    expect(existsSync(join(dir, 'lock'))).toBe(false);
    (await acquireLock(join(dir, 'lock'), 'OUT')).release();
  });

  it('is a usage error (exit code 2 at the CLI)', () => {
    expect(new LockBusyError('x', null)).toBeInstanceOf(UsageError);
  });

  it('waits with waitMs, and takes the lock once it is released', async () => {
    const dir = tempDir();
    const first = await acquireLock(join(dir, 'lock'), 'OUT');
    setTimeout(() => first.release(), 300);
    const started = performance.now();
    const second = await acquireLock(join(dir, 'lock'), 'OUT', 10_000);
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    second.release();
  });

  it('gives up after waitMs when the holder stays', async () => {
    const dir = tempDir();
    const first = await acquireLock(join(dir, 'lock'), 'OUT');
    await expect(acquireLock(join(dir, 'lock'), 'OUT', 300)).rejects.toThrow(LockBusyError);
    first.release();
  });

  it('breaks the lock of a dead process on this host at once', async () => {
    const dir = tempDir();
    fakeLock(dir, { pid: deadPid(), host: hostname(), started: 'then' });
    (await acquireLock(join(dir, 'lock'), 'OUT')).release();
  });

  it('breaks a lock whose pid now belongs to another process (start time differs)', async () => {
    const dir = tempDir();
    fakeLock(dir, { pid: process.ppid, host: hostname(), started: 'then', ticks: 1 });
    const lock = await acquireLock(join(dir, 'lock'), 'OUT');
    lock.release();
  });

  it('keeps the lock of a live process on this host', async () => {
    const dir = tempDir();
    fakeLock(dir, { pid: process.ppid, host: hostname(), started: 'now' });
    await expect(acquireLock(join(dir, 'lock'), 'OUT')).rejects.toThrow(LockBusyError);
  });

  it('keeps a fresh lock of another host, and one being created (no owner.json yet)', async () => {
    const dir = tempDir();
    fakeLock(dir, { pid: 1, host: 'elsewhere', started: 'now' });
    await expect(acquireLock(join(dir, 'lock'), 'OUT')).rejects.toThrow(/pid 1 on elsewhere/);
    const other = tempDir();
    fakeLock(other, null);
    await expect(acquireLock(join(other, 'lock'), 'OUT')).rejects.toThrow(LockBusyError);
  });
});

describe('progress', () => {
  function stream(isTTY: boolean) {
    const chunks: string[] = [];
    return { chunks, stream: { isTTY, write: (chunk: string) => chunks.push(chunk) } as unknown as NodeJS.WriteStream };
  }

  it('draws a bar in place on a terminal, with files, MB, rate and ETA, and clears it', () => {
    const { chunks, stream: tty } = stream(true);
    const progress = createProgress(tty, { quiet: false });
    progress.start(2, 2 * 1024 * 1024);
    progress.advance(1024 * 1024);
    progress.failure('liang: bad.txt: the file is empty');
    progress.advance(1024 * 1024);
    progress.finish();
    const text = chunks.join('');
    // one document settled is no rate yet: the time before it was the workers starting
    expect(text).toMatch(/\r\x1b\[2K\[#+\.*\] 1\/2 files {2}1\.0\/2\.0 MB {2}[\d.]+ files\/s {2}[\d.]+ MB\/s {2}ETA \?/);
    expect(text).toMatch(/2\/2 files .*ETA 0s/);
    expect(text).toContain('2/2 files');
    expect(text).toContain('liang: bad.txt: the file is empty\n');
    expect(text.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('ETA: the work left at the rate since the first document, a file worth FILE_COST_BYTES besides its bytes', () => {
    const MB = 1024 * 1024;
    // nothing measured yet (one document settled), nothing left
    expect(remainingSeconds({ files: 5, bytes: MB }, { files: 0, bytes: 0, seconds: 0 })).toBeNaN();
    expect(remainingSeconds({ files: 0, bytes: 0 }, { files: 0, bytes: 0, seconds: 0 })).toBe(0);
    // files alike: as many left as done, as long again
    expect(remainingSeconds({ files: 10, bytes: 10 * 4096 }, { files: 10, bytes: 10 * 4096, seconds: 3 })).toBeCloseTo(3, 9);
    // 99 small files of 2 KB in 2 s, one of 100 MB left: at the small files' rate of work, not
    // their rate of files (one more file, 0.02 s) nor of bytes alone (their per-file cost read as
    // slow bytes: twice as long)
    const left = { files: 1, bytes: 100 * MB };
    const since = { files: 99, bytes: 99 * 2048, seconds: 2 };
    const eta = remainingSeconds(left, since);
    const work = 99 * (2048 + FILE_COST_BYTES);
    expect(eta).toBeCloseTo(((100 * MB + FILE_COST_BYTES) * 2) / work, 6);
    expect(eta).toBeLessThan((100 * MB * 2) / (99 * 2048));
    expect(eta).toBeGreaterThan(0.02);
  });

  it('writes plain lines at every tenth when not a terminal, and nothing with --quiet but failures', () => {
    const plain = stream(false);
    const progress = createProgress(plain.stream, { quiet: false });
    progress.start(20, 20);
    for (let i = 0; i < 20; i++) progress.advance(1);
    expect(plain.chunks).toHaveLength(10);
    expect(plain.chunks.every((line) => line.startsWith('liang: ') && line.endsWith('\n') && !line.includes('\r'))).toBe(true);

    const quiet = stream(true);
    const silent = createProgress(quiet.stream, { quiet: true });
    silent.start(3, 3);
    silent.advance(1);
    silent.failure('liang: x: broken');
    silent.finish();
    expect(quiet.chunks).toEqual(['liang: x: broken\n']);
  });
});

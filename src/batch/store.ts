/**
 * The output folder as a set of generations behind one pointer (see the design note in run.ts).
 *
 *   DIR/paragraphs.csv → .liang/current/paragraphs.csv      fixed relative symlinks, made once
 *   DIR/docs           → .liang/current/docs
 *   DIR/.liang/current → gen-000007                          the pointer: swapped by one rename
 *   DIR/.liang/gen-000007/{manifest.json, *.csv, docs/, rows/, journal.jsonl}
 *                                                        rows/<id>.rows: see rows.ts
 *   DIR/.liang/lock/                                         see lock.ts
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  copyFileSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export const STATE = '.liang';
/** The names DIR shows; each is a symlink into the current generation. */
export const VISIBLE = ['paragraphs.csv', 'quantities.csv', 'warnings.csv', 'errors.csv', 'manifest.json', 'docs'] as const;

const GENERATION = /^gen-(\d+)$/;

export function stateDir(out: string): string {
  return join(out, STATE);
}

export function generationDir(out: string, generation: number): string {
  return join(stateDir(out), `gen-${String(generation).padStart(6, '0')}`);
}

/** The committed generation's number, or null before the first commit. */
export function currentGeneration(out: string): number | null {
  try {
    const match = GENERATION.exec(readlinkSync(join(stateDir(out), 'current')));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Every generation folder present, committed or left by a killed run. */
export function listGenerations(out: string): number[] {
  let names: string[];
  try {
    names = readdirSync(stateDir(out));
  } catch {
    return [];
  }
  return names
    .map((name) => GENERATION.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]))
    .sort((a, b) => a - b);
}

/** Per-document files of a generation: the JSON users read and the CSV rows the CSVs are built from. */
export function docPath(genDir: string, id: string): string {
  return join(genDir, 'docs', `${id}.json`);
}

export function rowsPath(genDir: string, id: string): string {
  // earlier builds wrote rows/<id>.json (JSON): such a document is not reused but redone once
  return join(genDir, 'rows', `${id}.rows`);
}

/**
 * Writes `content` to `path` and flushes it to disk (no rename: inside an uncommitted generation
 * a half-written file is never seen, because its journal line comes after it).
 */
export function writeDurable(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a per-document file of an uncommitted generation without waiting for the disk: the
 * caller makes it durable with `syncFiles` before its journal line is written (off the thread
 * that processes documents: two fsyncs per document cost 3–4% of a run's time when waited for).
 */
export function writeFresh(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** Flushes files written by `writeFresh` to disk, on libuv's thread pool. */
export async function syncFiles(paths: readonly string[]): Promise<void> {
  await Promise.all(
    paths.map(async (path) => {
      const file = await open(path, 'r+');
      try {
        await file.sync();
      } finally {
        await file.close();
      }
    }),
  );
}

/**
 * Makes `to` the same file as `from` with a hard link (the bytes are not rewritten and keep their
 * modification time), or copies it where the file system has no hard links.
 */
export function linkOrCopy(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      rmSync(to, { force: true });
      linkSync(from, to);
    } else if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV' || code === 'EMLINK') {
      copyFileSync(from, to);
    } else {
      throw error;
    }
  }
}

export function fsyncDir(path: string): void {
  try {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // some platforms cannot open a folder for fsync; the rename is still atomic
  }
}

/**
 * Points DIR's visible names at `.liang/current/…`. Idempotent; run before the first commit, so
 * that until then the links dangle (no outputs) instead of showing a partial set. A regular file
 * or folder of the same name from an older liang (which wrote plain files) is replaced.
 */
export function ensureVisibleLinks(out: string): void {
  for (const name of VISIBLE) {
    const link = join(out, name);
    const target = join(STATE, 'current', name);
    let existing: ReturnType<typeof lstatSync> | null = null;
    try {
      existing = lstatSync(link);
    } catch {
      existing = null;
    }
    if (existing?.isSymbolicLink() && readlinkSync(link) === target) continue;
    if (existing?.isDirectory()) rmSync(link, { recursive: true, force: true });
    const temporary = join(out, `.${name}.${process.pid}.link`);
    rmSync(temporary, { force: true });
    symlinkSync(target, temporary);
    renameSync(temporary, link);
  }
}

/** The commit: one rename makes generation `generation` the visible output set. */
export function commitGeneration(out: string, generation: number): void {
  const state = stateDir(out);
  const temporary = join(state, `current.${process.pid}.tmp`);
  rmSync(temporary, { force: true });
  symlinkSync(`gen-${String(generation).padStart(6, '0')}`, temporary);
  renameSync(temporary, join(state, 'current'));
  fsyncDir(state);
}

/** Removes every generation but the current one, and temporaries of killed runs. */
export function removeOldGenerations(out: string): void {
  const current = currentGeneration(out);
  for (const generation of listGenerations(out)) {
    if (generation !== current) rmSync(generationDir(out, generation), { recursive: true, force: true });
  }
  for (const name of readdirSync(stateDir(out))) {
    if (name.endsWith('.tmp') || name.startsWith('lock.stale-')) rmSync(join(stateDir(out), name), { recursive: true, force: true });
  }
}

export function exists(path: string): boolean {
  return existsSync(path);
}

/**
 * One writer per output folder. The lock is a directory (`mkdir` is atomic, also on NFS) holding
 * `owner.json` (pid, host, start time); the holder touches it every few seconds. A lock is stale,
 * and is broken, when its owner is a dead process on this host, or when it has not been touched
 * for `STALE_MS` (an owner on another host, or one killed before it wrote owner.json).
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { UsageError } from './inputs.js';

const HEARTBEAT_MS = 2_000;
const STALE_MS = 30_000;
/** A lock without owner.json is younger than this only while its owner is still writing it. */
const OWNERLESS_GRACE_MS = 5_000;
const POLL_MS = 200;

export interface LockOwner {
  pid: number;
  host: string;
  started: string;
  /** The process's start time in clock ticks since boot (Linux), to tell a reused pid apart. */
  ticks?: number | null;
}

/** Another live run holds the lock (a usage error: exit code 2 at the CLI). */
export class LockBusyError extends UsageError {
  constructor(
    readonly folder: string,
    readonly owner: LockOwner | null,
  ) {
    super(
      `another liang run is writing to ${folder}` +
        (owner ? ` (pid ${owner.pid} on ${owner.host}, since ${owner.started})` : '') +
        '; wait for it to finish, or pass --wait to queue behind it',
    );
    this.name = 'LockBusyError';
  }
}

export interface Lock {
  release(): void;
}

/** Locks this process holds, so that a second taker in the same process waits like any other. */
const held = new Set<string>();

/**
 * Takes the lock `dir`. Without `waitMs` a held lock throws `LockBusyError` at once; with it,
 * polls until the lock is free or the time is up.
 */
export async function acquireLock(dir: string, label: string, waitMs = 0): Promise<Lock> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      mkdirSync(dir);
      held.add(resolve(dir));
      const owner: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString(), ticks: startTicks(process.pid) };
      writeOwner(dir, owner);
      const heartbeat = setInterval(() => {
        try {
          const now = new Date();
          utimesSync(dir, now, now);
        } catch {
          // the folder is gone; release() below tolerates that too
        }
      }, HEARTBEAT_MS);
      heartbeat.unref();
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          held.delete(resolve(dir));
          clearInterval(heartbeat);
          rmSync(dir, { recursive: true, force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(dir);
    if (isStale(dir, owner)) {
      breakLock(dir);
      continue;
    }
    if (Date.now() >= deadline) throw new LockBusyError(label, owner);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Writes owner.json under a temporary name and renames it, so that it exists only complete: a
 * run killed between creating the file and writing it left an empty owner.json, which reads as
 * no owner and kept the lock for OWNERLESS_GRACE_MS, so the next run was refused (the CLI test
 * "the lock of a killed run does not block the next one" failed so once, at load 8: it kills
 * the run as soon as owner.json exists).
 */
function writeOwner(dir: string, owner: LockOwner): void {
  const temporary = join(dir, `owner.json.${process.pid}.tmp`);
  writeFileSync(temporary, JSON.stringify(owner) + '\n');
  renameSync(temporary, join(dir, 'owner.json'));
}

function readOwner(dir: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(join(dir, 'owner.json'), 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

function isStale(dir: string, owner: LockOwner | null): boolean {
  let age: number;
  try {
    age = Date.now() - statSync(dir).mtimeMs;
  } catch {
    return false; // released meanwhile: the next mkdir decides
  }
  // same host: the process decides (a long synchronous phase may delay the heartbeat); our own
  // pid on a lock we do not hold is a previous incarnation (pid 1 in a restarted container)
  if (owner && owner.host === hostname()) {
    return owner.pid === process.pid ? !held.has(resolve(dir)) : !isAlive(owner);
  }
  return age > (owner ? STALE_MS : OWNERLESS_GRACE_MS);
}

function isAlive(owner: LockOwner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const ticks = startTicks(owner.pid);
  return owner.ticks == null || ticks === null || ticks === owner.ticks;
}

/** Field 22 of /proc/PID/stat (start time since boot); null where there is no /proc. */
function startTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may hold spaces and parentheses: count from the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const value = Number(fields[19]);
    return Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
}

/** Renames the stale lock away first, so that of two runs breaking it only one succeeds. */
function breakLock(dir: string): void {
  const aside = `${dir}.stale-${process.pid}-${Date.now()}`;
  try {
    renameSync(dir, aside);
  } catch {
    return;
  }
  rmSync(aside, { recursive: true, force: true });
}

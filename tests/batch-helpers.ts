/** Shared by the batch tests: temporary corpora made from the sample page, and the built CLI. */
import { spawnSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { afterAll } from 'vitest';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');
export const cli = join(root, 'dist', 'cli.js');
export const sample = readFileSync(join(root, 'input', 'changchun-2025-lianghui.txt'), 'utf8');
export const sampleLines = sample.split('\n');

const made: string[] = [];

/** A fresh temporary folder, removed when the test file is done. */
export function tempDir(prefix = 'liang-batch-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A document that differs from the others: a slice of the sample and a line naming it. */
export function documentText(n: number, variant = 0): string {
  const start = (n * 7) % Math.max(1, sampleLines.length - 40);
  return [`第${n}号文件，版本${variant}。`, ...sampleLines.slice(start, start + 40)].join('\n') + '\n';
}

export function writeCorpus(dir: string, count: number, variant = 0): string[] {
  const paths: string[] = [];
  for (let n = 0; n < count; n++) {
    const path = join(dir, `doc-${String(n).padStart(4, '0')}.txt`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, documentText(n, variant));
    paths.push(path);
  }
  return paths;
}

export function requireBuiltCli(): void {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: build first (npx tsc -p .)`);
}

export function runCli(args: string[], options: { input?: string | Buffer } = {}) {
  requireBuiltCli();
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, input: options.input, encoding: 'buffer', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8') };
}

export function startCli(args: string[]): ChildProcess {
  requireBuiltCli();
  return spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A private copy of rules/: the shared working tree's rules may change while a test runs. */
export function snapshotRules(): string {
  const dir = join(tempDir('liang-rules-'), 'rules');
  cpSync(join(root, 'rules'), dir, { recursive: true });
  return dir;
}

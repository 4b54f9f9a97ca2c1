#!/usr/bin/env node
/**
 * Makes a corpus of report-like texts for the batch benchmarks (not committed: bench/corpus/ is
 * git-ignored). Each file is a deterministic reshuffle of the sample page's paragraphs with its
 * numbers changed, in the encodings liang reads: mostly UTF-8, some with BOM, GB18030, Big5
 * (traditional script), UTF-16 LE/BE; plus one empty and one binary file.
 *
 *   node bench/batch-corpus.mjs [DIR=bench/corpus/1000] [COUNT=1000]
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { random } from './random.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(process.argv[2] ?? join(root, 'bench', 'corpus', '1000'));
const count = Number(process.argv[3] ?? 1000);
const sample = readFileSync(join(root, 'input', 'changchun-2025-lianghui.txt'), 'utf8');
const paragraphs = sample.split(/\n/).filter((line) => line.trim());
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });


/** The text of document `n`, version `variant` (another variant changes its numbers). */
export function reportText(n, variant = 0) {
  const next = random(n * 7919 + variant * 104729 + 1);
  const start = Math.floor(next() * paragraphs.length);
  const length = 20 + Math.floor(next() * 60);
  const lines = [];
  for (let i = 0; i < length; i++) lines.push(paragraphs[(start + i) % paragraphs.length]);
  return lines.map((line) => line.replace(/\d+(\.\d+)?/g, () => String(Math.floor(next() * 9000) + 10))).join('\n') + '\n';
}

/** Bytes of document `n` in its encoding (chosen by n, so a variant keeps the encoding). */
export function reportBytes(n, variant = 0) {
  const text = reportText(n, variant);
  const kind = n % 100;
  if (kind < 4) return iconv.encode(text, 'gb18030');
  if (kind < 7) return iconv.encode(toTraditional(text), 'big5');
  if (kind < 9) return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
  if (kind < 10) return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
  if (kind < 15) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  return Buffer.from(text, 'utf8');
}

export function reportPath(dir, n) {
  return join(dir, `region-${String(n % 10).padStart(2, '0')}`, `report-${String(n).padStart(4, '0')}.txt`);
}

export function makeCorpus(dir, count, { bad = true } = {}) {
  rmSync(dir, { recursive: true, force: true });
  let bytes = 0;
  for (let n = 0; n < count; n++) {
    const path = reportPath(dir, n);
    mkdirSync(dirname(path), { recursive: true });
    const data = reportBytes(n);
    writeFileSync(path, data);
    bytes += data.length;
  }
  if (bad) {
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'scan.png'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.alloc(4096, 9)]));
  }
  return bytes;
}

/**
 * A frozen copy of the built tool (dist/, rules/, package.json) under bench/corpus/: the working
 * tree is shared, and a rebuild or a rules edit by someone else mid-benchmark would change the
 * config key (and redo everything) or break the run. Returns the copy's CLI path.
 */
export function snapshotTool(name) {
  const dir = join(root, 'bench', 'corpus', `tool-${name}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(root, 'dist'), join(dir, 'dist'), { recursive: true });
  cpSync(join(root, 'rules'), join(dir, 'rules'), { recursive: true });
  cpSync(join(root, 'assets'), join(dir, 'assets'), { recursive: true });
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  return { cli: join(dir, 'dist', 'cli.js'), dist: join(dir, 'dist') };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const bytes = makeCorpus(dir, count);
  console.log(`${count} report files (+ 1 empty, 1 binary), ${(bytes / 1024 / 1024).toFixed(1)} MB → ${dir}`);
}

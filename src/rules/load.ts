/**
 * Reads and validates `rules/`. Every problem is reported at once, each naming the file, the
 * line, the entry and what to fix; nothing re-reads the rules after this.
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import { ruleFiles, type RuleFileName, type Rules } from './schema.js';
import { checkRules } from './check.js';
import { deepFreeze } from './freeze.js';
import { checkUserDict, userDictPathIn } from './userdict.js';

/** The `rules/` folder shipped with liang (next to `dist/` and `src/`). */
export const defaultRulesDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'rules');

/** One problem in one rules file. */
export interface RuleProblem {
  file: string;
  line: number;
  /** The entry, as a path into the file: `[3].forms[0]`. */
  entry: string;
  message: string;
}

export class RulesError extends Error {
  constructor(readonly problems: RuleProblem[]) {
    super(
      'invalid rules:\n' +
        problems.map((p) => `  ${p.file}:${p.line}: ${p.entry ? p.entry + ': ' : ''}${p.message}`).join('\n'),
    );
    this.name = 'RulesError';
  }
}

/** Loads, validates, cross-checks and freezes every rules file in `dir`. Throws `RulesError`. */
export function loadRules(dir: string = defaultRulesDir): Rules {
  const problems: RuleProblem[] = [];
  const hash = createHash('sha256');
  const data: Record<string, unknown> = {};

  for (const file of Object.keys(ruleFiles).sort() as RuleFileName[]) {
    const path = join(dir, file);
    if (!existsSync(path)) {
      problems.push({ file, line: 0, entry: '', message: `missing: liang needs ${path}` });
      continue;
    }
    const text = readFileSync(path, 'utf8');
    hashRulesFile(hash, file, text);
    const parsed = parseYaml(file, text, ruleFiles[file], problems);
    if (parsed !== undefined) data[file] = parsed;
  }

  const userDictPath = userDictPathIn(dir);
  if (userDictPath !== null) {
    const text = readFileSync(userDictPath, 'utf8');
    hashUserDict(hash, text);
    problems.push(...checkUserDict(text));
  }

  if (problems.length === 0) problems.push(...checkRules(data as Omit<Rules, 'userDictPath' | 'hash' | 'dir'>));
  if (problems.length > 0) throw new RulesError(problems);

  return deepFreeze({ ...data, userDictPath, hash: hash.digest('hex'), dir: resolve(dir) }) as Rules;
}

/**
 * Throws when the rules in `rules.dir` are no longer the ones loaded: a worker's jieba reads the
 * user dictionary from disk, and the manifest names the rules every thread used.
 */
export function assertRulesUnchanged(rules: Pick<Rules, 'dir' | 'hash'>): void {
  if (rulesHashOnDisk(rules.dir) !== rules.hash) {
    throw new Error(`the rules in ${rules.dir} changed while liang was running; run it again`);
  }
}

/**
 * The hash `loadRules(dir).hash` would give the files in `dir` now, read without parsing them:
 * lets a run check, before it commits, that the rules it recorded are still the ones on disk.
 */
export function rulesHashOnDisk(dir: string): string {
  const hash = createHash('sha256');
  for (const file of Object.keys(ruleFiles).sort()) {
    const path = join(dir, file);
    if (existsSync(path)) hashRulesFile(hash, file, readFileSync(path, 'utf8'));
  }
  const userDict = join(dir, 'userdict.txt');
  if (existsSync(userDict)) hashUserDict(hash, readFileSync(userDict, 'utf8'));
  return hash.digest('hex');
}

function hashRulesFile(hash: Hash, file: string, text: string): void {
  hash.update(file).update('\0').update(text).update('\0');
}

function hashUserDict(hash: Hash, text: string): void {
  hash.update('userdict.txt').update('\0').update(text);
}

/** Parses one YAML file and validates it; problems carry the line of the offending entry. */
export function parseYaml(
  file: string,
  text: string,
  schema: z.ZodType,
  problems: RuleProblem[],
): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      problems.push({
        file,
        line: lineCounter.linePos(error.pos[0]).line,
        entry: '',
        message: `not valid YAML: ${error.message.split('\n')[0]}`,
      });
    }
    return undefined;
  }
  const value = doc.toJS();
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path as (string | number)[];
    // the deepest node that exists gives the line (a missing key points at its parent entry)
    let line = 0;
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) {
        line = lineCounter.linePos(node.range[0]).line;
        break;
      }
    }
    const entryNode = doc.getIn(path.slice(0, Math.min(path.length, 1)), true);
    const entryValue = isNode(entryNode) ? entryNode.toJSON() : entryNode;
    problems.push({
      file,
      line,
      entry: formatPath(path) + describeEntry(entryValue),
      message: issue.message,
    });
  }
  return undefined;
}

function formatPath(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function describeEntry(value: unknown): string {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const first = Object.values(value as Record<string, unknown>).find((v) => typeof v === 'string');
    if (typeof first === 'string') return ` (${first})`;
  }
  return '';
}

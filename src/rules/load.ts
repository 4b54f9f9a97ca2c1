/**
 * Reads and validates `rules/`. Every problem is reported at once, each naming the file, the
 * line, the entry and what to fix; nothing re-reads the rules after this.
 */
import { join, resolve } from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import { ruleFiles, type Rules } from './schema.js';
import { checkRules } from './check.js';
import { deepFreeze } from './freeze.js';
import { checkUserDict } from './userdict.js';
import { readRulesSource, RULE_FILE_NAMES, RulesError, defaultRulesDir, USER_DICT, type RuleProblem, type RulesSource } from './files.js';

// kept here too: library callers import them from load.js
export { RulesError, defaultRulesDir, assertRulesUnchanged, rulesHashOnDisk, type RuleProblem } from './files.js';

/** Loads, validates, cross-checks and freezes every rules file in `dir`. Throws `RulesError`. */
export function loadRules(dir: string = defaultRulesDir): Rules {
  return rulesFromSource(dir, readRulesSource(dir));
}

/** `loadRules` of the files of `dir` as `source` holds them (read once by the caller). */
export function rulesFromSource(dir: string, source: RulesSource): Rules {
  const problems: RuleProblem[] = [];
  const data: Record<string, unknown> = {};

  for (const file of RULE_FILE_NAMES) {
    const text = source.texts[file];
    if (text === undefined) {
      problems.push({ file, line: 0, entry: '', message: `missing: liang needs ${join(dir, file)}` });
      continue;
    }
    const parsed = parseYaml(file, text, ruleFiles[file], problems);
    if (parsed !== undefined) data[file] = parsed;
  }

  const userDictPath = source.userDict === null ? null : resolve(join(dir, USER_DICT));
  if (source.userDict !== null) problems.push(...checkUserDict(source.userDict));

  if (problems.length === 0) problems.push(...checkRules(data as Omit<Rules, 'userDictPath' | 'hash' | 'dir'>));
  if (problems.length > 0) throw new RulesError(problems);

  return deepFreeze({ ...data, userDictPath, hash: source.hash, dir: resolve(dir) }) as Rules;
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

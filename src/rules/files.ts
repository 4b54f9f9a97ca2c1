/**
 * The files of a rules folder, their hash and the rules' errors, without the YAML parser or the
 * schemas (importing `yaml`, `zod` and the schemas costs ~0.25 CPU s): a run whose rules come from
 * the cache (cache.ts), a worker thread and the command line need only this.
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `rules/` folder shipped with liang (next to `dist/` and `src/`). */
export const defaultRulesDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'rules');

/**
 * Every YAML file of a rules folder, in the order they are hashed. schema.ts holds one schema per
 * name and fails to compile when its files and these differ.
 */
export const RULE_FILE_NAMES = [
  'changes.yaml',
  'classifiers.yaml',
  'english-bounds.yaml',
  'english-changes.yaml',
  'english-modality.yaml',
  'english-not-quantities.yaml',
  'english-subjects.yaml',
  'english-units.yaml',
  'furniture.yaml',
  'html.yaml',
  'magnitudes.yaml',
  'modality.yaml',
  'not-quantities.yaml',
  'ocr-digits.yaml',
  'ocr-fixes.yaml',
  'ocr-percent.yaml',
  'paragraph-openers.yaml',
  'periods.yaml',
  'qualifiers.yaml',
  'subjects.yaml',
  'units.yaml',
] as const;

export type RuleFileNameListed = (typeof RULE_FILE_NAMES)[number];

/** html.yaml's keys: what a tag does (ends a paragraph, ends a line, becomes a space, goes, or goes with its body). */
export const HTML_TAG_ROLES = ['paragraph', 'line', 'cell', 'inline', 'hidden'] as const;
export type HtmlTagRole = (typeof HTML_TAG_ROLES)[number];

/** jieba's user dictionary in a rules folder (read by jieba itself, checked by userdict.ts). */
export const USER_DICT = 'userdict.txt';

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

/** The text of every file of a rules folder, as read once, and their hash. */
export interface RulesSource {
  /** Each YAML file's text; absent when the file is missing. */
  texts: Partial<Record<RuleFileNameListed, string>>;
  /** `userdict.txt`'s text, null when the folder has none. */
  userDict: string | null;
  /** SHA-256 over every file's name and bytes: `Rules.hash`. */
  hash: string;
}

/** Reads every rules file of `dir` once (a missing one is left out of `texts`) and hashes them. */
export function readRulesSource(dir: string): RulesSource {
  const hash = createHash('sha256');
  const texts: Partial<Record<RuleFileNameListed, string>> = {};
  for (const file of RULE_FILE_NAMES) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    texts[file] = text;
    hashRulesFile(hash, file, text);
  }
  const userDictFile = join(dir, USER_DICT);
  const userDict = existsSync(userDictFile) ? readFileSync(userDictFile, 'utf8') : null;
  if (userDict !== null) hashUserDict(hash, userDict);
  return { texts, userDict, hash: hash.digest('hex') };
}

/**
 * The hash `loadRules(dir).hash` would give the files in `dir` now, read without parsing them:
 * lets a run check, before it commits, that the rules it recorded are still the ones on disk.
 */
export function rulesHashOnDisk(dir: string): string {
  return readRulesSource(dir).hash;
}

/**
 * Throws when the rules in `rules.dir` are no longer the ones loaded: a worker's jieba reads the
 * user dictionary from disk, and the manifest names the rules every thread used.
 */
export function assertRulesUnchanged(rules: { readonly dir: string; readonly hash: string }): void {
  if (rulesHashOnDisk(rules.dir) !== rules.hash) {
    throw new Error(`the rules in ${rules.dir} changed while liang was running; run it again`);
  }
}

function hashRulesFile(hash: Hash, file: string, text: string): void {
  hash.update(file).update('\0').update(text).update('\0');
}

function hashUserDict(hash: Hash, text: string): void {
  hash.update(USER_DICT).update('\0').update(text);
}

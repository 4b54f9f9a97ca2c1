/**
 * The user dictionary of a rules folder (`userdict.txt`, read by jieba itself): where it is and
 * whether jieba may read it. Kept apart from load.ts (no YAML parser, no schemas) so that a batch
 * worker can load jieba with it while the main thread is still loading the rest of the rules.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RuleProblem } from './files.js';

/** The absolute path of `dir`'s user dictionary, or null when it has none (jieba's own is used). */
export function userDictPathIn(dir: string): string | null {
  const path = join(dir, 'userdict.txt');
  return existsSync(path) ? resolve(path) : null;
}

/** jieba's user dictionary: `word [freq] [tag]` per line; jieba has no comment syntax. */
export function checkUserDict(text: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  text.split('\n').forEach((line, index) => {
    const fields = line.trim().split(/\s+/).filter(Boolean);
    if (fields.length === 0) return;
    const [word, second, third] = fields;
    const problem = (message: string) =>
      problems.push({ file: 'userdict.txt', line: index + 1, entry: word ?? '', message });
    if (word!.startsWith('#')) problem('jieba has no comments: it would read this line as a word');
    else if (fields.length > 3) problem('too many fields: write "word [frequency] [tag]"');
    else if (fields.length === 3 && !/^\d+$/.test(second!)) problem(`frequency must be a whole number, got "${second}"`);
    else if (fields.length === 3 && !/^[a-z]+$/.test(third!)) problem(`tag must be a jieba POS tag such as n or nz, got "${third}"`);
    else if (fields.length === 2 && !/^(\d+|[a-z]+)$/.test(second!))
      problem(`second field must be a frequency or a POS tag, got "${second}"`);
  });
  return problems;
}

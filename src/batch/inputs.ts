/**
 * Expands the PATH arguments of `liang run` into input files with their document ids.
 * A file's id is its path relative to the folder argument (or its file name), without extension.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';

export interface InputFile {
  id: string;
  path: string;
}

export class UsageError extends Error {}

export function expandInputs(paths: readonly string[]): InputFile[] {
  const inputs: InputFile[] = [];
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      throw new UsageError(`no such file or folder: ${path}`);
    }
    if (stats.isDirectory()) {
      for (const file of walk(path)) inputs.push({ id: withoutExtension(relative(path, file)), path: file });
    } else {
      inputs.push({ id: withoutExtension(basename(path)), path });
    }
  }
  const seen = new Map<string, string>();
  for (const input of inputs) {
    const before = seen.get(input.id);
    if (before && before !== input.path) {
      throw new UsageError(`two inputs would share the document id "${input.id}": ${before} and ${input.path}`);
    }
    seen.set(input.id, input.path);
  }
  return [...new Map(inputs.map((i) => [i.id, i])).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function withoutExtension(path: string): string {
  const extension = extname(path);
  return (extension ? path.slice(0, -extension.length) : path).split(sep).join('/');
}

/** Regular files below `folder`, hidden files and folders left out, in a stable order. */
function walk(folder: string): string[] {
  const files: string[] = [];
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...walk(path));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

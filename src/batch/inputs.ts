/**
 * Expands the PATH arguments of `liang run` into input files with their document ids.
 * A file's id is its path relative to the folder argument (or its file name), without extension,
 * with `/` as separator. `--include`/`--exclude` globs filter the files found in folders (a
 * pattern without `/` matches the file name at any depth); files named on the command line are
 * always taken.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

export interface InputFile {
  id: string;
  path: string;
}

/** A mistake in the command line or its arguments: exit code 2. */
export class UsageError extends Error {}

export interface ExpandOptions {
  include?: readonly string[];
  exclude?: readonly string[];
  /** Folders never read (the output folder, when it lies inside an input folder). */
  skip?: readonly string[];
}

/** Files and folders → inputs sorted by id. Throws `UsageError` for a missing path or an id clash. */
export function expandInputs(paths: readonly string[], options: ExpandOptions = {}): InputFile[] {
  const included = matcher(options.include, true);
  const excluded = matcher(options.exclude, false);
  const inputs: InputFile[] = [];
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      throw new UsageError(`no such file or folder: ${path}`);
    }
    if (stats.isDirectory()) {
      const skip = new Set((options.skip ?? []).map((folder) => realOrResolved(folder)));
      for (const file of walk(path, skip, new Set())) {
        const rel = relative(path, file).split(sep).join('/');
        if (included(rel) && !excluded(rel)) inputs.push({ id: withoutExtension(rel), path: file });
      }
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
  return [...new Map(inputs.map((i) => [i.id, i])).values()].sort((a, b) => compareIds(a.id, b.id));
}

/** Code-unit order of ids: the same on every machine and locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function matcher(patterns: readonly string[] | undefined, empty: boolean): (path: string) => boolean {
  if (!patterns || patterns.length === 0) return () => empty;
  const tests = patterns.map((pattern) => picomatch(pattern, { dot: false, basename: !pattern.includes('/') }));
  return (path) => tests.some((test) => test(path));
}

function withoutExtension(path: string): string {
  const extension = extname(path);
  return (extension ? path.slice(0, -extension.length) : path).split(sep).join('/');
}

/**
 * Regular files below `folder`, hidden files and folders left out, in a stable order. Links are
 * followed, each real folder once (a link cycle ends there); folders in `skip` are left out.
 */
function walk(folder: string, skip: Set<string>, seen: Set<string>): string[] {
  const real = realOrResolved(folder);
  if (skip.has(real) || seen.has(real)) return [];
  seen.add(real);
  const files: string[] = [];
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => compareIds(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...walk(path, skip, seen));
    else if (entry.isFile()) files.push(path);
    else if (entry.isSymbolicLink()) {
      try {
        const target = statSync(path);
        if (target.isFile()) files.push(path);
        else if (target.isDirectory()) files.push(...walk(path, skip, seen));
      } catch {
        files.push(path); // a dangling link: reading it fails and becomes an error row
      }
    }
  }
  return files;
}

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

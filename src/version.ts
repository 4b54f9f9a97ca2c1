/**
 * The tool's version, read from package.json once, and the build it runs: the manifest's rerun
 * decisions key on `buildVersion()`, so a rerun after the code changed (a `git pull`, a patched
 * rule mechanism) redoes every document even where package.json still says the same version.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export const version: string = manifest.version;

let build: string | undefined;

/**
 * `0.1.0+1a2b3c4d`: the version and the first 8 hex digits of a SHA-256 over the code that runs
 * (every `.js` file under `dist/`, or every `.ts` under `src/` when run from source), in path order.
 * Reading and hashing the ~2 MB of `dist/` takes a few milliseconds, once per run.
 */
export function buildVersion(): string {
  if (build !== undefined) return build;
  const root = dirname(fileURLToPath(import.meta.url));
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const files = listFiles(root).filter((file) => file.endsWith(extension) && !file.endsWith('.d.ts')).sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  build = `${version}+${hash.digest('hex').slice(0, 8)}`;
  return build;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : entry.isFile() ? [join(dir, entry.name)] : [],
  );
}

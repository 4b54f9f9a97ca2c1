/**
 * The rules of `liang run`, parsed and validated once per content: loading `rules/` (YAML parsing,
 * the schemas, the cross-checks, and importing `yaml` and `zod`) costs ~1.2 CPU s on the thread
 * that starts the run, where reading and hashing the files costs ~0.01 s. The validated rules
 * are kept in a cache folder as V8's serialisation (what a worker thread receives anyway: a
 * structured clone), one file per key.
 *
 * The key is everything the loaded rules depend on: the SHA-256 of every rules file's name and
 * bytes (`Rules.hash`, userdict.txt included), the build (`buildVersion()`: every compiled file
 * of liang, so a changed schema or check is a new key), the versions of `yaml` and `zod`, and
 * Node's (V8's serialisation format). Only rules that passed every check are stored, so a rules
 * error is always reported from the files themselves. A missing, unreadable or damaged cache
 * file is a miss, and a cache folder that cannot be written is no cache: the rules are loaded
 * as without one.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { buildVersion } from '../version.js';
import { deepFreeze } from './freeze.js';
import { readRulesSource, RULE_FILE_NAMES, USER_DICT, type RulesSource } from './files.js';
import type { Rules } from './schema.js';

/** Raised when what a cache file holds changes shape. */
const CACHE_FORMAT = 1;

/** Cache files kept per folder (one per rules folder and build in use); the oldest go first. */
const KEEP = 8;

/**
 * Where `liang run` keeps its cache: `$LIANG_CACHE_DIR`, else `$XDG_CACHE_HOME/liang`, else
 * `~/.cache/liang`. `LIANG_CACHE_DIR` set to the empty string turns the cache off (null).
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const own = env.LIANG_CACHE_DIR;
  if (own !== undefined) return own === '' ? null : resolve(own);
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return resolve(base, 'liang');
}

/**
 * `loadRules(dir)`, through the cache in `cacheDir` (none when null). The YAML parser and the
 * schemas are imported only on a miss.
 */
export async function loadRulesCached(dir: string, cacheDir: string | null): Promise<Rules> {
  const source = readRulesSource(dir);
  const key = cacheDir === null ? null : rulesCacheKey(source.hash);
  if (cacheDir !== null && key !== null && RULE_FILE_NAMES.every((file) => source.texts[file] !== undefined)) {
    const data = readCached(cacheDir, key);
    if (data !== undefined) return withPlace(data, dir, source);
  }
  const { rulesFromSource } = await import('./load.js');
  const rules = rulesFromSource(dir, source); // throws RulesError: nothing is stored
  if (cacheDir !== null && key !== null) writeCached(cacheDir, key, rules);
  return rules;
}

/** The cache key of rules whose files hash to `rulesHash`, under this build and this Node. */
export function rulesCacheKey(rulesHash: string, parts: { build?: string; node?: string; libraries?: string } = {}): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        'liang-rules-cache',
        CACHE_FORMAT,
        rulesHash,
        parts.build ?? buildVersion(),
        parts.node ?? `${process.version} ${process.arch}`,
        parts.libraries ?? libraryVersions(),
      ]),
    )
    .digest('hex');
}

/** The cache file of `key` in `cacheDir`. */
export function rulesCachePath(cacheDir: string, key: string): string {
  return join(cacheDir, `rules-${key}.v8`);
}

let libraries: string | undefined;

/** The versions of the YAML parser and the schema library, which shape what is loaded. */
function libraryVersions(): string {
  if (libraries !== undefined) return libraries;
  const require = createRequire(import.meta.url);
  const versionOf = (name: string) => {
    try {
      return String((require(`${name}/package.json`) as { version?: unknown }).version);
    } catch {
      return 'unknown';
    }
  };
  return (libraries = `yaml ${versionOf('yaml')} zod ${versionOf('zod')}`);
}

/** What is stored: the key, then each rules file's validated content. */
interface Stored {
  key: string;
  data: Record<string, unknown>;
}

function readCached(cacheDir: string, key: string): Record<string, unknown> | undefined {
  let stored: Stored;
  try {
    stored = deserialize(readFileSync(rulesCachePath(cacheDir, key))) as Stored;
  } catch {
    return undefined; // missing, unreadable, or not V8's serialisation
  }
  if (stored?.key !== key || typeof stored.data !== 'object' || stored.data === null) return undefined;
  for (const file of RULE_FILE_NAMES) if (!(file in stored.data)) return undefined;
  return stored.data;
}

/** The rules of `data` as `loadRules(dir)` gives them: the folder's own paths, frozen. */
function withPlace(data: Record<string, unknown>, dir: string, source: RulesSource): Rules {
  const userDictPath = source.userDict === null ? null : resolve(join(dir, USER_DICT));
  return deepFreeze({ ...data, userDictPath, hash: source.hash, dir: resolve(dir) }) as Rules;
}

/** Stores `rules` under `key` (whole or not at all: a temporary file renamed); never throws. */
function writeCached(cacheDir: string, key: string, rules: Rules): void {
  const data: Record<string, unknown> = {};
  for (const file of RULE_FILE_NAMES) data[file] = rules[file];
  const path = rulesCachePath(cacheDir, key);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(temporary, serialize({ key, data } satisfies Stored));
    renameSync(temporary, path);
    prune(cacheDir, path);
  } catch {
    // a cache that cannot be written is no cache
    try {
      rmSync(temporary, { force: true });
    } catch {
      // nothing was written
    }
  }
}

/** Removes all but the `KEEP` newest rules cache files, and temporaries of killed runs. */
function prune(cacheDir: string, keep: string): void {
  const files = readdirSync(cacheDir)
    .filter((name) => name.startsWith('rules-') && join(cacheDir, name) !== keep)
    .map((name) => {
      const path = join(cacheDir, name);
      try {
        return { path, time: statSync(path).mtimeMs };
      } catch {
        return { path, time: 0 };
      }
    })
    .sort((a, b) => b.time - a.time || (a.path < b.path ? -1 : 1));
  let kept = 1; // `keep` itself
  for (const file of files) {
    // a temporary younger than a minute may be another run's, still being written
    const stale = file.path.endsWith('.tmp') ? Date.now() - file.time > 60_000 : ++kept > KEEP;
    if (stale) rmSync(file.path, { force: true });
  }
}

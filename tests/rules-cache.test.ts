import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { defaultCacheDir, loadRulesCached, rulesCacheKey, rulesCachePath } from '../src/rules/cache.js';
import { defaultRulesDir, HTML_TAG_ROLES as listedRoles, RULE_FILE_NAMES, rulesHashOnDisk } from '../src/rules/files.js';
import { loadRules, RulesError } from '../src/rules/load.js';
import { HTML_TAG_ROLES, ruleFiles } from '../src/rules/schema.js';

/** A copy of the shipped rules, and an empty cache folder. */
function fresh(): { dir: string; cache: string } {
  const dir = mkdtempSync(join(tmpdir(), 'liang-rules-'));
  cpSync(defaultRulesDir, dir, { recursive: true });
  return { dir, cache: mkdtempSync(join(tmpdir(), 'liang-rules-cache-')) };
}

const cacheFiles = (cache: string) => readdirSync(cache).filter((name) => name.endsWith('.v8'));

describe('rules: the cache', () => {
  it('lists the files the schemas validate, in the order they are hashed', () => {
    expect([...RULE_FILE_NAMES]).toEqual(Object.keys(ruleFiles).sort());
    expect(listedRoles).toBe(HTML_TAG_ROLES);
  });

  it('gives what loadRules gives, frozen, whether it misses or hits', async () => {
    const { dir, cache } = fresh();
    const expected = loadRules(dir);
    const missed = await loadRulesCached(dir, cache);
    expect(cacheFiles(cache)).toHaveLength(1);
    const hit = await loadRulesCached(dir, cache);
    for (const rules of [missed, hit]) {
      expect(isDeepStrictEqual(rules, expected)).toBe(true);
      expect(Object.isFrozen(rules)).toBe(true);
      expect(Object.isFrozen(rules['units.yaml'][0])).toBe(true);
      expect(rules.hash).toBe(rulesHashOnDisk(dir));
      expect(rules.userDictPath).toBe(resolve(dir, 'userdict.txt'));
    }
  });

  it('a second load is read from the cache file', async () => {
    const { dir, cache } = fresh();
    await loadRulesCached(dir, cache);
    // what the cache holds is what comes back: plant a marker in the stored units
    const path = join(cache, cacheFiles(cache)[0]!);
    const stored = deserialize(readFileSync(path)) as { key: string; data: Record<string, unknown[]> };
    stored.data['units.yaml'] = [{ unit: 'marker', kind: 'count', forms: ['marker'] }];
    writeFileSync(path, serialize(stored));
    const rules = await loadRulesCached(dir, cache);
    expect(rules['units.yaml']).toEqual([{ unit: 'marker', kind: 'count', forms: ['marker'] }]);
  });

  it('is never stale: an edit to any rules file or to the user dictionary is loaded', async () => {
    const { dir, cache } = fresh();
    const before = await loadRulesCached(dir, cache);
    const units = readFileSync(join(dir, 'units.yaml'), 'utf8');
    writeFileSync(join(dir, 'units.yaml'), units + '\n- unit: 测试单位\n  kind: count\n');
    const edited = await loadRulesCached(dir, cache);
    expect(edited.hash).not.toBe(before.hash);
    expect(edited['units.yaml'].some((entry) => entry.unit === '测试单位')).toBe(true);
    expect(isDeepStrictEqual(edited, loadRules(dir))).toBe(true);

    writeFileSync(join(dir, 'userdict.txt'), readFileSync(join(dir, 'userdict.txt'), 'utf8') + '测试词 5 n\n');
    const withWord = await loadRulesCached(dir, cache);
    expect(withWord.hash).toBe(rulesHashOnDisk(dir));
    expect(withWord.hash).not.toBe(edited.hash);

    // and back: the first rules come from the cache again, unchanged
    writeFileSync(join(dir, 'units.yaml'), units);
    writeFileSync(join(dir, 'userdict.txt'), readFileSync(join(defaultRulesDir, 'userdict.txt')));
    expect(isDeepStrictEqual(await loadRulesCached(dir, cache), before)).toBe(true);
  });

  it('keys on the build, on Node and on the libraries as well as on the rules', () => {
    const parts = { build: '0.1.0+aaaaaaaa', node: 'v20.0.0 x64', libraries: 'yaml 2 zod 4' };
    const key = rulesCacheKey('0'.repeat(64), parts);
    expect(rulesCacheKey('1'.repeat(64), parts)).not.toBe(key);
    expect(rulesCacheKey('0'.repeat(64), { ...parts, build: '0.1.0+bbbbbbbb' })).not.toBe(key);
    expect(rulesCacheKey('0'.repeat(64), { ...parts, node: 'v22.0.0 x64' })).not.toBe(key);
    expect(rulesCacheKey('0'.repeat(64), { ...parts, libraries: 'yaml 3 zod 4' })).not.toBe(key);
    expect(rulesCacheKey('0'.repeat(64), parts)).toBe(key);
  });

  it('never stores rules with a problem, and reports them as loadRules does', async () => {
    const { dir, cache } = fresh();
    writeFileSync(join(dir, 'magnitudes.yaml'), '- form: 万\n  power: 99\n');
    await expect(loadRulesCached(dir, cache)).rejects.toBeInstanceOf(RulesError);
    expect(cacheFiles(cache)).toHaveLength(0);
  });

  it('a damaged cache file is a miss, and is replaced', async () => {
    const { dir, cache } = fresh();
    const expected = loadRules(dir);
    const path = rulesCachePath(cache, rulesCacheKey(expected.hash));
    writeFileSync(path, 'not a serialisation');
    expect(isDeepStrictEqual(await loadRulesCached(dir, cache), expected)).toBe(true);
    expect(isDeepStrictEqual(await loadRulesCached(dir, cache), expected)).toBe(true);
    expect(readFileSync(path).toString('latin1')).not.toBe('not a serialisation');
  });

  it('a cache folder that cannot be written is no cache', async () => {
    const { dir, cache } = fresh();
    const blocked = join(cache, 'file');
    writeFileSync(blocked, '');
    const rules = await loadRulesCached(dir, join(blocked, 'sub'));
    expect(isDeepStrictEqual(rules, loadRules(dir))).toBe(true);
  });

  it('keeps a few files per folder', async () => {
    const { dir, cache } = fresh();
    const units = readFileSync(join(dir, 'units.yaml'), 'utf8');
    for (let i = 0; i < 10; i++) {
      writeFileSync(join(dir, 'units.yaml'), units + `\n# edit ${i}\n`);
      await loadRulesCached(dir, cache);
    }
    expect(cacheFiles(cache).length).toBeLessThanOrEqual(8);
    expect(existsSync(rulesCachePath(cache, rulesCacheKey(rulesHashOnDisk(dir))))).toBe(true);
  });

  it('lives in LIANG_CACHE_DIR, else XDG_CACHE_HOME/liang, else ~/.cache/liang; an empty LIANG_CACHE_DIR turns it off', () => {
    expect(defaultCacheDir({ LIANG_CACHE_DIR: '/x/c' })).toBe(resolve('/x/c'));
    expect(defaultCacheDir({ LIANG_CACHE_DIR: '' })).toBeNull();
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x/xdg' })).toBe(resolve('/x/xdg/liang'));
    expect(defaultCacheDir({})).toMatch(/[/\\]\.cache[/\\]liang$/);
  });

  it('liang run uses it, and a rules edit between two runs is in the second run\'s output', () => {
    const { dir, cache } = fresh();
    const input = mkdtempSync(join(tmpdir(), 'liang-rules-cache-in-'));
    const out = join(input, 'out');
    mkdirSync(join(input, 'in'));
    writeFileSync(join(input, 'in', 'a.txt'), '今年全市共投放了12嘎嘎，比上年增长3%。\n');
    const run = () => {
      const result = spawnSync('node', ['dist/cli.js', 'run', join(input, 'in'), '--out', out, '--rules', dir, '--jobs', '1', '--quiet'], {
        env: { ...process.env, LIANG_CACHE_DIR: cache },
        encoding: 'utf8',
      });
      expect(result.status, result.stderr).toBe(0);
      return readFileSync(join(out, 'quantities.csv'), 'utf8');
    };
    expect(run()).not.toContain(',12嘎嘎,12,');
    expect(cacheFiles(cache)).toHaveLength(1);
    appendFileSync(join(dir, 'units.yaml'), '\n- unit: 嘎嘎\n  kind: count\n');
    expect(run()).toContain('12嘎嘎,12,,嘎嘎,嘎嘎');
    expect(cacheFiles(cache)).toHaveLength(2);
  });
});

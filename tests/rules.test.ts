import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPattern } from '../src/rules/check.js';
import { defaultRulesDir, loadRules, RulesError, rulesHashOnDisk } from '../src/rules/load.js';
import { ruleFiles } from '../src/rules/schema.js';

/** A copy of the shipped rules with one file replaced. */
function rulesWith(file: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'liang-rules-'));
  cpSync(defaultRulesDir, dir, { recursive: true });
  writeFileSync(join(dir, file), content);
  return dir;
}

function problemsOf(dir: string) {
  try {
    loadRules(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(RulesError);
    return (error as RulesError).problems;
  }
  throw new Error('expected the rules to be rejected');
}

describe('rules: loading', () => {
  it('loads the shipped rules, frozen, with a stable hash', () => {
    const rules = loadRules();
    expect(Object.isFrozen(rules)).toBe(true);
    expect(rules['units.yaml'].length).toBeGreaterThan(10);
    expect(rules.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(loadRules().hash).toBe(rules.hash);
  });

  it('a change to any rules file changes the hash', () => {
    const before = loadRules().hash;
    const original = readFileSync(join(defaultRulesDir, 'units.yaml'), 'utf8');
    const dir = rulesWith('units.yaml', original + '\n# a comment\n');
    expect(loadRules(dir).hash).not.toBe(before);
  });

  it('rulesHashOnDisk gives the hash loadRules gives, and sees a changed user dictionary', () => {
    expect(rulesHashOnDisk(defaultRulesDir)).toBe(loadRules().hash);
    const original = readFileSync(join(defaultRulesDir, 'userdict.txt'), 'utf8');
    const dir = rulesWith('userdict.txt', original + '测试词 3 n\n');
    expect(rulesHashOnDisk(dir)).toBe(loadRules(dir).hash);
    expect(rulesHashOnDisk(dir)).not.toBe(loadRules().hash);
  });

  it('broken YAML names the file and the line', () => {
    const dir = rulesWith('magnitudes.yaml', '- {form: 万, power: 4}\n- form: 亿\n   power: 8\n- {form: 千, power: 3}\n');
    const [problem] = problemsOf(dir);
    expect(problem!.file).toBe('magnitudes.yaml');
    expect(problem!.line).toBe(2);
    expect(problem!.message).toMatch(/YAML/);
  });

  it('an entry of the wrong shape names the file, the line and the entry', () => {
    const dir = rulesWith('magnitudes.yaml', '- {form: 万, power: 4}\n- {form: 亿, power: eight}\n');
    const [problem] = problemsOf(dir);
    expect(problem).toMatchObject({ file: 'magnitudes.yaml', line: 2 });
    expect(problem!.entry).toContain('[1].power');
    expect(problem!.entry).toContain('亿');
  });

  it('an unknown kind is rejected with the allowed values', () => {
    const dir = rulesWith('units.yaml', '- unit: 元\n  kind: cash\n');
    const [problem] = problemsOf(dir);
    expect(problem).toMatchObject({ file: 'units.yaml', line: 2 });
    expect(problem!.message).toMatch(/money/);
  });

  it('a unit entry with factor must list its forms, and they may not repeat another entry\'s', () => {
    const original = readFileSync(join(defaultRulesDir, 'units.yaml'), 'utf8');
    const bare = problemsOf(rulesWith('units.yaml', original + '\n- {unit: "%", kind: percent, factor: 10}\n'));
    expect(bare.map((p) => p.message).join('\n')).toMatch(/factor must list its forms/);
    const twice = problemsOf(rulesWith('units.yaml', original + '\n- {unit: "%", kind: percent, forms: [成数], factor: 10}\n- {unit: 成数, kind: percent}\n'));
    expect(twice.map((p) => p.message).join('\n')).toMatch(/form "成数" is also declared/);
  });

  it('the error message lists every problem as file:line', () => {
    const dir = rulesWith('magnitudes.yaml', '- {form: 万, power: 40}\n- {form: "", power: 8}\n');
    expect(() => loadRules(dir)).toThrow(/magnitudes\.yaml:1: .*\n.*magnitudes\.yaml:2:/);
  });

  it('a missing rules file is named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'liang-rules-'));
    const problems = problemsOf(dir);
    expect(problems.map((p) => p.file)).toContain('units.yaml');
  });

  it('a bad jieba user dictionary line is named with its line', () => {
    const dir = rulesWith('userdict.txt', '规上工业增加值 1000 n\n新质生产力 many n\n');
    const [problem] = problemsOf(dir);
    expect(problem).toMatchObject({ file: 'userdict.txt', line: 2, entry: '新质生产力' });
  });
});

describe('rules: patterns are linear-time safe', () => {
  it.each([
    ['^\\d{4}年$', null],
    ['^第', null],
    ['(a+)+$', /nest/],
    ['(\\d*)*x', /nest/],
    ['(ab)\\1', /back-reference/],
    ['(unclosed', /valid regular expression/],
  ])('checkPattern(%s)', (pattern, expected) => {
    const result = checkPattern(pattern);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toMatch(expected);
  });
});

describe('rules: the folder and its README agree', () => {
  const readme = readFileSync(join(defaultRulesDir, 'README.md'), 'utf8');
  const headings = readme
    .split('\n')
    .filter((line) => line.startsWith('## '))
    .flatMap((line) => line.slice(3).split(', '));
  const known = [...Object.keys(ruleFiles), 'userdict.txt', 'README.md'];

  it.each([...Object.keys(ruleFiles), 'userdict.txt'])('%s has a section in rules/README.md', (file) => {
    expect(headings).toContain(file);
  });

  it('every file in rules/ is one the loader validates', () => {
    expect(readdirSync(defaultRulesDir).filter((file) => !known.includes(file))).toEqual([]);
  });
});

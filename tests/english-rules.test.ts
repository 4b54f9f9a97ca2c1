import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRulesDir, loadRules, RulesError } from '../src/rules/load.js';
import { createPipeline, processText } from '../src/pipeline.js';

function rulesWith(file: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'liang-en-rules-'));
  cpSync(defaultRulesDir, dir, { recursive: true });
  writeFileSync(join(dir, file), content);
  return dir;
}

describe('english rules: loading', () => {
  it('loads the shipped english-*.yaml files', () => {
    const rules = loadRules();
    expect(rules['english-units.yaml'].units.some((u) => u.unit === '元' && u.forms.includes('yuan'))).toBe(true);
    expect(rules['english-bounds.yaml'].before.length).toBeGreaterThan(5);
    expect(rules['english-changes.yaml'].increase.length).toBeGreaterThan(5);
    expect(rules['english-not-quantities.yaml'].names.some((n) => n.text === 'Five-Year Plan')).toBe(true);
  });

  it('a bad english entry is reported with file, line and entry', () => {
    const dir = rulesWith('english-units.yaml', 'units:\n  - {unit: 元, kind: cash, forms: [yuan]}\nmagnitudes: []\nmultiples: []\n');
    try {
      loadRules(dir);
      throw new Error('expected the rules to be rejected');
    } catch (error) {
      expect(error).toBeInstanceOf(RulesError);
      const problem = (error as RulesError).problems.find((p) => p.file === 'english-units.yaml');
      expect(problem).toMatchObject({ line: 2 });
      expect(problem!.entry).toContain('units[0].kind');
    }
  });

  it('a context pattern that can backtrack exponentially is refused at load', () => {
    const dir = rulesWith('english-not-quantities.yaml', 'names: []\npatterns:\n  - {id: bad, before: "(a+)+$"}\n');
    expect(() => loadRules(dir)).toThrow(/english-not-quantities\.yaml:3: .*quantified group/);
  });

  it('the verbs that name a part of a whole (part_destinations) are data: a verb a researcher adds is read', () => {
    const text = 'Of the 42 billion yuan budget, 10 billion yuan will be directed to rural roads and bridges.';
    const subjectOf10 = (rules: ReturnType<typeof loadRules>) =>
      processText(createPipeline(rules), 'parts', text).quantities.find((q) => q.text === '10 billion yuan')?.subject;
    const shipped = loadRules();
    expect(subjectOf10(shipped)).not.toBe('rural roads and bridges');
    const subjects = shipped['english-subjects.yaml'];
    const added = { ...shipped, 'english-subjects.yaml': { ...subjects, part_destinations: [...(subjects.part_destinations ?? []), { word: 'be directed' }] } };
    expect(subjectOf10(added)).toBe('rural roads and bridges');
  });
});

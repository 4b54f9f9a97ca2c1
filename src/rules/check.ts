/**
 * Checks across rules files, run after each file passed its own schema: duplicates, units that
 * could be misread as a magnitude, and patterns that are not linear-time safe.
 */
import type { RuleProblem } from './files.js';
import type { Rules } from './schema.js';
import { HTML_TAG_ROLES } from './files.js';

type RuleData = Omit<Rules, 'userDictPath' | 'hash' | 'dir'>;

export function checkRules(rules: RuleData): RuleProblem[] {
  const problems: RuleProblem[] = [];

  // one surface form, one meaning: a form in two unit entries would make the lookup order matter
  const seen = new Map<string, string>();
  for (const file of ['units.yaml', 'classifiers.yaml'] as const) {
    rules[file].forEach((entry, index) => {
      for (const form of unitForms(entry)) {
        const where = `${file}[${index}] (${entry.unit})`;
        const before = seen.get(form);
        if (before) {
          problems.push({ file, line: 0, entry: where, message: `form "${form}" is also declared by ${before}` });
        } else seen.set(form, where);
      }
    });
  }
  const magnitudes = new Set(rules['magnitudes.yaml'].map((m) => m.form));
  for (const form of seen.keys()) {
    if (magnitudes.has(form)) {
      problems.push({
        file: 'magnitudes.yaml',
        line: 0,
        entry: form,
        message: `"${form}" is declared both as a magnitude and as a unit`,
      });
    }
  }

  // a tag does one thing: in two lists, the order of the lookups would decide what it does
  const tagLists = new Map<string, string>();
  for (const list of HTML_TAG_ROLES) {
    for (const tag of rules['html.yaml'][list]) {
      const before = tagLists.get(tag);
      if (before) problems.push({ file: 'html.yaml', line: 0, entry: `${list}: ${tag}`, message: `tag "${tag}" is also listed under ${before}` });
      else tagLists.set(tag, list);
    }
  }

  const patternFiles = [
    [
      'not-quantities.yaml',
      rules['not-quantities.yaml'].patterns.flatMap((p) =>
        [p.pattern, p.numeral, p.unit, p.before, p.after].flatMap((x) => (x === undefined ? [] : [[p.id, x] as const])),
      ),
    ],
    ['furniture.yaml', rules['furniture.yaml'].map((p) => [p.id, p.pattern] as const)],
    ['paragraph-openers.yaml', rules['paragraph-openers.yaml'].map((p) => [p.id, p.pattern] as const)],
    [
      'modality.yaml',
      [...rules['modality.yaml'].target_sections, ...rules['modality.yaml'].actual_sections, ...(rules['modality.yaml'].story_openers ?? [])].map(
        (p) => [p.pattern, p.pattern] as const,
      ),
    ],
    [
      'periods.yaml',
      [...rules['periods.yaml'].years, ...rules['periods.yaml'].datelines, ...(rules['periods.yaml'].plan_year_titles ?? [])].map(
        (p) => [p.pattern, p.pattern] as const,
      ),
    ],
  ] as const;
  for (const [file, patterns] of patternFiles) {
    for (const [id, pattern] of patterns) {
      const problem = checkPattern(pattern);
      if (problem) problems.push({ file, line: 0, entry: id, message: problem });
    }
  }
  return problems;
}

/**
 * The surface forms of a units.yaml or classifiers.yaml entry: the unit itself and its forms, or
 * only its forms when it writes a multiple of another entry's unit (`factor`: 成 writes %, but % is not 成).
 */
export function unitForms(entry: { unit: string; forms?: string[] | undefined; factor?: number | undefined }): Set<string> {
  return new Set(entry.factor === undefined ? [entry.unit, ...(entry.forms ?? [])] : (entry.forms ?? []));
}

/**
 * Returns why `pattern` is rejected, or null. A pattern must compile, and must not nest a
 * quantifier inside a quantified group (`(a+)+`, `(\d*)*`), the shape that backtracks
 * exponentially; back-references are refused for the same reason.
 */
export function checkPattern(pattern: string): string | null {
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    return `not a valid regular expression: ${(error as Error).message}`;
  }
  if (/\\[1-9]|\\k</.test(pattern)) return 'back-references are not allowed (they can take exponential time)';
  if (/\([^()]*[+*}][^()]*\)[+*{]/.test(pattern)) {
    return 'a quantified group contains a quantifier (like (a+)+): rewrite it without nesting';
  }
  return null;
}

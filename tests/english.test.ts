import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cpSlice } from '../src/text/codepoints.js';
import { runEnglish } from './helpers/english.js';

interface Expected {
  text?: string;
  value?: string;
  value_max?: string;
  unit?: string;
  kind?: string;
  qualifier?: string;
  change?: string;
  subject?: string;
  /** Text the subject must not hold (a phrase that ran on into the next quantity). */
  subject_not?: string;
  modality?: string;
}
interface Case {
  text: string;
  expect: Expected[];
  fails?: string;
}

const cases = parse(readFileSync(new URL('./cases/english.yaml', import.meta.url), 'utf8')) as Case[];

function check(testCase: Case): void {
  const doc = runEnglish(testCase.text);
  const got = doc.quantities.map((q) => ({
    text: q.text,
    value: q.value,
    value_max: q.valueMax ?? undefined,
    unit: q.unit,
    kind: q.kind,
    qualifier: q.qualifier,
    change: q.change,
    subject: q.subject,
    modality: q.modality,
  }));
  expect(got.map((g) => g.value), JSON.stringify(got)).toEqual(testCase.expect.map((e) => e.value));
  testCase.expect.forEach((expected, index) => {
    const actual = got[index]!;
    for (const key of ['text', 'value_max', 'unit', 'kind', 'qualifier', 'change', 'modality'] as const) {
      if (expected[key] !== undefined) expect(actual[key], `${key} of ${JSON.stringify(actual)}`).toBe(expected[key]);
    }
    if (expected.subject !== undefined) expect(actual.subject, JSON.stringify(actual)).toContain(expected.subject);
    if (expected.subject_not !== undefined) expect(actual.subject, JSON.stringify(actual)).not.toContain(expected.subject_not);
  });
  for (const q of doc.quantities) {
    expect(cpSlice(doc.text, q.start, q.end)).toBe(q.text);
    expect(q.lang).toBe('en');
  }
}

describe('english: phrase table (tests/cases/english.yaml)', () => {
  for (const testCase of cases) {
    const name = `english: ${testCase.text}`;
    if (testCase.fails) it.fails(`${name} (known gap: ${testCase.fails})`, () => check(testCase));
    else it(name, () => check(testCase));
  }
});

/**
 * attribute: a table of report sentences (tests/cases/attribute.yaml) with the subject, change,
 * modality and period of each of their quantities.
 *
 * The documents are built by hand, so the table tests this stage alone: each case's lines become
 * paragraphs (a line starting with `# ` is a heading), the real sentence stage splits them, and
 * each listed quantity is placed at its `q` text (the `nth` occurrence, from 1). A subject passes
 * when it contains the expected key, as the scorer counts it (spec §7), and is at most 16
 * characters long (24 when it holds a 、 list: one class name such as 电力、热力、燃气及水生产和供应业).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Doc, Paragraph, Quantity } from '../src/document.js';
import { loadRules } from '../src/rules/load.js';
import { attribute } from '../src/stages/attribute/index.js';
import { createDoc } from '../src/stages/decode.js';
import { sentences } from '../src/stages/sentences.js';
import { MAX_LIST_SUBJECT, MAX_SUBJECT } from '../src/stages/attribute/phrase.js';
import { cpLength } from '../src/text/codepoints.js';
import { getSegmenter } from '../src/text/segment.js';

interface Expected {
  q: string;
  /** The quantity's kind when the guess from its text is wrong. */
  kind?: Quantity['kind'];
  /** The quantity's value, where the attribute stage reads it (a count that sums up a list); else 0. */
  value?: string;
  /** The qualifier the recognizer gives it, where the attribute stage reads it (a band: 60岁及以上). */
  qualifier?: Quantity['qualifier'];
  /** The canonical unit the recognizer gives it, where the attribute stage reads it (人次 after 惠及); else ''. */
  unit?: string;
  nth?: number;
  subject?: string;
  /** Text the subject must not hold (a time or a verb that ran into it). */
  subject_not?: string;
  change?: Quantity['change'];
  modality?: Quantity['modality'];
  period?: string | null;
}
interface Case {
  text: string;
  quantities: Expected[];
  warnings?: string[];
  /** Why the case fails today; it runs as `it.fails` until fixed. */
  gap?: string;
}

const rules = loadRules();
const segmenter = getSegmenter(rules.userDictPath);
const compiled = attribute.prepare(rules, segmenter);
const cases = parse(readFileSync(new URL('./cases/attribute.yaml', import.meta.url), 'utf8')) as Case[];

/** Builds the Doc of a case and runs the sentence and attribute stages over it. */
function attributeCase(c: Case): { doc: Doc; found: Quantity[] } {
  const lines = c.text.trim().split('\n');
  const paragraphs: Paragraph[] = [];
  const texts: string[] = [];
  let offset = 0;
  lines.forEach((line, index) => {
    const heading = line.startsWith('# ');
    const body = heading ? line.slice(2) : line;
    paragraphs.push({
      start: offset,
      end: offset + cpLength(body),
      kind: heading ? 'heading' : 'body',
      lang: 'zh',
      rawLineStart: index + 1,
      rawLineEnd: index + 1,
    });
    texts.push(body);
    offset += cpLength(body) + 1;
  });
  const text = texts.join('\n');
  let doc: Doc = { ...createDoc('case', text), paragraphs };
  const context = { rules, segmenter, compiled: null };
  doc = sentences.run(doc, context);
  const chars = Array.from(text);
  const quantities: Quantity[] = c.quantities.map((expected) => {
    const start = nthIndex(chars, Array.from(expected.q), expected.nth ?? 1);
    if (start < 0) throw new Error(`case "${c.text}": "${expected.q}" (nth ${expected.nth ?? 1}) not found`);
    const end = start + cpLength(expected.q);
    const sentence = doc.sentences.findIndex((s) => s.start <= start && end <= s.end);
    return {
      start,
      end,
      text: expected.q,
      value: expected.value ?? '0',
      valueMax: null,
      unit: expected.unit ?? '',
      unitText: '',
      kind: expected.kind ?? kindOf(expected.q),
      qualifier: expected.qualifier ?? 'exact',
      change: 'none',
      subject: '',
      modality: 'actual',
      period: null,
      sentence,
      lang: 'zh',
      rules: [],
    };
  });
  quantities.sort((a, b) => a.start - b.start);
  doc = attribute.run({ ...doc, quantities }, { rules, segmenter, compiled });
  const found = c.quantities.map((expected) => {
    const start = nthIndex(chars, Array.from(expected.q), expected.nth ?? 1);
    return doc.quantities.find((q) => q.start === start)!;
  });
  return { doc, found };
}

/** Measures end in a measuring unit; everything else in these cases counts with a classifier. */
function kindOf(text: string): Quantity['kind'] {
  return /(%|倍|百分点|元|亩|公顷|公里|米|吨|斤|千瓦时|P|天|年|立方米)(以上|以下|以内|左右)?$/u.test(text) ? 'other' : 'count';
}

function nthIndex(chars: string[], needle: string[], nth: number): number {
  let seen = 0;
  for (let i = 0; i + needle.length <= chars.length; i++) {
    if (needle.every((ch, j) => chars[i + j] === ch) && ++seen === nth) return i;
  }
  return -1;
}

function check(c: Case): void {
  const { doc, found } = attributeCase(c);
  c.quantities.forEach((expected, i) => {
    const got = found[i]!;
    const where = `${expected.q} in ${c.text.trim()}`;
    if (expected.subject !== undefined) {
      expect(got.subject.replace(/\s/g, ''), `subject of ${where}`).toContain(expected.subject);
    }
    if (expected.subject_not !== undefined) expect(got.subject, `subject of ${where}`).not.toContain(expected.subject_not);
    expect(cpLength(got.subject), `subject length of ${where}`).toBeLessThanOrEqual(subjectLimit(got.subject));
    if (expected.change) expect(got.change, `change of ${where}`).toBe(expected.change);
    if (expected.modality) expect(got.modality, `modality of ${where}`).toBe(expected.modality);
    if (expected.period !== undefined) expect(got.period, `period of ${where}`).toBe(expected.period);
  });
  expect(doc.warnings.map((w) => w.rule)).toEqual(c.warnings ?? []);
}

describe('attribute: report sentences', () => {
  const working = cases.filter((c) => !c.gap);
  const gaps = cases.filter((c) => c.gap);
  it.each(working.map((c) => [c.text.trim().split('\n').pop()!.slice(0, 40), c] as const))('%s', (_name, c) => check(c));
  if (gaps.length > 0) {
    it.fails.each(gaps.map((c) => [`${c.gap}: ${c.text.trim().slice(0, 30)}`, c] as const))('known gap: %s', (_name, c) =>
      check(c),
    );
  }
});

describe('attribute: the table', () => {
  it('holds at least 100 sentences', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });
});

describe('attribute: warnings', () => {
  it('a 分别 list shorter than its values is a warning with its place, and the values keep the whole list', () => {
    const { doc, found } = attributeCase({
      text: '全年实现营业收入1200亿元。\n猪牛羊禽肉、禽蛋、牛奶产量分别增长4.1%、2.8%。',
      quantities: [{ q: '4.1%' }, { q: '2.8%' }],
    });
    expect(doc.warnings).toHaveLength(1);
    const warning = doc.warnings[0]!;
    expect(warning).toMatchObject({ stage: 'attribute', severity: 'warning', actual: '3', expected: '2' });
    expect(warning.place?.line).toBe(2);
    expect(Array.from(doc.text).slice(warning.place!.start, warning.place!.end).join('')).toBe('分别增长4.1%、2.8%');
    expect(found.map((q) => q.subject)).toEqual(['猪牛羊禽肉、禽蛋、牛奶产量', '猪牛羊禽肉、禽蛋、牛奶产量']);
  });
});

/** The longest subject the stage writes: 16 characters, 24 when it holds a 、 list (phrase.ts). */
function subjectLimit(subject: string): number {
  return subject.includes('、') ? MAX_LIST_SUBJECT : MAX_SUBJECT;
}

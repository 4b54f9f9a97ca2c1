/**
 * The english stage loads compromise's CommonJS bundle and runs it lean (compromise.ts): without
 * its chunker and with its match net narrowed to the words of the text. That must leave every
 * term exactly as a plain parse by the package's ES modules leaves it: text, tags, dictionary
 * form, spacing and offsets.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import esModules from 'compromise';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compromise, lean, type Nlp } from '../src/stages/english/compromise.js';

const nlp = compromise();

interface Term {
  text: string;
  pre: string;
  post: string;
  root?: string;
  tags: Set<string>;
  offset: { start: number; length: number };
}

function terms(parse: () => ReturnType<Nlp>): unknown[] {
  const doc = parse();
  doc.compute(['root', 'offset']);
  return (doc as unknown as { docs: Term[][] }).docs.map((sentence) =>
    sentence.map((t) => [t.text, t.pre, t.post, t.root ?? null, [...t.tags].sort(), t.offset.start, t.offset.length]),
  );
}

const fixtures = join('tests', 'fixtures', 'english');
const lines = readdirSync(fixtures)
  .flatMap((name) => readFileSync(join(fixtures, name), 'utf8').split('\n'))
  .filter((line) => line.trim() !== '');

const words = [
  'GDP', 'grew', 'rose', 'fell', 'by', 'over', 'about', 'percent', '%', 'yuan', 'US$', 'billion', 'the', 'a', 'of', 'in',
  'and', 'to', 'from', 'will', 'was', 'set', 'up', 'sales', 'output', 'rate', 'points', 'bonds', 'March', 'Beijing',
  'fifty', 'twenty-five', "province's", "don't", 'U.S.', ',', '.', ';', ':', '(', ')', '-', '--', '\n', 'new', 'jobs',
];
const text = fc
  .array(fc.oneof(fc.constantFrom(...words), fc.integer({ min: 0, max: 99999 }).map(String)), { maxLength: 40 })
  .map((list) => list.join(' '));

describe('english: lean compromise parse', () => {
  it('gives the terms of a plain parse on every line of the English fixtures', () => {
    for (const line of lines) expect(terms(() => lean(() => nlp(line))), line).toEqual(terms(() => nlp(line)));
  });

  it('gives the terms of a plain parse on generated text', () => {
    fc.assert(
      fc.property(text, (input) => {
        expect(terms(() => lean(() => nlp(input)))).toEqual(terms(() => nlp(input)));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('gives the terms of the ES modules of the same package', () => {
    expect(compromise()).not.toBe(esModules);
    for (const line of lines) expect(terms(() => lean(() => nlp(line))), line).toEqual(terms(() => esModules(line)));
    fc.assert(
      fc.property(text, (input) => {
        expect(terms(() => lean(() => nlp(input)))).toEqual(terms(() => esModules(input)));
        expect(nlp(input).numbers().get()).toEqual(esModules(input).numbers().get());
      }),
      { numRuns: 300, seed: 9 },
    );
  });

  it('leaves compromise as it found it', () => {
    const hooks = [...nlp.world().hooks];
    lean(() => nlp('GDP grew 5 percent.'));
    expect(nlp.world().hooks).toEqual(hooks);
    expect(() => lean(() => { throw new Error('parse failed'); })).toThrow('parse failed');
    expect(nlp.world().hooks).toEqual(hooks);
  });
});

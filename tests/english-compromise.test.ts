/**
 * The english stage loads compromise's CommonJS bundle and runs it lean (compromise.ts): without
 * its chunker and with its own sweep of compromise's match rules. That must leave every term
 * exactly as a plain parse by the package's ES modules leaves it: text, tags, dictionary form,
 * spacing and offsets; and the sweep must find the very matches compromise's finds, in order.
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

interface SweepWorld {
  methods: {
    one: {
      bulkMatch(docs: unknown[][], net: unknown, methods: unknown): { match: string; tag?: unknown; unTag?: unknown; pointer: number[] }[];
    };
  };
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

  it("finds the matches of compromise's own sweep, in the same order", () => {
    const world = nlp.world() as unknown as SweepWorld;
    const own = world.methods.one.bulkMatch;
    // the nets that a plain parse sweeps (the post-tagger's and the chunker's), caught on their way
    const nets: unknown[] = [];
    world.methods.one.bulkMatch = (docs, net, methods) => {
      nets.push(net);
      return own(docs, net, methods);
    };
    try {
      nlp('GDP grew 5 percent.');
    } finally {
      world.methods.one.bulkMatch = own;
    }
    expect(nets).toHaveLength(2);
    const found = (sweep: SweepWorld['methods']['one']['bulkMatch'], docs: unknown[][], net: unknown) =>
      sweep(docs, net, world.methods).map((m) => [m.match, m.tag ?? null, m.unTag ?? null, [...m.pointer]]);
    const check = (input: string) => {
      const docs = (nlp(input) as unknown as { docs: unknown[][] }).docs;
      for (const net of nets) {
        const plain = found(own, docs, net);
        expect(lean(() => found(world.methods.one.bulkMatch, docs, net)), input).toEqual(plain);
      }
    };
    for (const line of lines) check(line);
    fc.assert(fc.property(text, check), { numRuns: 300, seed: 11 });
  });

  it('leaves compromise as it found it', () => {
    const hooks = [...nlp.world().hooks];
    const bulkMatch = (nlp.world() as unknown as SweepWorld).methods.one.bulkMatch;
    lean(() => nlp('GDP grew 5 percent.'));
    expect(nlp.world().hooks).toEqual(hooks);
    expect((nlp.world() as unknown as SweepWorld).methods.one.bulkMatch).toBe(bulkMatch);
    expect(() => lean(() => { throw new Error('parse failed'); })).toThrow('parse failed');
    expect(nlp.world().hooks).toEqual(hooks);
  });
});

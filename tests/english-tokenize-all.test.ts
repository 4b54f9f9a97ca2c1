/**
 * tokenizeAll parses many pieces in one compromise call: each piece's tokens (text, offsets,
 * tags, dictionary form, spacing) and its count of misplaced terms must be exactly what a parse
 * of the piece alone gives, also where the joined parse would read across a join.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compromise } from '../src/stages/english/compromise.js';
import { tokenize, tokenizeAll, type Tokenized } from '../src/stages/english/tokens.js';

/**
 * Each token as plain data, its dictionary form included: a token works its root out when asked
 * (tokens.ts ParsedToken), so it is no own key that toEqual would compare.
 */
const plain = (all: readonly Tokenized[]) =>
  all.map(({ tokens, misplaced }) => ({ misplaced, tokens: tokens.map((token) => ({ ...token, root: token.root })) }));
const alone = (texts: readonly string[]) => plain(texts.map(tokenize));
const together = (texts: readonly string[]) => plain(tokenizeAll(texts));

describe('english: tokenizeAll', () => {
  it('gives each line of the English fixtures the tokens of its own parse', () => {
    const folder = 'tests/fixtures/english';
    for (const name of readdirSync(folder).filter((f) => f.endsWith('.txt'))) {
      const lines = readFileSync(join(folder, name), 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
      for (let k = 0; k < lines.length; k += 12) {
        const batch = lines.slice(k, k + 12);
        expect(together(batch), `${name} lines ${k}…`).toEqual(alone(batch));
      }
    }
  });

  it('cuts the join off the last term of a piece and keeps the piece-initial reading', () => {
    const texts = ['GDP grew 5.2 percent', 'Retail sales rose 3 percent.', 'the target is around 5 percent'];
    const joined = together(texts);
    expect(joined).toEqual(alone(texts));
    expect(joined[0]!.tokens.at(-1)!.post).toBe('');
  });

  it('falls back to single parses where the joined parse would merge or lend text', () => {
    const cases = [
      ['He said "exports rose 7 percent', 'and imports fell 2 percent."'],
      ['Output (up 4 percent', 'and more) reached 300 tonnes.'],
      ['  Investment rose 8 percent.', 'Sales rose 2 percent.'],
      ['Sales rose 2 percent.', '—', 'Output fell 1 percent.'],
      ['Mr.', 'Smith said 40 projects began.'],
    ];
    for (const texts of cases) expect(together(texts), texts.join(' | ')).toEqual(alone(texts));
  });

  it('parses the pieces that may join in one call beside a piece that must be parsed alone', () => {
    // each compromise parse runs its tagger's hooks once: count the parses by one of them
    const world = compromise().world() as unknown as { compute: Record<string, (...args: unknown[]) => unknown> };
    const preTagger = world.compute.preTagger!;
    let parses = 0;
    world.compute.preTagger = (...args: unknown[]) => {
      parses++;
      return preTagger(...args);
    };
    try {
      // (a heading with a space left at its end, as the fresh fixtures' headings have)
      const texts = ['GDP grew 5.2 percent.', 'I. Review of Our Work in 2025 ', 'Retail sales rose 3 percent.', 'Output fell 1 percent.'];
      const joined = together(texts);
      expect(parses).toBe(2);
      expect(joined).toEqual(alone(texts));
    } finally {
      world.compute.preTagger = preTagger;
    }
  });

  it("works out each token's dictionary form as a parse that computes every term's root gives it", () => {
    const folder = 'tests/fixtures/english';
    let roots = 0;
    for (const name of readdirSync(folder).filter((f) => f.endsWith('.txt'))) {
      for (const line of readFileSync(join(folder, name), 'utf8').split('\n')) {
        const doc = compromise()(line);
        doc.compute(['root', 'offset']);
        const terms = (doc as unknown as { docs: { text: string; root?: string; offset: { start: number } }[][] }).docs.flat();
        const eager = new Map(terms.filter((term) => term.text !== '').map((term) => [term.offset.start, term.root ?? null]));
        for (const token of tokenize(line).tokens) {
          expect(token.root, `${name}: ${token.text}`).toBe(eager.get(token.start));
          if (token.root !== null) roots++;
        }
      }
    }
    // (soared → soar, industries → industry: the fixtures hold many)
    expect(roots).toBeGreaterThan(100);
  });
});

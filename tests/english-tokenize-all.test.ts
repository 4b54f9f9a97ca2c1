/**
 * tokenizeAll parses many pieces in one compromise call: each piece's tokens (text, offsets,
 * tags, dictionary form, spacing) and its count of misplaced terms must be exactly what a parse
 * of the piece alone gives, also where the joined parse would read across a join.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenize, tokenizeAll } from '../src/stages/english/tokens.js';

const alone = (texts: readonly string[]) => texts.map(tokenize);

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
        expect(tokenizeAll(batch), `${name} lines ${k}…`).toEqual(alone(batch));
      }
    }
  });

  it('cuts the join off the last term of a piece and keeps the piece-initial reading', () => {
    const texts = ['GDP grew 5.2 percent', 'Retail sales rose 3 percent.', 'the target is around 5 percent'];
    const together = tokenizeAll(texts);
    expect(together).toEqual(alone(texts));
    expect(together[0]!.tokens.at(-1)!.post).toBe('');
  });

  it('falls back to single parses where the joined parse would merge or lend text', () => {
    const cases = [
      ['He said "exports rose 7 percent', 'and imports fell 2 percent."'],
      ['Output (up 4 percent', 'and more) reached 300 tonnes.'],
      ['  Investment rose 8 percent.', 'Sales rose 2 percent.'],
      ['Sales rose 2 percent.', '—', 'Output fell 1 percent.'],
      ['Mr.', 'Smith said 40 projects began.'],
    ];
    for (const texts of cases) expect(tokenizeAll(texts), texts.join(' | ')).toEqual(alone(texts));
  });
});

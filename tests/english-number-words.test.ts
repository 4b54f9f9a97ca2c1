import { describe, expect, it } from 'vitest';
import { mayHoldNumberWord, tokenize } from '../src/stages/english/tokens.js';

// the english stage leaves compromise out of text for which mayHoldNumberWord is false, so it
// must be true wherever compromise would tag a spelled number
const SAMPLES = [
  'Twenty-five new schools opened.',
  'twen-ty people',
  'T.W.O. things',
  'tw\u200Benty firms',
  'Ｏｎｅ plant',
  'óne unit',
  "one's share",
  'seven/eight',
  'Hundreds of projects',
  'twenty\u2013five',
  'ONE HUNDRED AND FIFTY THOUSAND',
  'a dozen or a few',
  'The government will deepen reform and improve people\'s livelihoods.',
  'Exports rose, and money flowed into the components sector.',
];

describe('mayHoldNumberWord', () => {
  it('is true wherever compromise tags a spelled number', () => {
    for (const text of SAMPLES) {
      const tagged = tokenize(text).tokens.some((token) => token.tags.has('TextValue'));
      if (tagged) expect(mayHoldNumberWord(text), text).toBe(true);
    }
  });

  it('finds number words however they are written', () => {
    expect(mayHoldNumberWord('twen-ty people')).toBe(true);
    expect(mayHoldNumberWord('Ｏｎｅ plant')).toBe(true);
    expect(mayHoldNumberWord('T.W.O. things')).toBe(true);
    expect(mayHoldNumberWord('a million trees')).toBe(true);
  });

  it('is false for prose with no number word, even inside longer words', () => {
    expect(mayHoldNumberWord("The government will deepen reform and improve people's livelihoods.")).toBe(false);
    expect(mayHoldNumberWord('Exports rose, and money flowed into the components sector.')).toBe(false);
  });
});

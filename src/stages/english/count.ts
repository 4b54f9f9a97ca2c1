/**
 * A number with no unit word that is followed by a noun counts things: `12 million new urban
 * jobs`, `10,000 bridges`, `over 100 projects`. The noun phrase (adjectives and nouns, read from
 * compromise's tags) is the subject; its last noun is the unit as written.
 */
import { hasTag, tokenAtOrAfter, type Token } from './tokens.js';
import { skipSpaceForward } from './words.js';

/** The counted noun phrase after a number, as UTF-16 indexes into the piece, or null. */
export interface CountedNoun {
  start: number;
  end: number;
  /** The phrase, `new urban jobs`. */
  phrase: string;
  /** Its last noun, `jobs`. */
  head: string;
}

// words that end a noun phrase; a verb ends it too unless compromise also reads it as a noun
const STOP_TAGS = ['Preposition', 'Determiner', 'Conjunction', 'Pronoun', 'Copula', 'Modal', 'Auxiliary', 'Adverb', 'Date', 'Value'];
// `12 million more jobs`, `5,000 additional beds`: a comparative or `new` may open the phrase
const OPENERS = new Set(['more', 'fewer', 'new', 'additional', 'extra', 'other']);
const MAX_WORDS = 7;

function modifierAt(tokens: readonly Token[], i: number, first: number): boolean {
  return hasTag(tokens[i], 'Gerund', 'Infinitive') && i > first && hasTag(tokens[i + 1], 'Plural');
}

/** The noun phrase counted by the number that ends at `after`, or null. */
export function countedNoun(text: string, tokens: readonly Token[], after: number): CountedNoun | null {
  const at = skipSpaceForward(text, after);
  let i = tokenAtOrAfter(tokens, at);
  if (i >= tokens.length || tokens[i]!.start !== at) return null;
  const first = i;
  let lastNoun = -1;
  for (; i < tokens.length && i - first < MAX_WORDS; i++) {
    const token = tokens[i]!;
    const word = token.text.toLowerCase();
    const identifier = /^\d+[\p{L}]+$/u.test(token.text); // 5G base stations
    if (!identifier && !(i === first && OPENERS.has(word))) {
      if (hasTag(token, ...STOP_TAGS) && !hasTag(token, 'Noun') && !modifierAt(tokens, i, first)) break;
      // charging piles, 5G base stations: compromise may read the modifier as a verb
      const modifier = modifierAt(tokens, i, first);
      const nounish = hasTag(token, 'Noun', 'Adjective', 'Acronym') || modifier || (hasTag(token, 'Gerund') && hasTag(tokens[i + 1], 'Noun'));
      if (!nounish) break;
    }
    if ((hasTag(token, 'Noun') && !hasTag(token, 'Pronoun')) || identifier) lastNoun = i;
    // a phrase ends at punctuation: `10,000 bridges, 200 tunnels`
    if (!/^[\s-]*$/.test(token.post)) break;
  }
  if (lastNoun < 0) return null;
  const head = tokens[lastNoun]!;
  if (hasTag(head, 'Month', 'Unit')) return null;
  return { start: tokens[first]!.start, end: head.end, phrase: text.slice(tokens[first]!.start, head.end), head: head.text };
}

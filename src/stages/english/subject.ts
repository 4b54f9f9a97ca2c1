/**
 * subject: the words that name what a number measures or counts.
 *
 *   count            the counted noun phrase            `12 million new urban jobs` → new urban jobs
 *   unit + of        the phrase after `of`              `695 million metric tons of grain` → grain
 *   noun before      the noun phrase the number follows, across a verb, a cue or a bound word
 *                    `Grain output reached 695 million`, `GDP growth target of around 5 percent`,
 *                    `energy consumption per unit of GDP down by around 2.5 percent`
 *   none of these    the subject of the number before it in the same sentence
 *                    `…reached 47.1 trillion yuan, up 7.2 percent`
 *
 * The phrase is read from compromise's tags: nouns, adjectives, acronyms and possessives, joined
 * by `of`, `per`, `in` or `and` between nouns.
 */
import type { CompiledEnglish } from './compile.js';
import type { Candidate } from './phrase.js';
import { hasTag, tokenAtOrAfter, tokenBefore, type Token } from './tokens.js';
import { skipSpaceForward } from './words.js';

// words crossed between a subject and its number: verbs, cues, bounds, prepositions
const CROSS_TAGS = ['Verb', 'Copula', 'Auxiliary', 'Modal', 'Adverb', 'Preposition', 'Value', 'Particle'];
const MAX_CROSSED = 6;
const JOINERS = new Set(['of', 'per', 'in', 'and', 'for', '&']);
const MAX_PHRASE = 12;

/** The noun phrase that follows `of` right after the quantity (`tons of grain`), or null. */
export function subjectAfterOf(text: string, tokens: readonly Token[], candidate: Candidate, compiled: CompiledEnglish): string | null {
  if (candidate.unit === null || candidate.unit.kind === 'percent' || candidate.unit.kind === 'percentage_point') return null;
  let i = tokenAtOrAfter(tokens, skipSpaceForward(text, candidate.end));
  const of = tokens[i];
  if (!of || of.start !== skipSpaceForward(text, candidate.end) || of.text.toLowerCase() !== 'of' || !/^\s+$/.test(of.post)) return null;
  i++;
  while (i < tokens.length && hasTag(tokens[i], 'Determiner')) i++;
  const first = i;
  let last = -1;
  for (; i < tokens.length && i - first < MAX_PHRASE; i++) {
    const token = tokens[i]!;
    if (!nounish(token, compiled)) break;
    if (hasTag(token, 'Noun')) last = i;
    if (!/^[\s-]*$/.test(token.post)) break;
  }
  return last < 0 ? null : text.slice(tokens[first]!.start, tokens[last]!.end);
}

/**
 * The noun phrase that the number follows, within its clause, or null. A phrase that opens with
 * `a`/`an` is a predicate (`reached a record high of 695 million`): the subject before the verb
 * is preferred when there is one.
 */
export function subjectBefore(text: string, tokens: readonly Token[], candidate: Candidate, compiled: CompiledEnglish): string | null {
  const found = phraseBefore(text, tokens, tokenBefore(tokens, candidate.boundStart), compiled);
  if (!found) return null;
  const article = tokens[found.first - 1]?.text.toLowerCase();
  if (article === 'a' || article === 'an') {
    const further = phraseBefore(text, tokens, found.first - 2, compiled);
    if (further) return further.phrase;
  }
  return found.phrase;
}

function phraseBefore(
  text: string,
  tokens: readonly Token[],
  from: number,
  compiled: CompiledEnglish,
): { phrase: string; first: number } | null {
  let i = from;
  let crossed = 0;
  // cross the verb, cue and bound words between the number and its subject
  while (i >= 0 && crossed < MAX_CROSSED) {
    const token = tokens[i]!;
    if (!/^[\s-]*$/.test(token.post)) return null;
    // a number or unit word in between belongs to another quantity: `from 2.4 percent to 2.64 percent`
    if (hasTag(token, 'Value') || compiled.unitsAfter.entries.some((e) => e.phrase === token.text.toLowerCase())) return null;
    if (hasTag(token, 'Noun') && !hasTag(token, 'Pronoun', 'Value') && nounish(token, compiled)) break;
    if (pluralReadAsVerb(tokens, i, compiled)) break;
    const cue = compiled.verbCues.has(token.text.toLowerCase());
    if (!cue && !hasTag(token, ...CROSS_TAGS) && !hasTag(token, 'Adjective', 'Determiner')) return null;
    i--;
    crossed++;
  }
  if (i < 0 || crossed >= MAX_CROSSED) return null;
  const last = i;
  let first = i;
  for (let j = i - 1; j >= 0 && last - j < MAX_PHRASE; j--) {
    const token = tokens[j]!;
    if (!/^[\s-]*$/.test(token.post)) break;
    const word = token.text.toLowerCase();
    if (JOINERS.has(word)) {
      if (!hasTag(tokens[j - 1], 'Noun', 'Acronym', 'Adjective')) break;
      continue;
    }
    if (!nounish(token, compiled)) break;
    first = j;
  }
  return { phrase: text.slice(tokens[first]!.start, tokens[last]!.end), first };
}

// `Consumer prices rose`: compromise may read a plural noun before a verb as a verb
function pluralReadAsVerb(tokens: readonly Token[], i: number, compiled: CompiledEnglish): boolean {
  const token = tokens[i]!;
  const next = tokens[i + 1];
  return (
    hasTag(token, 'PresentTense') &&
    /s$/i.test(token.text) &&
    hasTag(tokens[i - 1], 'Noun', 'Adjective') &&
    next !== undefined &&
    (hasTag(next, 'PastTense', 'Copula', 'Modal') || compiled.verbCues.has(next.text.toLowerCase()))
  );
}

function nounish(token: Token, compiled: CompiledEnglish): boolean {
  if (compiled.verbCues.has(token.text.toLowerCase())) return false;
  if (hasTag(token, 'Pronoun', 'Determiner', 'Preposition', 'Conjunction', 'Copula', 'Modal')) return false;
  if (hasTag(token, 'Verb') && !hasTag(token, 'Noun', 'Adjective', 'Gerund', 'Participle')) return false;
  return hasTag(token, 'Noun', 'Adjective', 'Acronym', 'Possessive', 'Gerund') || /^[\p{Lu}\d][\p{L}\d&-]*$/u.test(token.text);
}

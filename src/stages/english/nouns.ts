/**
 * Is a token part of a noun phrase? compromise's tags, corrected for the ways report English
 * trips them: hyphenated compounds (`non-working`, `deficit-to-GDP`), nouns read as verbs inside
 * a phrase (`Foreign trade`, `childcare places`, `special-purpose bonds`), and participles after
 * a copula read as nouns (`is set at`).
 */
import type { CompiledEnglish } from './compile.js';
import { hasTag, type Token } from './tokens.js';

/** True when `tokens[i]` can stand inside a noun phrase. */
export function isNounLike(tokens: readonly Token[], i: number, compiled: CompiledEnglish): boolean {
  const token = tokens[i]!;
  const previous = tokens[i - 1];
  if (hyphenated(tokens, i)) return true;
  // `Huarun's contracted sales`, `the increased spending`: a cue word between a possessive or an
  // article and a noun modifies the noun
  const modifies = (hasTag(previous, 'Possessive', 'Determiner') || /['’]s$/.test(previous?.text ?? '')) && hasTag(token, 'PastTense') && hasTag(tokens[i + 1], 'Noun') && /^\s+$/.test(token.post);
  // `Narrow money (M1) rose`: so does a cue word compromise tags an adjective, opening a phrase
  // before a noun (after punctuation, an article or nothing)
  const phraseStart = previous === undefined || !/^\s+$/.test(previous.post) || hasTag(previous, 'Determiner', 'Possessive');
  const adjective = phraseStart && hasTag(token, 'Adjective') && !hasTag(token, 'Verb', 'Comparative') && hasTag(tokens[i + 1], 'Noun') && /^\s+$/.test(token.post);
  if (compiled.verbCues.has(token.text.toLowerCase()) && !modifies && !adjective) return false;
  if (/^\d+\p{L}+$/u.test(token.text)) return true; // 5G base stations, 3D printers
  // `the deficit in services trade`: a plural that modifies (english-subjects.yaml plural_modifiers) before a noun,
  // whatever compromise tags it (`services` a verb)
  if (compiled.subjects.pluralModifiers.has(token.text.toLowerCase()) && /^\s+$/.test(token.post) && hasTag(tokens[i + 1], 'Noun') && !hasTag(tokens[i + 1], 'Pronoun', 'Value', 'Unit')) return true;
  if (hasTag(token, 'Pronoun', 'Determiner', 'Preposition', 'Conjunction', 'Copula', 'Modal', 'Auxiliary', 'Value')) return false;
  // `accounting for`, `reaching`: a gerund before a preposition or a number is a verb
  // (but `of housing at` is a noun after a preposition, and `rental housing, up from` one before a comma)
  if (hasTag(token, 'Gerund') && /^\s+$/.test(token.post) && hasTag(tokens[i + 1], 'Preposition', 'Determiner', 'Value') && !hasTag(previous, 'Preposition', 'Determiner', 'Adjective')) {
    return false;
  }
  // `is set at`, `was raised by`: a word after a copula is the verb
  // (`will be set at`: compromise tags `be` an infinitive, not a copula)
  if ((hasTag(previous, 'Copula', 'Auxiliary', 'Modal') || /^(?:be|been|being)$/i.test(previous?.text ?? '')) && /^\s+$/.test(previous!.post)) return false;
  // `designated size`, `eroded land`, `the surveyed firms` (firms read as a verb): a participle before
  // a noun modifies it; `total went up`, `firms expected higher orders`: after a plural it is the verb
  if (hasTag(token, 'PastTense')) {
    if (previous !== undefined && /^\s+$/.test(previous.post) && (hasTag(previous, 'Plural') || pluralBeforeVerb(tokens, i - 1, compiled))) return false;
    return (hasTag(tokens[i + 1], 'Noun', 'Adjective') || pluralBeforeVerb(tokens, i + 1, compiled)) && /^[\s-]+$/.test(token.post);
  }
  if (hasTag(token, 'Noun', 'Adjective', 'Acronym', 'Possessive', 'Gerund')) return true;
  if (pluralBeforeVerb(tokens, i, compiled)) return true;
  // (`The city plans to reach`: a verb of intent before `to` and an infinitive is the verb)
  if (compiled.intentVerbs.has(token.text.toLowerCase()) && tokens[i + 1]?.text.toLowerCase() === 'to' && hasTag(tokens[i + 2], 'Infinitive')) return false;
  // `Foreign trade`, `childcare places`: a present-tense "verb" right after an adjective or noun is a noun
  // (not after a pronoun: `It plans to add` is its verb)
  const modifier = (hasTag(previous, 'Adjective', 'Noun') && !hasTag(previous, 'Pronoun')) || (previous !== undefined && /^\d+\p{L}+$/u.test(previous.text));
  if (hasTag(token, 'PresentTense', 'Infinitive') && !hasTag(token, 'PastTense') && modifier && /^[\s-]+$/.test(previous!.post)) {
    return true;
  }
  // `of which surface water accounted for`: after `of which`, a bare verb right before a noun modifies it
  const afterOfWhich = /^(?:which|whom)$/i.test(previous?.text ?? '') && tokens[i - 2]?.text.toLowerCase() === 'of' && /^\s+$/.test(previous!.post);
  if (afterOfWhich && hasTag(token, 'Infinitive') && !hasTag(token, 'PastTense') && /^\s+$/.test(token.post) && hasTag(tokens[i + 1], 'Noun') && !hasTag(tokens[i + 1], 'Pronoun', 'Value', 'Unit')) return true;
  // a capitalized word that opens the text is the start of its subject (`Imports and exports grew`)
  const opens = previous === undefined || /[.;:!?]\s*$/.test(previous.post);
  return /^\p{Lu}[\p{L}\d&]*$/u.test(token.text) && (opens || !hasTag(token, 'Verb'));
}

/**
 * `formerly poverty-stricken counties`, `newly built schools`: an -ly adverb right before a
 * modifier of a noun stands inside the noun phrase.
 */
export function modifyingAdverb(tokens: readonly Token[], i: number, compiled: CompiledEnglish): boolean {
  const token = tokens[i];
  if (!token || !hasTag(token, 'Adverb') || !/^ +$/.test(token.post) || i + 1 >= tokens.length) return false;
  // (`caused direct economic losses`: an adverb without -ly only before a plain adjective and a noun)
  if (!/ly$/i.test(token.text)) return !compiled.subjects.crossedAdverbs.has(token.text.toLowerCase()) && hasTag(tokens[i + 1], 'Adjective') && !hasTag(tokens[i + 1], 'Comparable', 'Comparative', 'Superlative', 'Verb') && /^ +$/.test(tokens[i + 1]!.post) && hasTag(tokens[i + 2], 'Noun') && !hasTag(tokens[i + 2], 'Pronoun', 'Value', 'Unit');
  return isNounLike(tokens, i + 1, compiled) || (hasTag(tokens[i + 1], 'Adjective', 'PastTense') && hasTag(tokens[i + 2], 'Noun'));
}

/**
 * `80 percent of the counties have access to broadband`: a bare present tense right after a
 * plural agrees with it, so it is the verb that ends the phrase read after a share, as a past
 * tense is. Not after a plural that modifies (english-subjects.yaml plural_modifiers: goods trade).
 */
export function verbAfterPlural(tokens: readonly Token[], i: number, compiled: CompiledEnglish): boolean {
  const token = tokens[i]!;
  const previous = tokens[i - 1];
  if (!hasTag(token, 'PresentTense') || /s$/i.test(token.text) || previous === undefined || !/^\s+$/.test(previous.post)) return false;
  return hasTag(previous, 'Plural') && !compiled.subjects.pluralModifiers.has(previous.text.toLowerCase());
}

/** True for a noun, or a word compromise calls a verb where the phrase needs a noun (see `isNounLike`). */
export function isHeadNoun(tokens: readonly Token[], i: number, compiled: CompiledEnglish): boolean {
  const token = tokens[i]!;
  if (!isNounLike(tokens, i, compiled)) return false;
  if (hasTag(token, 'Noun', 'Acronym') || /^\d+\p{L}+$/u.test(token.text)) return true;
  return (hasTag(token, 'PresentTense', 'Infinitive') && !hasTag(token, 'Adjective')) || nominalAdjective(tokens, i);
}

// `well above the regulatory minimum of 100 percent`: a plain adjective after `the` or a possessive (and other
// adjectives) and right before `of` stands for its noun (not after `a`/`an`: `spent an average of 29.8 hours`
// measures what spent)
function nominalAdjective(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  if (!hasTag(token, 'Adjective') || hasTag(token, 'Comparable', 'Comparative', 'Superlative', 'Verb', 'Value') || !/^\s+$/.test(token.post) || tokens[i + 1]?.text.toLowerCase() !== 'of') return false;
  let k = i - 1;
  while (k >= 0 && hasTag(tokens[k], 'Adjective') && /^\s+$/.test(tokens[k]!.post)) k--;
  return k >= 0 && /^\s+$/.test(tokens[k]!.post) && hasTag(tokens[k], 'Determiner', 'Possessive') && !/^an?$/i.test(tokens[k]!.text);
}

// `Imports and exports grew`: a plural compromise reads as a verb, right before the real verb;
// `while imports of crude oil fell`, `with exports up 7.1 percent`: or opening a clause right
// before `of`, `in` or a change word
function pluralBeforeVerb(tokens: readonly Token[], i: number, compiled: CompiledEnglish): boolean {
  const token = tokens[i];
  const next = tokens[i + 1];
  if (!token || !hasTag(token, 'PresentTense') || !/s$/i.test(token.text)) return false;
  // `There were 241,800 kindergartens, down 11,500`: right after a bare number, a plural is what it counts
  // (`returned to 3.7 million firms that kept their staff`: a number with its magnitude word too; `the rent for
  // such flats, which`: and after `such`)
  const counter = tokens[i - 1];
  const digits = /\d/.test(counter?.text ?? '') || (hasTag(counter, 'Multiple') && /\d/.test(tokens[i - 2]?.text ?? '') && /^\s+$/.test(tokens[i - 2]!.post));
  if (counter !== undefined && hasTag(counter, 'Value') && !hasTag(counter, 'Date', 'Year', 'Percent', 'Money') && /^\s+$/.test(counter.post) && digits) return true;
  if (counter !== undefined && counter.text.toLowerCase() === 'such' && /^\s+$/.test(counter.post)) return true;
  if (next === undefined || !/^\s+$/.test(token.post)) return false;
  // `and aims to add no fewer than 250,000`: a verb before `to` and an infinitive
  if (next.text.toLowerCase() === 'to' && hasTag(tokens[i + 2], 'Infinitive')) return false;
  // (a cue that is a preposition, the `at` of `now stands at 3.4 percent`, is no verb after it)
  if (hasTag(next, 'PastTense', 'Copula', 'Modal') || (compiled.verbCues.has(next.text.toLowerCase()) && !hasTag(next, 'Preposition'))) return true;
  const previous = tokens[i - 1];
  // `with services exports and imports at 215.6 billion`: the second of two plurals joined by `and`
  // before a preposition is a noun too (the first may be read as a verb after a noun: `goods exports`)
  if (/^(?:and|or)$/i.test(previous?.text ?? '') && i >= 2 && /s$/i.test(tokens[i - 2]!.text) && isNounLike(tokens, i - 2, compiled) && hasTag(next, 'Preposition')) return true;
  const opens = previous === undefined || /[,;:.]\s*$/.test(previous.post) || hasTag(previous, 'Conjunction', 'Determiner', 'Preposition');
  if (!opens) return false;
  const word = next.text.toLowerCase();
  // `Revenue from markets outside the Chinese mainland`: after a preposition a plural is no verb,
  // so any joiner but `and`/`to` (`rises and falls`, `prices to rise`) keeps it in the phrase
  if (hasTag(previous, 'Preposition') && word !== 'and' && word !== 'to' && compiled.subjects.joiners.has(word)) return true;
  // `and prices in the largest cities are down` (a level word is no sign: `now stands at`)
  if (word === 'of' || word === 'in' || compiled.changeBefore.entries.some((entry) => entry.phrase === word && entry.value.cue !== 'level')) return true;
  // `and rates on the Shanghai-Europe route fell`: before any other joiner, when a short phrase
  // after it ends right before a finite verb (not `and relies on imports for`)
  return word !== 'and' && word !== 'to' && compiled.subjects.joiners.has(word) && phraseThenVerb(tokens, i + 2, compiled);
}

// tokens from `k` are a few determiners, adjectives and nouns followed by a past tense or a
// verb cue (a cue that is a preposition does not count)
const MAX_JOINED_PHRASE = 6;
function phraseThenVerb(tokens: readonly Token[], k: number, compiled: CompiledEnglish): boolean {
  for (let j = k; j < tokens.length && j - k <= MAX_JOINED_PHRASE; j++) {
    const token = tokens[j]!;
    if (j > k && (hasTag(token, 'PastTense') || compiled.verbCues.has(token.text.toLowerCase())) && !hasTag(token, 'Preposition', 'Noun')) return true;
    if (!hasTag(token, 'Determiner', 'Adjective', 'Noun') || hasTag(token, 'Value', 'Pronoun') || !/^[\s-]+$/.test(token.post)) return false;
  }
  return false;
}

// `non-working`, `deficit-to-GDP`: words joined by a hyphen with no space
function hyphenated(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  const previous = tokens[i - 1];
  return token.post === '-' || (previous !== undefined && previous.post === '-');
}

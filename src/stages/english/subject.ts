/**
 * subject: the words that name what a number measures or counts.
 *
 *   count            the counted noun phrase            `12 million new urban jobs` → new urban jobs
 *   unit + of/in     the phrase after it (money, goods)  `695 million metric tons of grain` → grain,
 *                                                        `1.3 trillion yuan in treasury bonds`
 *   noun before      the noun phrase the number follows, across a verb, a cue or a bound word
 *                    `Grain output reached 695 million`, `GDP growth target of around 5 percent`,
 *                    `energy consumption per unit of GDP down by around 2.5 percent`
 *   none of these    the subject of the number before it in the same segment (index.ts)
 *                    `…reached 47.1 trillion yuan, up 7.2 percent`
 *
 * Phrases are read from compromise's tags as corrected by `nouns.ts`: nouns, adjectives,
 * acronyms and possessives, joined by `of`, `per`, `in`, `for` or `and` between nouns.
 */
import type { CompiledEnglish } from './compile.js';
import { isHeadNoun, isNounLike, modifyingAdverb, verbAfterPlural } from './nouns.js';
import type { Candidate } from './phrase.js';
import { hasTag, tokenAtOrAfter, tokenBefore, type Token } from './tokens.js';
import { matchBackward, skipSpaceForward } from './words.js';

// words crossed between a subject and its number: verbs, cues, bounds, prepositions
const CROSS_TAGS = ['Verb', 'Copula', 'Auxiliary', 'Modal', 'Adverb', 'Preposition', 'Particle', 'Adjective', 'Determiner', 'Negative'];
const MAX_CROSSED = 8;
const MAX_PHRASE = 14;
// words of an appositive between commas before the verb (`, the backbone of the local economy,`)
const MAX_APPOSITIVE = 8;
// punctuation a phrase may cross: a closing bracket (`product (GDP) grew`) or nothing
const OPEN_POST = /^\)?[\s-]*$/;

/**
 * The noun phrase after `of` (any unit but a percentage), or after `in`/`from`/`for` (money),
 * right after the quantity: `tons of grain`, `1.3 trillion yuan in treasury bonds`. With
 * `rates`, only `in`/`of` after a percentage, the last resort for a percentage with no subject
 * before it: `a drop of around 2 percent in energy consumption`, `Nearly 40 percent of villages`.
 */
export function subjectAfterUnit(
  text: string,
  tokens: readonly Token[],
  candidate: Candidate,
  compiled: CompiledEnglish,
  rates = false,
  parallelIn = false,
): string | null {
  if (candidate.unit === null) return null;
  const percentage = candidate.unit.kind === 'percent' || candidate.unit.kind === 'percentage_point';
  if (percentage !== rates) return null;
  const at = pastRate(text, pastConversion(text, skipSpaceForward(text, candidate.end)));
  let i = tokenAtOrAfter(tokens, at);
  // `a 3 percent reduction in energy consumption`: a change noun between the unit and `in`
  const changeNoun = tokens[i];
  if (changeNoun && changeNoun.start === at && /^\s+$/.test(changeNoun.post) && hasTag(changeNoun, 'Noun') && isChangeWord(changeNoun.text.toLowerCase(), compiled)) i++;
  const joiner = tokens[i];
  if (!joiner || (joiner.start !== at && i === tokenAtOrAfter(tokens, at)) || !/^\s+$/.test(joiner.post)) return null;
  const word = joiner.text.toLowerCase();
  // `set aside $2.5 billion to build 30,000 transitional housing units`: money for a purpose
  // names what it builds or buys; so does time (`64.3 days to collect payments`)
  const purpose = !rates && word === 'to' && (candidate.unit.kind === 'money' || candidate.unit.kind === 'duration') && hasTag(tokens[i + 1], 'Infinitive') && !hasTag(tokens[i + 1], 'Copula', 'Auxiliary', 'Modal') && /^\s+$/.test(tokens[i + 1]!.post);
  // `spend a further HK$200 million upgrading the lobby`: the same with a gerund
  // (`spent 1.45 billion yuan upgrading 620 km of village roads`: or a measured amount of them)
  const gerund = !rates && candidate.unit.kind === 'money' && hasTag(joiner, 'Gerund') && hasTag(tokens[i + 1], 'Determiner', 'Noun', 'Adjective', 'Value');
  // `the 1.3 trillion yuan the state spends on health`: a clause of its own says what the money is for
  const clause = !rates && candidate.unit.kind === 'money' && relativeClause(tokens, i, compiled);
  // `296 days with good air quality`: days that have something are named by what they have
  const having = !rates && word === 'with' && candidate.unit.kind === 'duration';
  if (purpose) i++;
  else if (clause) i += 3;
  else if (!gerund && !having && (rates ? word !== 'in' && word !== 'of' : !compiled.subjects.afterUnit.has(word) || (word !== 'of' && candidate.unit.kind !== 'money'))) return null;
  i++;
  // `hold 150 trillion yuan in the banks`: `in the` after money says where or when, not what
  // (`Of the 500 billion yuan in the technology relending quota, …`: after a sentence's opening `Of the`, the
  // amount heads a noun phrase, and its `in the` names what it is part of; `812 yuan in cities and 598 yuan in the
  // countryside`: an amount listed right after one keyed by its own `in` phrase is keyed likewise, `parallelIn`)
  if (word === 'in' && !rates && !parallelIn && tokens[i]?.text.toLowerCase() === 'the' && !OPENING_OF_THE.test(text.slice(Math.max(0, candidate.boundStart - 16), candidate.boundStart))) return null;
  while (i < tokens.length && hasTag(tokens[i], 'Determiner')) i++;
  // `4.5 billion yuan in 60 key projects`: the projects, counted on their own
  if (countBeforeNoun(tokens, i, compiled)) i++;
  // `upgrading 620 km of village roads`: after a gerund, a measured amount of what follows `of`
  if (gerund && hasTag(tokens[i], 'Value')) {
    const of = tokens.slice(i + 1, i + 4).findIndex((token) => token.text.toLowerCase() === 'of');
    if (of >= 0) i += of + 2;
    while (i < tokens.length && hasTag(tokens[i], 'Determiner')) i++;
  }
  // `an 18.6 percent rise in 2025 net profit`: a year before a noun only dates it
  if (hasTag(tokens[i], 'Year') && /^\s+$/.test(tokens[i]!.post) && hasTag(tokens[i + 1], 'Noun') && !hasTag(tokens[i + 1], 'Gerund') && isHeadNoun(tokens, i + 1, compiled) && !isUnitWord(tokens[i + 1]!, compiled)) i++;
  if (hasTag(tokens[i], 'Date', 'Value')) return null; // `in 2024`
  // `to RMB 128 billion from RMB 61 billion`: a currency before a number opens the next quantity
  if (tokens[i] && (/^\p{L}*[$€£¥￥]\d/u.test(tokens[i]!.text) || (isUnitWord(tokens[i]!, compiled) && hasTag(tokens[i + 1], 'Value')))) return null;
  const phrase = listAfterUnit(text, tokens, i, compiled) ?? phraseForward(text, tokens, i, compiled);
  // `HK$16 billion for the current financial year`: a phrase whose only nouns are times says when
  if (phrase !== null && onlyTimes(tokens, i, tokenAtOrAfter(tokens, tokens[i]!.start + phrase.length - 1), compiled)) return null;
  return phrase;
}

const OPENING_OF_THE = /(?:^|[.!?:]\s+)Of\s+the\s+$/u;

// `46,000 kilometers of gas, water and heating pipes`: a list after the joiner, its items set off by
// commas and closed by `and`, names one measure of them all (QUANTITIES.md §6: the shared head)
function listAfterUnit(text: string, tokens: readonly Token[], i: number, compiled: CompiledEnglish): string | null {
  const first = phraseForward(text, tokens, i, compiled);
  if (first === null || !/^,\s/.test(text.slice(tokens[i]!.start + first.length))) return null;
  const list = listAt(text, tokens, tokens[i]!.start, compiled);
  // (`on infrastructure, and the city's visitor arrivals`: a comma and `and` after one item open a clause)
  return list !== null && /^[^,]+,\s+(?!and\s)[^,]+?,?\s+and\s/.test(list) ? list : null;
}

// `240 yuan a kilogram for the best grades`, `1.2 billion yuan a year in subsidies`: the base of a
// rate before a joiner is crossed
const RATE_BASE = /^(?:a|an|per)\s+\p{L}+\s+(?=(?:for|of|in|on)\s)/iu;
function pastRate(text: string, at: number): number {
  const base = RATE_BASE.exec(text.slice(at, at + 32));
  return base ? at + base[0].length : at;
}

// a bracketed conversion is crossed: `1.3 trillion yuan ($180 billion) in special bonds`, and from
// inside it, `($180 billion) in special bonds`
const MAX_CONVERSION = 48;
function pastConversion(text: string, at: number): number {
  if (text[at] === ')') return skipSpaceForward(text, at + 1);
  if (text[at] !== '(') return at;
  const close = text.indexOf(')', at);
  const inside = text.slice(at + 1, close);
  return close > at && close - at <= MAX_CONVERSION && /\d/.test(inside) && !inside.includes('(') ? skipSpaceForward(text, close + 1) : at;
}

/**
 * The noun a percentage qualifies when it stands between an article or a possessive and that
 * noun: `its 60 percent stake`, `a 25 percent share` (a change noun, `a 3 percent reduction`,
 * is read by `subjectAfterUnit`); likewise any measure between `a`/`an` and a noun (`a 298 sq
 * ft studio`).
 */
export function nounAfterMeasure(text: string, tokens: readonly Token[], candidate: Candidate, compiled: CompiledEnglish): string | null {
  if (candidate.unit === null) return null;
  // `would hear 15 percent more intellectual property cases`: a percentage before `more`/`fewer` and
  // a noun sizes the rise in what that noun counts
  const more = comparedNoun(text, tokens, candidate, compiled);
  if (more !== null) return more;
  const before = tokens[tokenBefore(tokens, candidate.boundStart)];
  if (!before || !/^\s+$/.test(before.post)) return null;
  // `A 298 sq ft studio`, `the $5,000 consumption voucher`: any measure between an article and a
  // noun sizes that noun
  const article = /^(an?|the)$/i.test(before.text) && candidate.unit.kind !== 'count';
  if (!article && (candidate.unit.kind !== 'percent' || !(hasTag(before, 'Determiner', 'Possessive') || /['’]s$/.test(before.text)))) return null;
  const at = skipSpaceForward(text, candidate.end);
  const i = tokenAtOrAfter(tokens, at);
  const noun = tokens[i];
  if (!noun || noun.start !== at || at === candidate.end || !isHeadNoun(tokens, i, compiled) || isUnitWord(noun, compiled) || isChangeWord(noun.text.toLowerCase(), compiled)) return null;
  return phraseForward(text, tokens, i, compiled);
}

function comparedNoun(text: string, tokens: readonly Token[], candidate: Candidate, compiled: CompiledEnglish): string | null {
  if (candidate.unit?.kind !== 'percent') return null;
  const at = skipSpaceForward(text, candidate.end);
  const i = tokenAtOrAfter(tokens, at);
  const word = tokens[i];
  if (!word || word.start !== at || at === candidate.end || !/^(?:more|fewer)$/i.test(word.text) || !/^\s+$/.test(word.post)) return null;
  // (`10 percent more than last year`: a comparison, no noun)
  if (!isNounLike(tokens, i + 1, compiled) || isUnitWord(tokens[i + 1]!, compiled)) return null;
  return phraseForward(text, tokens, i + 1, compiled);
}

/** True when a percentage is followed by a change noun and `in`/`of`: `6 percent growth in retail sales`. */
export function changeNounFollows(text: string, tokens: readonly Token[], candidate: Candidate, compiled: CompiledEnglish): boolean {
  if (candidate.unit?.kind !== 'percent' && candidate.unit?.kind !== 'percentage_point') return false;
  const at = skipSpaceForward(text, candidate.end);
  const i = tokenAtOrAfter(tokens, at);
  const noun = tokens[i];
  const joiner = tokens[i + 1]?.text.toLowerCase();
  return noun !== undefined && noun.start === at && /^\s+$/.test(noun.post) && hasTag(noun, 'Noun') && isChangeWord(noun.text.toLowerCase(), compiled) && (joiner === 'in' || joiner === 'of');
}

/** True when the number follows `<noun> of` (`a loss of around RMB 450 million`), bound words aside. */
export function followsNounOf(tokens: readonly Token[], candidate: Candidate, compiled: CompiledEnglish): boolean {
  const i = tokenBefore(tokens, candidate.boundStart);
  return i >= 1 && tokens[i]!.text.toLowerCase() === 'of' && /^\s+$/.test(tokens[i - 1]!.post) && isHeadNoun(tokens, i - 1, compiled);
}

/** True when the noun before that `of` is an allotment (english-subjects.yaml `allotments`: `a quota of 300 billion yuan`). */
export function followsAllotmentOf(tokens: readonly Token[], candidate: Candidate, compiled: CompiledEnglish): boolean {
  const i = tokenBefore(tokens, candidate.boundStart);
  return followsNounOf(tokens, candidate, compiled) && compiled.subjects.allotments.has(tokens[i - 1]!.text.toLowerCase());
}

/** The joiner right after the quantity's unit, lower-cased, or null. */
export function joinerAfter(text: string, tokens: readonly Token[], candidate: Candidate): string | null {
  const at = skipSpaceForward(text, candidate.end);
  const token = tokens[tokenAtOrAfter(tokens, at)];
  return token && token.start === at && at > candidate.end ? token.text.toLowerCase() : null;
}

/** The counted noun phrase, extended by `of` and what follows (`2.1 million units of housing`). */
export function countSubject(text: string, tokens: readonly Token[], phrase: { start: number; end: number }, compiled: CompiledEnglish): string {
  let i = tokenAtOrAfter(tokens, phrase.end);
  const of = tokens[i];
  if (!of || of.text.toLowerCase() !== 'of' || of.start !== skipSpaceForward(text, phrase.end) || !/^\s+$/.test(tokens[i - 1]!.post)) {
    return text.slice(phrase.start, phrase.end);
  }
  i++;
  while (i < tokens.length && hasTag(tokens[i], 'Determiner')) i++;
  const after = phraseForward(text, tokens, i, compiled);
  return after === null ? text.slice(phrase.start, phrase.end) : text.slice(phrase.start, tokens[i]!.start) + after;
}

/**
 * The noun phrase that the number follows, within its clause, or null. Tokens before `floor`
 * belong to an earlier quantity and are never crossed. A phrase that opens with `a`/`an` is a
 * predicate (`reached a record high of 695 million`): the subject before the verb is preferred.
 */
export function subjectBefore(text: string, tokens: readonly Token[], candidate: Candidate, floor: number, compiled: CompiledEnglish): string | null {
  const before = tokenBefore(tokens, candidate.boundStart);
  // `its added value, about 1.32 trillion yuan, made up`: an amount set off by commas right after a noun restates it
  const restated = /^,\s/.test(text.slice(candidate.end, candidate.end + 2));
  const found = phraseBefore(text, tokens, before, floor, compiled, restated);
  if (!found) return null;
  // `grew 11.3 percent, outpacing overall lending by 3.9 percentage points`: the object of a
  // participle that opens its comma-part is what the subject is compared with, not the subject
  // (`outpacing that of urban residents by 2.3 percentage points`: a `that of` may stand between)
  const thatOf = /^(?:that|those)$/i.test(tokens[found.first - 2]?.text ?? '') && tokens[found.first - 1]!.text.toLowerCase() === 'of' ? found.first - 3 : found.first;
  if (tokens[before]?.text.toLowerCase() === 'by' && hasTag(tokens[thatOf], 'Gerund') && thatOf > 0 && /,\s*$/.test(tokens[thatOf - 1]!.post)) return null;
  // `saved taxpayers 2.6 trillion yuan`: the noun right after a recipient verb (english-subjects.yaml recipient_verbs)
  // gets the amount; what the amount is stands before the verb
  const verb = tokens[found.first - 1];
  if (verb !== undefined && found.last === before && /^\s+$/.test(verb.post) && compiled.subjects.recipientVerbs.has(verb.text.toLowerCase())) {
    return phraseBefore(text, tokens, found.first - 2, floor, compiled)?.phrase ?? null;
  }
  const article = tokens[found.first - 1]?.text.toLowerCase();
  if ((article === 'a' || article === 'an') && !found.relative) {
    // only across a verb, and one that gives a level or a change or is a copula: `Grain output
    // reached a record high`, not `Beijing set a growth target` nor `Employers that hire graduates
    // will receive a one-time subsidy of 1,500 yuan`
    const further = phraseBefore(text, tokens, found.first - 2, floor, compiled);
    if (further && further.last < found.first - 2 && tokens.slice(further.last + 1, found.first - 1).some((token) => levelOrChangeVerb(token, compiled))) {
      return further.phrase;
    }
  }
  return found.phrase;
}

/** The noun phrase that ends at token `k`, a head noun right before a comma (`Large-scale farms, those …`), or null. */
export function nounBeforeComma(text: string, tokens: readonly Token[], k: number, floor: number, compiled: CompiledEnglish): string | null {
  if (!isHeadNoun(tokens, k, compiled) || isUnitWord(tokens[k]!, compiled)) return null;
  return phraseBefore(text, tokens, k, floor, compiled, true)?.phrase ?? null;
}

const OBJECT_PRONOUN = /^(?:them|it|us|him|her)$/;
const MAX_WHO_REACH = 4;

function phraseBefore(
  text: string,
  tokens: readonly Token[],
  from: number,
  floor: number,
  compiled: CompiledEnglish,
  restated = false,
): { phrase: string; first: number; last: number; relative: boolean } | null {
  let i = from;
  let crossed = 0;
  // a finite verb stands between the phrase and the number: a past tense after a noun inside the
  // phrase is then a participle (`Electricity sent from western provinces totaled`)
  let finiteCrossed = false;
  // a verb cue was crossed (compromise may tag it a noun: `monitors rose 11.2 percent`)
  let cueCrossed = false;
  let appositiveEnd = -1;
  // the first finite verb crossed, the one that gives the number
  let mainVerb = -1;
  // a person's name that a `who` follows is the whole phrase (`said Li Xiaomei`: not the verb before)
  let name = false;
  // the phrase is the antecedent of a relative clause the number stands in: no predicate
  let relative = false;
  floor = liftedFloor(tokens, floor, compiled);
  // `bring the forest coverage rate, already among the highest in China at 62.8 percent, to`: an appositive
  // opened by a crossed adverb gives the value of the noun before its comma, whatever words it holds
  const opened = adverbAppositive(tokens, from, floor, compiled);
  if (opened >= 0) i = opened;
  // cross the verb, cue and bound words between the number and its subject
  for (; opened < 0 && i >= 0 && crossed < MAX_CROSSED; i--, crossed++) {
    const token = tokens[i]!;
    // `New urban jobs: over 12 million`: the key of a key-value line names the value
    const key = (/^:\s*$/.test(token.post) && isNounLike(tokens, i, compiled)) || (restated && crossed === 0 && /^,\s+$/.test(token.post) && isHeadNoun(tokens, i, compiled) && !isUnitWord(token, compiled) && !compiled.subjects.timeWords.has(token.text.toLowerCase()));
    // `the basic pension, now under 250 yuan a month,`: an appositive opened by a crossed adverb
    // gives the value of the noun before the comma
    // (`Wild giant pandas, last counted at 1,864,`: or by a crossed adverb, a participle and its preposition)
    const appositive = (crossed === 1 || (crossed === 3 && hasTag(tokens[i + 2], 'PastTense') && hasTag(tokens[i + 3], 'Preposition'))) && /^,\s+$/.test(token.post) && compiled.subjects.crossedAdverbs.has(tokens[i + 1]!.text.toLowerCase());
    // `the price of its main raw material, polyethylene, fell`, `the narrow measure, M1, grew`: a
    // noun between commas right before the verb renames the noun before the first comma. A bare
    // name stays in the subject (either may name the measure); a description with an article
    // (`, a key indicator of consumption,`) does not
    // `autumn grain, which accounts for three-quarters of the annual harvest, came in at`: a
    // relative clause between commas before the verb is crossed to the noun it follows
    // (`Expressways, which link all cities with a population of more than 200,000, made up`: a share verb
    // right after the clause's closing quantity, the last one read, is crossed already)
    // (`bank loans and private capital, which the ministry has courted through franchise deals, contributed 312
    // billion yuan`: read from a share verb, the clause closes right before it)
    // (`Spending on education, at 17.2 percent of general public budget expenditure, was`: a level set off by `, at …,`
    // before the verb is the noun's before the comma; `at` is no verb after an appositive there)
    const atComma = crossed === 1 && /^,\s+$/.test(token.post) && tokens[i + 1]?.text.toLowerCase() === 'at' && closedBeforeVerb(tokens, from + 1, compiled);
    const antecedent = !atComma && (crossed >= 1 || token.end <= floor || hasTag(tokens[i + 1], 'Verb')) && /^,\s+$/.test(token.post) && verbAfterAppositive(tokens, i + 1, compiled) ? relativeAntecedent(tokens, i, compiled) : -1;
    if (antecedent >= 0) {
      // (`those to the United States, which took about 13% of …, slid 9.7%`: the quantity before
      // stands inside the clause, so it no longer bounds the subject)
      if (tokens[antecedent]!.start < floor) floor = 0;
      i = antecedent;
      break;
    }
    // `Per capita disposable income of rural residents, the group we most wanted to help, rose`: a description
    // between commas before the verb is crossed to the noun before it (`, exceeded 780 billion yuan`: the verb
    // may be the number's bound word)
    const described = !atComma && /^,\s+$/.test(token.post) && verbAfterAppositive(tokens, i + 1, compiled) ? describedNoun(tokens, i, compiled) : -1;
    if (described >= 0) {
      if (tokens[described]!.start < floor) floor = 0;
      i = described;
      break;
    }
    if (!atComma && crossed >= 1 && /^,\s+$/.test(token.post) && verbAfterAppositive(tokens, i + 1, compiled) && isHeadNoun(tokens, i, compiled)) {
      const renamed = renamedNoun(tokens, i, floor, compiled);
      // `Output of the forestry industry, including timber processing, … and under-forest planting,
      // totaled`: no appositive but examples, whose last item reads as a noun
      const examples = renamed < 0 ? examplesStart(text, tokens, i, floor, compiled) : -1;
      if (examples >= 0) {
        i = examples;
        break;
      }
      if (renamed < 0) return null;
      if (!hasTag(tokens[renamed + 1], 'Determiner')) appositiveEnd = i;
      i = renamed;
      break;
    }
    // `Exports of the so-called new three products -- electric vehicles, lithium batteries and solar
    // cells -- totaled`: an appositive between dashes before the verb is crossed to the noun before it
    const dashed = crossed >= 1 && DASHES.test(token.post) && verbAfterAppositive(tokens, i + 1, compiled) ? dashAntecedent(tokens, i, floor, compiled) : -1;
    if (dashed >= 0) {
      i = dashed;
      break;
    }
    // `its first quarterly profit, of 1.1 billion yuan`: the noun the amount is set off from
    const ofComma = crossed === 1 && /^,\s+$/.test(token.post) && (tokens[i + 1]?.text.toLowerCase() === 'of' || atComma) && isHeadNoun(tokens, i, compiled);
    // `and clean energy, including natural gas, hydropower, wind and solar, for 29.6 percent`: examples
    // set off by commas before the crossed words are crossed to the noun they follow
    const examples = crossed >= 1 && /^,\s+$/.test(token.post) ? examplesStart(text, tokens, i, floor, compiled) : -1;
    if (examples >= 0) {
      i = examples;
      break;
    }
    if (token.start < floor || (!OPEN_POST.test(token.post) && !key && !appositive && !ofComma)) return null;
    if (key) break;
    // `China's economic growth this year to 4.8 percent`: a time after the subject only dates it
    if (/^(year|month|quarter)$/i.test(token.text) && /^(this|next|last)$/i.test(tokens[i - 1]?.text ?? '') && /^\s+$/.test(tokens[i - 1]!.post)) {
      i -= 1;
      continue;
    }
    // `2.4 percent to 2.64 percent`: a unit after a number belongs to the quantity before
    const quantityUnit = isUnitWord(token, compiled) && hasTag(tokens[i - 1], 'Value');
    if (quantityUnit) return null;
    // `to 14.9 yuan per kilogram from 16.6 yuan`: the base of a rate after a unit belongs to the quantity before
    if (/^per$/i.test(tokens[i - 1]?.text ?? '') && i >= 2 && isUnitWord(tokens[i - 2]!, compiled) && /^\s+$/.test(tokens[i - 1]!.post)) return null;
    if (crossed === 0 && headlineVerb(tokens, i, compiled)) {
      mainVerb = i;
      finiteCrossed = true;
      continue;
    }
    // `PM2.5 concentration in cities at prefecture level and above to 28`: `and above` closes the
    // phrase before it
    if (/^(?:above|below)$/i.test(token.text) && /^(?:and|or)$/i.test(tokens[i - 1]?.text ?? '') && i >= 2 && /^\s+$/.test(tokens[i - 2]!.post) && isHeadNoun(tokens, i - 2, compiled)) {
      i -= 2;
      break;
    }
    // `costs are still eating up more than 10 percent`: a progressive's gerund with its particle is the verb
    const beforeGerund = tokens[i - 1];
    if (hasTag(token, 'Gerund') && hasTag(tokens[i + 1], 'Particle') && beforeGerund !== undefined && (hasTag(beforeGerund, 'Copula', 'Auxiliary', 'Adverb') || compiled.subjects.crossedAdverbs.has(beforeGerund.text.toLowerCase()))) {
      finiteCrossed = true;
      continue;
    }
    // `Migrant workers, who number around 8.5 million`, `who now number`, `, which now number`: the word
    // right after a relative `who` or `, which` (an adverb may stand between) is the clause's verb, even
    // one that could be a noun
    if (afterWho(tokens, i, compiled)) {
      finiteCrossed = true;
      continue;
    }
    // `the area burned shrank to 2,300 hectares`: a regular past between a noun and the finite verb
    // just crossed is a participle that says which; the phrase ends with it
    if (finiteCrossed && reducedParticiple(tokens, i, floor, compiled)) {
      appositiveEnd = i;
      i -= 1;
      break;
    }
    // (`were little changed at`: a listed adverb is crossed even where it could head a phrase)
    if (!compiled.subjects.crossedAdverbs.has(token.text.toLowerCase()) && (isHeadNoun(tokens, i, compiled) || adjectiveAsNoun(tokens, i))) {
      // `Ticket revenue at the 86 scenic spots the bureau monitors rose`: a contact clause (a
      // determiner, a noun and its verb) between the noun and the finite verb is crossed to that noun
      // (`rose`, which compromise may tag a noun, is crossed as a verb cue)
      const contact = finiteCrossed || cueCrossed ? contactClauseHead(tokens, i, floor, compiled) : -1;
      if (contact >= 0) i = contact;
      break;
    }
    if (finiteVerb(token)) {
      if (!finiteCrossed) mainVerb = i;
      finiteCrossed = true;
    }
    if (compiled.verbCues.has(token.text.toLowerCase())) {
      // (`rose`, which compromise may tag a noun, is the verb; `to`, `at` are not)
      if (mainVerb < 0 && !finiteCrossed && !hasTag(token, 'Preposition', 'Conjunction')) mainVerb = i;
      cueCrossed = true;
    }
    const afterCopula = hasTag(tokens[i - 1], 'Copula', 'Auxiliary', 'Modal') || /^(?:be|been|being)$/i.test(tokens[i - 1]?.text ?? ''); // `is set at`, `will be set at`
    const word = token.text.toLowerCase();
    // `A survey found that 73 percent of …`: `that` after a verb opens the number's own clause
    if (word === 'that' && hasTag(tokens[i - 1], 'Verb') && !isNounLike(tokens, i - 1, compiled)) return null;
    // `a trade-in subsidy program that we estimate at 250 billion yuan`: the noun an object relative
    // clause follows is what its verb sizes
    if (crossed >= 1 && hasTag(token, 'Pronoun') && /^\s+$/.test(token.post) && /^(?:that|which)$/i.test(tokens[i - 1]?.text ?? '') && /^\s+$/.test(tokens[i - 1]!.post) && i >= 2 && /^\s+$/.test(tokens[i - 2]!.post) && tokens[i - 2]!.start >= floor && isHeadNoun(tokens, i - 2, compiled) && !isUnitWord(tokens[i - 2]!, compiled)) {
      i -= 2;
      relative = true;
      break;
    }
    // `said Li Xiaomei, 52, who now manages 40 mu`: the person a `who` after a comma follows does
    // what its clause says (an age between commas is crossed)
    if (word === 'who') {
      const person = whoAntecedent(tokens, i, floor, compiled);
      if (person < 0) return null;
      // `The share of people who exercise regularly rose to`: a clause with no comma before `who`, ending
      // before the verb that gives the number, says which people; the phrase ends with it
      if (person === i - 1 && mainVerb > i + 1 && tokens.slice(i, mainVerb).every((t) => /^\s+$/.test(t.post))) appositiveEnd = mainVerb - 1;
      i = person;
      name = hasTag(tokens[i], 'ProperNoun');
      relative = true;
      break;
    }
    // `general public budget revenue, which grew 3.1 percent, came to`: likewise the noun a `, which`
    // follows (not `of which`, nor a `which` after a number: `grew 5%, which beat …`)
    if (word === 'which' && /^,\s+$/.test(tokens[i - 1]?.post ?? '') && tokens[i - 1]!.start >= floor && isHeadNoun(tokens, i - 1, compiled) && !isUnitWord(tokens[i - 1]!, compiled)) {
      i -= 1;
      relative = true;
      break;
    }
    // `reduce profits tax for 2025-26 by 100 per cent`, `GDP in 2025 grew`: a year after a preposition
    // (not `at the end of 2024`: the phrase before `of` is a time)
    // (`in February 2026`: a month may stand between)
    const month = hasTag(tokens[i - 1], 'Month') ? 1 : 0;
    const year = hasTag(token, 'Year') && /^(for|in)$/i.test(tokens[i - 1 - month]?.text ?? '');
    if (year) i -= month;
    // `the people who traveled with them came to`: an object pronoun inside a `who` clause is crossed to the clause's `who`
    const inWho = hasTag(token, 'Pronoun') && OBJECT_PRONOUN.test(word) && tokens.slice(Math.max(0, i - MAX_WHO_REACH), i).some((t) => t.text === 'who');
    // `and wages paid to them came to`: the object pronoun of a participle's preposition, between a noun and the
    // finite verb, says which; the phrase ends at the noun
    if (finiteCrossed && hasTag(token, 'Pronoun') && OBJECT_PRONOUN.test(word) && hasTag(tokens[i - 1], 'Preposition') && hasTag(tokens[i - 2], 'PastTense') && i >= 3 && tokens.slice(i - 3, i).every((t) => /^\s+$/.test(t.post)) && tokens[i - 3]!.start >= floor && isHeadNoun(tokens, i - 3, compiled) && !isUnitWord(tokens[i - 3]!, compiled)) {
      i -= 3;
      break;
    }
    if (!compiled.verbCues.has(word) && !hasTag(token, ...CROSS_TAGS) && !afterCopula && !year && !inWho && !compiled.subjects.crossedAdverbs.has(word)) return null;
  }
  if (i < 0 || crossed >= MAX_CROSSED) return null;
  // `rose 3.2 percent in volume to 8.6 million tonnes`: `in` + a word english-subjects.yaml
  // not_subjects lists, right after a unit, says how the number before was measured
  if (tokens[i - 1]?.text.toLowerCase() === 'in' && i >= 2 && isUnitWord(tokens[i - 2]!, compiled) && compiled.subjects.notSubjects.has(`in ${tokens[i]!.text.toLowerCase()}`)) return null;
  const last = i;
  let first = i;
  // an `and` already read makes the phrase a list, whose earlier items stand after commas
  let list = false;
  for (let j = i - 1; j >= 0 && last - j < MAX_PHRASE; j--) {
    const token = tokens[j]!;
    if (token.start < floor || (name && !(hasTag(token, 'ProperNoun') && /^\s+$/.test(token.post)))) break;
    // `people aged 16 to 24 not in school`: an age range after a noun and a `not` before a joiner
    // stay inside the phrase
    if (negatedJoiner(tokens, j, compiled)) continue;
    const aged = ageRangeStart(tokens, j, compiled);
    if (aged >= 0) {
      j = aged;
      continue;
    }
    if (countInPhrase(tokens, j, compiled)) continue;
    // `Spending on education, social security and health`: the first items of a list
    // (`pork, beef, mutton and poultry`: an item compromise reads as a verb is a noun between commas)
    const listComma = list && /^,\s+$/.test(token.post) && (isNounLike(tokens, j, compiled) || listedVerb(tokens, j)) && !hasTag(token, 'Date');
    if (!/^[\s-]*$/.test(token.post) && !bracketed(tokens, j) && !listComma) break;
    const word = token.text.toLowerCase();
    // `Energy consumption per 10,000 yuan of GDP`: the base of a rate stays inside the phrase
    if (hasTag(token, 'Value') && tokens[j - 1]?.text.toLowerCase() === 'per' && /^\s+$/.test(token.post)) continue;
    if (word === 'and') list = true;
    // `products such as textiles, garments and furniture`: the noun before the examples
    const opener = exampleOpenerEndingAt(tokens, j, compiled);
    if (opener > 0 && inPhrase(tokens, j - opener, compiled) && /^\s+$/.test(tokens[j - opener]!.post)) {
      j -= opener - 1;
      continue;
    }
    // `per capita GDP`: the Latin phrase opens the subject
    if (word === 'per' && tokens[j + 1]?.text.toLowerCase() === 'capita') {
      first = j;
      continue;
    }
    // `The minimum wage in the first category of areas`: an ordinal after a determiner stays inside
    // the phrase (the determiner then opens it, or stands after a joiner as below)
    if (hasTag(token, 'Ordinal') && !hasTag(token, 'Date') && /^\s+$/.test(token.post) && hasTag(tokens[j - 1], 'Determiner')) continue;
    // `share of the total`: a determiner right after a joiner stays inside the phrase
    // (`The average rent for such flats`: `such`, which compromise reads as an adverb, as well)
    if ((hasTag(token, 'Determiner') || word === 'such') && j > 0 && compiled.subjects.joiners.has(tokens[j - 1]!.text.toLowerCase())) continue;
    // `cities at and above the prefecture level`, `in and around`: two joiners joined by `and`/`or`
    if (compiled.subjects.joiners.has(word) && j >= 2 && /^(and|or)$/i.test(tokens[j - 1]!.text) && tokens[j - 2]!.text.toLowerCase() !== 'and' && compiled.subjects.joiners.has(tokens[j - 2]!.text.toLowerCase()) && /^\s+$/.test(tokens[j - 2]!.post) && /^\s+$/.test(tokens[j - 1]!.post)) {
      j -= 2;
    }
    // `numbered 2.4 million last year with an average size of 420,000 yuan`: a time before the joiner dates the
    // clause before it; it is no part of the phrase
    if (compiled.subjects.joiners.has(word) && j >= 2 && compiled.subjects.timeWords.has(tokens[j - 1]!.text.toLowerCase()) && /^(?:last|this|next|previous)$/i.test(tokens[j - 2]!.text)) break;
    if (compiled.subjects.joiners.has(word) && !hyphenJoined(tokens, j)) {
      // (`the share of insurance funds invested in stocks to 15 percent`: after an `of`, as below)
      const participle = (finiteCrossed || afterOfNoun(tokens, j - 1, compiled)) && (participleAfterNoun(tokens, j - 1, compiled) || pairedParticiple(tokens, j - 1, compiled));
      // `jewellery, watches and clocks, and valuable gifts`: a comma may stand before a list's `and`
      const oxford = word === 'and' && /^,\s+$/.test(tokens[j - 1]?.post ?? '') && listBefore(tokens, j - 1, compiled);
      const negated = negatedJoiner(tokens, j - 1, compiled) && (inPhrase(tokens, j - 2, compiled) || ageRangeStart(tokens, j - 2, compiled) >= 0);
      if (j === 0 || !(inPhrase(tokens, j - 1, compiled) || standIn(tokens, j - 1, compiled) || gerundBeforeJoiner(tokens, j - 1, compiled) || participle || negated) || !(/^[\s-]*$/.test(tokens[j - 1]!.post) || bracketed(tokens, j - 1) || oxford)) break;
      continue;
    }
    // `the so-called new three products`: a spelled number between a modifier and a noun names them
    if (spelledInName(tokens, j)) {
      first = j;
      continue;
    }
    // `county hospitals able to perform grade-three surgery`: `able to` and its verb after a noun say which
    if (ableTo(tokens, j, compiled)) {
      j -= 2;
      continue;
    }
    // `cut the average time to settle small claims to three days`: across a level word, an infinitive right after a
    // noun says what the noun is for
    if (first === j + 1 && cueCrossed && purposeInfinitive(tokens, j, compiled)) {
      j -= 1;
      continue;
    }
    // `Goods imported and exported through Yangpu port, …, totaled`: two participles joined by `and` say which, as one does
    if (finiteCrossed && pairedParticiple(tokens, j, compiled)) {
      j -= 2;
      first = j;
      continue;
    }
    if (!inPhrase(tokens, j, compiled) && !standIn(tokens, j, compiled) && !gerundBeforeJoiner(tokens, j, compiled) && !(listComma && listedVerb(tokens, j)) && !((finiteCrossed || afterOfNoun(tokens, j, compiled)) && participleAfterNoun(tokens, j, compiled)) && !(first === j + 1 && participleAfterVerb(tokens, j, compiled))) {
      // `revenue from emerging services such as cloud computing and big data rose`: the first word
      // of the examples, read as a verb (`cloud`), right after the opener: the noun before the opener
      const examples = first === j + 1 && /^\s+$/.test(token.post) ? exampleOpenerEndingAt(tokens, j - 1, compiled) : 0;
      if (examples > 0 && inPhrase(tokens, j - 1 - examples, compiled) && /^\s+$/.test(tokens[j - 1 - examples]!.post)) {
        j -= examples;
        continue;
      }
      break;
    }
    first = j;
  }
  // `Households who chose cash compensation instead of resettlement flats numbered 386,000`: the phrase is the object
  // of a restrictive relative clause that ends right before the number's verb; the clause's antecedent is the subject
  if (finiteCrossed && !relative && appositiveEnd < 0) {
    const head = restrictiveAntecedent(tokens, first, floor, compiled);
    if (head >= 0) return phraseBefore(text, tokens, head, floor, compiled);
  }
  // `Small theaters and livehouses, whose number has grown to about 9,200`: `whose number` counts the antecedent, as
  // `the number of` counts what follows it (english-units.yaml count_phrases)
  if (first === last && first >= 2 && tokens[first - 1]!.text.toLowerCase() === 'whose' && compiled.countPhrases.includes(`${tokens[first]!.text.toLowerCase()} of`) && /^,\s+$/.test(tokens[first - 2]!.post) && tokens[first - 2]!.start >= floor && isHeadNoun(tokens, first - 2, compiled)) {
    return phraseBefore(text, tokens, first - 2, floor, compiled, true);
  }
  return { phrase: text.slice(tokens[first]!.start, tokens[appositiveEnd < 0 ? last : appositiveEnd]!.end), first, last, relative };
}

// the noun before a `who`/`that` that opens a clause of one verb (not a copula or an auxiliary) right after it,
// spaced words only, ending right before token `first`; or -1
const MAX_RESTRICTIVE = 10;
function restrictiveAntecedent(tokens: readonly Token[], first: number, floor: number, compiled: CompiledEnglish): number {
  let verbs = 0;
  for (let k = first - 1; k >= 1 && first - k <= MAX_RESTRICTIVE && tokens[k]!.start >= floor; k--) {
    if (!/^\s+$/.test(tokens[k]!.post)) return -1;
    const word = tokens[k]!.text.toLowerCase();
    if (word === 'who' || word === 'that') {
      const head = tokens[k - 1]!;
      const verb = tokens[k + 1];
      const clauseVerb = verbs === 1 && hasTag(verb, 'Verb') && !hasTag(verb, 'Copula', 'Auxiliary', 'Modal', 'Gerund');
      return clauseVerb && /^\s+$/.test(head.post) && head.start >= floor && isHeadNoun(tokens, k - 1, compiled) && !isUnitWord(head, compiled) ? k - 1 : -1;
    }
    if (hasTag(tokens[k], 'Verb')) verbs++;
  }
  return -1;
}

// the index of the head noun before `, including …,` when token `i` ends such examples (all after
// `floor`), or -1
const MAX_EXAMPLES = 100;
function examplesStart(text: string, tokens: readonly Token[], i: number, floor: number, compiled: CompiledEnglish): number {
  const end = tokens[i]!.end;
  const from = Math.max(floor, end - MAX_EXAMPLES);
  const before = text.slice(from, end).toLowerCase();
  for (const opener of compiled.subjects.exampleOpeners) {
    const at = before.lastIndexOf(`, ${opener.join(' ')} `);
    if (at < 0 || /[;:.]/.test(before.slice(at))) continue;
    const k = tokenBefore(tokens, from + at);
    return k >= 0 && isHeadNoun(tokens, k, compiled) ? k : -1;
  }
  return -1;
}

/** The noun phrase that starts at UTF-16 index `at` (after any determiners), or null. */
export function phraseAt(text: string, tokens: readonly Token[], at: number, compiled: CompiledEnglish): string | null {
  let i = tokenAtOrAfter(tokens, skipSpaceForward(text, at));
  while (i < tokens.length && hasTag(tokens[i], 'Determiner')) i++;
  return phraseForward(text, tokens, i, compiled);
}

/**
 * Null for a phrase that only names a change (`increase`, `year-on-year increase`, `average annual
 * increase`: english-subjects.yaml change_modifiers): it says how
 * the number moved, not what it measures, so the next way of finding a subject is tried. Phrases
 * that english-subjects.yaml lists as naming nothing (`year on year`) are dropped by the caller.
 */
export function informative(phrase: string | null, compiled: CompiledEnglish): string | null {
  if (phrase === null) return null;
  const isCue = (word: string) => compiled.changeCuePhrases.has(word);
  const all = phrase.toLowerCase().split(/\s+/);
  // (`an average annual increase of 8.1 percent`, `year-on-year increase`: beside a change noun,
  // `average`, `annual` and a hyphenated compound only say how it was measured; `Day-trippers spent`
  // names who spent)
  const changeNoun = all.some(isCue);
  const rest = all.filter(
    (word) => word !== '' && !isCue(word) && !(changeNoun && compiled.subjects.changeModifiers.has(word)) && !(changeNoun && /^[a-z]+(-[a-z]+)+$/.test(word) && !datesRate(word, compiled)) && word !== 'a' && word !== 'an',
  );
  // (`grew 21 percent in the quarter to 48 billion yuan`: a phrase of time words says when, not what)
  const when = rest.every((word) => word === 'the' || compiled.subjects.timeWords.has(word));
  return rest.length === 0 || when ? null : phrase;
}

// `second-quarter growth`, `full-year growth`: a hyphenated period before a rate names which rate
// (`year-on-year increase` does not: it only says how the change was measured)
function datesRate(word: string, compiled: CompiledEnglish): boolean {
  return !word.includes('-on-') && word.split('-').some((part) => compiled.subjects.timeWords.has(part));
}

// a noun-phrase word, or a participle right after a noun (`the population living in cities`,
// `government spending on education`)
function inPhrase(tokens: readonly Token[], j: number, compiled: CompiledEnglish): boolean {
  if (isNounLike(tokens, j, compiled) || modifyingAdverb(tokens, j, compiled)) return true;
  return hasTag(tokens[j], 'Gerund') && j > 0 && isHeadNoun(tokens, j - 1, compiled) && /^\s+$/.test(tokens[j - 1]!.post);
}

function phraseForward(text: string, tokens: readonly Token[], from: number, compiled: CompiledEnglish): string | null {
  let last = -1;
  for (let i = from; i < tokens.length && i - from < MAX_PHRASE; i++) {
    const token = tokens[i]!;
    // `120 bn in investment and USD 3.5 billion`: a unit or a number after a joiner opens the next quantity
    const next = i + 1 < tokens.length && isNounLike(tokens, i + 1, compiled) && !isUnitWord(tokens[i + 1]!, compiled) && !hasTag(tokens[i + 1], 'Value') && !currencyGlued(tokens[i + 1]!, compiled);
    // `Retail sales of consumer goods`, `Fortune Global 500 companies`: a joiner or a number inside a name
    const inside = i > from && next && (compiled.subjects.joiners.has(token.text.toLowerCase()) || hasTag(token, 'Value'));
    // `paid 31.5 billion yuan in taxes and cut`: right after a preposition, a plural compromise reads
    // as a verb is a noun
    const plural = i === from && pluralAfterPreposition(tokens, i);
    // `small and medium-sized firms`: a plural right after a hyphenated compound in -ed is its head, whatever
    // compromise tags it (`firms` a verb)
    const head = i > from + 1 && tokens[i - 2]!.post === '-' && /\p{L}ed$/u.test(tokens[i - 1]!.text) && /^\s+$/.test(tokens[i - 1]!.post) && /^\p{Ll}+s$/u.test(token.text);
    if (!inside && !plural && !head && (!isNounLike(tokens, i, compiled) || (i > from && verbAfterPlural(tokens, i, compiled)))) break;
    if (!inside && (plural || head || isHeadNoun(tokens, i, compiled))) last = i;
    // `residents' income`: a plural's apostrophe makes it the possessive of the noun after it
    if (/^['’]\s+$/.test(token.post) && /s$/i.test(token.text) && isHeadNoun(tokens, i + 1, compiled)) continue;
    if (!/^[\s-]*$/.test(token.post)) break;
  }
  return last < 0 ? null : text.slice(tokens[from]!.start, tokens[last]!.end);
}

// a cardinal (not a year, a date or an ordinal) right before a noun that is no unit: `60 key projects`
function countBeforeNoun(tokens: readonly Token[], i: number, compiled: CompiledEnglish): boolean {
  const token = tokens[i];
  if (!token || !hasTag(token, 'Cardinal') || hasTag(token, 'Date', 'Ordinal') || /^(1[89]|20)\d\d$/.test(token.text) || !/^\s+$/.test(token.post)) return false;
  const next = tokens[i + 1];
  return next !== undefined && isNounLike(tokens, i + 1, compiled) && !isUnitWord(next, compiled) && !hasTag(next, 'Value');
}

function isChangeWord(word: string, compiled: CompiledEnglish): boolean {
  return compiled.changeWords.has(word);
}

// a unit phrase, or the end of one after a space (`meters` of `cubic meters`)
function isUnitWord(token: Token, compiled: CompiledEnglish): boolean {
  return hasTag(token, 'Unit') || unitEndings(compiled).has(token.text.toLowerCase());
}

/**
 * Every unit phrase and each of its endings after a space, per compiled rules: `isUnitWord` is
 * asked of most tokens near a number, and tested each unit phrase in turn (10 MB corpus, the
 * English stage alone four times, memos fresh, --cpu-prof: subject.ts self time 736 → 192 ms).
 */
const unitEndingsOf = new WeakMap<CompiledEnglish, ReadonlySet<string>>();

function unitEndings(compiled: CompiledEnglish): ReadonlySet<string> {
  let endings = unitEndingsOf.get(compiled);
  if (endings === undefined) {
    const set = new Set<string>();
    for (const { phrase } of compiled.unitsAfter.entries) {
      set.add(phrase);
      for (let i = phrase.indexOf(' '); i >= 0; i = phrase.indexOf(' ', i + 1)) set.add(phrase.slice(i + 1));
    }
    endings = set;
    unitEndingsOf.set(compiled, endings);
  }
  return endings;
}

function levelOrChangeVerb(token: Token, compiled: CompiledEnglish): boolean {
  const word = token.text.toLowerCase();
  return hasTag(token, 'Copula') || compiled.verbCues.has(word) || (token.root !== null && compiled.changeRoots.has(token.root.toLowerCase()));
}

// how many words an example opener (`such as`) ending at token j has, or 0
function exampleOpenerEndingAt(tokens: readonly Token[], j: number, compiled: CompiledEnglish): number {
  for (const opener of compiled.subjects.exampleOpeners) {
    const n = opener.length;
    if (j - n < 0) continue;
    if (opener.every((word, k) => tokens[j - n + 1 + k]!.text.toLowerCase() === word && (k === n - 1 || /^\s+$/.test(tokens[j - n + 1 + k]!.post)))) return n;
  }
  return 0;
}

// `the state spends on`: an article, a noun, a verb in the present or past, a joiner
function relativeClause(tokens: readonly Token[], i: number, compiled: CompiledEnglish): boolean {
  const [article, noun, verb, joiner] = [tokens[i], tokens[i + 1], tokens[i + 2], tokens[i + 3]];
  if (!article || !noun || !verb || !joiner) return false;
  const spaced = [article, noun, verb].every((token) => /^\s+$/.test(token.post));
  return spaced && hasTag(article, 'Determiner') && hasTag(noun, 'Noun') && !hasTag(noun, 'Pronoun', 'Unit') && hasTag(verb, 'Verb') && !hasTag(verb, 'Copula', 'Auxiliary', 'Modal', 'Gerund') && compiled.subjects.afterUnit.has(joiner.text.toLowerCase()) && joiner.text.toLowerCase() !== 'of';
}

// `Home prices in 70 major cities slipped`: a count that stands after a joiner, with its noun
// right before the floor, is inside the phrase: it no longer bounds the subject
function liftedFloor(tokens: readonly Token[], floor: number, compiled: CompiledEnglish): number {
  let k = tokenBefore(tokens, floor);
  while (k >= 0 && tokens[k]!.end <= floor && (isNounLike(tokens, k, compiled) || modifyingAdverb(tokens, k, compiled)) && /^[\s-]*$/.test(tokens[k]!.post) && !hasTag(tokens[k], 'Value')) {
    if (isUnitWord(tokens[k]!, compiled)) return floor; // `by 2.1 percentage points to 87.2 percent`: a measure, not a count
    k--;
  }
  // `some 81 million mobile phones and tablets priced below 6,000 yuan each`: an `and` right after a count's
  // noun joins the next noun to it, and the floor moves back to that noun's start
  const run = tokens[k + 1];
  if (run !== undefined && run.end <= floor && hasTag(tokens[k], 'Value') && tokens[tokenAtOrAfter(tokens, floor)]?.text.toLowerCase() === 'and') return run.start;
  return k >= 0 && countInPhrase(tokens, k, compiled) ? 0 : floor;
}

// `Rmb3.2bn`, `HK$200`: one token holding a currency and its number opens a quantity
function currencyGlued(token: Token, compiled: CompiledEnglish): boolean {
  const digit = token.text.search(/\d/);
  return digit > 0 && matchBackward(compiled.unitsBefore, token.text, digit) !== null;
}

// a plain cardinal between a joiner (not `and`) and the rest of a phrase: `prices in 70 major
// cities`, `income in the 58 counties` (`concentration in the province's 13 cities`: a possessive may stand
// before the number)
const POSSESSIVE = /\p{L}['’]s$/u;
function countInPhrase(tokens: readonly Token[], j: number, compiled: CompiledEnglish): boolean {
  const token = tokens[j]!;
  let k = j - 1;
  if (POSSESSIVE.test(tokens[k]?.text ?? '') && /^\s+$/.test(tokens[k]!.post)) k--;
  if (hasTag(tokens[k], 'Determiner') && /^\s+$/.test(tokens[k]!.post)) k--;
  const joiner = tokens[k]?.text.toLowerCase();
  if (!hasTag(token, 'Cardinal') || hasTag(token, 'Percent', 'Money', 'Date') || !/^\s+$/.test(token.post)) return false;
  // `The 49 national parks and candidate areas, which together cover`: a count after the `The` that opens a sentence
  if (/^the$/i.test(tokens[j - 1]?.text ?? '') && /^\s+$/.test(tokens[j - 1]!.post) && (j < 2 || /[.;:!?]\s*$/.test(tokens[j - 2]!.post)) && !hasTag(token, 'Year') && /^\d[\d,]*$/.test(token.text)) return true;
  return joiner !== undefined && joiner !== 'and' && compiled.subjects.joiners.has(joiner) && /^\s+$/.test(tokens[k]!.post);
}

// token j is the verb of `able to <verb>` (or `unable to`) right after a head noun, or of a regular past participle and
// `to` (`tax refunds introduced to support businesses saved`)
function ableTo(tokens: readonly Token[], j: number, compiled: CompiledEnglish): boolean {
  if (j < 3 || !hasTag(tokens[j], 'Infinitive') || hasTag(tokens[j], 'Copula') || !/^\s+$/.test(tokens[j]!.post)) return false;
  const participle = hasTag(tokens[j - 2], 'PastTense') && !hasTag(tokens[j - 2], 'Auxiliary', 'Copula', 'Modal') && /\p{L}ed$/u.test(tokens[j - 2]!.text);
  if (tokens[j - 1]!.text.toLowerCase() !== 'to' || !(participle || /^(?:able|unable)$/i.test(tokens[j - 2]!.text))) return false;
  return [j - 3, j - 2, j - 1].every((k) => /^\s+$/.test(tokens[k]!.post)) && isHeadNoun(tokens, j - 3, compiled);
}

// token j is the verb of `to <verb>` right after a noun compromise tags a noun (`time to settle`), and the phrase
// read so far is its object. Not a level or change verb, whose object is what the number moves (`a plan to cut staff
// by 15 percent`, `aims to lower PM2.5 concentration … to 28`), nor a recipient verb (`the policies to save
// taxpayers 2.5 trillion yuan`), nor after a verb of intent (`plans`, `aims`)
function purposeInfinitive(tokens: readonly Token[], j: number, compiled: CompiledEnglish): boolean {
  const verb = tokens[j];
  if (j < 2 || verb === undefined || !hasTag(verb, 'Infinitive') || hasTag(verb, 'Copula', 'Auxiliary', 'Modal') || tokens[j - 1]!.text.toLowerCase() !== 'to') return false;
  const word = verb.text.toLowerCase();
  if (levelOrChangeVerb(verb, compiled) || compiled.byVerbs.entries.some((entry) => entry.phrase === word) || compiled.subjects.recipientVerbs.has(word)) return false;
  const noun = tokens[j - 2]!;
  const intent = noun.text.toLowerCase();
  if (compiled.intentVerbs.has(intent) || compiled.modalityCues.entries.some((entry) => entry.phrase === intent && entry.value.modality === 'target')) return false;
  return [j - 2, j - 1, j].every((k) => /^\s+$/.test(tokens[k]!.post)) && hasTag(noun, 'Noun') && !hasTag(noun, 'Pronoun', 'Unit', 'Value', 'Date') && isHeadNoun(tokens, j - 2, compiled) && !isUnitWord(noun, compiled);
}

// a present tense or infinitive between list commas (compromise's `beef`)
function listedVerb(tokens: readonly Token[], j: number): boolean {
  return hasTag(tokens[j], 'PresentTense', 'Infinitive') && !hasTag(tokens[j], 'PastTense', 'Copula', 'Modal', 'Auxiliary');
}

// `nursing subsidies for those with severe disabilities`: a stand-in pronoun (english-subjects.yaml
// stand_in_pronouns) between two joiners (not `and`) stands for a noun inside the phrase
function standIn(tokens: readonly Token[], j: number, compiled: CompiledEnglish): boolean {
  const [before, token, after] = [tokens[j - 1], tokens[j], tokens[j + 1]];
  if (before === undefined || token === undefined || after === undefined || !compiled.subjects.standIns.has(token.text.toLowerCase())) return false;
  const joiner = (word: Token) => word.text.toLowerCase() !== 'and' && compiled.subjects.joiners.has(word.text.toLowerCase());
  return joiner(before) && joiner(after) && /^\s+$/.test(before.post) && /^\s+$/.test(token.post);
}

// `Spending on education`: a gerund before a joiner (not `and`) is a noun
function gerundBeforeJoiner(tokens: readonly Token[], j: number, compiled: CompiledEnglish): boolean {
  const joiner = tokens[j + 1]?.text.toLowerCase();
  return hasTag(tokens[j], 'Gerund') && joiner !== undefined && joiner !== 'and' && compiled.subjects.joiners.has(joiner);
}

// `product (GRP) of Shaanxi`: one bracketed acronym stands inside the phrase
function bracketed(tokens: readonly Token[], k: number): boolean {
  const token = tokens[k]!;
  return token.pre === '(' && /^\)\s+$/.test(token.post) && hasTag(token, 'Acronym');
}

function hyphenJoined(tokens: readonly Token[], j: number): boolean {
  return tokens[j]!.post === '-' || tokens[j - 1]?.post === '-';
}

// the noun before the comma that opens the appositive ending at token `i`, or -1: the appositive
// is a short noun phrase (`, polyethylene,`, `, the third-highest in the country,`)
function renamedNoun(tokens: readonly Token[], i: number, floor: number, compiled: CompiledEnglish): number {
  for (let j = i - 1; j >= 0 && i - j <= MAX_APPOSITIVE && tokens[j]!.start >= floor; j--) {
    const token = tokens[j]!;
    // (`The broad money supply (M2), a key gauge of liquidity,`: a bracket may close before the comma)
    if (/^\)?,\s+$/.test(token.post)) return isHeadNoun(tokens, j, compiled) ? j : -1;
    const joiner = compiled.subjects.joiners.has(token.text.toLowerCase()) && token.text.toLowerCase() !== 'and';
    if (!/^[\s-]+$/.test(token.post) || !(isNounLike(tokens, j, compiled) || hasTag(token, 'Determiner') || joiner)) return -1;
  }
  return -1;
}

// the noun before the comma that opens an appositive holding token `from`, when a crossed adverb opens
// it and no verb follows (`, already among the highest in China at`; not `, now stands at`), or -1
function adverbAppositive(tokens: readonly Token[], from: number, floor: number, compiled: CompiledEnglish): number {
  if (from < 1 || !/^\s+$/.test(tokens[from]!.post)) return -1;
  for (let j = from - 1; j >= 0 && from - j <= MAX_RELATIVE && tokens[j]!.start >= floor; j--) {
    if (/^,\s+$/.test(tokens[j]!.post)) {
      const verbless = tokens.slice(j + 2, from + 1).every((token) => (!hasTag(token, 'Verb') && !compiled.verbCues.has(token.text.toLowerCase())) || hasTag(token, 'Preposition', 'Conjunction'));
      return verbless && compiled.subjects.crossedAdverbs.has(tokens[j + 1]!.text.toLowerCase()) && isHeadNoun(tokens, j, compiled) && !isUnitWord(tokens[j]!, compiled) ? j : -1;
    }
    if (!/^[\s-]*$/.test(tokens[j]!.post)) return -1;
  }
  return -1;
}

// the noun before the comma that opens a description ending at token `i`, or -1: an article and, within
// three words, a noun, with anything after them but a clause's punctuation (`, a gauge of how well banks
// can absorb losses,`, `, the group we most wanted to help,`, `, a 135-kilometer waterway linking Nanning
// to the sea,`), or a regular past participle and its preposition (`, boosted by the China-ASEAN Free
// Trade Area,`), or `those` and a participle (`, those selling more than 500 hogs a year,`). The
// description may hold a quantity, and so the floor
function describedNoun(tokens: readonly Token[], i: number, compiled: CompiledEnglish): number {
  for (let j = i - 1; j >= 0 && i - j <= MAX_RELATIVE; j--) {
    if (/^\)?,\s+$/.test(tokens[j]!.post)) {
      const [first, second] = [tokens[j + 1]!, tokens[j + 2]];
      if (!/^\s+$/.test(first.post) || second === undefined) return -1;
      const described = /^(?:a|an|the)$/i.test(first.text) && [j + 2, j + 3, j + 4].some((k) => k <= i && isHeadNoun(tokens, k, compiled));
      const participle = hasTag(first, 'PastTense') && /\p{L}ed$/u.test(first.text) && !hasTag(first, 'Auxiliary', 'Copula', 'Modal') && hasTag(second, 'Preposition');
      // (`Large-scale farms, those selling more than 500 hogs a year, accounted for`: `those` and a participle)
      const those = /^those$/i.test(first.text) && /^\s+$/.test(second.post) && (hasTag(second, 'Gerund') || (hasTag(second, 'PastTense', 'Participle') && !hasTag(second, 'Auxiliary', 'Copula', 'Modal')));
      if (!described && !participle && !those) return -1;
      return isHeadNoun(tokens, j, compiled) && !isUnitWord(tokens[j]!, compiled) ? j : -1;
    }
    if (!/^[\s-]*$/.test(tokens[j]!.post)) return -1;
  }
  return -1;
}

// `not` right before a joiner (`not in school`)
function negatedJoiner(tokens: readonly Token[], j: number, compiled: CompiledEnglish): boolean {
  const token = tokens[j];
  return token !== undefined && token.text.toLowerCase() === 'not' && /^\s+$/.test(token.post) && compiled.subjects.joiners.has(tokens[j + 1]?.text.toLowerCase() ?? '');
}

// where `aged 16 to 24` (or `aged 16`, `aged 16-24`) ending at token j starts, when a noun stands
// before it, or -1
function ageRangeStart(tokens: readonly Token[], j: number, compiled: CompiledEnglish): number {
  if (!hasTag(tokens[j], 'Cardinal') || hasTag(tokens[j], 'Percent', 'Money')) return -1;
  let k = j - 1;
  if (/^(to|and)$/i.test(tokens[k]?.text ?? '') && hasTag(tokens[k - 1], 'Cardinal')) k -= 2;
  else if (tokens[k]?.post === '-' && hasTag(tokens[k], 'Cardinal')) k -= 1;
  return tokens[k]?.text.toLowerCase() === 'aged' && k > 0 && isHeadNoun(tokens, k - 1, compiled) ? k : -1;
}

// a spelled cardinal right after an adjective and right before a noun (`new three products`)
function spelledInName(tokens: readonly Token[], j: number): boolean {
  const [modifier, number, noun] = [tokens[j - 1], tokens[j]!, tokens[j + 1]];
  if (!hasTag(number, 'TextValue') || !hasTag(number, 'Cardinal') || hasTag(number, 'Percent', 'Money', 'Multiple') || !/^\s+$/.test(number.post)) return false;
  return modifier !== undefined && /^\s+$/.test(modifier.post) && hasTag(modifier, 'Adjective') && !hasTag(modifier, 'Value') && hasTag(noun, 'Noun') && !hasTag(noun, 'Unit', 'Value');
}

// a dash that sets off an appositive: ` -- `, ` — `, `—` (not the hyphen of a compound)
const DASHES = /^\s*(?:--|—)\s*$|^\s+[-–]\s+$/;

// the noun before the dash that opens the appositive whose closing dash follows token `i`, or -1
function dashAntecedent(tokens: readonly Token[], i: number, floor: number, compiled: CompiledEnglish): number {
  for (let j = i - 1; j >= 0 && i - j <= MAX_RELATIVE && tokens[j]!.start >= floor; j--) {
    if (DASHES.test(tokens[j]!.post)) return isHeadNoun(tokens, j, compiled) && !isUnitWord(tokens[j]!, compiled) ? j : -1;
    if (/[;.:()]/.test(tokens[j]!.post)) return -1;
  }
  return -1;
}

// the noun before the `, which` or `, who` that opens the relative clause ending at token `i`, or -1
// (the clause may hold a quantity, and so the floor)
const MAX_RELATIVE = 16;
function relativeAntecedent(tokens: readonly Token[], i: number, compiled: CompiledEnglish): number {
  for (let j = i; j > 0 && i - j <= MAX_RELATIVE; j--) {
    // (`Non-fossil sources, which include hydropower, nuclear, wind and solar, generated`: the commas
    // of a list of nouns stay inside the clause)
    const listComma = /^,\s+$/.test(tokens[j]!.post) && isNounLike(tokens, j, compiled) && isNounLike(tokens, j + 1, compiled);
    if (j < i && /[,;.]/.test(tokens[j]!.post) && !listComma) return -1;
    if (/^(which|who|whose|where)$/i.test(tokens[j]!.text)) return /^,\s+$/.test(tokens[j - 1]!.post) && isHeadNoun(tokens, j - 1, compiled) ? j - 1 : -1;
  }
  return -1;
}

// the noun a `who` at token `i` follows, right before it or across `, ` (and an age set off by
// commas), or -1
function whoAntecedent(tokens: readonly Token[], i: number, floor: number, compiled: CompiledEnglish): number {
  let k = i - 1;
  const post = tokens[k]?.post ?? '';
  if (/^,\s+$/.test(post)) {
    if (hasTag(tokens[k], 'Cardinal') && !hasTag(tokens[k], 'Percent', 'Money', 'Year') && /^,\s+$/.test(tokens[k - 1]?.post ?? '')) k -= 1;
  } else if (!/^\s+$/.test(post)) return -1; // (`patients who travel`: no comma)
  return k >= 0 && tokens[k]!.start >= floor && isHeadNoun(tokens, k, compiled) && !isUnitWord(tokens[k]!, compiled) ? k : -1;
}

function pluralAfterPreposition(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  const before = tokens[i - 1];
  return hasTag(token, 'PresentTense') && !hasTag(token, 'Copula', 'Auxiliary', 'Modal') && /\p{L}s$/u.test(token.text) && before !== undefined && hasTag(before, 'Preposition') && /^\s+$/.test(before.post);
}

// `sells embroidered jackets for up to 2,000 yuan each`: a past tense between a full verb and the
// phrase's first noun modifies that noun (not after an auxiliary or a copula: `has raised prices`).
// Only a participle's form (`-ed`, `-en`) that is no change cue: `private firms saw profits rise`,
// `firms cut costs` keep their finite verb out (compromise may read the plural before as a verb)
function participleAfterVerb(tokens: readonly Token[], j: number, compiled: CompiledEnglish): boolean {
  const token = tokens[j]!;
  const verb = tokens[j - 1];
  if (!hasTag(token, 'PastTense') || hasTag(token, 'Auxiliary', 'Copula', 'Modal') || !/^\s+$/.test(token.post)) return false;
  if (!/(?:ed|en)$/i.test(token.text) || compiled.verbCues.has(token.text.toLowerCase())) return false;
  return verb !== undefined && /^\s+$/.test(verb.post) && hasTag(verb, 'Verb') && !hasTag(verb, 'Auxiliary', 'Copula', 'Modal', 'PastTense', 'Participle');
}

// the noun before a contact clause whose verb is token `i` (`spots the bureau monitors`), or -1: a
// present tense in -s or a regular past after a determiner and a noun, and a head noun before them
function contactClauseHead(tokens: readonly Token[], i: number, floor: number, compiled: CompiledEnglish): number {
  const [head, determiner, noun, verb] = [tokens[i - 3], tokens[i - 2], tokens[i - 1], tokens[i]!];
  if (head === undefined || determiner === undefined || noun === undefined || head.start < floor) return -1;
  if (!hasTag(verb, 'Verb') || hasTag(verb, 'Copula', 'Auxiliary', 'Modal', 'Gerund') || !/\p{L}(?:s|ed)$/u.test(verb.text)) return -1;
  if (![head, determiner, noun].every((token) => /^\s+$/.test(token.post))) return -1;
  if (!/^(?:the|a|an|its|their|this|these)$/i.test(determiner.text) || !hasTag(noun, 'Noun') || hasTag(noun, 'Pronoun', 'Unit', 'Value', 'Date')) return -1;
  return isHeadNoun(tokens, i - 3, compiled) && !isUnitWord(head, compiled) ? i - 3 : -1;
}

// token `i` stands right after a relative `who`, or after `who` and one adverb (`who now number`);
// likewise after a `, which` (`Protected areas, which now number about 2,900`)
function afterWho(tokens: readonly Token[], i: number, compiled: CompiledEnglish): boolean {
  const before = tokens[i - 1];
  if (before === undefined || !/^\s+$/.test(before.post)) return false;
  if (relativeWho(tokens, i - 1)) return true;
  return (hasTag(before, 'Adverb') || compiled.subjects.crossedAdverbs.has(before.text.toLowerCase())) && relativeWho(tokens, i - 2) && /^\s+$/.test(tokens[i - 2]!.post);
}

// (lower case: `WHO figures show` names the World Health Organization; `which` only after a comma:
// `of which 1,280 were hospitals` opens no clause with a verb of its own)
function relativeWho(tokens: readonly Token[], k: number): boolean {
  const token = tokens[k];
  if (token === undefined) return false;
  return token.text === 'who' || (token.text === 'which' && /^,\s+$/.test(tokens[k - 1]?.post ?? ''));
}

// `while distributed solar grew by 9.8 GW`: an adjective right before a finite verb is the noun
// it stands for (`solar`, `nuclear`, `wind` as sources of power)
function adjectiveAsNoun(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  return hasTag(token, 'Adjective') && !hasTag(token, 'Comparable', 'Superlative', 'Comparative') && /^\s+$/.test(token.post) && finiteVerb(tokens[i + 1]) && !hasTag(tokens[i + 1], 'Copula');
}

function finiteVerb(token: Token | undefined): boolean {
  return hasTag(token, 'PastTense', 'PresentTense', 'Copula') && !hasTag(token, 'Gerund', 'Infinitive', 'Auxiliary', 'Modal');
}

// `households monitored for the risk of returning to poverty`: a past tense right after a noun and
// before a joiner (not `and`) is a participle that qualifies the noun
// (`patients referred upward from primary care`: a direction may stand between the participle and its joiner)
function participleAfterNoun(tokens: readonly Token[], j: number, compiled: CompiledEnglish): boolean {
  const direction = /^\s+$/.test(tokens[j + 1]?.post ?? '') && !compiled.subjects.joiners.has(tokens[j + 1]?.text.toLowerCase() ?? '') && (hasTag(tokens[j + 1], 'Adverb') || /\p{L}wards?$/iu.test(tokens[j + 1]?.text ?? '')) ? 1 : 0;
  const joiner = tokens[j + 1 + direction]?.text.toLowerCase();
  return hasTag(tokens[j], 'PastTense') && !levelOrChangeVerb(tokens[j]!, compiled) && /^\s+$/.test(tokens[j]!.post) && j > 0 && /^\s+$/.test(tokens[j - 1]!.post) && isHeadNoun(tokens, j - 1, compiled) && joiner !== undefined && joiner !== 'and' && compiled.subjects.joiners.has(joiner);
}

// from token k (the number), a comma within a few words that a verb follows: the part after the number closes an
// appositive (`, at 6.5 percent of GDP, remained`)
const MAX_CLOSED = 10;
function closedBeforeVerb(tokens: readonly Token[], k: number, compiled: CompiledEnglish): boolean {
  for (let j = k; j < tokens.length && j - k < MAX_CLOSED; j++) {
    const post = tokens[j]!.post;
    if (/^,\s+$/.test(post)) return verbAfterAppositive(tokens, j + 1, compiled);
    if (!/^[\s-]*$/.test(post)) return false;
  }
  return false;
}

// `Goods imported and exported through Yangpu port`: token j is the second of two regular pasts joined by `and`/`or`
// right after a head noun and before a joiner (participleAfterNoun for the pair)
function pairedParticiple(tokens: readonly Token[], j: number, compiled: CompiledEnglish): boolean {
  if (j < 3) return false;
  const [noun, firstPast, and, secondPast] = [tokens[j - 3]!, tokens[j - 2]!, tokens[j - 1]!, tokens[j]!];
  if (!/^(?:and|or)$/i.test(and.text) || ![noun, firstPast, and, secondPast].every((token) => /^\s+$/.test(token.post))) return false;
  const pasts = [firstPast, secondPast].every((token) => hasTag(token, 'PastTense') && /\p{L}ed$/u.test(token.text) && !hasTag(token, 'Auxiliary', 'Copula', 'Modal') && !levelOrChangeVerb(token, compiled));
  const joiner = tokens[j + 1]?.text.toLowerCase();
  return pasts && isHeadNoun(tokens, j - 3, compiled) && !isUnitWord(noun, compiled) && joiner !== undefined && joiner !== 'and' && compiled.subjects.joiners.has(joiner);
}

// the noun phrase before token j follows `of` (`the share of patients referred …`, `the share of insurance funds
// invested in stocks`): no past tense after it is the clause's verb
const MAX_OF_NOUNS = 3;
function afterOfNoun(tokens: readonly Token[], j: number, compiled: CompiledEnglish): boolean {
  let k = j - 1;
  while (k >= 0 && j - k <= MAX_OF_NOUNS && /^\s+$/.test(tokens[k]!.post) && isNounLike(tokens, k, compiled) && !hasTag(tokens[k], 'Determiner')) k--;
  return k < j - 1 && k >= 0 && tokens[k]!.text.toLowerCase() === 'of' && /^\s+$/.test(tokens[k]!.post);
}

// a regular past (`-ed`, no level or change cue) after a head noun and right before a finite verb:
// `the area burned shrank`, `Loans extended totaled`
function reducedParticiple(tokens: readonly Token[], i: number, floor: number, compiled: CompiledEnglish): boolean {
  const [noun, token, verb] = [tokens[i - 1], tokens[i]!, tokens[i + 1]];
  if (noun === undefined || noun.start < floor || !/^\s+$/.test(noun.post) || !/^\s+$/.test(token.post)) return false;
  if (!hasTag(token, 'PastTense') || hasTag(token, 'Auxiliary', 'Copula', 'Modal') || !/\p{L}ed$/u.test(token.text) || levelOrChangeVerb(token, compiled)) return false;
  return finiteVerb(verb) && isHeadNoun(tokens, i - 1, compiled) && !isUnitWord(noun, compiled) && !hasTag(noun, 'Pronoun', 'Value');
}

// `invention patents granted rise 9 percent`: a change verb compromise tags a noun, right before the
// number and after a noun or a participle (not `a rise`, `the annual rise`)
function headlineVerb(tokens: readonly Token[], i: number, compiled: CompiledEnglish): boolean {
  const previous = tokens[i - 1];
  return compiled.subjects.headlineVerbs.has(tokens[i]!.text.toLowerCase()) && /^\s+$/.test(tokens[i]!.post) && previous !== undefined && /^\s+$/.test(previous.post) && !hasTag(previous, 'Determiner', 'Adjective', 'Preposition', 'Value') && (hasTag(previous, 'Noun', 'PastTense') || isNounLike(tokens, i - 1, compiled));
}

// no noun in tokens[from..to] but times (`the current financial year`; not `maturing debt last year`)
function onlyTimes(tokens: readonly Token[], from: number, to: number, compiled: CompiledEnglish): boolean {
  let time = false;
  for (let k = from; k <= to; k++) {
    if (hasTag(tokens[k], 'Date', 'Duration')) time = true;
    // (`the end of December`: a point of a time, english-subjects.yaml time_points)
    else if (hasTag(tokens[k], 'Noun') && !compiled.subjects.timePoints.has(tokens[k]!.text.toLowerCase())) return false;
  }
  return time;
}

// the verb that follows an appositive's closing comma at token k, perhaps after a crossed adverb
// (`, a reference for mortgages, now stands at`); compromise may tag it a noun (`liquidity, rose`)
function verbAfterAppositive(tokens: readonly Token[], k: number, compiled: CompiledEnglish): boolean {
  const token = tokens[k];
  if (token !== undefined && compiled.subjects.crossedAdverbs.has(token.text.toLowerCase())) return verbAfterAppositive(tokens, k + 1, compiled);
  return token !== undefined && (hasTag(token, 'Verb') || levelOrChangeVerb(token, compiled));
}

/**
 * The list of noun phrases that starts at UTF-16 index `at` (`Mexico, Russia and the United Arab
 * Emirates`), items joined by commas and `and`, or null when fewer than two items stand there.
 */
export function listAt(text: string, tokens: readonly Token[], at: number, compiled: CompiledEnglish): string | null {
  let i = tokenAtOrAfter(tokens, skipSpaceForward(text, at));
  let end = -1;
  let items = 0;
  while (i < tokens.length) {
    while (i < tokens.length && hasTag(tokens[i], 'Determiner')) i++;
    const item = phraseForward(text, tokens, i, compiled);
    // `Last year, exports and imports …`: a time is no item
    if (item === null || onlyTimes(tokens, i, tokenAtOrAfter(tokens, tokens[i]!.start + item.length - 1), compiled)) break;
    items++;
    end = tokens[i]!.start + item.length;
    let k = tokenAtOrAfter(tokens, end - 1);
    // `Line 7 and Line 8`: a capitalized name's number (english-not-quantities.yaml numbered-name) stays in the item
    const numbered = tokens[k + 1];
    if (/^\p{Lu}/u.test(tokens[k]!.text) && /^\s+$/.test(tokens[k]!.post) && numbered !== undefined && /^\d{1,3}$/.test(numbered.text)) {
      k++;
      end = numbered.end;
    }
    // the next item after `, `, `, and ` or ` and `
    const comma = /^,\s+$/.test(tokens[k]!.post);
    if (!comma && !/^\s+$/.test(tokens[k]!.post)) break;
    if (tokens[k + 1]?.text.toLowerCase() === 'and') k++;
    else if (!comma) break;
    if (tokens[k]!.text.toLowerCase() === 'and' && !/^\s+$/.test(tokens[k]!.post)) break;
    i = k + 1;
  }
  return items >= 2 ? text.slice(tokens[tokenAtOrAfter(tokens, skipSpaceForward(text, at))]!.start, end) : null;
}

// the noun phrase ending at token k is itself an item of a list (`watches and clocks,`,
// `jewellery, clocks,`): another comma or `and` stands right before it, with only nouns between
function listBefore(tokens: readonly Token[], k: number, compiled: CompiledEnglish): boolean {
  for (let j = k - 1; j >= 0 && k - j <= 4; j--) {
    if (/^,\s+$/.test(tokens[j]!.post) || tokens[j]!.text.toLowerCase() === 'and') return true;
    if (!isNounLike(tokens, j, compiled)) return false;
  }
  return false;
}

/**
 * The attributes of one English quantity, in the order the Chinese attribute stage fills them
 * for Chinese ones: change, subject, modality, period. (The Chinese attribute stage leaves
 * `lang: 'en'` records alone.)
 *
 *   change     cues around the number                         (change.ts)
 *   subject    counted noun, `of`-phrase, noun before, the sentence's first noun phrase,
 *              the subject of the number before it            (subject.ts)
 *   modality   the nearest cue of the number's comma-part, then of its clause, then the section
 *   period     the year nearest the number in its clause, else the section's year
 */
import type { Change, Modality } from '../../document.js';
import { changeOf, mannerVerbEnd } from './change.js';
import type { CompiledEnglish } from './compile.js';
import { figureLabel, type CountedNoun } from './count.js';
import { clauseAround, clauseModality, nearestYear, sentenceStart, subclauseAround, type Section } from './modality.js';
import type { Candidate } from './phrase.js';
import { changeNounFollows, countSubject, followsAllotmentOf, followsNounOf, informative as keepInformative, joinerAfter, nounAfterMeasure, nounBeforeComma, phraseAt, subjectAfterUnit, subjectBefore } from './subject.js';
import { isHeadNoun, isNounLike } from './nouns.js';
import { hasTag, tokenAtOrAfter, tokenBefore, type Token } from './tokens.js';
import { matchBackward, matchForward, skipSpaceBackward, skipSpaceForward } from './words.js';

export interface Attributes {
  change: Change;
  subject: string;
  modality: Modality;
  period: string | null;
  rules: string[];
}

/** What the numbers of one segment carry over to the next: the last subject and where it was. */
export interface SubjectMemory {
  subject: string;
  /** Start of the sentence the last subject stood in. */
  sentence: number;
  /** End of the last quantity: no subject is read across it. */
  floor: number;
  /** The last quantity's change and unit, which a list of numbers after it shares. */
  change: Change;
  unit: string | null;
  /** The last subject of the sentence before, in the same paragraph: what a pronoun stands for. */
  previous: string;
  /** The change of the last `by` number (`expanded by 315 GW`) and the start of its sentence. */
  byChange: Change;
  bySentence: number;
  /** The subject of the last quantity of each unit in the sentence `unitSentence` (what a compared figure shares). */
  unitSubjects: Map<string | null, string>;
  unitSentence: number;
}

// `jumped 21.3 percent, 17.6 percent and 14.9 percent`: what may stand between the numbers of a list
const MAX_GAP = 48;
// `up 5.3 percent in nominal terms and 5.1 percent in real terms`: a short phrase after the
// earlier number (a preposition and at most 30 letters, no number) may stand before the separator
const LIST_SEPARATOR = /^\s*(?:(?:in|on|at|for|from|among|with)\s[^\d,;.]{1,30}?\s*)?(,\s*(and\s+)?|and\s+)$/;
// a sentence that opens with a pronoun subject, and a number that counts a part of `them`
const PRONOUN_OPENS = /^\s*(?:\p{L}+,\s*)?(?:it|they|these|those)\s/iu; // (`Together, they now make up`)
const OF_THEM = /^\s+of\s+(?:them|these|those)\b/i;
// a verb among the tokens in [from, to) (`, and the company paid by` is no gapped clause)
function verbBetween(tokens: readonly Token[], from: number, to: number): boolean {
  return tokens.slice(tokenAtOrAfter(tokens, from), tokenAtOrAfter(tokens, to)).some((token) => hasTag(token, 'Verb'));
}

// a verb among the tokens in [from, to) other than a gerund (`mining 4.2%`) or a word of a comma
// list (`electricity, heat, gas and water`), which compromise may tag verbs: what a gapped clause has not
function finiteVerbBetween(tokens: readonly Token[], from: number, to: number): boolean {
  return tokens
    .slice(tokenAtOrAfter(tokens, from), tokenAtOrAfter(tokens, to))
    .some((token) => hasTag(token, 'Verb') && !hasTag(token, 'Gerund') && !/^\s*,/.test(token.post));
}

// the words in [from, to) only name (`, an increase of `, `, accounting for `, `, or ` do not): none a
// change or level word, the last no preposition or conjunction
function namesOnly(tokens: readonly Token[], from: number, to: number, compiled: CompiledEnglish): boolean {
  const words = tokens.slice(tokenAtOrAfter(tokens, from), tokenAtOrAfter(tokens, to)).filter((token) => /\p{L}/u.test(token.text));
  const last = words[words.length - 1];
  if (last === undefined || hasTag(last, 'Preposition', 'Conjunction', 'Determiner') || /^(?:of|or|and|than|as)$/i.test(last.text)) return false;
  // (`and those to Japan 1.2%`: a level word that is a preposition inside the names, not before the
  // number, joins them)
  const joining = (token: Token) => token !== last && hasTag(token, 'Preposition', 'Conjunction');
  return !words.some((token) => compiled.changeWords.has(token.text.toLowerCase()) || (compiled.verbCues.has(token.text.toLowerCase()) && !joining(token)));
}

// ` and the euro area `: `and`, a few words naming the second subject (`, mining `, ` and the
// production of electricity, heat, gas and water `: a comma opens one too, and the words may be a list)
const GAPPED = /^\s*(?:,\s*(?:and\s+)?|and\s+)(?:[\p{L}'’.-]+,?\s+){1,8}$/u;
// `Imports made up 30 percent of the total and exports 40 percent of it`: two shares of one base
// in parallel; the words after `and` name the second whatever compromise tags them (`exports` a verb)
const GAPPED_BASE = /^\s*of\s+(?:the\s+|its\s+|their\s+)?[\p{L}'’-]+\s*/u;
const GAPPED_SHARE = /^\s*of\s+(?:the\s+|its\s+|their\s+)?[\p{L}'’-]+\s*(?:,\s*)?and\s+(?:[\p{L}'’-]+\s+){1,3}$/u;
const MAX_GAPPED = 80;
// `, and wind capacity by `: `and`, a few words naming the second subject, `by` (`each, and the
// emission of nitrogen oxides and volatile organic compounds by `: after a shared number's `each`)
const GAPPED_BY = /^\s*(?:each\s*)?,?\s*and\s+(?:[\p{L}'’-]+\s+){1,12}by\s*$/u;
// the same, its names captured (a comma before `and`: `and deaths from them by`)
const GAPPED_BY_NAMES = /^\s*,\s*and\s+((?:[\p{L}'’-]+\s+){1,6})by\s*$/u;
// ` of new orders and `: the base of the share before and a list separator
const SHARE_LIST = /^\s+of\s[^\d,;.]{1,40}?(?:,\s*(?:and\s+)?|\s+and\s+)$/;
// `fell 215.3 points, or 1.1 percent`: the same move in another unit
// (`up $21.4 billion from the end of December, or 0.64 percent`: a short phrase may stand before the comma)
const RESTATED = /^\s*(?:(?:in|on|at|for|from|over|against)\s[^\d,;.]{1,30}?\s*)?,\s*or\s+$/;

export function emptyMemory(previous = ''): SubjectMemory {
  return { subject: '', sentence: -1, floor: 0, change: 'none', unit: null, previous, byChange: 'none', bySentence: -1, unitSubjects: new Map(), unitSentence: -1 };
}

/**
 * The attributes of `candidate` in segment `text`. `counted` is its counted noun phrase and
 * `countPhrase` where a `the number of` before it ends, if any. Updates `memory`.
 */
export function attributesOf(
  text: string,
  tokens: readonly Token[],
  candidate: Candidate,
  counted: CountedNoun | null,
  countPhrase: number | null,
  section: Section,
  memory: SubjectMemory,
  compiled: CompiledEnglish,
): Attributes {
  const rules: string[] = [];
  let change = changeOf(text, tokens, candidate, compiled);
  // `18 cases more than in 2024`: a comparison right after the counted noun sizes the difference
  if (change.rule === null && counted !== null && counted.start >= candidate.end) {
    const after = matchForward(compiled.changeAfter, text, skipSpaceForward(text, counted.end));
    if (after && thanCompares(text, tokens, after.end, compiled)) change = { change: after.value.change, rule: after.value.rule };
  }
  // a later number of a list with no cue of its own shares the first one's change
  const unit = candidate.unit?.unit ?? null;
  const gap = gapAfterLast(text, memory, candidate);
  // (`sees the U.S. economy expanding 2.0 percent and the euro area 1.1 percent`: a gapped clause
  // that names its own subject and no verb is a list too)
  const gappedText = candidate.boundStart - memory.floor > MAX_GAPPED ? '' : text.slice(memory.floor, candidate.boundStart);
  const parallelShare = memory.unit === unit && candidate.unit?.kind === 'percent' && GAPPED_SHARE.test(gappedText) && /^\s+of\s/i.test(text.slice(candidate.end, candidate.end + 5));
  const gapped = parallelShare || (memory.unit === unit && GAPPED.test(gappedText) && !finiteVerbBetween(tokens, memory.floor, candidate.boundStart) && namesOnly(tokens, memory.floor, candidate.boundStart, compiled));
  // (a gapped clause's names may hold a level word, `those to Japan`: it gives no level there)
  const open = change.rule === null || (gapped && change.change === 'none');
  if (open && memory.change !== 'none' && memory.floor > 0 && ((memory.unit === unit && LIST_SEPARATOR.test(gap)) || RESTATED.test(gap) || gapped)) {
    change = { change: memory.change, rule: 'english/list-change' };
  }
  // `Solar capacity expanded by 315 GW to 1,200 GW, and wind capacity by 110 GW`: a gapped clause's
  // `by` number shares the change of the `by` number before it
  const by = /\bby\s*$/i.test(text.slice(Math.max(0, candidate.boundStart - 4), candidate.boundStart));
  const sentence = sentenceStart(text, candidate.start);
  // (`by 20 to 30 basis points and the reserve requirement ratio by 50 basis points`: a level word
  // read inside the range before leaves no change)
  if (change.change === 'none' && by && memory.byChange !== 'none' && memory.bySentence === sentence && GAPPED_BY.test(text.slice(memory.floor, candidate.boundStart)) && !verbBetween(tokens, memory.floor, candidate.boundStart)) {
    change = { change: memory.byChange, rule: 'english/gapped-by' };
  }
  if (by && change.change !== 'none') {
    memory.byChange = change.change;
    memory.bySentence = sentence;
  }
  if (change.rule) rules.push(change.rule);
  memory.change = change.change;
  memory.unit = unit;

  // (`rose 6.9%, mining 4.2%`: the gapped clause's words name its subject)
  // (`Work safety accidents fell by 12.4 percent, and deaths from them by 9.8 percent`: so do a gapped `by` clause's)
  const byNames = by && !gapped && gappedText !== '' ? GAPPED_BY_NAMES.exec(gappedText) : null;
  const gappedSubject = gapped ? (parallelShare ? gappedText.replace(GAPPED_BASE, '') : gappedText).replace(/^\s*(?:,\s*(?:and\s+)?|and\s+)/, '').trim() : byNames && !verbBetween(tokens, memory.floor, candidate.boundStart) ? byNames[1]!.trim() : null;
  const subject = subjectOf(text, tokens, candidate, counted, countPhrase, memory, compiled, gappedSubject);

  const clause = clauseAround(text, candidate.start, candidate.end);
  const part = subclauseAround(text, clause.start, clause.end, candidate.start);
  const own = clauseModality(text.slice(part.start, ownPredicateEnd(tokens, part, candidate)), compiled, candidate.start - part.start, candidate.end - part.start);
  const cue =
    own ??
    (independent(tokens, clause.start, part.start, part.end) ? null : clauseModality(text.slice(afterQuote(text, clause.start, part.start, compiled), part.start), compiled)) ??
    // `A total of 1,200 major projects, with planned investment …, will be launched`: a subject
    // that opens its clause with no verb takes the cue of the verb after it
    (subjectPart(tokens, clause.start, part, candidate.boundStart) && !NEW_CLAUSE.test(text.slice(part.end, part.end + 24)) ? clauseModality(text.slice(part.end, clause.end), compiled, 0) : null);
  // `Record 12.7 million graduates to enter job market`: a headline's `to` + verb is its future
  const headline = cue === null && headlineFuture(text, tokens) ? { modality: 'target' as const, rule: 'english/headline-to' } : null;
  const found = cue ?? headline;
  if (found) rules.push(found.rule);
  else if (section.rule) rules.push(section.rule);

  return {
    change: change.change,
    subject,
    modality: found?.modality ?? section.modality ?? 'actual',
    period: nearestYear(text.slice(clause.start, clause.end), candidate.start - clause.start) ?? section.year,
    rules,
  };
}

/**
 * Where the number's own predicate ends in its comma-part: at an `and` that opens a second
 * predicate (`and aims to`, `and will`, `and are expected to`) when a verb in the past stands
 * before the number (`COMAC delivered 24 C919 planes in 2025 and aims to raise its output`: the
 * aim is the second predicate's), else at the part's end.
 */
function ownPredicateEnd(tokens: readonly Token[], part: { start: number; end: number }, candidate: Candidate): number {
  const from = tokenAtOrAfter(tokens, part.start);
  const number = tokenAtOrAfter(tokens, candidate.start);
  if (!tokens.slice(from, number).some((token) => hasTag(token, 'Verb') && hasTag(token, 'PastTense'))) return part.end;
  for (let i = tokenAtOrAfter(tokens, candidate.end); i < tokens.length - 1 && tokens[i]!.start < part.end; i++) {
    const next = tokens[i + 1]!;
    if (tokens[i]!.text.toLowerCase() === 'and' && hasTag(next, 'Verb', 'Modal', 'Copula', 'Auxiliary') && !hasTag(next, 'Gerund', 'Noun', 'Participle')) return tokens[i]!.start;
  }
  return part.end;
}

// a headline (a short piece with no full stop) whose verb is `to` + an infinitive
const HEADLINE_LENGTH = 120;
function headlineFuture(text: string, tokens: readonly Token[]): boolean {
  const trimmed = text.trim();
  if (trimmed.length > HEADLINE_LENGTH || /[.!?]["'”’]?$/.test(trimmed) || /[.!?]\s/.test(trimmed)) return false;
  return tokens.some((token, i) => token.text.toLowerCase() === 'to' && /^\s+$/.test(token.post) && hasTag(tokens[i + 1], 'Infinitive') && !hasTag(tokens[i + 1], 'Copula', 'Value', 'Noun'));
}

/**
 * True when the comma-part `[partStart, partEnd)` is a clause of its own: it and what comes
 * before it in the clause both have a verb, and the part opens (after `and`, `but`, `while`) with a noun phrase, not a
 * verb. `We will issue bonds, and create jobs` shares the `will`; `Hong Kong plans to spend
 * HK$80 billion, and the city's visitor arrivals logged a rise` does not.
 */
function independent(tokens: readonly Token[], clauseStart: number, partStart: number, partEnd: number): boolean {
  if (partStart <= clauseStart) return false;
  let i = tokenAtOrAfter(tokens, partStart);
  const before = tokens.slice(tokenAtOrAfter(tokens, clauseStart), i);
  const part = tokens.slice(i, tokenAtOrAfter(tokens, partEnd));
  // `…, an increase of 1 percentage point over last year` has no verb: an appositive, not a clause
  if (!before.some((token) => hasTag(token, 'Verb')) || !part.some((token) => hasTag(token, 'Verb'))) return false;
  while (i < tokens.length && hasTag(tokens[i], 'Conjunction')) i++;
  // `…, which covered more than 15,000 projects by year-end`: a relative clause in the past tense
  // reports what happened, whatever the clause it hangs on plans
  if (/^(which|who)$/i.test(tokens[i]?.text ?? '') && hasTag(tokens[i + 1], 'PastTense') && !hasTag(tokens[i + 1], 'Copula', 'Auxiliary', 'Modal')) return true;
  // `said Chen Hui, …, where 126 of the 540 households now run tea businesses`: a `where` clause
  // tells the place's own state, whatever the clause before it says
  if (/^where$/i.test(tokens[i]?.text ?? '')) return true;
  const opener = tokens[i];
  return opener !== undefined && hasTag(opener, 'Determiner', 'Noun', 'Pronoun', 'Possessive', 'Adjective') && !hasTag(opener, 'Verb');
}

// `"… should fetch twice what it does now," said Zhang Jun, head of a cooperative with 320 member
// households`: the speaker's description after a quote and its verb of saying takes no cue from the quote
function afterQuote(text: string, from: number, to: number, compiled: CompiledEnglish): number {
  let end = from;
  for (const said of text.slice(from, to).matchAll(compiled.quoteSaid)) end = from + said.index! + said[0].length;
  return end;
}

// `…, and the ministry plans to`: a clause with a subject of its own follows, whose cue is not the part's
const NEW_CLAUSE = /^,\s*(?:and|but|while)\s+(?:the|a|an|its|their|this|these|those)\s/i;

/**
 * True when the comma-part `part` opens its clause as a subject that waits for its verb: no verb
 * in it, and nothing but `of` among the prepositions before the number (`A total of 1,200 major
 * projects`; not `Guangdong cut its emissions by 4.1 percent`, whose `cut` compromise tags a noun).
 */
function subjectPart(tokens: readonly Token[], clauseStart: number, part: { start: number; end: number }, numberStart: number): boolean {
  if (part.start > clauseStart) return false;
  const from = tokenAtOrAfter(tokens, part.start);
  const number = tokenAtOrAfter(tokens, numberStart);
  if (tokens.slice(from, number).some((token) => hasTag(token, 'Preposition') && token.text.toLowerCase() !== 'of')) return false;
  return !tokens.slice(from, tokenAtOrAfter(tokens, part.end)).some((token) => hasTag(token, 'Verb'));
}

/** The text between the last quantity and this one's bound word, or '' when it is long (both tests want a few characters). */
function gapAfterLast(text: string, memory: SubjectMemory, candidate: Candidate): string {
  return candidate.boundStart - memory.floor > MAX_GAP ? '' : text.slice(memory.floor, candidate.boundStart);
}

// the counted phrase holds a word before its head other than an opener (`new`, `more`)
function nounsBeforeHead(counted: CountedNoun, compiled: CompiledEnglish): boolean {
  const words = counted.phrase.toLowerCase().split(/\s+/).slice(0, -1);
  return words.some((word) => !compiled.subjects.countOpeners.has(word));
}

/**
 * Where the share verb that the number follows starts (`accounting for 13 percent of GDP`),
 * bound words aside, or -1.
 */
function shareVerbStart(text: string, candidate: Candidate, compiled: CompiledEnglish): number {
  // the longest verb, the character before it and a few spaces: any verb the rules list fits
  const from = Math.max(0, candidate.boundStart - (Math.max(0, ...compiled.subjects.shareVerbs.map((verb) => verb.length)) + 8));
  const before = text.slice(from, candidate.boundStart).toLowerCase().trimEnd();
  const verb = compiled.subjects.shareVerbs.find((verb) => before.endsWith(verb) && !/[a-z]/.test(before[before.length - verb.length - 1] ?? ''));
  return verb === undefined ? -1 : from + before.length - verb.length;
}

function subjectOf(
  text: string,
  tokens: readonly Token[],
  candidate: Candidate,
  counted: CountedNoun | null,
  countPhrase: number | null,
  memory: SubjectMemory,
  compiled: CompiledEnglish,
  gappedSubject: string | null,
): string {
  // a phrase that only names a change (`Growth was 3 percent`) is kept as the last resort
  let lastResort: string | null = null;
  const informative = (phrase: string | null) => {
    // a phrase that names nothing (`year on year`) is not even a last resort
    const named = phrase !== null && compiled.subjects.notSubjects.has(phrase.toLowerCase()) ? null : phrase;
    lastResort ??= named;
    return keepInformative(named, compiled);
  };
  const share = shareVerbStart(text, candidate, compiled);
  // a container names nothing by itself (`2 million units`); with its own nouns before it, it is
  // a counted noun like any (`30,000 transitional housing units`)
  const container = counted !== null && compiled.subjects.containers.has(counted.head.toLowerCase()) && !nounsBeforeHead(counted, compiled);
  const start = sentenceStart(text, candidate.start);
  // the subject of the number before it in this sentence, else the sentence's first noun phrase
  const fallback = () => carried ?? informative(phraseAt(text, tokens, afterDateline(text, start), compiled)) ?? memory.subject;
  const carried = memory.sentence === start && memory.subject !== '' ? memory.subject : null;
  const counts = counted ? countSubject(text, tokens, counted, compiled) : null;
  // `Exports of EVs jumped 25 percent to 2 million units`: a bare container with nothing before it
  // names the previous number's subject, in the same sentence (`2 million units of housing` does not)
  const bare = container && counts === text.slice(counted!.start, counted!.end) ? carried : null;
  // `a loss of around RMB 450 million on the sale`: the noun before `of` names the amount; the
  // phrase after a money unit's `on`/`in`/`for` says what it was spent on only when none does
  const nounOf = followsNounOf(tokens, candidate, compiled) && joinerAfter(text, tokens, candidate) !== 'of';
  if (memory.unitSentence !== start) {
    memory.unitSubjects = new Map();
    memory.unitSentence = start;
  }
  const unit = candidate.unit?.unit ?? null;
  // `rose to 812 yuan per person in cities and 598 yuan in the countryside`: the last amount of this unit in the
  // sentence was keyed by the phrase after its own `in`, and this one follows it with `and`
  const parallel = carried !== null && memory.unitSubjects.get(unit) === carried ? PARALLEL_IN.exec(gapAfterLast(text, memory, candidate)) : null;
  const parallelIn = parallel !== null && parallel[1]!.replace(/^the\s+/i, '') === carried;
  const label = candidate.unit === null ? null : figureLabel(text, start, candidate.boundStart, candidate.end, candidate.yearLike);
  const found =
    // `NEVs made up 41 percent of the country's 6.98 million vehicle exports, compared with 32
    // percent in 2024`: a compared figure measures what the last figure of its unit in the sentence does
    (comparedFigure(text, candidate, compiled) ? memory.unitSubjects.get(unit) ?? null : null) ??
    // `-- 15.1 trillion yuan: online retail sales, up 6.5 percent`: a list item's label after its figure
    (label !== null ? informative(labelWords(text, label) ?? phraseAt(text, tokens, label, compiled)) : null) ??
    // `, bringing the total to 7.8 million mu`: the total a participle carries to the number (a bare
    // `total` is no subject elsewhere)
    (compiled.subjects.totalCarried.exec(text.slice(Math.max(0, candidate.boundStart - TOTAL_REACH), candidate.boundStart))?.[1] ?? null) ??
    // `, saving local governments roughly 120 billion yuan in interest`
    (candidate.unit?.kind === 'money' ? amountParticiple(text, candidate, compiled) : null) ??
    // `of which 1,280 were hospitals`
    (counted === null ? informative(predicateAfterWhich(text, tokens, candidate, start, compiled)) : null) ??
    // `handled 28,600 cases, of which 25,900 were closed by the end of the year`: a part whose
    // clause names no kind, place or agent of its own counts what the number before it counted
    (counted === null && carried !== null && OF_WHICH.test(text.slice(Math.max(0, candidate.boundStart - 16), candidate.boundStart)) ? carried : null) ??
    // `8,600 were set up by investors from Hong Kong, and 1,950 by U.S. companies`: a gapped clause's agent
    (counted === null && carried !== null ? gappedAgent(text, candidate) ?? gappedPlace(text, candidate, compiled) : null) ??
    // `about 3,800 of them engineers`, `nearly 30 percent of them young people`
    (counted === null ? informative(nounAfterOfThem(text, tokens, candidate)) : null) ??
    // `More than 800,000 of the county's 1.2 million residents`: the part counts the whole's noun
    (counted === null ? informative(nounOfCount(text, tokens, candidate, compiled)) : null) ??
    // `airports handling more than 10 million passengers a year`: a class threshold names the class
    classThreshold(text, tokens, candidate, memory.floor, compiled) ??
    // `271 airports, of which 43 each handled more than 10 million passengers`: the part's threshold names its class
    (carried !== null && candidate.qualifier === 'at_least' && EACH_PART.test(text.slice(Math.max(0, candidate.boundStart - EACH_REACH), candidate.boundStart)) ? carried : null) ??
    // `96 million pieces of industrial equipment`: a container names what follows its `of`
    (container ? informative(containerOf(text, tokens, counted!, compiled)) : null) ??
    // `Sales of new energy vehicles surpassed 12.8 million units`
    (container ? informative(subjectBefore(text, tokens, candidate, memory.floor, compiled)) : null) ??
    bare ??
    counts ??
    // `with 127.8 million residents, gaining 650,000,`: a bare count right after a gerund that opens the comma-part after
    // the last quantity is what that quantity's subject gained or lost
    (counted === null && carried !== null && (candidate.unit === null || candidate.unit.kind === 'count') && GERUND_AFTER_LAST.test(gapAfterLast(text, memory, candidate)) ? carried : null) ??
    // `a 186-kilometer intercity railway`
    (candidate.adjectival ? informative(phraseAt(text, tokens, candidate.end, compiled)) : null) ??
    // `its 60 percent stake`
    informative(nounAfterMeasure(text, tokens, candidate, compiled)) ??
    // `the number of Fortune Global 500 companies … reached 312`
    (countPhrase !== null ? phraseAt(text, tokens, countPhrase, compiled) : null) ??
    // `a target of between 5 and 6 percent growth in retail sales`: what grows, not the target
    (changeNounFollows(text, tokens, candidate, compiled) ? informative(subjectAfterUnit(text, tokens, candidate, compiled, true)) : null) ??
    // `a quota of 300 billion yuan in treasury bonds`: an allotment is named by what it is for
    (nounOf && followsAllotmentOf(tokens, candidate, compiled) ? informative(subjectAfterUnit(text, tokens, candidate, compiled)) : null) ??
    (nounOf ? informative(subjectBefore(text, tokens, candidate, memory.floor, compiled)) : null) ??
    informative(subjectAfterUnit(text, tokens, candidate, compiled, false, parallelIn)) ??
    // `The company plans to invest no less than 800 billion yuan`: the verb of intent's infinitive names the amount
    (counted === null && candidate.unit !== null && !NOT_INTENDED.has(candidate.unit.kind) ? intendedVerb(text, tokens, candidate, compiled) : null) ??
    // `while those in real estate fell for the third year in a row, by 11.5 percent`: the verb's subject
    informative(mannerSubject(text, tokens, candidate, memory.floor, compiled)) ??
    // `…, making up 51.3 percent of the total`: the subject stands before the share verb, if anywhere
    informative(subjectBefore(text, tokens, share < 0 ? candidate : { ...candidate, boundStart: share }, memory.floor, compiled)) ??
    (counted === null ? informative(gappedSubject) : null) ??
    // `came to 318.9 billion yuan, or about 41 percent of all outlays`: the same amount as a share
    (carried !== null && /,\s*or\s*$/i.test(gapAfterLast(text, memory, candidate)) ? carried : null) ??
    // `or 1.42 billion yuan in total, about 30 percent of net profit`: a share set off by a comma
    // right after an amount, with no verb, restates that amount
    (carried !== null && appositiveShare(text, tokens, memory, candidate) ? carried : null) ??
    // `accounted for 55.7 percent of global completions, 68.4 percent of new orders and 62.1 percent
    // of the orderbook`: a list of shares keeps the subject, not each one's base
    (carried !== null && SHARE_LIST.test(gapAfterLast(text, memory, candidate)) && memory.unit === (candidate.unit?.unit ?? null) && !verbBetween(tokens, memory.floor, candidate.boundStart) ? carried : null) ??
    (share >= 0 ? null : informative(subjectAfterUnit(text, tokens, candidate, compiled, true))) ??
    // `It plans to add another 5.3 million hectares`, `Some 3.8 million of them are registered`: a
    // pronoun stands for the last subject of the sentence before
    (carried === null && memory.previous !== '' && (PRONOUN_OPENS.test(text.slice(afterDateline(text, start))) || OF_THEM.test(text.slice(candidate.end, candidate.end + 24))) ? memory.previous : null) ??
    // `, as the GDP deflator fell for a tenth straight quarter, declining by about 0.9%`
    informative(participleSubject(text, tokens, candidate, memory.floor, compiled)) ??
    (fallback() || lastResort || '');
  // `State-owned industrial enterprises earned 2.31 trillion yuan in profits`: a generic measure after an owner verb
  // yields to the agent before the verb
  const subject = ownerAgent(text, tokens, candidate, found, memory.floor, compiled) ?? found;
  memory.subject = subject;
  memory.sentence = start;
  memory.unitSubjects.set(unit, subject);
  memory.floor = Math.max(candidate.end, counted?.end ?? 0); // `2,000 new stores and CPI …`: the noun is taken
  return subject;
}

// how many words back from the number an owner verb may stand (`had a per capita disposable income of 47,960 yuan`)
const OWNER_REACH = 8;

/**
 * The agent of an owner verb (english-subjects.yaml owner_verbs) whose object is the generic measure `subject`
 * (generic_measures) that the number measures, or null: `Coastal tourism, the largest marine industry, generated
 * added value of 1.62 trillion yuan` → `Coastal tourism`. The verb stands in the number's comma-part, at most
 * OWNER_REACH words before it, and the measure between the verb and the number or right after the unit.
 */
function ownerAgent(text: string, tokens: readonly Token[], candidate: Candidate, subject: string, floor: number, compiled: CompiledEnglish): string | null {
  const measure = subject.trim().toLowerCase();
  if (!compiled.subjects.genericMeasures.has(measure)) return null;
  const before = tokenBefore(tokens, candidate.boundStart);
  for (let k = before; k >= 0 && k > before - OWNER_REACH; k--) {
    const token = tokens[k]!;
    if (k < before && /[,;:]/.test(token.post)) return null;
    if (token.end <= floor) return null;
    if (!compiled.subjects.ownerVerbs.has(token.text.toLowerCase()) || !hasTag(token, 'Verb')) continue;
    // the measure is the verb's object: between the verb and the number, or right after the unit
    if (!containsWord(text.slice(token.end, candidate.end + measure.length + 8).toLowerCase().replace(/\s+/g, ' '), measure)) return null;
    const agent = subjectBefore(text, tokens, { ...candidate, boundStart: token.start }, floor, compiled);
    if (agent === null || compiled.subjects.genericMeasures.has(agent.trim().toLowerCase()) || PRONOUN.test(agent)) return null;
    return agent;
  }
  return null;
}
function containsWord(haystack: string, word: string): boolean {
  for (let at = haystack.indexOf(word); at >= 0; at = haystack.indexOf(word, at + 1)) {
    if (!/\p{L}/u.test(haystack[at - 1] ?? '') && !/\p{L}/u.test(haystack[at + word.length] ?? '')) return true;
  }
  return false;
}
const PRONOUN = /^\s*(?:it|they|we|he|she|its|their|this|these|those)\s*$/i;

// ` per person in cities and `: the gap after an amount keyed by its `in` phrase (a rate's base may stand before it)
const PARALLEL_IN = /^\s+(?:(?:a|an|per)\s+\p{L}+\s+)?in\s+([^\d,;.]{1,30}?),?\s+and\s+$/u;
const GERUND_AFTER_LAST = /^\s*,\s*\p{L}+ing\s+$/u;
const TOTAL_REACH = 48;
const THAN = /^\s+than\s+/i;

/**
 * A `than` at `at` that opens a comparison (`more than in 2024`), not a bound on the number after
 * it (`five films grossing more than 1 billion yuan each`, `more than a million`, `more than about
 * 300`): what follows is no figure, no number word (compromise's Value tag) and no bound word of
 * english-bounds.yaml.
 */
function thanCompares(text: string, tokens: readonly Token[], at: number, compiled: CompiledEnglish): boolean {
  const than = THAN.exec(text.slice(at, at + 16));
  if (!than) return false;
  const next = at + than[0].length;
  if (/[\d$]/.test(text[next] ?? '') || matchForward(compiled.boundsBefore, text, next)) return false;
  const token = tokens[tokenAtOrAfter(tokens, next)];
  return !(token?.start === next && hasTag(token, 'Value'));
}
const OF_WHICH = /,\s*of\s+(?:which|whom)\s*$/i;

// a comma-part opened by a gerund (`, declining by about 0.9%`) has the subject of the finite verb of
// the comma-part before it, when that part follows the last quantity
const GERUND_PART = /,\s*\p{L}+ing\s+(?:[\p{L}-]+\s+){0,3}$/u;
const GERUND_REACH = 48;
function participleSubject(text: string, tokens: readonly Token[], candidate: Candidate, floor: number, compiled: CompiledEnglish): string | null {
  const from = Math.max(floor, candidate.boundStart - GERUND_REACH);
  const part = GERUND_PART.exec(text.slice(from, candidate.boundStart));
  if (!part) return null;
  const first = tokenAtOrAfter(tokens, floor);
  for (let k = tokenAtOrAfter(tokens, from + part.index) - 1; k > first; k--) {
    const token = tokens[k]!;
    if (/[,;]/.test(token.post) && k < tokenAtOrAfter(tokens, from + part.index) - 1) return null; // one comma-part only
    if (hasTag(token, 'Verb') && !hasTag(token, 'Gerund', 'Noun') && isHeadNoun(tokens, k - 1, compiled)) {
      return subjectBefore(text, tokens, { ...candidate, boundStart: token.start }, floor, compiled);
    }
  }
  return null;
}

// a `by` number set off by a comma after a change verb and its manner adverb or `for` phrase (change.ts
// mannerVerbEnd) has the subject of that verb
const COMMA_BY = /,\s*(by)\s*$/i;
function mannerSubject(text: string, tokens: readonly Token[], candidate: Candidate, floor: number, compiled: CompiledEnglish): string | null {
  const from = Math.max(0, candidate.boundStart - 8);
  const by = COMMA_BY.exec(text.slice(from, candidate.boundStart));
  if (!by) return null;
  const verbEnd = mannerVerbEnd(text, from + by.index + by[0].indexOf(by[1]!));
  const verb = tokens[tokenBefore(tokens, verbEnd)];
  if (verb === undefined || verb.end !== verbEnd || verb.start < floor) return null;
  return subjectBefore(text, tokens, { ...candidate, boundStart: verb.start }, floor, compiled);
}

// (a count, a rate or a multiple after the verb is what it adds or has: `aims to add no fewer than
// 250,000` jobs, `aims to have 95 percent of the population covered`, `to contribute 2.6 percentage points`)
const NOT_INTENDED: ReadonlySet<string> = new Set(['count', 'percent', 'percentage_point', 'multiple']);
// `plans to invest no less than 800 billion yuan`, `plans to replant 50,000 mu with …`: an amount right
// after an infinitive (no change or level word) that follows a target cue (`plans to`, `aims to`) is what
// that verb does
function intendedVerb(text: string, tokens: readonly Token[], candidate: Candidate, compiled: CompiledEnglish): string | null {
  const k = tokenBefore(tokens, candidate.boundStart);
  const verb = tokens[k];
  const to = tokens[k - 1];
  if (!verb || !to || to.text.toLowerCase() !== 'to' || !/^\s+$/.test(verb.post) || !hasTag(verb, 'Verb', 'Infinitive') || hasTag(verb, 'Copula', 'PastTense', 'Gerund')) return null;
  const word = verb.text.toLowerCase();
  if (compiled.verbCues.has(word) || compiled.changeWords.has(word) || (verb.root !== null && compiled.changeRoots.has(verb.root.toLowerCase()))) return null;
  const intent = matchBackward(compiled.modalityCues, text, to.end) ?? matchBackward(compiled.modalityCues, text, skipSpaceBackward(text, to.start));
  return intent?.value.modality === 'target' ? verb.text : null;
}

// the phrase after a container's `of` (`pieces of industrial equipment`), or null
function containerOf(text: string, tokens: readonly Token[], counted: CountedNoun, compiled: CompiledEnglish): string | null {
  const of = /^\s+of\s+/i.exec(text.slice(counted.end, counted.end + 8));
  return of ? phraseAt(text, tokens, counted.end + of[0].length, compiled) : null;
}

// `revenue of the software and information technology services sector, an increase of …`: a list
// item's label names its figure up to its first stop, when that is a few words (an article aside)
const LABEL_WORDS = /^(?:(?:the|a|an|its|their)\s+)?([^,;.:()\d]*?\p{L})\s*[,;.:(]/iu;
const MAX_LABEL_WORDS = 10;
function labelWords(text: string, at: number): string | null {
  const words = LABEL_WORDS.exec(text.slice(at, at + 120));
  return words && words[1]!.split(/\s+/).length <= MAX_LABEL_WORDS ? words[1]! : null;
}

// `, of which 43 each handled ` before a threshold's bound word: a part of the number before, a class by what each did
const EACH_PART = /,\s*of\s+(?:which|whom)\s+\d[\d,.]*\s+each\s+\p{L}{3,}ed\s+$/iu;
const EACH_REACH = 48;

// `airports handling more than 10 million passengers`, `firms with over 500 employees`: a lower bound
// after a plural noun and a participle or `with` sets a class of that noun (QUANTITIES.md §3: the
// head noun the threshold modifies)
function classThreshold(text: string, tokens: readonly Token[], candidate: Candidate, floor: number, compiled: CompiledEnglish): string | null {
  if (candidate.qualifier !== 'at_least' || candidate.boundStart === candidate.start) return null;
  const link = tokenBefore(tokens, candidate.boundStart);
  const noun = tokens[link - 1];
  // (read from the text: compromise tags `handling` a noun and a capitalized `Firms` a verb)
  if (link < 1 || !/^(?:\p{L}{3,}ing|with)$/iu.test(tokens[link]!.text) || !/^\s+$/.test(tokens[link]!.post)) return null;
  // `Large-scale farms, those selling more than 500 hogs a year,`: `those` after a comma stands for the noun before it
  // (`projects, each covering at least 10,000 hectares,`: so does `each`)
  if (noun && /^(?:those|each)$/i.test(noun.text) && /^\s+$/.test(noun.post) && /^,\s+$/.test(tokens[link - 2]?.post ?? '')) {
    // (`290 ecological restoration projects, each covering`: the noun may end the count before, whose floor it lifts)
    const before = tokens[link - 2]!;
    return before.end >= floor && /\p{L}s$/u.test(before.text) ? nounBeforeComma(text, tokens, link - 2, before.start < floor ? 0 : floor, compiled) : null;
  }
  if (!noun || !/\p{L}s$/u.test(noun.text) || !isNounLike(tokens, link - 1, compiled) || !/^\s+$/.test(noun.post) || noun.start < floor) return null;
  return subjectBefore(text, tokens, { ...candidate, boundStart: tokens[link]!.start }, floor, compiled);
}

// `, compared with 32 percent`, `versus 4.1 percent`: a figure right after a listed comparison opener, bound words aside,
// that names no other thing after it (`versus 2 percent for private firms` does)
function comparedFigure(text: string, candidate: Candidate, compiled: CompiledEnglish): boolean {
  if (/^\s+(?:for|among|at|of)\s/i.test(text.slice(candidate.end, candidate.end + 8))) return false;
  const before = text.slice(Math.max(0, candidate.boundStart - 24), candidate.boundStart).toLowerCase().replace(/\s+/g, ' ').trimEnd();
  return compiled.subjects.comparisonOpeners.some((opener) => before.endsWith(opener) && !/\p{L}/u.test(before[before.length - opener.length - 1] ?? ''));
}

// `of which 1,280 were hospitals`, `of whom 340 are women`, `Of the passenger cars sold, 63 percent
// were Chinese brands`, `Of these, 24.1 million were made visa-free`: the noun after the copula is what the number counts or measures
// `Of the passenger cars sold, `, `Water: Of the 3,641 sections, ` (a label may open the line; a
// thousands comma stays inside the number)
// the prepositions before the place a part was put (`were enrolled in the scheme …`) or that a gapped
// clause's bare count stands in (`and 550 million in the scheme for …`): one list for both readings
const PLACE_PREPOSITIONS = 'in|into|at|on|under';
const PLACED = new RegExp(`^\\s+(?:were|was|are|is)\\s+\\p{L}{3,}ed\\s+(?:${PLACE_PREPOSITIONS})\\s+((?:the\\s+)?[\\p{L}'’-]+(?: [\\p{L}'’-]+){0,6})`, 'iu');
// the copula or `have`/`hold` and up to four words after it; for a count or a share, a regular past as well and a
// first word that may hold a digit (`5G networks`)
const PREDICATE_VERBS = 'were|was|are|is|had|have|has|held|hold|holds';
// (`of which 21,500 were children's books`: a possessive stays in the words)
const PREDICATE = new RegExp(`^\\s+(?:${PREDICATE_VERBS})\\s+(?:the\\s+)?([\\p{L}-]+(?:['’]s)?(?: [\\p{L}-]+){0,3})`, 'iu');
const PREDICATE_COUNT = new RegExp(`^\\s+(?:${PREDICATE_VERBS}|\\p{L}{2,}ed)\\s+(?:the\\s+)?([\\p{L}\\d-]+(?:['’]s)?(?: [\\p{L}-]+){0,3})`, 'iu');
const PREDICATE_IRREGULAR = /^\s+\p{L}+\s+(?:the\s+)?([\p{L}\d-]+(?: [\p{L}-]+){0,3})/iu;
// how far into its sentence a part after `Of the …,` may stand (`Of the 500 billion yuan in the technology relending
// quota that had been drawn by the end of March, about 60 percent went to`: a relative clause may lengthen the whole)
const OF_THE_REACH = 120;
const OF_THE = /^\s*(?:[\p{L} ]{1,30}:\s*)?Of\s+(?:(?:the|these|those|its|their)\s(?:[^,]|(?<=\d),(?=\d))+|these|those|them),\s*$/iu;
// ` of which offer free admission`: `of which` right after a share set off by a comma, its verb and the verb's object
const TRAILING_WHICH = /^\s+of\s+(?:which|whom)\s+(?!(?:were|was|are|is|will|would|can|could|had|have|has)\b)\p{L}+\s+(?:the\s+|a\s+|an\s+)?([\p{L}'’-]+(?: [\p{L}'’-]+){0,3})/iu;
const REST_PART = /\bthe\s+(\p{L}+),\s*$/u;
const REST_REACH = 24;
function predicateAfterWhich(text: string, tokens: readonly Token[], candidate: Candidate, sentence: number, compiled: CompiledEnglish): string | null {
  // `rose by 312 to 7,358, about 91 percent of which offer free admission`: the share is told apart by what its clause's verb takes
  const trailing = candidate.unit?.kind === 'percent' && /,\s*$/.test(text.slice(Math.max(0, candidate.boundStart - 2), candidate.boundStart)) ? TRAILING_WHICH.exec(text.slice(candidate.end, candidate.end + 64)) : null;
  if (trailing) return trailing[1]!.split(/ (?:and|or|in|with|at|of|for|by|to|from|on)\b/)[0]!;
  const which = /\bof\s+(which|whom)\s*$/i.test(text.slice(Math.max(0, candidate.boundStart - 16), candidate.boundStart));
  // `Of these, 24.1 million were made visa-free`: a bare `these`/`those`/`them` as well
  const ofThe = candidate.boundStart - sentence <= OF_THE_REACH && OF_THE.test(text.slice(sentence, candidate.boundStart));
  // `while the rest, about 948 million, were covered by the scheme for …`: a part noun (english-subjects.yaml
  // part_nouns) that an amount set off by commas restates is told apart by the predicate after the closing comma
  const part = REST_PART.exec(text.slice(Math.max(0, candidate.boundStart - REST_REACH), candidate.boundStart));
  const rest = part !== null && compiled.subjects.partNouns.has(part[1]!.toLowerCase()) && /^,\s/.test(text.slice(candidate.end, candidate.end + 2));
  // `paid out 143 billion yuan, including 28 billion yuan returned to 3.7 million firms`: a part after `including` is
  // told apart only by where it went
  const including = /\bincluding\s*$/i.test(text.slice(Math.max(0, candidate.boundStart - 12), candidate.boundStart));
  if (!which && !ofThe && !rest && !including) return null;
  // (read from the text: compromise's tags make a word after a copula a verb)
  // (`, were covered by`: after a restating amount, past its closing comma and a bound's worth of words more)
  const after = rest ? text.slice(candidate.end + 1, candidate.end + 80) : text.slice(candidate.end, candidate.end + 64);
  // `Of the total, 8.52 million lived in urban areas`: a verb in the past and a place tell the part apart
  // (`Of these, 4.3 million came from long-haul markets`: an irregular past as well)
  // `Of the …, about 60 percent went to small and medium-sized firms`: where the part went, the noun phrase
  // after the preposition (read before the place below, whose `and` would end it)
  const went = compiled.subjects.partGoes.exec(after);
  if (went && !/^\s+(?:will|would|should|can|could|may|is|are)\s/i.test(went[0])) return phraseAt(text, tokens, pastCount(text, tokens, candidate.end + went[0].length), compiled);
  if (including) return null;
  const where = /^\s+((?:\p{L}+ed|came|went|were|was)\s+(?:in|outside|at|from|on|to|into)\s+(?:the\s+)?[\p{L}-]+(?: [\p{L}-]+){0,2})/iu.exec(after);
  if (where) return where[1]!.split(/ (?:and|or|with|of|for|by)\b/)[0]!;
  // `of which at least 800 billion yuan can be used to buy idle land`: what the part may go to
  const use = compiled.subjects.partUse.exec(after);
  if (use) return use[1]!.split(/ (?:and|or|with|in|at|of|for|by|to|from|on)\b/)[0]!;
  // `Of the graduates, about 1.3 million will hold master's or doctoral degrees`: what they will hold
  // `Of the … budget, 42 billion yuan will go to the Yangtze and Yellow river basins`: where the part
  // is to go, the noun phrase after the preposition (its `and` may join two names of one head)
  const goes = compiled.subjects.partGoes.exec(after);
  if (goes) return phraseAt(text, tokens, candidate.end + goes[0].length, compiled);
  const object = /^\s+(?:will|would)\s+\p{L}+\s+(?:the\s+|a\s+|an\s+)?([\p{L}'’-]+(?: [\p{L}'’-]+){0,3})/iu.exec(after);
  if (object) return object[1]!.split(/ (?:with|in|at|of|for|by|to|from|on)\b/)[0]!;
  // (`Of the 3,641 sections, 91.4 percent had water quality of Grade I to III`: what they had)
  // (`of whom 46 percent held doctoral degrees`: or what they held)
  // (`of whom 1.12 billion used 5G networks`, `of whom 82 percent received prison terms`: or, for a
  // count or a share, the object of a regular past; a measured part stays the whole's stuff: `of which
  // 600,000 hectares suffered serious losses`)
  const counts = candidate.unit === null || candidate.unit.kind === 'count' || candidate.unit.kind === 'percent';
  // (`Of the 210 … sections, 93.8 percent met Grade III standards`: an irregular past that compromise tags so, before a noun)
  const verb = tokens[tokenAtOrAfter(tokens, candidate.end)];
  const objectAt = verb === undefined ? -1 : tokenAtOrAfter(tokens, verb.end);
  const irregular = counts && !rest && verb !== undefined && /^\s+$/.test(text.slice(candidate.end, verb.start)) && hasTag(verb, 'PastTense') && !/ed$/i.test(verb.text) && /^\s+$/.test(verb.post) && objectAt >= 0 && (hasTag(tokens[objectAt], 'Determiner') || isNounLike(tokens, objectAt, compiled));
  const predicate = (counts ? (irregular ? PREDICATE_IRREGULAR : PREDICATE_COUNT) : PREDICATE).exec(after);
  // `8,600 were set up by investors from Hong Kong`: who did it tells the part apart
  // (`of which 25,900 were closed by the end of the year`: a `by` before a time says when, not who)
  // (no `i` flag: under it `\p{Lu}` matches any letter, and `by rail.` kept the sentence's full stop)
  const agent = /^\s+(?:were|was|are|is)\s+\p{L}+(?:\s+(?:up|out|off|down|in))?\s+by\s+((?:[^,.;]|(?<=\p{Lu})\.){1,60})/u.exec(after);
  // (`were planted by hand`: a means is no agent either)
  if (agent && !namesTime(agent[1]!, compiled) && !compiled.subjects.means.has(agent[1]!.trim().toLowerCase())) return agent[1]!;
  // `Of the total, 530 million were enrolled in the scheme for urban employees`: where they were put
  const placed = PLACED.exec(after);
  if (placed && !namesTime(placed[1]!, compiled)) return trimJoiners(placed[1]!);
  // `of which 9,800 hectares were destroyed`: a participle says what happened, not what is counted
  if (!predicate || /^\p{L}{3,}ed$/u.test(predicate[1]!.split(' ')[0]!)) return null;
  return predicate[1]!.split(/ (?:and|or|in|with|at|of|for|by|to)\b/)[0]!;
}

// `returned to 3.7 million firms`: the count before the noun a part went to is crossed (it is a quantity of its own)
function pastCount(text: string, tokens: readonly Token[], at: number): number {
  let i = tokenAtOrAfter(tokens, at);
  if (!hasTag(tokens[i], 'Cardinal') || hasTag(tokens[i], 'Date', 'Year', 'Percent', 'Money')) return at;
  while (i < tokens.length && hasTag(tokens[i], 'Cardinal') && /^\s+$/.test(tokens[i]!.post)) i++;
  return i < tokens.length && !hasTag(tokens[i], 'Value', 'Unit') ? tokens[i]!.start : at;
}

// `, and 1,950 by U.S. companies`: the `by` phrase right after a number that opens the second
// half of a gapped clause
function gappedAgent(text: string, candidate: Candidate): string | null {
  if (!/,\s+and\s+$/i.test(text.slice(Math.max(0, candidate.boundStart - 8), candidate.boundStart))) return null;
  // (`U.S. companies`: the full stop of a capital's abbreviation stays)
  const agent = /^\s+by\s+((?:[^,.;]|(?<=\p{Lu})\.){1,40})/u.exec(text.slice(candidate.end, candidate.end + 48));
  return agent ? agent[1]! : null;
}

// `530 million were enrolled in the scheme for urban employees and 550 million in the scheme for
// rural … residents`: a bare count that opens the second half of a gapped clause, and the place
// after its preposition (not a time: `5 million in 2024 and 6 million in 2025`)
const GAPPED_PLACE = new RegExp(`^\\s+(?:${PLACE_PREPOSITIONS})\\s+((?:the\\s+)?[\\p{L}'’-]+(?: [\\p{L}'’-]+){0,7})`, 'u');
function gappedPlace(text: string, candidate: Candidate, compiled: CompiledEnglish): string | null {
  if (candidate.unit !== null && candidate.unit.kind !== 'count') return null;
  if (!/(?:,\s+|\s)and\s+$/i.test(text.slice(Math.max(0, candidate.boundStart - 8), candidate.boundStart))) return null;
  const place = GAPPED_PLACE.exec(text.slice(candidate.end, candidate.end + 80));
  return place && !namesTime(place[1]!, compiled) ? trimJoiners(place[1]!) : null;
}

// a phrase that holds a word of english-subjects.yaml time_words (`the first half`, `March`)
function namesTime(phrase: string, compiled: CompiledEnglish): boolean {
  return phrase.split(/[^\p{L}]+/u).some((word) => compiled.subjects.timeWords.has(word.toLowerCase()));
}

// a phrase without the joiners a word-count cut left at its end (`urban employees and`)
function trimJoiners(phrase: string): string {
  return phrase.replace(/(?:\s+(?:and|or|of|for|in|with|to|the))+$/i, '');
}

// a few words and a comma between the last quantity and a percentage of something (`N percent of`)
function appositiveShare(text: string, tokens: readonly Token[], memory: SubjectMemory, candidate: Candidate): boolean {
  if (candidate.unit?.kind !== 'percent' || !/^\s+of\s/i.test(text.slice(candidate.end, candidate.end + 5))) return false;
  if (!/^(\s+\p{L}+){0,3},\s*$/u.test(gapAfterLast(text, memory, candidate))) return false;
  const from = tokenAtOrAfter(tokens, memory.floor);
  const to = tokenAtOrAfter(tokens, candidate.boundStart);
  return !tokens.slice(from, to).some((token) => hasTag(token, 'Verb'));
}

// `21,340 people, about 3,800 of them engineers`: the words after `of them` (with no verb between)
// name what the number counts, a part of those counted before. Read from the text, as after
// `of which`: compromise tags `engineers` after `them` a verb.
function nounAfterOfThem(text: string, tokens: readonly Token[], candidate: Candidate): string | null {
  const of = /^\s+of\s+(?:them|these|those)\s+/i.exec(text.slice(candidate.end, candidate.end + 24));
  if (!of) return null;
  const at = candidate.end + of[0].length;
  const first = tokens[tokenAtOrAfter(tokens, at)];
  // `40 of them were private`, `of them in Shanghai`: a predicate or a place, not a noun
  if (!first || first.start !== at || hasTag(first, 'Copula', 'Auxiliary', 'Modal', 'PastTense', 'Adverb', 'Preposition', 'Determiner', 'Value')) return null;
  const words = /^[\p{L}-]+(?: [\p{L}-]+){0,3}/u.exec(text.slice(at, at + 64));
  const noun = words ? words[0].split(/ (?:and|or|in|with|at|of|for|by|to|from|who|that|were|was|are|is)\b/)[0]! : null;
  // `about 34 percent of those affected`: a lone participle after the pronoun stands for people, it names no noun
  return noun !== null && /^\p{L}+ed$/u.test(noun) ? null : noun;
}

// `, saving about $8 billion`, `, saving local governments roughly 120 billion yuan`: a listed
// participle that opens the number's comma-part, at most four words before it
const PART_OPENER = /,\s*(\p{L}+)(?:\s+[\p{L}'’-]+){0,4}\s*$/u;
function amountParticiple(text: string, candidate: Candidate, compiled: CompiledEnglish): string | null {
  const opener = PART_OPENER.exec(text.slice(Math.max(0, candidate.boundStart - 64), candidate.boundStart));
  return opener && compiled.subjects.amountParticiples.has(opener[1]!.toLowerCase()) ? opener[1]! : null;
}

// `800,000 of the county's 1.2 million residents`, `126 of the 540 households`: `of`, a determiner
// or a possessive, and a count right after a bare number
const OF_COUNT = /^\s+of\s+(?:the|these|those|its|their|all)\s+(?:[\p{L}-]+['’]s?\s+)?(?!(?:19|20)\d\d\b)\d[\d,.]*(?:\s+(?:hundred|thousand|million|billion))?\s+/iu;
function nounOfCount(text: string, tokens: readonly Token[], candidate: Candidate, compiled: CompiledEnglish): string | null {
  if (candidate.unit !== null && candidate.unit.kind !== 'count') return null;
  const of = OF_COUNT.exec(text.slice(candidate.end, candidate.end + 80));
  return of ? phraseAt(text, tokens, candidate.end + of[0].length, compiled) : null;
}

// where a sentence's own words start after a dateline (`BEIJING, Jan. 27, 2026 -- Profits of …`):
// a place in capitals, perhaps a date and an agency, then a dash (the sentence may start inside
// the date, after the full stop of `Jan.`)
function afterDateline(text: string, start: number): number {
  const dateline = /^([^\n]{0,60}?)\s(?:--|—)\s+/.exec(text.slice(start, start + 80));
  return dateline && /^\s*(?:\p{Lu}{2,}|\d)/u.test(dateline[1]!) ? start + dateline[0].length : start;
}

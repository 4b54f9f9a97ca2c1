/**
 * change: is the number the size of a rise (`grew 5.2 percent`, `an increase of 180 billion
 * yuan`), of a fall (`down by around 2.5 percent`), or a level (`rose to 2.64 percent`,
 * `reached 695 million metric tons`, `from A to B`)?
 *
 * A cue right after the number and its unit decides first (`a 10 percent increase`,
 * `1 percentage point lower than`). Otherwise the words before the number are read backwards,
 * within the clause and a few words: the nearest change cue decides, a level word in between
 * makes it a level, unless a rate noun (`growth`) names what the number measures.
 */
import type { Change } from '../../document.js';
import type { CompiledEnglish } from './compile.js';
import type { Candidate } from './phrase.js';
import { hasTag, tokenAtOrAfter, tokenBefore, type Token } from './tokens.js';
import { matchBackward, matchForward, skipSpaceBackward, skipSpaceForward } from './words.js';

/** Words read backwards from the number; after `by`, the verb may stand further back (`cut taxes and fees by …`). */
const WINDOW = 6;
const BY_WINDOW = 14;
/** A rate noun may stand further back: `the average growth rate of GDP over the past five years was 5.2 percent`. */
const RATE_WINDOW = 14;
/** `to` and a word after an amount (`to national reserves`), not a number (`add 5 to 8`). */
const STOCK_TO = /^\s+to\s+\p{L}/u;
/** Punctuation that ends a clause when reading backwards; a colon does not (`GDP growth: around 5%`). */
const CLAUSE_END = /[,;()（）—–!?]/;

/** The later bare numbers of a list, up to the unit they share: `, 1.3 and ` `1.1 ` in `1.6, 1.3 and 1.1 degrees Celsius`. */
const LIST_REST = /^(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)\d[\d,]*(?:\.\d+)?)+\s+/;

// `1.6, 1.3 and 1.1 degrees Celsius warmer than normal`: a bare number that took its unit from the end of
// its list (phrase.ts english/list-unit) takes the cue right after that unit too
function listCueAfter(text: string, candidate: Candidate, compiled: CompiledEnglish): ReturnType<typeof matchForward<{ change: Exclude<Change, 'none'>; rule: string }>> {
  if (candidate.magnitude || !candidate.rules.includes('english/list-unit') || candidate.unitText === '') return null;
  const rest = LIST_REST.exec(text.slice(candidate.end));
  if (!rest) return null;
  const unitStart = candidate.end + rest[0].length;
  if (text.slice(unitStart, unitStart + candidate.unitText.length).toLowerCase() !== candidate.unitText.toLowerCase()) return null;
  return matchForward(compiled.changeAfter, text, skipSpaceForward(text, unitStart + candidate.unitText.length));
}

export function changeOf(
  text: string,
  tokens: readonly Token[],
  candidate: Candidate,
  compiled: CompiledEnglish,
): { change: Change; rule: string | null } {
  // `(+12.5%)`, `(-4.1%)`: a signed rate is a growth rate, its sign in the value
  if (candidate.signed) return { change: 'increase', rule: 'english/signed-rate' };
  const after = matchForward(compiled.changeAfter, text, skipSpaceForward(text, candidate.end)) ?? listCueAfter(text, candidate, compiled);
  if (after) return { change: after.value.change, rule: after.value.rule };

  let position = skipSpaceBackward(text, candidate.boundStart);
  // `expect the population to drop below 1.4 billion`: a change verb right before a level bound (english-changes.yaml
  // level_bounds) moves to a level; the number is no size of the move
  const bound = text.slice(candidate.boundStart, candidate.start).trim().toLowerCase();
  if (bound !== '' && compiled.levelBounds.has(bound)) {
    const verb = text.slice(wordStart(text, position), position).toLowerCase();
    const token = tokens[tokenBefore(tokens, candidate.boundStart)];
    if (compiled.changeWords.has(verb) || (token?.root != null && hasTag(token, 'Verb') && compiled.changeRoots.has(token.root.toLowerCase()))) return { change: 'none', rule: null };
  }
  // `prices have fallen for 41 months`: a span after `for` is how long the move lasted, not its size
  if (candidate.unit?.kind === 'duration' && /\bfor$/i.test(text.slice(Math.max(0, position - 4), position))) return { change: 'none', rule: null };
  // `the ChiNext index added 2.1 percent`: a verb that moves a measure only before a relative one
  // `add 200 billion yuan to the relending quota`: an amount added to a stock is the size of its rise
  if (STOCK_TO.test(text.slice(candidate.end, candidate.end + 8)) && compiled.stockVerbs.has(text.slice(wordStart(text, position), position).toLowerCase())) return { change: 'increase', rule: 'english/stock-verb' };
  const relative = matchBackward(compiled.relativeVerbs, text, position);
  if (relative && isRelative(candidate)) return { change: relative.value.change, rule: relative.value.rule };
  const filler = matchBackward(compiled.byFillers, text, position);
  const beforeFiller = filler ? skipSpaceBackward(text, filler.start) : position;
  const byBefore = /\bby$/i.test(text.slice(Math.max(0, beforeFiller - 3), beforeFiller));
  if (byBefore) position = beforeFiller;
  const manner = byBefore ? verbBeforeManner(text, beforeFiller - 2, compiled) : null;
  if (manner) return manner;
  const window = byBefore ? BY_WINDOW : WINDOW;
  const reach = Math.max(window, RATE_WINDOW);
  let levelRule: string | null = null;
  let levelAt = -1;
  let levelMoves = false;
  // past the window a rate noun counts only if no other number stands in between
  let crossedNumber = false;
  // `GDP growth of around 6 percent and 120,000 new urban jobs`: a rate noun before another
  // percentage is that percentage's
  let crossedPercent = false;
  // the word just crossed was a cue verb after a level word (`slowed` in `growth slowed to`)
  let crossedCueVerb = false;
  let levelVerbs = 0;
  let crossedNoun = false;
  let levelPhrase = '';
  // the word right before the number
  let firstWord = '';
  for (let words = 0; words < reach && position > 0; words++) {
    // `Raise basic pension payments …, currently about 200 yuan a month, by at least 50 percent`: an
    // appositive opened by a crossed adverb right before `by` is crossed to the verb before it
    if (byBefore && text[position - 1] === ',' && position === skipSpaceBackward(text, beforeFiller - 2)) {
      const opening = appositiveOpening(text, position - 1, compiled);
      if (opening >= 0) position = skipSpaceBackward(text, opening);
    }
    if (clauseEndAt(text, position - 1) || sentenceEnd(text, position)) break;
    if (text[position - 1] === ':') position = skipSpaceBackward(text, position - 1);
    // a rate noun counts across a level word only right before it (`growth rate reached`), or
    // before the rest of its noun phrase (`the growth of general public budget revenue at about 4 percent`)
    // (`retail sales growth slowed to 3.9%`: the rate noun, which compromise may tag a verb, before a cue verb)
    // (`growth could slow to around 20 percent`: a modal or auxiliary before that cue verb too)
    const verbGroup = crossedCueVerb && auxiliaryEndingAt(tokens, position);
    // (`full-year growth will come in at around 4.9%`, `Nominal growth was weaker at 3.9%`: a few words of
    // a verb group between the rate noun and the level word, with no noun among them)
    const levelVerb = levelRule !== null && !crossedNoun && levelVerbs < MAX_LEVEL_VERBS && verbGroupWordEndingAt(tokens, position);
    if (levelVerb) levelVerbs++;
    if (levelRule !== null && words > levelAt + 1 && nounPhraseWordEndingAt(tokens, position) && !rateEndingAt(text, position, compiled)) crossedNoun = true;
    if (levelRule !== null && words > levelAt + 1 && !nounPhraseWordEndingAt(tokens, position) && !rateEndingAt(text, position, compiled) && !verbGroup && !levelVerb) break;
    crossedCueVerb = false;
    if (words === 0) firstWord = text.slice(wordStart(text, position), position).toLowerCase();
    const cue = matchBackward(compiled.changeBefore, text, position);
    if (cue) {
      const { cue: kind, adjacent, rule } = cue.value;
      // `grows kiwifruit on 430,000 mu`, `rose in 31 provinces`: a number after a place preposition is
      // where or what, not the size of the change before it
      if (words > 0 && (kind === 'increase' || kind === 'decrease') && compiled.placePrepositions.has(firstWord)) break;
      // `should grow at about 8 percent`: a change verb right before `at` gives the rate of the change
      if (levelPhrase === 'at' && words === levelAt + 1 && (kind === 'increase' || kind === 'decrease') && candidate.unit?.kind === 'percent' && compiled.verbCues.has(cue.phrase)) return { change: kind, rule };
      const near = words === 0 || (words === 1 && byBefore);
      // `Average annual precipitation was 671 millimeters`: a rate phrase that ends in an adjective before a
      // noun only qualifies that noun
      if (kind === 'rate' && adjectiveBeforeNoun(tokens, position)) {
        position = skipSpaceBackward(text, cue.start);
        continue;
      }
      // `GDP growth creates roughly 2 million urban jobs`: the number is the object of another verb
      if (kind === 'rate' && crossedPercent) break;
      // `hurt by higher marketing costs and a 3.1 billion yuan loss`: a comparative before a noun
      // qualifies that noun, not the number
      if (words > 0 && kind !== 'level' && attributive(tokens, cue.start, position)) {
        position = skipSpaceBackward(text, cue.start);
        continue;
      }
      // `6.9 percent higher than in 2023 and 1.2 times the average`: a rise or fall right after
      // another quantity is that quantity's
      if (words > 0 && (kind === 'increase' || kind === 'decrease') && afterQuantity(tokens, cue.start)) break;
      // `could cut China's growth by 0.5 percentage points`: the verb before the rate noun moves it
      const mover = kind === 'rate' && byBefore ? byVerbBefore(text, cue.start, compiled) : null;
      if (mover) return mover;
      if (kind === 'rate') return verbAfter(text, tokens, position, compiled) ? { change: 'none', rule: levelRule } : { change: 'increase', rule };
      if (words >= window) {
        if (kind === 'level' || crossedNumber) break; // past the window only a rate noun counts, and a level word ends the search
        // `a rise in the consumer price index of around 2 percent`: a change noun with what changed after its `in`
        if (levelRule === null && isNoun(tokens, cue.start) && /^\s+in\s/i.test(text.slice(position, position + 4))) return { change: kind, rule };
        position = skipSpaceBackward(text, cue.start);
        continue;
      }
      // `CPI increase at around 2 pct`: a change noun names a rate, and a level word does not undo it
      // (but `a 30.9 percent rise to 44.5 million`: after `to` or `from` the number is the new level)
      if (levelRule !== null && !levelMoves && kind !== 'level' && !compiled.verbCues.has(cue.phrase) && isNoun(tokens, cue.start)) {
        return { change: kind, rule };
      }
      // `raise inclusive loans to small and micro businesses by more than 12 percent`: after `by` the
      // number is the size of the move, and a level word before it stands in the verb's object
      if (kind === 'level' && byBefore && words > 0) {
        position = skipSpaceBackward(text, cue.start);
        continue;
      }
      if (kind === 'level') {
        if (levelRule === null) {
          levelRule = rule;
          levelAt = words;
          levelPhrase = cue.phrase;
          levelMoves = compiled.newLevel.has(cue.phrase);
        }
      } else if (levelRule === null && (!adjacent || (near && !afterParticleVerb(text, tokens, cue.start, compiled, isRelative(candidate))))) {
        return { change: kind, rule };
      }
      crossedCueVerb = levelRule !== null && compiled.verbCues.has(cue.phrase);
      position = skipSpaceBackward(text, cue.start);
      continue;
    }
    // `plummeted`, `skyrocketing`: a verb whose dictionary form is a listed cue
    const verb = levelRule === null && words < window ? verbCueEndingAt(tokens, position, compiled) : null;
    if (verb) return verb;
    if (byBefore && levelRule === null && words < window) {
      const verb = matchBackward(compiled.byVerbs, text, position);
      if (verb) return { change: verb.value.change, rule: verb.value.rule };
    }
    const start = wordStart(text, position);
    // `expand a program that places 30,000 graduates`: a cue before a relative pronoun is the
    // main clause's; the number is the relative clause's
    // (`outpacing that of urban residents by 2.3 percentage points`: `that of` is a pronoun, not a clause)
    if (/^(?:that|which|who)$/i.test(text.slice(start, position)) && !/^\s+of\s/i.test(text.slice(position, position + 4))) break;
    if (/\d/.test(text.slice(start, position))) crossedNumber = true;
    if (/^(?:percent|pct|cent|\S*%)$/i.test(text.slice(start, position))) crossedPercent = true;
    if (words >= window && crossedNumber) break;
    position = skipSpaceBackward(text, start);
  }
  return { change: 'none', rule: levelRule };
}

// the index of the comma that opens an appositive closed by the comma at `close` when the
// appositive starts with a crossed adverb (`, currently about 200 yuan a month,`), or -1
const MAX_APPOSITIVE = 60;
function appositiveOpening(text: string, close: number, compiled: CompiledEnglish): number {
  const from = Math.max(0, close - MAX_APPOSITIVE);
  const window = text.slice(from, close);
  const open = from + window.lastIndexOf(',');
  if (open < from || /[;.:()]/.test(text.slice(open + 1, close))) return -1;
  const first = /^\s+([\p{L}]+)/u.exec(text.slice(open + 1, close));
  return first !== null && compiled.subjects.crossedAdverbs.has(first[1]!.toLowerCase()) ? open : -1;
}

// `Profits grew more slowly, by 7.4 percent,`: a change verb and its manner adverb (or a comparative: `grew
// faster, by 6.2 percent`), set off by a comma before `by`, give that `by` number its change (`fell for the third year in a row, by 11.5
// percent`: or the verb and a `for` phrase of time)
const MANNER_BY = /(\p{L}+)\s+(?:(?:(?:more|less|much|even|far)\s+)?\p{L}+(?:ly|er)|for\s[^,;.\d]{1,40})\s*,\s*$/u;
const MANNER_REACH = 56;
function verbBeforeManner(text: string, byStart: number, compiled: CompiledEnglish): { change: Change; rule: string } | null {
  const verb = mannerVerbEnd(text, byStart);
  if (verb < 0) return null;
  const cue = matchBackward(compiled.changeBefore, text, verb);
  return cue && (cue.value.cue === 'increase' || cue.value.cue === 'decrease') ? { change: cue.value.cue, rule: cue.value.rule } : null;
}

/** Where the verb that a manner adverb or a `for` phrase and a comma follow ends, before `by` at `byStart`, or -1. */
export function mannerVerbEnd(text: string, byStart: number): number {
  const from = Math.max(0, byStart - MANNER_REACH);
  const manner = MANNER_BY.exec(text.slice(from, byStart));
  return manner ? from + manner.index + manner[1]!.length : -1;
}

// a `by` verb (english-changes.yaml by_verbs) up to three words before `start`
const BY_VERB_REACH = 3;
function byVerbBefore(text: string, start: number, compiled: CompiledEnglish): { change: Change; rule: string } | null {
  let position = skipSpaceBackward(text, start);
  for (let words = 0; words < BY_VERB_REACH && position > 0; words++) {
    if (CLAUSE_END.test(text[position - 1]!)) return null;
    const verb = matchBackward(compiled.byVerbs, text, position);
    if (verb) return { change: verb.value.change, rule: verb.value.rule };
    position = skipSpaceBackward(text, wordStart(text, position));
  }
  return null;
}

// the token before `start` ends a quantity: a unit, or a number that is no date
function afterQuantity(tokens: readonly Token[], start: number): boolean {
  const before = tokens[tokenAtOrAfter(tokens, start) - 1];
  return before !== undefined && /^\s+$/.test(before.post) && (hasTag(before, 'Unit') || (hasTag(before, 'Value') && !hasTag(before, 'Date', 'Year')));
}

// the cue ending at `end` is a comparative adjective right before a noun (`higher marketing costs`)
function attributive(tokens: readonly Token[], start: number, end: number): boolean {
  const k = tokenAtOrAfter(tokens, start);
  const cue = tokens[k];
  const next = tokens[k + 1];
  return cue !== undefined && cue.start === start && cue.end === end && hasTag(cue, 'Comparative') && /^\s+$/.test(cue.post) && next !== undefined && hasTag(next, 'Noun') && !hasTag(next, 'Unit', 'Value', 'Date');
}

// `set up 2,000 stores`: the `up` of a phrasal verb
// (`closed up 3.8%`: a session verb's `up` before a relative measure is the move)
function afterParticleVerb(text: string, tokens: readonly Token[], cueStart: number, compiled: CompiledEnglish, relative: boolean): boolean {
  const verbEnd = skipSpaceBackward(text, cueStart);
  const verb = tokens[tokenAtOrAfter(tokens, verbEnd - 1)];
  if (!verb || verb.end !== verbEnd) return false;
  const listed = (set: ReadonlySet<string>) => set.has(verb.text.toLowerCase()) || (verb.root !== null && set.has(verb.root.toLowerCase())) || regularForms(verb.text.toLowerCase()).some((form) => set.has(form));
  return listed(compiled.particleVerbs) && !(relative && listed(compiled.sessionVerbs));
}

// the dictionary forms a regular inflection may come from, for a verb compromise gives no root:
// `together making up 21 percent` (`making` read as a noun) → `mak`, `make`; `setting` → `sett`, `set`
function regularForms(word: string): string[] {
  const ending = /(?:ing|ed|es|s)$/.exec(word);
  if (ending === null || word.length - ending[0].length < 2) return [];
  const stem = word.slice(0, -ending[0].length);
  const forms = [stem, `${stem}e`];
  if (/([b-df-hj-np-tv-z])\1$/.test(stem)) forms.push(stem.slice(0, -1));
  return forms;
}

function verbCueEndingAt(
  tokens: readonly Token[],
  end: number,
  compiled: CompiledEnglish,
): { change: Exclude<Change, 'none'>; rule: string } | null {
  const token = tokens[tokenAtOrAfter(tokens, end - 1)];
  if (!token || token.end !== end || token.root === null || !hasTag(token, 'Verb')) return null;
  return compiled.changeRoots.get(token.root.toLowerCase()) ?? null;
}

// the rate noun is the subject of a verb that is neither a cue nor a level word, nor a copula,
// auxiliary or modal (`growth creates`): the number is that verb's object
// (`retail sales growth slowed to 3.9%`: a cue verb moves the rate, and the number is the rate)
function verbAfter(text: string, tokens: readonly Token[], rateEnd: number, compiled: CompiledEnglish): boolean {
  const token = tokens[tokenAtOrAfter(tokens, skipSpaceForward(text, rateEnd))];
  if (token === undefined || !hasTag(token, 'Verb') || hasTag(token, 'Copula', 'Auxiliary', 'Modal', 'Gerund', 'Participle', 'Noun')) return false;
  const word = token.text.toLowerCase();
  return !compiled.verbCues.has(word) && !compiled.changeRoots.has(word) && !(token.root !== null && compiled.changeRoots.has(token.root.toLowerCase()));
}

// a word of a verb group (`will come in`, `was weaker`) that ends at `end`
const MAX_LEVEL_VERBS = 3;
function verbGroupWordEndingAt(tokens: readonly Token[], end: number): boolean {
  const token = tokens[tokenAtOrAfter(tokens, end - 1)];
  return token !== undefined && token.end === end && hasTag(token, 'Verb', 'Copula', 'Modal', 'Auxiliary', 'Particle', 'Comparative') && !hasTag(token, 'Noun');
}

function auxiliaryEndingAt(tokens: readonly Token[], end: number): boolean {
  const token = tokens[tokenAtOrAfter(tokens, end - 1)];
  // (`expects container throughput growth to slow to between 4 and 6 percent`: an infinitive's `to` too)
  return token !== undefined && token.end === end && (hasTag(token, 'Modal', 'Auxiliary') || token.text.toLowerCase() === 'to');
}

function rateEndingAt(text: string, end: number, compiled: CompiledEnglish): boolean {
  return matchBackward(compiled.changeBefore, text, end)?.value.cue === 'rate';
}

// a word of a noun phrase (noun, adjective, acronym, or `of`/`the` inside one) that ends at `end`
function nounPhraseWordEndingAt(tokens: readonly Token[], end: number): boolean {
  const token = tokens[tokenAtOrAfter(tokens, end - 1)];
  if (!token || token.end !== end) return false;
  // (`economic growth this year to 4.8 percent`: a time word of the phrase's date too)
  if (/^(of|the|this|next)$/i.test(token.text)) return true;
  return hasTag(token, 'Noun', 'Adjective', 'Acronym') && !hasTag(token, 'Verb', 'Value', 'Date', 'Pronoun');
}

function isNoun(tokens: readonly Token[], start: number): boolean {
  const token = tokens[tokenAtOrAfter(tokens, start)];
  return token !== undefined && token.start === start && hasTag(token, 'Noun') && !hasTag(token, 'Verb');
}

// the start of the word (or punctuation run) that ends at `end`
// the word ending at `end` is an adjective (no noun) right before a noun: `annual` in `average annual precipitation`
function adjectiveBeforeNoun(tokens: readonly Token[], end: number): boolean {
  const i = tokenAtOrAfter(tokens, end) - 1;
  const [word, next] = [tokens[i], tokens[i + 1]];
  if (word === undefined || word.end !== end || next === undefined || !/^\s+$/.test(word.post)) return false;
  return hasTag(word, 'Adjective') && !hasTag(word, 'Noun') && hasTag(next, 'Noun') && !hasTag(next, 'Value', 'Unit', 'Pronoun');
}

function wordStart(text: string, end: number): number {
  let i = end;
  while (i > 0 && !/\s/.test(text[i - 1]!) && !clauseEndAt(text, i - 1)) i--;
  return i === end ? end - 1 : i;
}

// the character at `i` ends a clause: not the comma of a thousands separator (`water use per 10,000
// yuan of GDP by a further 3 percent`)
function clauseEndAt(text: string, i: number): boolean {
  return CLAUSE_END.test(text[i]!) && !(text[i] === ',' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''));
}

// `… last year. GDP grew`: a full stop ends the clause, but not the one in `U.S.` or `5.2`
function sentenceEnd(text: string, position: number): boolean {
  return text[position - 1] === '.' && /[a-z0-9)]\.$/.test(text.slice(Math.max(0, position - 3), position)) && !/\b[A-Z]\.$/.test(text.slice(Math.max(0, position - 3), position));
}

// a percentage, percentage points or an index's points: a measure that moves, not a count of new things
function isRelative(candidate: Candidate): boolean {
  const kind = candidate.unit?.kind;
  return kind === 'percent' || kind === 'percentage_point' || candidate.unit?.unit === '点';
}

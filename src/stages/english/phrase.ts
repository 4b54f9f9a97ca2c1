/**
 * Numerals → candidate quantities: magnitude (`1.7 billion`), unit after or before the number
 * (`7.5 percent`, `RMB 100 billion`, `US$139 billion`), ranges (`2-3`, `5-10 million yuan`,
 * `between 2 and 3 percent`), the two levels of `from A to B`, and bound words (`over 100`,
 * `about 9 million`, `100 or more`). A leading bound word is not part of the text.
 * Indexes are UTF-16 into the piece searched.
 */
import type { Qualifier } from '../../document.js';
import type { CompiledEnglish, UnitMeaning } from './compile.js';
import { Exact, type Decimal, type Numeral } from './numbers.js';
import { matchBackward, matchForward, skipSpaceBackward, skipSpaceForward } from './words.js';

/** A quantity found in English text, before exclusions and attributes. */
export interface Candidate {
  /** The quantity's text span: from the currency prefix or first numeral to the unit or bound word. */
  start: number;
  end: number;
  /** Where the first numeral starts and the number (with its magnitude) ends. */
  numberStart: number;
  numberEnd: number;
  value: Decimal;
  valueMax: Decimal | null;
  unit: UnitMeaning | null;
  unitText: string;
  qualifier: Qualifier;
  /** A magnitude word applies (`million`), or the numeral was spelled out with one. */
  magnitude: boolean;
  spelled: boolean;
  /** Written with thousands separators (`10,000`). */
  grouped: boolean;
  yearLike: boolean;
  /** The index of the word after the number, where a counted noun may stand. */
  after: number;
  /** The unit is an adjective glued by a hyphen (`a 186-kilometer railway`): the noun after it is the subject. */
  adjectival: boolean;
  /** Where the bound word before the number starts (or `start`). */
  boundStart: number;
  /** A rate written with its sign in a bracket (`(+12.5%)`, `(-4.1%)`): a growth rate, sign kept. */
  signed: boolean;
  rules: string[];
}

interface NumberPhrase {
  numeral: Numeral;
  power: number;
  numberEnd: number;
  unit: UnitMeaning | null;
  unitStart: number;
  unitEnd: number;
  adjectival: boolean;
  prefixStart: number;
  rules: string[];
}

/** Builds candidates from the numerals of `text`, in order. */
export function buildCandidates(text: string, numerals: readonly Numeral[], compiled: CompiledEnglish): Candidate[] {
  const candidates: Candidate[] = [];
  const byStart = new Map(numerals.map((n) => [n.start, n]));
  for (let i = 0; i < numerals.length; i++) {
    const first = phraseAt(text, numerals[i]!, compiled);
    const range = rangeAfter(text, first, byStart, compiled);
    if (range) {
      i = numerals.indexOf(range.second.numeral);
      if (range.levels) {
        const inherit = first.unit === null;
        const firstLevel = { ...first, unit: inherit ? range.second.unit : first.unit, power: range.firstPower };
        candidates.push(finish(text, firstLevel, null, compiled, inherit ? [range.rule] : []));
        candidates.push(finish(text, range.second, null, compiled, [range.rule]));
      } else {
        candidates.push(finish(text, { ...first, power: range.firstPower }, range.second, compiled, [range.rule]));
      }
      continue;
    }
    candidates.push(finish(text, first, null, compiled, []));
  }
  shareListBounds(text, candidates);
  shareListUnits(text, candidates);
  return candidates;
}

// `208.5 million and 140.1 million tonnes`: a number with a magnitude and no unit takes the unit of
// the next one in its list (a bare number, that of a bare number's measuring unit: `1.6, 1.3 and 1.1
// degrees Celsius`); `followed by Henan with 67.4 million`: after `with`, with nothing
// after it, the unit of the amount before it in the piece (a goods or money unit, not a rate)
function shareListUnits(text: string, candidates: Candidate[]): void {
  // (from the last: `180 billion, 142 billion and 128 billion yuan` passes the unit back along the list)
  for (let k = candidates.length - 1; k >= 0; k--) {
    const candidate = candidates[k]!;
    if (candidate.unit !== null || candidate.spelled || candidate.valueMax !== null) continue;
    const next = candidates[k + 1];
    // (`1.6, 1.3 and 1.1 degrees Celsius`: bare numbers pass a measuring unit back too, not a counted noun's)
    const alike = candidate.magnitude ? next?.magnitude === true : next !== undefined && !next.magnitude && !candidate.yearLike && next.unit?.kind !== 'count';
    const listed = next !== undefined && next.unit !== null && alike && next.unit.power === 0 && LIST_GAP.test(text.slice(candidate.end, next.start));
    const earlier = candidates[k - 1];
    const borrowed =
      !listed && candidate.magnitude && earlier !== undefined && earlier.unit !== null && earlier.unit.power === 0 && !RATE_KINDS.has(earlier.unit.kind) &&
      (/\bwith\s+$/i.test(text.slice(Math.max(0, candidate.boundStart - 6), candidate.boundStart)) || BORROW_GAP.test(text.slice(earlier.end, candidate.boundStart))) &&
      /^\s*(?:[,.;]|$)/.test(text.slice(candidate.end, candidate.end + 3));
    if (!listed && !borrowed) continue;
    const source = listed ? next! : earlier!;
    candidate.unit = source.unit;
    candidate.unitText = source.unitText;
    candidate.rules.push(listed ? 'english/list-unit' : 'english/unit-before');
  }
}

// `down by 0.2 million TEUs to 24.7 million`: the level after a move; `coastal ports moved 25.1
// million TEUs and inland ports about 3.5 million`: a gapped clause of a few words
const BORROW_GAP = /^\s+to\s+$|^\s*,?\s+(?:and|while|but)\s+(?:[\p{L}'’-]+\s+){1,4}$/u;
const RATE_KINDS: ReadonlySet<string> = new Set(['percent', 'percentage_point', 'duration', 'count']);

// `will exceed 92 percent and 75 percent, respectively`: a later number of a list with no bound of
// its own shares the bound word before the first (same unit, only commas and `and` between)
function shareListBounds(text: string, candidates: Candidate[]): void {
  for (let k = 1; k < candidates.length; k++) {
    const previous = candidates[k - 1]!;
    const candidate = candidates[k]!;
    const bound = previous.boundStart < previous.start && previous.qualifier !== 'exact' && previous.qualifier !== 'range';
    if (!bound || candidate.qualifier !== 'exact' || candidate.boundStart < candidate.start || previous.unit?.unit !== candidate.unit?.unit || candidate.unit === null) continue;
    if (!LIST_GAP.test(text.slice(previous.end, candidate.start))) continue;
    candidate.qualifier = previous.qualifier;
    candidate.rules.push('english/list-bound');
  }
}

// what may stand between the numbers of a list: `92 percent and 75 percent`, `5%, 7% and 9%`
const LIST_GAP = /^(\s*,\s*(and\s+)?|\s+and\s+)$/;

/** How far back (UTF-16 units) the full form of a short unit (`micrograms`) is looked for. */
const SHORT_UNIT_REACH = 240;

function phraseAt(text: string, numeral: Numeral, compiled: CompiledEnglish): NumberPhrase {
  const rules: string[] = [];
  let power = 0;
  let numberEnd = numeral.end;
  if (!numeral.spelled) {
    for (;;) {
      // 1.5 billion, 1.5bn, a 100-billion-yuan fund
      const at = text[numberEnd] === '-' ? numberEnd + 1 : skipSpaceForward(text, numberEnd);
      // `£450m`: a magnitude letter glued to a number with a currency before it
      const magnitude =
        matchForward(compiled.magnitudes, text, at, true) ??
        (at === numeral.end && matchBackward(compiled.unitsBefore, text, numeral.start) !== null ? matchForward(compiled.currencyMagnitudes, text, at) : null);
      if (!magnitude) break;
      power += magnitude.value.power;
      numberEnd = magnitude.end;
      rules.push(magnitude.value.rule);
    }
  }
  // 5.2% and 10km are glued; 5.2 percent is spaced; 5-fold has its own form
  let unitStart = skipSpaceForward(text, numberEnd);
  let unit = matchForward(compiled.unitsAfter, text, unitStart);
  // three consecutive years: one modifier between the number and its unit
  if (!unit) {
    const modifier = matchForward(compiled.unitModifiers, text, unitStart);
    const after = modifier ? matchForward(compiled.unitsAfter, text, skipSpaceForward(text, modifier.end)) : null;
    if (modifier && after && modifier.end < text.length && /\s/.test(text[modifier.end]!)) {
      unit = after;
      unitStart = skipSpaceForward(text, modifier.end);
      rules.push(modifier.value);
    }
  }
  // a 9.5-percent growth, a 186-kilometer railway: the unit as an adjective; but a 40-day travel
  // rush, the five-year LPR: a duration adjective labels a period or a product
  if (!unit && text[numberEnd] === '-') {
    const adjective = matchForward(compiled.unitsAfter, text, numberEnd + 1);
    if (adjective && adjective.value.kind !== 'duration' && adjective.value.adjectival !== false) {
      unit = adjective;
      unitStart = numberEnd + 1;
    }
  }
  // `24 micrograms per cubic meter, 3 micrograms lower`: the short form of a unit written in full before
  if (!unit) {
    const head = matchForward(compiled.unitHeads, text, unitStart);
    // within a few lines' reach before it: a 1 MB line of short forms stays linear
    if (head && text.slice(Math.max(0, numeral.start - SHORT_UNIT_REACH), numeral.start).toLowerCase().includes(head.value.full)) {
      unit = { phrase: head.phrase, value: head.value.meaning, end: head.end };
      rules.push(head.value.meaning.rule);
    }
  }
  let prefixStart = numeral.start;
  const prefix =
    matchBackward(compiled.unitsBefore, text, numeral.start) ??
    matchBackward(compiled.unitsBefore, text, skipSpaceBackward(text, numeral.start));
  if (prefix && (!unit || unit.value.unit === prefix.value.unit)) prefixStart = prefix.start;
  const meaning = unit?.value ?? (prefixStart < numeral.start ? prefix!.value : null);
  if (meaning) rules.push(meaning.rule);
  return {
    numeral,
    power,
    numberEnd,
    unit: meaning,
    unitStart: unit ? unitStart : numberEnd,
    adjectival: unit !== null && unitStart === numberEnd + 1 && text[numberEnd] === '-',
    unitEnd: unit ? unit.end : numberEnd,
    prefixStart,
    rules,
  };
}

interface Range {
  second: NumberPhrase;
  levels: boolean;
  /** The magnitude of the first end: its own, or the second's (`5-10 million`). */
  firstPower: number;
  rule: string;
}

function rangeAfter(
  text: string,
  first: NumberPhrase,
  byStart: ReadonlyMap<number, Numeral>,
  compiled: CompiledEnglish,
): Range | null {
  const before = skipSpaceBackward(text, first.prefixStart);
  const pair = compiled.rangePairs.find((p) => matchBackward(p.open, text, before));
  const joinAt = skipSpaceForward(text, first.unitEnd);
  let secondAt = -1;
  let rule = '';
  let levels = false;
  if (pair) {
    const join = matchForward(pair.join, text, joinAt);
    if (join) {
      secondAt = skipSpaceForward(text, join.end);
      rule = pair.rule;
      levels = pair.levels;
    }
  }
  if (secondAt < 0) {
    const connector = matchForward(compiled.rangeConnectors, text, joinAt);
    if (!connector) return null;
    // `increased by 3 percent to 5 percent`, `rose by 210,000 to 10.4 million`: a rise and a level,
    // not a range (but `by 0.5 to 1 point` is one)
    const sized = first.unit !== null || first.power > 0 || text.slice(first.numeral.start, first.numeral.end).includes(',');
    if (sized && /\bby\s*$/i.test(text.slice(Math.max(0, before - 4), before)) && /\p{L}/u.test(connector.phrase)) {
      // but `could contract by 2% to 3%`: right after a change verb not in the past, two ends that
      // both carry the same unit are a range (the second end's unit is checked below)
      if (first.unit === null || !moveBeforeBy(text, before, compiled, false)) return null;
    }
    secondAt = skipSpaceForward(text, connector.end);
    rule = connector.value;
  }
  let second = byStart.get(secondAt);
  if (!second) {
    // $1-$2 billion: the second end repeats the currency
    const prefix = matchForward(compiled.unitsBefore, text, secondAt);
    if (prefix) second = byStart.get(skipSpaceForward(text, prefix.end));
  }
  if (!second || first.numeral.yearLike !== second.yearLike) return null;
  const secondPhrase = phraseAt(text, second, compiled);
  if (first.unit && secondPhrase.unit && first.unit.unit !== secondPhrase.unit.unit) return null;
  if (first.unit && !secondPhrase.unit) return null;
  // `The number of airports … rose by 3 to 44`: bare counts after a past move's `by` are a rise and
  // a level (`will grow by 3 to 5` stays a range)
  if (!pair && !first.unit && !secondPhrase.unit && pastMoveBeforeBy(text, before, compiled)) return null;
  let firstPower = first.power;
  const low = (power: number) => scaled(first.numeral.value, power, first.unit);
  const high = scaled(second.value, secondPhrase.power, secondPhrase.unit);
  if (first.power === 0 && !first.numeral.spelled && secondPhrase.power > 0 && low(secondPhrase.power).lt(high)) {
    firstPower = secondPhrase.power;
  }
  if (!levels && !low(firstPower).lt(high)) return null;
  return { second: secondPhrase, levels, firstPower, rule };
}

// the text before `before` ends with `<a past change verb> by` (`rose by`, `increased by`)
function pastMoveBeforeBy(text: string, before: number, compiled: CompiledEnglish): boolean {
  return moveBeforeBy(text, before, compiled, true);
}

// the text before `before` ends with `<a change verb> by`, in the past (`rose by`) or not (`contract by`)
function moveBeforeBy(text: string, before: number, compiled: CompiledEnglish, past: boolean): boolean {
  const words = /([\p{L}]+)\s+by\s*$/iu.exec(text.slice(Math.max(0, before - 24), before));
  if (!words) return false;
  const verb = words[1]!.toLowerCase();
  return compiled.verbCues.has(verb) && (verb.endsWith('ed') || compiled.pastVerbCues.has(verb)) === past;
}

// `which caps daily entries at 40,000`: a ceiling verb (english-bounds.yaml ceiling_verbs) up to four words
// before the `at` right before the number, no punctuation between
const CEILING_REACH = 48;
const MAX_CEILING_WORDS = 4;
function ceilingBefore(text: string, start: number, compiled: CompiledEnglish): boolean {
  const before = text.slice(Math.max(0, start - CEILING_REACH), start);
  const at = /(?:^|\s)at\s+$/.exec(before);
  if (!at) return false;
  const words = before.slice(0, at.index).split(/\s+/).filter((word) => word !== '').slice(-MAX_CEILING_WORDS);
  for (let k = words.length - 1; k >= 0; k--) {
    if (/[,;.:()]/.test(words[k]!)) return false;
    if (compiled.ceilingVerbs.has(words[k]!.toLowerCase())) return true;
  }
  return false;
}

function finish(
  text: string,
  first: NumberPhrase,
  second: NumberPhrase | null,
  compiled: CompiledEnglish,
  extraRules: string[],
): Candidate {
  const last = second ?? first;
  const unit = last.unit ?? first.unit;
  let end = last.unitEnd;
  let qualifier: Qualifier = second ? 'range' : 'exact';
  const rules = [...first.rules, ...(second?.rules ?? []), ...extraRules];
  // 100-plus, 100 or more
  const afterAt = text[end] === '-' ? end + 1 : skipSpaceForward(text, end);
  const boundAfter = matchForward(compiled.boundsAfter, text, afterAt);
  if (boundAfter && !second) {
    qualifier = boundAfter.value.qualifier;
    end = boundAfter.end;
    rules.push(boundAfter.value.rule);
  }
  // `clothing and footwear (-4.1%)`: a signed rate in a bracket, the sign part of the value
  const sign = !second && first.prefixStart === first.numeral.start && (unit?.kind === 'percent' || unit?.kind === 'percentage_point') ? signBefore(text, first.numeral.start) : null;
  const start = sign === null ? first.prefixStart : first.numeral.start - 1;
  let boundStart = start;
  const boundBefore = matchBackward(compiled.boundsBefore, text, skipSpaceBackward(text, start));
  // `412 millimeters over 72 hours`, `over three years`: `over` before a span means during it (but
  // `in use for over 20 years` bounds it)
  const during = boundBefore !== null && boundBefore.phrase === 'over' && unit?.kind === 'duration' && !/\bfor\s*$/i.test(text.slice(Math.max(0, boundBefore.start - 5), boundBefore.start));
  if (boundBefore && !second && qualifier === 'exact' && !during) {
    qualifier = boundBefore.value.qualifier;
    boundStart = boundBefore.start;
    rules.push(boundBefore.value.rule);
  } else if (!boundBefore && !second && qualifier === 'exact' && ceilingBefore(text, start, compiled)) {
    qualifier = 'at_most';
    rules.push('english/ceiling-verb');
  }
  return {
    start,
    end,
    numberStart: first.numeral.start,
    numberEnd: last.numberEnd,
    value: sign === '-' ? scaled(first.numeral.value, first.power, unit).neg() : scaled(first.numeral.value, first.power, unit),
    valueMax: second ? scaled(second.numeral.value, second.power, unit) : null,
    unit,
    unitText: unit ? unitTextOf(text, last) : '',
    qualifier,
    magnitude: first.power > 0 || last.power > 0 || (first.numeral.spelled && first.numeral.value.gte(1000)),
    spelled: first.numeral.spelled,
    grouped: text.slice(first.numeral.start, first.numeral.end).includes(','),
    yearLike: first.numeral.yearLike && first.power === 0 && unit === null,
    after: last.unitEnd,
    adjectival: last.adjectival,
    boundStart,
    signed: sign !== null,
    rules,
  };
}

/** `value` × 10^(`power` + the unit's own power), exactly. */
function scaled(value: Decimal, power: number, unit: UnitMeaning | null): Decimal {
  const total = power + (unit?.power ?? 0);
  return total === 0 ? value : value.times(new Exact(10).pow(total));
}

// the unit as written, magnitude included: `billion yuan`, `US$… billion`
function unitTextOf(text: string, phrase: NumberPhrase): string {
  const magnitude = text.slice(phrase.numeral.end, phrase.numberEnd).trim();
  const after = text.slice(phrase.unitStart, phrase.unitEnd);
  const prefix = text.slice(phrase.prefixStart, phrase.numeral.start).trim();
  return [prefix, magnitude, after].filter((part) => part !== '').join(' ');
}

// `+` or `-` glued before a number that opens a bracket: `(+12.5%)`, `(−4.1%)`
function signBefore(text: string, numberStart: number): '+' | '-' | null {
  const sign = text[numberStart - 1];
  if (text[numberStart - 2] !== '(') return null;
  return sign === '+' ? '+' : sign === '-' || sign === '−' ? '-' : null;
}

/**
 * The English rules (`rules/english-*.yaml`) compiled once per pipeline into phrase lists and
 * regular expressions. Every payload carries the id of the rule entry it came from
 * (`english-units.yaml#percent`), so each record can say which rules made it.
 */
import type { Change, Modality, Qualifier, QuantityKind } from '../../document.js';
import type { Rules } from '../../rules/schema.js';
import { TextMemo } from './memo.js';
import type { Tokenized } from './tokens.js';
import { phraseList, type PhraseList } from './words.js';

export interface UnitMeaning {
  unit: string;
  kind: QuantityKind;
  /** Power of ten from the written unit to the canonical one (gigawatts → 千瓦: 6). */
  power: number;
  rule: string;
  /** False when `N-unit` before a noun labels it (`a 10-point plan`) instead of sizing it. */
  adjectival?: false;
}

export type CueKind = 'increase' | 'decrease' | 'level' | 'rate';


export interface CompiledEnglish {
  unitsAfter: PhraseList<UnitMeaning>;
  unitsBefore: PhraseList<UnitMeaning>;
  /** A bare sign (`$`) and the unit it means in a document that names that unit (lowercase names). */
  signCurrencies: readonly { sign: string; meaning: UnitMeaning; names: readonly string[] }[];
  /**
   * The head of a unit `X per Y` (`micrograms` of `micrograms per cubic meter`), with the full
   * form: written alone after the full form in the same text, it means the full unit.
   */
  unitHeads: PhraseList<{ full: string; meaning: UnitMeaning }>;
  magnitudes: PhraseList<{ power: number; rule: string }>;
  /** Magnitudes read only glued to a number with a currency before it (`£450m`). */
  currencyMagnitudes: PhraseList<{ power: number; rule: string }>;
  multiples: PhraseList<{ value: string; rule: string; verb: boolean }>;
  /** The unit of a count of things (`个`) and of a multiple (the `multiple` unit, `倍`). */
  countUnit: UnitMeaning;
  countPhrases: readonly string[];
  unitModifiers: PhraseList<string>;
  multipleUnit: UnitMeaning | null;
  boundsBefore: PhraseList<{ qualifier: Exclude<Qualifier, 'exact' | 'range'>; rule: string }>;
  boundsAfter: PhraseList<{ qualifier: Exclude<Qualifier, 'exact' | 'range'>; rule: string }>;
  /** english-bounds.yaml ceiling_verbs: `caps … at N` is a maximum. */
  ceilingVerbs: ReadonlySet<string>;
  rangeConnectors: PhraseList<string>;
  rangePairs: readonly { open: PhraseList<string>; join: PhraseList<string>; levels: boolean; rule: string }[];
  changeBefore: PhraseList<{ cue: CueKind; adjacent: boolean; rule: string }>;
  changeAfter: PhraseList<{ change: Exclude<Change, 'none'>; rule: string }>;
  /** Every phrase of changeBefore and changeAfter (level words too), for a lookup per word of a subject. */
  changeCuePhrases: ReadonlySet<string>;
  byVerbs: PhraseList<{ change: Exclude<Change, 'none'>; rule: string }>;
  byFillers: PhraseList<string>;
  /** Verbs that give a change right before a percentage or points only (`added 2.1 percent`). */
  relativeVerbs: PhraseList<{ change: Exclude<Change, 'none'>; rule: string }>;
  /** english-changes.yaml level_bounds, lower case: `drop below N` puts N at a level. */
  levelBounds: ReadonlySet<string>;
  /** english-changes.yaml stock_verbs: `add N to` a stock is its rise. */
  stockVerbs: ReadonlySet<string>;
  /** Single-word rise and fall cues by dictionary form, for verbs in any inflection (`plummeted` → `plummet`). */
  changeRoots: ReadonlyMap<string, { change: Exclude<Change, 'none'>; rule: string }>;
  /**
   * Values of spelled numbers already read (`fifty` → 50), kept across documents because a
   * compromise parse costs far more than the lookup; the reading depends on the words alone.
   */
  spelledValues: TextMemo<number | null>;
  /**
   * compromise's tokens of each piece already tokenized, kept across documents likewise: the
   * tokens depend on the piece's text alone, and a parse costs about 0.5 ms per sentence, most
   * of this stage; text repeated across documents is parsed once. About 55 bytes are held per
   * character of text.
   */
  tokenized: TextMemo<Tokenized>;
  newLevel: ReadonlySet<string>;
  particleVerbs: ReadonlySet<string>;
  sessionVerbs: ReadonlySet<string>;
  /** Target and actual cues; comparisons (`than last year`) and cue nouns (`value added`) have modality null and hide the cues inside them. */
  modalityCues: PhraseList<{ modality: Modality | null; rule: string; beforeOnly?: true; rightBefore?: true; inPart?: true }>;
  /** Verbs of the target cues written with `to` (`plans to` → plans): before `to` and an infinitive they are verbs. */
  intentVerbs: ReadonlySet<string>;
  /** english-modality.yaml perfect: a present perfect at an index (sticky), the words it may not follow, its rule; or null. */
  perfect: { pattern: RegExp; notAfter: ReadonlySet<string>; rule: string } | null;
  /** english-modality.yaml forecast_nouns, lower case. */
  forecastNouns: ReadonlySet<string>;
  /** A quote's end and a verb of saying after it (english-modality.yaml speech_verbs: `," said `), global. */
  quoteSaid: RegExp;
  /** english-changes.yaml place_prepositions, lower case. */
  placePrepositions: ReadonlySet<string>;
  targetSections: readonly { pattern: RegExp; rule: string }[];
  actualSections: readonly { pattern: RegExp; rule: string }[];
  /** Change and level words that are never nouns (`rose`, `grew`, `reached`): they end a subject. */
  verbCues: ReadonlySet<string>;
  /** The verb cues marked `past` (irregular past tenses: `rose`, `fell`), lower-cased. */
  pastVerbCues: ReadonlySet<string>;
  /** Every rise, fall and rate word, before or after the number, lower-cased (`growth`, `decline`); not the level words. */
  changeWords: ReadonlySet<string>;
  subjects: {
    joiners: ReadonlySet<string>;
    afterUnit: ReadonlySet<string>;
    countOpeners: ReadonlySet<string>;
    containers: ReadonlySet<string>;
    lineContinuations: ReadonlySet<string>;
    notSubjects: ReadonlySet<string>;
    /** `goods trade`, `services exports`: plurals that modify, so the word after them is no verb. */
    pluralModifiers: ReadonlySet<string>;
    /** `accounting for 13 percent of GDP`: the share is of what stands before the verb, not of GDP. */
    shareVerbs: readonly string[];
    /** `such as`, `including`, as lists of lowercase words. */
    exampleOpeners: readonly (readonly string[])[];
    /** `the rest, about 948 million, were covered by`: nouns of a part told apart by the predicate after the amount. */
    partNouns: ReadonlySet<string>;
    /** `subsidies for those with severe disabilities`: pronouns that stand for a noun between two joiners. */
    standIns: ReadonlySet<string>;
    /** `links now reach 95 percent`: adverbs crossed whatever their tag. */
    crossedAdverbs: ReadonlySet<string>;
    /** english-subjects.yaml totals: `bringing the total to`, `with the total reaching` (global; group 1 the noun). */
    totalCarried: RegExp;
    /** english-subjects.yaml totals, lower case: a total names no antecedent for the next sentence's pronoun. */
    totals: ReadonlySet<string>;
    /** `patents granted rise 9 percent`: change verbs compromise may tag as nouns. */
    headlineVerbs: ReadonlySet<string>;
    /** `a quota of 300 billion yuan in treasury bonds`: nouns of an amount allotted to what follows. */
    allotments: ReadonlySet<string>;
    /** `, saving about $8 billion`: participles that name the amount after them. */
    amountParticiples: ReadonlySet<string>;
    /** Verbs whose first object after them is the one the amount goes to (`saved taxpayers 2.6 trillion yuan`). */
    recipientVerbs: ReadonlySet<string>;
    /** english-subjects.yaml owner_verbs: `earned`, `generated`, `had`, `saw` (lower case). */
    ownerVerbs: ReadonlySet<string>;
    /** english-subjects.yaml generic_measures: `profits`, `added value` (lower case). */
    genericMeasures: ReadonlySet<string>;
    /** `380,000 workers at more than 1,200 yards`: unit-tagged nouns that count things. */
    countedUnits: ReadonlySet<string>;
    /** `, compared with 32 percent in 2024`: a figure after one of these measures what the last figure of its unit does. */
    comparisonOpeners: readonly string[];
    /** `in the first half`, `in March`: lower-case words that make a phrase a time, not a place. */
    timeWords: ReadonlySet<string>;
    /** english-subjects.yaml time_points, lower case: `the end of December` is a time. */
    timePoints: ReadonlySet<string>;
    /** `average`, `annual`: lower-case words that, beside a change noun, only say how the change was measured. */
    changeModifiers: ReadonlySet<string>;
    /** english-subjects.yaml part_uses after `of which` / `Of the …,`: `can be used for` (group 1 what the part goes to). */
    partUse: RegExp;
    /** english-subjects.yaml part_destinations after `of which` / `Of the …,`: `will go to ` (the noun phrase follows the match). */
    partGoes: RegExp;
    /** english-subjects.yaml means, lower case: `by hand`, `by rail` say how a part was done, not who did it. */
    means: ReadonlySet<string>;
  };
  names: PhraseList<string>;
  /** `number`, when given, must match the digits of the number itself. */
  contexts: readonly { id: string; number: RegExp | null; before: RegExp | null; after: RegExp | null; rule: string }[];
}

// memo bounds in UTF-16 units of text. Tokens take about 55 bytes per unit: 20,000 hold about
// 1 MB. They were 200,000 (11 MB) while the memo also carried a document's tokens from its one
// compromise call to its pieces; held across documents they raised one worker's peak RSS over
// the 100 MB corpus by twice their size (V8 lets the old generation grow to 2× what survives)
const TOKENS_MEMO = 20_000;
const SPELLED_MEMO = 100_000;

/** Compiles the validated English rules. */
export function compileEnglish(rules: Rules): CompiledEnglish {
  const units = rules['english-units.yaml'];
  const bounds = rules['english-bounds.yaml'];
  const changes = rules['english-changes.yaml'];
  const modality = rules['english-modality.yaml'];
  const not = rules['english-not-quantities.yaml'];
  const subjects = rules['english-subjects.yaml'];
  const words = (list: readonly { word: string }[]) => new Set(list.map((entry) => entry.word.toLowerCase()));
  const id = (file: string, key: string) => `${file}#${key}`;

  const unitPairs = (side: 'forms' | 'prefixes') =>
    units.units.flatMap((entry) =>
      (entry[side] ?? []).map(
        (form) =>
          [
            form,
            { unit: entry.unit, kind: entry.kind, power: entry.power ?? 0, rule: id('english-units.yaml', entry.forms[0]!), ...(entry.adjectival === false ? { adjectival: false as const } : {}) },
          ] as const,
      ),
    );
  const cue = <K extends string>(file: string, list: readonly { word: string; adjacent?: boolean }[], kind: K) =>
    list.map((entry) => [entry.word, { kind, adjacent: entry.adjacent ?? false, rule: id(file, entry.word) }] as const);

  const rateWords = new Set(changes.rates.map((c) => c.word.toLowerCase()));
  const nounCues = new Set([...changes.rates, ...changes.increase_after, ...changes.decrease_after].map((c) => c.word.toLowerCase()));
  const verbCues = new Set(
    [...changes.increase, ...changes.decrease, ...changes.level].map((c) => c.word.toLowerCase()).filter((w) => !nounCues.has(w)),
  );
  const pastVerbCues = new Set([...changes.increase, ...changes.decrease].filter((c) => c.past).map((c) => c.word.toLowerCase()));
  // a word listed both as a rise and as a rate noun (`growth`) is a rate
  const changeBefore = phraseList(
    [
      ...cue('english-changes.yaml', changes.increase.filter((c) => !rateWords.has(c.word.toLowerCase())), 'increase' as const),
      ...cue('english-changes.yaml', changes.decrease, 'decrease' as const),
      ...cue('english-changes.yaml', changes.level, 'level' as const),
      ...cue('english-changes.yaml', changes.rates, 'rate' as const),
    ].map(([word, { kind, adjacent, rule }]) => [word, { cue: kind, adjacent, rule }] as const),
  );
  const changeAfter = phraseList(
    [
      ...cue('english-changes.yaml', changes.increase_after, 'increase' as const),
      ...cue('english-changes.yaml', changes.decrease_after, 'decrease' as const),
    ].map(([word, { kind, rule }]) => [word, { change: kind, rule }] as const),
  );
  const multiple = units.units.find((entry) => entry.kind === 'multiple');
  return {
    spelledValues: new TextMemo(SPELLED_MEMO),
    tokenized: new TextMemo(TOKENS_MEMO),
    countPhrases: units.count_phrases.map((p) => p.toLowerCase()),
    unitModifiers: phraseList(units.unit_modifiers.map((m) => [m, id('english-units.yaml', m)] as const)),
    countUnit: { unit: units.count_unit, kind: 'count', power: 0, rule: id('english-units.yaml', 'count_unit') },
    multipleUnit: multiple
      ? { unit: multiple.unit, kind: 'multiple', power: 0, rule: id('english-units.yaml', multiple.forms[0]!) }
      : null,
    unitsAfter: phraseList(unitPairs('forms')),
    unitsBefore: phraseList(unitPairs('prefixes')),
    signCurrencies: (units.sign_currencies ?? []).map((entry) => ({
      sign: entry.sign,
      meaning: { unit: entry.unit, kind: 'money' as const, power: 0, rule: id('english-units.yaml', `sign ${entry.sign} ${entry.unit}`) },
      names: entry.names.map((name) => name.toLowerCase()),
    })),
    unitHeads: phraseList(
      unitPairs('forms')
        .filter(([form]) => / per /i.test(form))
        .map(([form, meaning]) => [form.slice(0, form.toLowerCase().indexOf(' per ')), { full: form.toLowerCase(), meaning }] as const),
    ),
    magnitudes: phraseList(units.magnitudes.map((m) => [m.form, { power: m.power, rule: id('english-units.yaml', m.form) }] as const)),
    currencyMagnitudes: phraseList((units.currency_magnitudes ?? []).map((m) => [m.form, { power: m.power, rule: id('english-units.yaml', `currency ${m.form}`) }] as const)),
    multiples: phraseList(units.multiples.map((m) => [m.word, { value: m.value, rule: id('english-units.yaml', m.word), verb: m.verb ?? false }] as const)),
    boundsBefore: phraseList(
      bounds.before.map((b) => [b.word, { qualifier: b.qualifier, rule: id('english-bounds.yaml', b.word) }] as const),
    ),
    ceilingVerbs: words(bounds.ceiling_verbs ?? []),
    boundsAfter: phraseList(
      bounds.after.map((b) => [b.word, { qualifier: b.qualifier, rule: id('english-bounds.yaml', b.word) }] as const),
    ),
    rangeConnectors: phraseList(bounds.range_connectors.map((c) => [c.word, id('english-bounds.yaml', c.word)] as const)),
    rangePairs: bounds.range_pairs.map((pair) => ({
      open: phraseList([[pair.open, pair.open]]),
      join: phraseList([[pair.join, pair.join]]),
      levels: pair.levels ?? false,
      rule: id('english-bounds.yaml', `${pair.open}…${pair.join}`),
    })),
    changeBefore,
    changeAfter,
    changeCuePhrases: new Set([...changeBefore.entries, ...changeAfter.entries].map((entry) => entry.phrase)),
    byVerbs: phraseList(
      changes.by_verbs.map((v) => [v.word, { change: v.change, rule: id('english-changes.yaml', v.word) }] as const),
    ),
    changeRoots: new Map<string, { change: Exclude<Change, 'none'>; rule: string }>(
      (['increase', 'decrease'] as const).flatMap((change) =>
        changes[change]
          .filter((c) => !/\s/.test(c.word))
          .map((c) => [c.word.toLowerCase(), { change, rule: id('english-changes.yaml', c.word) }] as [string, { change: typeof change; rule: string }]),
      ),
    ),
    particleVerbs: words(changes.particle_verbs),
    sessionVerbs: words(changes.session_verbs ?? []),
    newLevel: new Set(changes.new_level.map((w) => w.word.toLowerCase())),
    byFillers: phraseList(changes.by_fillers.map((f) => [f.word, id('english-changes.yaml', f.word)] as const)),
    levelBounds: words(changes.level_bounds ?? []),
    stockVerbs: words(changes.stock_verbs ?? []),
    relativeVerbs: phraseList((changes.relative_verbs ?? []).map((v) => [v.word, { change: v.change, rule: id('english-changes.yaml', v.word) }] as const)),
    forecastNouns: new Set((modality.forecast_nouns ?? []).map((c) => c.word.toLowerCase())),
    quoteSaid: quoteSaid((modality.speech_verbs ?? []).map((c) => c.word)),
    perfect: modality.perfect ? perfectCue(modality.perfect) : null,
    placePrepositions: new Set((changes.place_prepositions ?? []).map((c) => c.word.toLowerCase())),
    intentVerbs: new Set(modality.target_cues.map((c) => /^(\p{L}+) to$/iu.exec(c.word)?.[1]?.toLowerCase()).filter((w): w is string => w !== undefined)),
    modalityCues: phraseList<{ modality: Modality | null; rule: string; beforeOnly?: true; rightBefore?: true; inPart?: true }>([
      ...modality.comparisons.map((c) => [c.word, { modality: null, rule: id('english-modality.yaml', c.word) }] as const),
      ...(modality.cue_nouns ?? []).map((c) => [c.word, { modality: null, rule: id('english-modality.yaml', c.word) }] as const),
      ...modality.target_cues.map((c) => [c.word, { modality: 'target' as const, rule: id('english-modality.yaml', c.word) }] as const),
      ...modality.actual_cues.map((c) => [c.word, { modality: 'actual' as const, rule: id('english-modality.yaml', c.word) }] as const),
      ...(modality.actual_before ?? []).map((c) => [c.word, { modality: 'actual' as const, rule: id('english-modality.yaml', c.word), beforeOnly: true as const }] as const),
      ...(modality.actual_right_before ?? []).map((c) => [c.word, { modality: 'actual' as const, rule: id('english-modality.yaml', c.word), beforeOnly: true as const, rightBefore: true as const }] as const),
      ...(modality.actual_in_part ?? []).map((c) => [c.word, { modality: 'actual' as const, rule: id('english-modality.yaml', c.word), beforeOnly: true as const, inPart: true as const }] as const),
    ]),
    targetSections: modality.target_sections.map((s) => ({ pattern: new RegExp(s.pattern, 'iu'), rule: id('english-modality.yaml', s.pattern) })),
    actualSections: modality.actual_sections.map((s) => ({ pattern: new RegExp(s.pattern, 'iu'), rule: id('english-modality.yaml', s.pattern) })),
    verbCues,
    pastVerbCues,
    changeWords: new Set(
      [...changes.increase, ...changes.decrease, ...changes.rates, ...changes.increase_after, ...changes.decrease_after].map((c) => c.word.toLowerCase()),
    ),
    subjects: {
      joiners: words(subjects.joiners),
      afterUnit: words(subjects.after_unit),
      countOpeners: words(subjects.count_openers),
      containers: words(subjects.containers),
      lineContinuations: words(subjects.line_continuations),
      notSubjects: words(subjects.not_subjects),
      shareVerbs: [...words(subjects.share_verbs ?? [])],
      exampleOpeners: [...words(subjects.example_openers ?? [])].map((opener) => opener.split(' ')),
      pluralModifiers: words(subjects.plural_modifiers ?? []),
      standIns: words(subjects.stand_in_pronouns ?? []),
      partNouns: words(subjects.part_nouns ?? []),
      crossedAdverbs: words(subjects.crossed_adverbs ?? []),
      totalCarried: totalCarried((subjects.totals ?? []).map((c) => c.word)),
      totals: words(subjects.totals ?? []),
      headlineVerbs: words(subjects.headline_verbs ?? []),
      allotments: words(subjects.allotments ?? []),
      amountParticiples: words(subjects.amount_participles ?? []),
      recipientVerbs: words(subjects.recipient_verbs ?? []),
      ownerVerbs: words(subjects.owner_verbs ?? []),
      genericMeasures: words(subjects.generic_measures ?? []),
      countedUnits: words(subjects.counted_units ?? []),
      comparisonOpeners: [...words(subjects.comparison_openers ?? [])],
      timeWords: words(subjects.time_words ?? []),
      timePoints: words(subjects.time_points ?? []),
      changeModifiers: words(subjects.change_modifiers ?? []),
      partUse: partUse((subjects.part_uses ?? []).map((c) => c.word)),
      partGoes: partGoes((subjects.part_destinations ?? []).map((c) => c.word)),
      means: words(subjects.means ?? []),
    },
    names: phraseList(not.names.map((n) => [n.text, id('english-not-quantities.yaml', n.text)] as const)),
    contexts: not.patterns.map((p) => ({
      id: p.id,
      number: p.number === undefined ? null : new RegExp(p.number, 'u'),
      before: p.before === undefined ? null : new RegExp(p.before, 'u'),
      after: p.after === undefined ? null : new RegExp(p.after, 'u'),
      rule: id('english-not-quantities.yaml', p.id),
    })),
  };
}

/**
 * Rule words as one regex alternation of escaped literals (a space inside a word matches any run of
 * spaces); empty for no words, which the callers turn into a pattern that never matches.
 */
function literals(words: readonly string[]): string {
  return words.map((word) => word.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')).join('|');
}

// `has allocated`, `have already risen`: an auxiliary, at most one adverb, a past participle (`-ed`
// or a listed one); sticky, so it is tried at one index
function perfectCue(perfect: { auxiliaries: string[]; adverbs: string[]; participles: string[]; not_after: string[] }): {
  pattern: RegExp;
  notAfter: ReadonlySet<string>;
  rule: string;
} {
  const adverbs = perfect.adverbs.length > 0 ? `(?:(?:${literals(perfect.adverbs)})\\s+)?` : '';
  const participles = perfect.participles.length > 0 ? `|${literals(perfect.participles)}` : '';
  return {
    pattern: new RegExp(`(?:${literals(perfect.auxiliaries)})\\s+${adverbs}(?:[\\p{L}-]*\\p{L}ed${participles})(?![\\p{L}\\p{N}-])`, 'iuy'),
    notAfter: new Set(perfect.not_after.map((w) => w.toLowerCase())),
    rule: 'english-modality.yaml#perfect',
  };
}

// `, bringing the total to `, `, with the total reaching `: a participle (or `with`) and its object, a
// total, right before the number
function totalCarried(nouns: readonly string[]): RegExp {
  return nouns.length === 0 ? /(?!)/u : new RegExp(`(?:\\p{L}+ing|with)\\s+(?:the|its|their)\\s+(${literals(nouns)})\\s+(?:to|reaching|at)\\s+$`, 'iu');
}

// `of which 800 billion yuan can be used to buy idle land`: a modal or copula, an optional `be`, a verb
// of use, then `to` + verb, `for` or `on` and the words the part is put to (group 1)
function partUse(verbs: readonly string[]): RegExp {
  return verbs.length === 0
    ? /(?!)/u
    : new RegExp(`^\\s+(?:can|could|may|will|would|is|are|was|were)\\s+(?:be\\s+)?(?:${literals(verbs)})\\s+(?:to\\s+\\p{L}+|for|on)\\s+(?:the\\s+|a\\s+|an\\s+)?([\\p{L}'’-]+(?: [\\p{L}'’-]+){0,3})`, 'iu');
}

// `42 billion yuan will go to the Yangtze …`: a modal, a verb of destination and its preposition; the
// noun phrase after the match is where the part goes
function partGoes(verbs: readonly string[]): RegExp {
  return verbs.length === 0
    ? /(?!)/u
    : new RegExp(`^\\s+(?:(?:will|would|should|can|could|may|is\\s+to|are\\s+to)\\s+)?(?:${literals(verbs)})\\s+(?:to|into|towards?)\\s+`, 'iu');
}

/** A quote's closing mark, an optional comma and one of `verbs`; never matches when `verbs` is empty. */
function quoteSaid(verbs: readonly string[]): RegExp {
  return verbs.length === 0 ? /(?!)/gu : new RegExp(`["”’]\\s*,?\\s*(?:${literals(verbs)})\\s`, 'gu');
}

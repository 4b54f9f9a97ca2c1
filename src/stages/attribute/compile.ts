/**
 * The attribute stage's rules, compiled once per pipeline: one whole-word cue table over
 * changes.yaml, modality.yaml, subjects.yaml and the before-bounds of qualifiers.yaml, and the
 * section patterns of modality.yaml.
 */
import type { Rules } from '../../rules/schema.js';
import { CueTable } from './cues.js';
import { WordFinder } from './window.js';

export type CueLabel =
  | 'increase'
  | 'decrease'
  | 'level'
  | 'new'
  | 'comparator'
  | 'object'
  | 'comparedObject'
  | 'bound'
  | 'baseBound'
  | 'skip'
  | 'ratio'
  | 'strip'
  | 'stop'
  | 'mark'
  | 'reached'
  | 'closer'
  | 'subset'
  | 'introducer'
  | 'passive'
  | 'perfect'
  | 'average'
  | 'beneficiary'
  | 'recipient'
  | 'receiving'
  | 'giving'
  | 'perHead'
  | 'perBase'
  | 'mean'
  | 'classSuffix'
  | 'resultRate'
  | 'outcome'
  | 'negation'
  | 'joiner'
  | 'respectively'
  | 'shared'
  | 'target'
  | 'actual'
  | 'frame'
  | 'targetVerb'
  | 'completion'
  | 'outcome'
  | 'contrast'
  | 'contrastTerm'
  | 'inclusion'
  | 'perception'
  | 'span'
  | 'partitive'
  | 'continuation'
  | 'share'
  | 'basis'
  | 'baseCloser'
  | 'measure'
  | 'opener'
  | 'openerOf'
  | 'measured'
  | 'setTo'
  | 'objectMarker';

/** The two change-word labels, shared so every stage asks the cue table the same question (one array, not a literal per call). */
export const CHANGE_CUES: readonly CueLabel[] = ['increase', 'decrease'];

export interface SectionPattern {
  modality: 'actual' | 'target';
  pattern: RegExp;
  /** `modality.yaml#<pattern>`, for the record of why a section was read as it was. */
  rule: string;
}

export interface CompiledAttribute {
  cues: CueTable<CueLabel>;
  /** periods.yaml `years`, global: the first group is the year. */
  years: RegExp[];
  times: RegExp[];
  /** periods.yaml `relative_years`, global: 去年 is the year before the one the text is written in. */
  relativeYears: { pattern: RegExp; offset: number }[];
  /** A year right after one of these is a comparison base; after a deadline word, a target. */
  comparisons: string[];
  deadlines: string[];
  starts: string[];
  startEnds: string[];
  datelines: RegExp[];
  /** periods.yaml `plan_year_titles`: a title with its year that plans that year. */
  planYearTitles: RegExp[];
  sections: SectionPattern[];
  /** modality.yaml story_openers: a paragraph opening with one begins a news story, its sections afresh. */
  storyOpeners: RegExp[];
  /**
   * Matches where any of `sections` matches (their alternation), so that the many paragraphs whose
   * first clause names no section are passed with one search instead of one per pattern; null
   * when the patterns cannot be joined (a back-reference would change meaning).
   */
  anySection: RegExp | null;
  /** `产销量` → [`产量`, `销量`]. */
  splitWords: Map<string, string[]>;
  /**
   * Words that are one mark: bound words of qualifiers.yaml (≥, ≤) and change words of changes.yaml
   * (↑, ↓ on a 数读 panel). Words, not breaks, to the subject walk and the cue table.
   */
  signWords: ReadonlySet<string>;
  /** Bound words of qualifiers.yaml written in letters (超, 近, 逾): split off a word jieba coined around them. */
  boundWords: ReadonlySet<string>;
  /** Change and level words of two or more characters: the ones split off a word jieba glued them to. */
  gluable: Set<string>;
  /** The last UTF-16 unit of every `gluable` word. */
  gluableEnds: Set<number>;
  /** Object verbs of two or more characters: split off the front of a word jieba glued them to (减轻负担). */
  objectVerbs: Set<string>;
  /** The first UTF-16 unit of every `objectVerbs` word. */
  objectVerbStarts: Set<number>;
  /** Finds text in which a target or frame cue word occurs, as a word or inside one (window.ts). */
  targetWords: WordFinder;
  /** subjects.yaml respectively (分别): a piece holding one may pair values with the listed pieces before it. */
  respectivelyWords: WordFinder;
  /** subjects.yaml counted_events (死亡): a verb alone before a number that counts those it befell. */
  countedEvents: ReadonlySet<string>;
  /** subjects.yaml people_units (人, 人次, 户): units of a count of recipients after a verb of benefit. */
  peopleUnits: ReadonlySet<string>;
  /** subjects.yaml person_units (人, 名): a count in one continues a count of persons in the other. */
  personUnits: ReadonlySet<string>;
  /** subjects.yaml totals (合计): a subject that is only one of these is the sum of the list before. */
  totals: ReadonlySet<string>;
  /** subjects.yaml money_nouns (补贴, 资金): after an amount and a verbal noun, they name the amount. */
  moneyNouns: ReadonlySet<string>;
  /** subjects.yaml rate_suffixes (率): a noun ending so, right after a verb, measures that action. */
  rateSuffixes: string[];
  /** modality.yaml continuations (其中): words that carry a plan on into the next sentence. */
  continuations: string[];
}

/** Builds the cue table and section patterns from validated rules. */
export function compileAttribute(rules: Rules): CompiledAttribute {
  const changes = rules['changes.yaml'];
  const modality = rules['modality.yaml'];
  const subjects = rules['subjects.yaml'];
  const words = (list: readonly { word: string }[]) => list.map((entry) => entry.word);
  const cues = new CueTable<CueLabel>()
    .add('increase', words(changes.increase))
    .add('decrease', words(changes.decrease))
    .add('level', words(changes.level))
    .add('new', words(changes.new_things))
    .add('comparator', words(changes.comparators ?? []))
    .add('opener', words(changes.base_openers ?? []))
    .add('openerOf', words(changes.base_openers_of ?? []))
    .add('object', words(changes.object_verbs ?? []))
    .add('comparedObject', words(changes.compared_object_verbs ?? []))
    .add('bound', words(rules['qualifiers.yaml'].before))
    .add('baseBound', words(rules['qualifiers.yaml'].before.filter((entry) => entry.across_base)))
    .add('skip', [...words(subjects.skip_before), ...words(subjects.partitives ?? [])])
    .add('partitive', words(subjects.partitives ?? []))
    .add('span', words(subjects.span_words ?? []))
    .add('strip', words(subjects.strip_leading))
    .add('stop', [...words(subjects.stop_after), ...words(subjects.partitives ?? [])])
    .add('mark', words(subjects.marks ?? []))
    .add('reached', words(subjects.reached_by ?? []))
    .add('closer', words(subjects.list_closers))
    .add('subset', words(subjects.subset_openers ?? []))
    .add('introducer', words(subjects.list_introducers ?? []))
    .add('passive', words(subjects.passive_markers ?? []))
    .add('perfect', words(subjects.perfect_markers ?? []))
    .add('average', words(subjects.averages ?? []))
    .add('beneficiary', words(subjects.beneficiary_verbs ?? []))
    .add('recipient', words(subjects.recipient_markers ?? []))
    .add('receiving', words(subjects.receiving_verbs ?? []))
    .add('giving', words(subjects.giving_verbs ?? []))
    .add('perHead', words(subjects.per_head ?? []))
    .add('perBase', words(subjects.per_base ?? []))
    .add('mean', words(subjects.mean_words ?? []))
    .add('classSuffix', words(subjects.class_suffixes ?? []))
    .add('outcome', words(subjects.outcome_words ?? []))
    .add('negation', words(subjects.negations ?? []))
    .add('joiner', words(subjects.list_joiners))
    .add('respectively', words(subjects.respectively))
    .add('shared', words(subjects.shared))
    .add('target', [...words(modality.target_cues), ...words(modality.target_verbs ?? []), ...words(modality.completion_cues ?? [])])
    .add('targetVerb', words(modality.target_verbs ?? []))
    .add('completion', words(modality.completion_cues ?? []))
    .add('outcome', words(modality.completion_outcomes ?? []))
    .add('contrast', words(modality.contrasts ?? []))
    .add('contrastTerm', words(modality.contrast_terms ?? []))
    .add('inclusion', words(modality.inclusion_verbs ?? []))
    .add('perception', words(modality.perception_verbs ?? []))
    .add('resultRate', words(modality.result_rates ?? []))
    .add('actual', [...words(modality.actual_cues), ...words(modality.frame_cues ?? [])])
    .add('frame', words(modality.frame_cues ?? []))
    .add('continuation', words(modality.continuations ?? []))
    .add('share', words(subjects.share_of ?? []))
    .add('basis', words(subjects.basis ?? []))
    .add('baseCloser', words(subjects.base_closers ?? []))
    .add('measure', words(subjects.measure_heads ?? []))
    .add('ratio', words(subjects.ratio_nouns ?? []))
    .add('measured', words(subjects.measured_by ?? []))
    .add('setTo', words(subjects.set_to ?? []))
    .add('objectMarker', words(subjects.object_markers ?? []));
  const sections: SectionPattern[] = [
    ...modality.target_sections.map((entry) => ({
      modality: 'target' as const,
      pattern: new RegExp(entry.pattern, 'u'),
      rule: `modality.yaml#${entry.pattern}`,
    })),
    ...modality.actual_sections.map((entry) => ({
      modality: 'actual' as const,
      pattern: new RegExp(entry.pattern, 'u'),
      rule: `modality.yaml#${entry.pattern}`,
    })),
  ];
  const splitWords = new Map(subjects.split_words.map((entry) => [entry.word, [...entry.parts]]));
  const periods = rules['periods.yaml'];
  const gluable = new Set(
    [...changes.increase, ...changes.decrease, ...changes.level].map((entry) => entry.word).filter((word) => Array.from(word).length >= 2),
  );
  const objectVerbs = new Set(words(changes.object_verbs ?? []).filter((word) => Array.from(word).length >= 2));
  return {
    cues,
    sections,
    storyOpeners: (modality.story_openers ?? []).map((entry) => new RegExp(entry.pattern, 'u')),
    anySection: alternation(sections.map((section) => section.pattern)),
    splitWords,
    signWords: new Set(
      [...words(rules['qualifiers.yaml'].before), ...words(changes.increase), ...words(changes.decrease)].filter((word) => /^[\p{P}\p{S}]$/u.test(word)),
    ),
    boundWords: new Set(words(rules['qualifiers.yaml'].before).filter((word) => !/^[\p{P}\p{S}]$/u.test(word))),
    gluable,
    gluableEnds: new Set([...gluable].map((word) => word.charCodeAt(word.length - 1))),
    objectVerbs,
    objectVerbStarts: new Set([...objectVerbs].map((word) => word.charCodeAt(0))),
    targetWords: new WordFinder([
      ...words(modality.target_cues),
      ...words(modality.target_verbs ?? []),
      ...words(modality.completion_cues ?? []),
      ...words(modality.frame_cues ?? []),
    ]),
    continuations: words(modality.continuations ?? []),
    respectivelyWords: new WordFinder(words(subjects.respectively)),
    rateSuffixes: words(subjects.rate_suffixes ?? []),
    moneyNouns: new Set(words(subjects.money_nouns ?? [])),
    countedEvents: new Set(words(subjects.counted_events ?? [])),
    totals: new Set(words(subjects.totals ?? [])),
    peopleUnits: new Set(words(subjects.people_units ?? [])),
    personUnits: new Set(words(subjects.person_units ?? [])),
    years: periods.years.map((entry) => new RegExp(entry.pattern, 'gu')),
    times: (periods.times ?? []).map((entry) => new RegExp(entry.pattern, 'gu')),
    relativeYears: (periods.relative_years ?? []).map((entry) => ({ pattern: new RegExp(entry.pattern, 'gu'), offset: entry.offset })),
    comparisons: words(periods.comparisons),
    deadlines: words(periods.deadlines),
    starts: words(periods.starts ?? []),
    startEnds: words(periods.start_ends ?? []),
    datelines: periods.datelines.map((entry) => new RegExp(entry.pattern, 'u')),
    planYearTitles: (periods.plan_year_titles ?? []).map((entry) => new RegExp(entry.pattern, 'u')),
  };
}

/** One regex that matches where any of `patterns` (all with the `u` flag only) matches, or null. */
function alternation(patterns: readonly RegExp[]): RegExp | null {
  // a numbered or named back-reference would point at another group once the patterns are joined
  if (patterns.length === 0 || patterns.some((pattern) => /\\[1-9]|\\k</.test(pattern.source))) return null;
  try {
    return new RegExp(patterns.map((pattern) => `(?:${pattern.source})`).join('|'), 'u');
  } catch {
    return null; // e.g. the same group name in two patterns
  }
}

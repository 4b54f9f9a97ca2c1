/**
 * The shape of the English rules files (`rules/english-*.yaml`), registered in
 * `rules/schema.ts` next to the Chinese ones. Kept apart so that the Chinese schemas and these
 * can change without touching each other. Every word matches whole words, case-insensitively.
 */
import { z } from 'zod';
import { quantityKinds as kinds } from '../../document.js';
import { checkPattern } from '../../rules/check.js';

const word = z.string().min(1, 'must not be empty');
const annotation = { note: z.string().optional(), source: z.string().optional() };
const cueList = z.array(z.object({ word, ...annotation }).strict());
/** A regular expression that compiles and cannot backtrack exponentially. */
const pattern = word.superRefine((value, context) => {
  const problem = checkPattern(value);
  if (problem) context.addIssue({ code: z.ZodIssueCode.custom, message: problem });
});

/** english-units.yaml: English unit words → canonical units; magnitude words; multiple words. */
export const englishUnitsFile = z
  .object({
    units: z.array(
      z
        .object({
          unit: word,
          kind: z.enum(kinds),
          /** Written after the number: `percent`, `metric tons`. */
          forms: z.array(word).min(1, 'an English unit needs at least one form'),
          /** Written before the number: `RMB`, `$`. */
          prefixes: z.array(word).optional(),
          /** Power of ten from this unit to the canonical one (`gigawatts` → 千瓦: 6). */
          power: z.number().int().min(-12).max(12).optional(),
          /** False when the unit joined by a hyphen labels a thing, not a size (`a 10-point plan`). */
          adjectival: z.boolean().optional(),
          ...annotation,
        })
        .strict(),
    ),
    /** The unit of a count of things with no unit word (`12 million new urban jobs`). */
    count_unit: word,
    /** Words that may stand between a number and its unit (`three consecutive years`). */
    unit_modifiers: z.array(word),
    /** Phrases that make a bare number a count (`the number of … reached 312`). */
    count_phrases: z.array(word),
    /** A bare sign that means another unit in a document that names it (`$` beside `HK$`). */
    sign_currencies: z.array(z.object({ sign: word, unit: word, names: z.array(word).min(1), ...annotation }).strict()).optional(),
    magnitudes: z.array(z.object({ form: word, power: z.number().int().min(1).max(24), ...annotation }).strict()),
    /** Magnitude letters that count only glued to a number after a currency (`£450m`, `HK$35k`). */
    currency_magnitudes: z.array(z.object({ form: word, power: z.number().int().min(1).max(24), ...annotation }).strict()).optional(),
    multiples: z.array(
      z
        .object({
          word,
          value: z.string().regex(/^\d+(\.\d+)?$/, 'must be a decimal number written as a string'),
          /** A base form that is a multiple only as a verb, after `to` or a modal (`is set to double`, not `double the figure`). */
          verb: z.boolean().optional(),
          ...annotation,
        })
        .strict(),
    ),
  })
  .strict();

const boundEntry = z
  .object({ word, qualifier: z.enum(['approx', 'at_least', 'at_most']), ...annotation })
  .strict();

/** english-bounds.yaml: bound words before and after a number; range connectors and pairs. */
export const englishBoundsFile = z
  .object({
    before: z.array(boundEntry),
    after: z.array(boundEntry),
    range_connectors: cueList,
    /** Verbs that cap what follows their `at` (`caps daily entries at 40,000`: at most). */
    ceiling_verbs: cueList.optional(),
    /** `between A and B` (a range); `from A to B` with `levels: true` (two records). */
    range_pairs: z.array(z.object({ open: word, join: word, levels: z.boolean().optional(), ...annotation }).strict()),
  })
  .strict();

/**
 * A change cue; `adjacent` cues count only right before the number (`up 0.2 percent`, not `set up
 * 100 funds`); `past` marks an irregular past tense (`rose`, `fell`: a form ending in -ed needs no mark).
 */
const changeCues = z.array(z.object({ word, adjacent: z.boolean().optional(), past: z.boolean().optional(), ...annotation }).strict());

/** english-changes.yaml: cues that make a number the size of a rise or a fall. */
export const englishChangesFile = z
  .object({
    increase: changeCues,
    decrease: changeCues,
    /** Words that give the new level (`to`, `reached`): change none. */
    level: cueList,
    /** Verbs that make an adjacent `up`/`down` a particle (`set up 2,000 stores`). */
    particle_verbs: cueList,
    /** Of the particle verbs, those whose `up`/`down` before a percentage or points is a move (`closed up 3.8%`). */
    session_verbs: cueList.optional(),
    /** Level words after which even a change noun gives the new level (`a rise to 44.5 million`). */
    new_level: cueList,
    /** Rate nouns (`growth`) that keep a rise across a level word. */
    rates: cueList,
    increase_after: cueList,
    decrease_after: cueList,
    /** Verbs whose size follows `by` after their object (`cut the deficit by 10 percent`). */
    by_verbs: z.array(z.object({ word, change: z.enum(['increase', 'decrease']), ...annotation }).strict()),
    /** Words that may stand between `by` and the number (`raised by another 20 yuan`). */
    by_fillers: cueList,
    /** Bound words that put a number after a change verb at a level (`drop below 1.4 billion`): no change. */
    level_bounds: cueList.optional(),
    /** Verbs whose amount, before `to` and a noun, is the rise of a stock (`add 200 billion yuan to the relending quota`). */
    stock_verbs: cueList.optional(),
    /** Verbs that give a change only right before a relative measure (`the index added 2.1 percent`, not `added 12 million jobs`). */
    relative_verbs: z.array(z.object({ word, change: z.enum(['increase', 'decrease']), ...annotation }).strict()).optional(),
    /** Prepositions of place or purpose after a change verb's object: a number after one is not the change's size (`grows kiwifruit on 430,000 mu`). */
    place_prepositions: cueList.optional(),
  })
  .strict();

/** english-modality.yaml: clause cues and section headings for actual / target. */
export const englishModalityFile = z
  .object({
    target_cues: cueList,
    actual_cues: cueList,
    /** Actual cues that count only before the number (`compared with 55.8 percent in 2025`, not `by 25 percent compared with 2025`). */
    actual_before: cueList.optional(),
    /** Actual cues that count only right before the number, no other number between (`from 35 percent to more than 60 percent`). */
    actual_right_before: cueList.optional(),
    /** Actual cues that count only before the number and in its own comma part (`, already … at 62.8 percent,`). */
    actual_in_part: cueList.optional(),
    /** Nouns of a forecast, in whose clause `actual_right_before` cues do not count (`raised its forecast … from 4.5 percent`). */
    forecast_nouns: cueList.optional(),
    /** Verbs of saying after a quote (`," said`): the speaker's description after them takes no cue from the quote. */
    speech_verbs: cueList.optional(),
    /** A present perfect (`has allocated`, `have drawn`): an actual cue; not after a word of `not_after` (`will have reached`). */
    perfect: z
      .object({
        auxiliaries: z.array(word).min(1),
        adverbs: z.array(word),
        participles: z.array(word),
        not_after: z.array(word),
      })
      .strict()
      .optional(),
    /** Comparisons that contain an actual cue but do not date the number (`more than last year`). */
    comparisons: cueList,
    /** Nouns that hold a cue word but name a measure (`value added`): they hide the cue inside them. */
    cue_nouns: cueList.optional(),
    target_sections: z.array(z.object({ pattern, ...annotation }).strict()),
    actual_sections: z.array(z.object({ pattern, ...annotation }).strict()),
  })
  .strict();

/** english-not-quantities.yaml: names with numerals, and context patterns around a number. */
export const englishNotQuantitiesFile = z
  .object({
    names: z.array(z.object({ text: word, ...annotation }).strict()),
    patterns: z.array(
      z
        .object({ id: word, number: pattern.optional(), before: pattern.optional(), after: pattern.optional(), ...annotation })
        .strict()
        .refine((entry) => entry.before !== undefined || entry.after !== undefined, 'give `before`, `after`, or both'),
    ),
  })
  .strict();

/** english-subjects.yaml: the words that join, open or end a subject phrase. */
export const englishSubjectsFile = z
  .object({
    joiners: cueList,
    after_unit: cueList,
    count_openers: cueList,
    containers: cueList,
    line_continuations: cueList,
    not_subjects: cueList,
    share_verbs: cueList.optional(),
    example_openers: cueList.optional(),
    /** Plural nouns that modify the noun after them (`goods trade`): a present-tense word after them is no verb. */
    plural_modifiers: cueList.optional(),
    /** Nouns of a part that an amount set off by commas restates (`the rest, about 948 million, were covered by …`). */
    part_nouns: cueList.optional(),
    /** Pronouns that stand for a noun between two joiners inside a subject phrase (`subsidies for those with severe disabilities`). */
    stand_in_pronouns: cueList.optional(),
    /** Adverbs crossed between a subject and its number whatever compromise tags them (`now`). */
    crossed_adverbs: cueList.optional(),
    /** Nouns of a running total that a participle carries to its new level (`bringing the total to 7.8 million mu`): the subject. */
    totals: cueList.optional(),
    /** Change verbs compromise may tag as nouns, crossed right before a number (`patents rise 9 percent`). */
    headline_verbs: cueList.optional(),
    /** Nouns of an amount allotted to something (`a quota of 300 billion yuan in treasury bonds`): what it is for names it. */
    allotments: cueList.optional(),
    /** Participles that open a comma-part and name the amount after them (`, saving about $8 billion`). */
    amount_participles: cueList.optional(),
    /** Verbs whose first object is who the amount goes to (`saved taxpayers 2.6 trillion yuan`): the subject stands before the verb. */
    recipient_verbs: cueList.optional(),
    /** Verbs whose agent owns the generic measure after them (`earned … in profits`, `generated added value of`). */
    owner_verbs: cueList.optional(),
    /** Measures that name no kind of their own (`profits`, `added value`): after an owner verb the agent names the figure. */
    generic_measures: cueList.optional(),
    /** Nouns compromise tags as units of measure that reports count as things (`1,200 yards`: shipyards). */
    counted_units: cueList.optional(),
    /** Words before a figure compared with the one before it (`, compared with 32 percent`): it shares that figure's subject. */
    comparison_openers: cueList.optional(),
    /** Words that make a phrase after `in`/`at`/`on` a time, not a place (`in the first half`). */
    time_words: cueList.optional(),
    /** Nouns that name a point of the time after them (`the end of December`): with times they say when. */
    time_points: cueList.optional(),
    /** Words that only say how a change was measured (`an average annual increase of 8.1 percent`): with a change noun they name no subject. */
    change_modifiers: cueList.optional(),
    /** Verbs of use after `of which` (`can be used for`): the words the part is put to name it. */
    part_uses: cueList.optional(),
    /** Verbs of destination after `of which` (`will go to`, `be allocated to`): the place named after them names the part. */
    part_destinations: cueList.optional(),
    /** Words after `by` that say how, not who (`planted by hand`): no agent. */
    means: cueList.optional(),
  })
  .strict();

/** The English rules files, by file name, for `ruleFiles`. */
export const englishRuleFiles = {
  'english-units.yaml': englishUnitsFile,
  'english-bounds.yaml': englishBoundsFile,
  'english-changes.yaml': englishChangesFile,
  'english-modality.yaml': englishModalityFile,
  'english-not-quantities.yaml': englishNotQuantitiesFile,
  'english-subjects.yaml': englishSubjectsFile,
} as const;

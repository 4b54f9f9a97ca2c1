/**
 * The shape of every file in `rules/`, one schema per file. The loader validates each file
 * against its schema and reports the file, line and entry of every violation.
 *
 * Entries may carry `note` (why the entry exists) and `source` (where it was seen); the code
 * ignores both, they are for the people who edit the rules.
 */
import { z } from 'zod';
import { quantityKinds } from '../document.js';
import { englishRuleFiles } from '../stages/english/schema.js';
import { HTML_TAG_ROLES, type HtmlTagRole, type RuleFileNameListed } from './files.js';

const word = z.string().min(1, 'must not be empty');
const annotation = { note: z.string().optional(), source: z.string().optional() };


/** units.yaml and classifiers.yaml: a canonical unit, its kind, and how it is written. */
const unitEntry = z
  .object({
    unit: word,
    kind: z.enum(quantityKinds),
    /** Surface forms; the canonical unit itself is one, unless the entry has `power`. */
    forms: z.array(word).optional(),
    /**
     * The forms are this many of the unit (成 is 10 %, 半 of 一半 is 50 %): the value is multiplied
     * by it. Such an entry writes another entry's unit, so the unit itself is not one of its forms.
     */
    factor: z.number().positive().optional(),
    /**
     * One digit right after the form is the next decimal place of the number (九成五 = 9.5 成 =
     * 95 %): the way shares in tenths are spoken.
     */
    next_digit: z.boolean().optional(),
    /**
     * Words before a length that make it a speed per this unit: 时速350公里 and 每小时350公里 are
     * 350 公里/小时, as 350公里/小时 is.
     */
    per_words: z.array(word).optional(),
    ...annotation,
  })
  .strict()
  .refine((entry) => entry.factor === undefined || (entry.forms ?? []).length > 0, {
    message: 'an entry with factor must list its forms',
    path: ['forms'],
  });
export const unitsFile = z.array(unitEntry);

/** magnitudes.yaml: a magnitude word and its power of ten (`万` → 4, `万亿` → 12). */
export const magnitudesFile = z.array(
  z.object({ form: word, power: z.number().int().min(1).max(24), ...annotation }).strict(),
);

/** qualifiers.yaml: bound words before and after a number, and range connectors. */
const boundEntry = z
  .object({
    word,
    qualifier: z.enum(['approx', 'at_least', 'at_most']),
    /** An `after` word that may also stand between the number and its magnitude or unit (130余个, 10多万人). */
    inside: z.boolean().optional(),
    /** An `inside` word that stands only between the number and its unit (20来个), never after the unit (20人来参观). */
    only_inside: z.boolean().optional(),
    /** A `before` word that may also stand in front of a change word before the number (约增长12%). */
    across_change: z.boolean().optional(),
    /**
     * A `before` word that may also stand up to this many Chinese characters (a verb) before the
     * number, with no mark or digit between (至少开工10个, 至少新建5所).
     */
    across_words: z.number().int().min(1).max(8).optional(),
    /**
     * A `before` word that may also stand in front of the base a share is measured against, a run
     * of Chinese characters ending in 的 right before the number (不低于营业收入的5%).
     */
    across_base: z.boolean().optional(),
    ...annotation,
  })
  .strict();
export const qualifiersFile = z
  .object({
    before: z.array(boundEntry),
    after: z.array(boundEntry),
    range_connectors: z.array(z.object({ word, ...annotation }).strict()),
    /** Words between listed numbers that share the last one's unit (`120亿和150亿元`). */
    unit_sharing_joiners: z.array(z.object({ word, ...annotation }).strict()).optional(),
    /** Endings that make a longer unit one of its own, not the shorter one's shared form (`3126门、9847门次`). */
    unit_sharing_distinct_suffixes: z.array(z.object({ word, ...annotation }).strict()).optional(),
    /** Words right before a number that make `A至B` a change from A to B, not a range (从A到B). */
    range_breakers: z.array(z.object({ word, ...annotation }).strict()).optional(),
    /** Notes between a unit and its bound word that say whether the bound itself counts (`5000万元（含）以上`). */
    bound_inserts: z.array(z.object({ word, ...annotation }).strict()).optional(),
  })
  .strict();

/** changes.yaml: cue words that make a number the size of a rise or a fall, and look-alikes. */
const cueList = z.array(z.object({ word, ...annotation }).strict());
export const changesFile = z
  .object({
    increase: cueList,
    decrease: cueList,
    /** Words that give a new level, not the size of a change (`增至`, `达到`): change `none`. */
    level: cueList,
    /** Words that count new things (`新增`, `新建`): change `none`. */
    new_things: cueList,
    /** Comparisons whose base may stand before the number (`高于全国平均水平1个百分点`); each also listed above. */
    comparators: cueList.optional(),
    /** Words that open a comparison base before a bare change word: `增速比全省平均水平高0.6个百分点` (`比`). */
    base_openers: cueList.optional(),
    /** Words that open a comparison base only before `的` and a number (`是“十五”时期的3.2倍`), not before a change word. */
    base_openers_of: cueList.optional(),
    /** Change verbs whose object may stand between them and the number (`减少碳排放120万吨`); each also listed above. */
    object_verbs: cueList.optional(),
    /** Change words that take an object only right after a comparison base (`比上年多转移就业820人`); each also listed above. */
    compared_object_verbs: cueList.optional(),
  })
  .strict();

/** subjects.yaml: the words around a subject that are not part of it, and list structure. */
export const subjectsFile = z
  .object({
    /** Between a subject and its number, belonging to neither (`分别`, `同比`, `全市`). */
    /** Words between a set and the part of it counted (`中有`): the set names the part. */
    partitives: cueList.optional(),
    /** Words before a count of periods (`连续`): a change word further back is the subject's rate noun. */
    span_words: cueList.optional(),
    skip_before: cueList,
    /**
     * Comparison words that continue a clause (`比上年`, `同比`): a headline's dropped space before one
     * is no seam between two clauses (sentences.ts: `312天 比上年增加9天`).
     */
    comparisons: cueList.optional(),
    /** Ratio nouns (`比例`, `幅度`) that a change word right before names: `压减比例为32.9%` is the cut's ratio. */
    ratio_nouns: cueList.optional(),
    /** Opening a clause, never a subject's first word (`实施`, `其中`). */
    strip_leading: cueList,
    /** Ending the noun phrase that follows a count (`全部` in `17万户单位全部纳入`). */
    stop_after: cueList,
    /** Marks an amount reaches (`大关` in `突破3000亿元大关`): never the subject of an amount. */
    marks: cueList.optional(),
    /** Words that make an amount the level its subject reached (`突破`), not a class threshold. */
    reached_by: cueList.optional(),
    /** Closing an enumeration; the phrase after it names the class (`A、B等C`). */
    list_closers: cueList,
    /** Passive markers (`被`): before a verb they belong to the noun phrase (`被骗资金`), not a preposition to strip. */
    passive_markers: cueList.optional(),
    /** Verbs of benefit (`惠及`): a count of people right after one counts the recipients named before. */
    beneficiary_verbs: cueList.optional(),
    /** Units that count people (`人`, `人次`, `户`): a count in one after a verb of benefit counts recipients. */
    people_units: cueList.optional(),
    /** Units that count persons one by one (`人`, `名`): a count in one continues a count in the other. */
    person_units: cueList.optional(),
    /** Markers of recipients (`向`) before a verb of giving: 向困难群众发放…. */
    recipient_markers: cueList.optional(),
    /** Verbs of receiving (`领取`): an amount right after one, with only a basis before, is of what was given before. */
    receiving_verbs: cueList.optional(),
    /** Verbs of giving (`发放`): their object names what a later amount received is. */
    giving_verbs: cueList.optional(),
    /** Per-head bases (`人均`): before a verb of receiving they name no thing of their own. */
    per_head: cueList.optional(),
    /** Per-base words (`每个`): a phrase of one and nouns only (`平均每个乡镇`) names the base of a mean, not what it counts. */
    per_base: cueList.optional(),
    /** Mean words (`日均`, `村均`): a change after a bare one sizes the measure the mean was taken of. */
    mean_words: cueList.optional(),
    /** Outcome words (`成功`): actions ending in one name the successes a number counts (`调解成功2.47万件`). */
    outcome_words: cueList.optional(),
    /** Class suffixes (`类`): after a verb they make it part of a class name (`治理类指标`). */
    class_suffixes: cueList.optional(),
    /** Perfect markers (`已`): before a stage verb and one noun the verb names a class (`已投产项目`). */
    perfect_markers: cueList.optional(),
    /** Average words (`平均`): skipped before a number, but before one noun they are part of its name (`平均住院日`). */
    averages: cueList.optional(),
    /** Negations (`不`, `未`): before a verb they belong to the noun phrase (`不见面开标项目`), not an adverb to strip. */
    negations: cueList.optional(),
    /** Words that open a clause counting a part of the total before (`其中`): what follows names the part. */
    subset_openers: cueList.optional(),
    /** Words after which a clause closes with a list (`为` in `病种为A、B和C，分别报告…`): a 分别 opening the next clause pairs it. */
    list_introducers: cueList.optional(),
    /** Joining items of a list besides `、` (`和`, `及`). */
    list_joiners: cueList,
    /** One value per listed item, in order (`分别`). */
    respectively: cueList,
    /** One value shared by every listed item (`均`). */
    shared: cueList,
    /** A share's verb: in `A占B的N%` the share is A's, B is only its base (`占`). */
    share_of: cueList.optional(),
    /** Words that open the basis a figure is computed on (`按当年价格`): a phrase they open is no subject. */
    basis: cueList.optional(),
    /** Words that close a comparison base right after its number (`与2010年的4581.2万人相比`). */
    base_closers: cueList.optional(),
    /**
     * Nouns that name only a dimension (`面积`, `产量`): never a subject alone, so the words before
     * them that jieba reads as nouns stay (`完成造林绿化面积` → 造林绿化面积, not 面积).
     */
    measure_heads: cueList.optional(),
    /**
     * Endings of nouns that measure how an action went (`率`): right after a predicate verb, the verb
     * names them (`仲裁调解成功率` keeps 调解, not 成功率 alone).
     */
    rate_suffixes: cueList.optional(),
    /** Event verbs that, alone before a number, name what it counts (`死亡39人`). */
    counted_events: cueList.optional(),
    /** Words of a sum (`合计`): alone before a number, its subject is the listed items before it. */
    totals: cueList.optional(),
    /**
     * Nouns of money set aside for a purpose (`补贴`, `资金`): after an amount, with the purpose as a
     * verbal noun before them (`800元生活补贴`, `3亿元建设资金`), they name what the amount is.
     */
    money_nouns: cueList.optional(),
    /** Verbs that set a figure (`定为` in `把增长目标定为6%`): what they set is measured. */
    set_to: cueList.optional(),
    /** Markers of the object set (`把`, `将` in `将增长目标定在5%左右`): the subject stands after them. */
    object_markers: cueList.optional(),
    /** Besides change and level words, what follows the subject of a clause about a measure (`同比持平`). */
    measured_by: cueList.optional(),
    /** Words that name two things at once, split for a 分别 list (`产销量` → 产量, 销量). */
    split_words: z.array(z.object({ word, parts: z.array(word).min(2), ...annotation }).strict()),
  })
  .strict();

/** periods.yaml: how a text names the year a number is about. */
export const periodsFile = z
  .object({
    /** Patterns whose first group is a four-digit year (`2024年`); a date with a month is not a period heading. */
    years: z.array(z.object({ pattern: word, ...annotation }).strict()).min(1),
    /**
     * Patterns of other times (`1-11月`, `前10个月`, `近5年`): like years never part of a subject,
     * but no period.
     */
    times: z.array(z.object({ pattern: word, ...annotation }).strict()).optional(),
    /**
     * Patterns of years named relative to the year the text is written in (`去年` → -1, `今年` → 0).
     * Only a plan section says which year that is (its own): there `去年全市实现…` reports a result.
     */
    relative_years: z.array(z.object({ pattern: word, offset: z.number().int(), ...annotation }).strict()).optional(),
    /** Words right before a year that make it a comparison base (`比2020年增长`), not the period. */
    comparisons: cueList,
    /** Words right before a year that make it a deadline (`到2027年`): the number is a target. */
    deadlines: cueList,
    /**
     * Words right before a year that make it a starting point (`由2020年的38.5%提高到41.2%`): the
     * year holds only up to the first of `start_ends` after it.
     */
    starts: cueList.optional(),
    /** Where a starting year stops holding (`到`, `至`). */
    start_ends: cueList.optional(),
    /** A heading that holds a full date (`2025年1月8日`) is a dateline, not a section about that year. */
    datelines: z.array(z.object({ pattern: word, ...annotation }).strict()),
    /**
     * A title that opens with a year and names one of these documents (`2026年政府工作报告`) is
     * delivered in that year and plans it: the year under review is the one before.
     */
    plan_year_titles: z.array(z.object({ pattern: word, ...annotation }).strict()).optional(),
  })
  .strict();

/** modality.yaml: cues that make a clause or a section forward-looking. */
export const modalityFile = z
  .object({
    target_cues: cueList,
    actual_cues: cueList,
    /** Result cues that, in a clause with no number, hold for the whole sentence (`截至目前，…`). */
    frame_cues: cueList.optional(),
    /** Plan words of a thing's completion (`建成后`): a plan unless an outcome follows them. */
    completion_cues: cueList.optional(),
    /** Words right after a completion cue that report what became of a thing built (`建成后闲置`). */
    completion_outcomes: cueList.optional(),
    /** Plan words that are also nouns (`建议`): a plan only where no number or conjunction follows. */
    target_verbs: cueList.optional(),
    /** Words that set a clause against the plan before it (`实际`): it keeps no plan of an earlier clause. */
    contrasts: cueList.optional(),
    /** Words after a contrast that make it part of a measure's name (`实际到位资金`): no contrast there. */
    contrast_terms: cueList.optional(),
    /** Verbs that put a thing into a plan (`列入计划`): the plan word right after them names the plan, it plans nothing. */
    inclusion_verbs: cueList.optional(),
    /** Verbs of seeing and knowing (`看到`): a plan word right before them (`要清醒看到`) plans nothing. */
    perception_verbs: cueList.optional(),
    /** Rates of a plan's result (`完成率`): a plan word right before one (`计划完成率`) plans nothing. */
    result_rates: cueList.optional(),
    /** A heading or paragraph that matches one of these starts a section about the future. */
    target_sections: z.array(z.object({ pattern: word, ...annotation }).strict()),
    actual_sections: z.array(z.object({ pattern: word, ...annotation }).strict()),
    /**
     * A paragraph opening with one of these begins a news story (`本报讯`, `新华社…电`): the
     * sections the page opened before it (a headline's `预期目标`, another story's plan) are no
     * sections of its text, which starts again as the document does.
     */
    story_openers: z.array(z.object({ pattern: word, ...annotation }).strict()).optional(),
    /** A sentence opening with one of these continues the plan of the sentence before (`其中`). */
    continuations: cueList.optional(),
  })
  .strict();

/** not-quantities.yaml: names with numerals, and patterns for dates, ordinals, identifiers. */
export const notQuantitiesFile = z
  .object({
    names: z.array(z.object({ text: word, ...annotation }).strict()),
    /**
     * A candidate is dropped when every condition given matches: `pattern` on its text, `numeral`
     * on the number as written, `unit` on the canonical unit, `classifier` (its unit comes from
     * classifiers.yaml), `before`/`after` on the sentence text on either side.
     */
    patterns: z.array(
      z
        .object({
          id: word,
          pattern: word.optional(),
          numeral: word.optional(),
          unit: word.optional(),
          classifier: z.boolean().optional(),
          before: word.optional(),
          after: word.optional(),
          ...annotation,
        })
        .strict()
        .refine((p) => p.pattern ?? p.numeral ?? p.unit ?? p.before ?? p.after, {
          message: 'give at least one of pattern, numeral, unit, before, after',
        }),
    ),
  })
  .strict();

/** furniture.yaml: page furniture lines (bylines, page headers) the cleaner tags or drops. */
export const furnitureFile = z.array(
  z
    .object({
      id: word,
      pattern: word,
      action: z.enum(['drop', 'byline', 'caption', 'heading']),
      ...annotation,
    })
    .strict(),
);

/** paragraph-openers.yaml: patterns of a line that opens a paragraph wherever it stands. */
export const paragraphOpenersFile = z.array(z.object({ id: word, pattern: word, ...annotation }).strict());

/** ocr-fixes.yaml: character confusions, applied only where the dictionary agrees. */
export const ocrFixesFile = z.array(z.object({ wrong: word, right: word, ...annotation }).strict());

/** ocr-digits.yaml: Latin letters OCR reads in place of a digit inside a number (`l2.5` → `12.5`). */
export const ocrDigitsFile = z.array(
  z.object({ read: z.string().regex(/^[A-Za-z]$/, 'one Latin letter'), digit: z.string().regex(/^[0-9]$/, 'one digit'), ...annotation }).strict(),
);

/** ocr-percent.yaml: `%` misread as two digits at the end of a number, and the words that expect a percentage. */
export const ocrPercentFile = z
  .object({
    misreads: z.array(z.object({ read: word, decimals_only: z.boolean().optional(), ...annotation }).strict()),
    cues: z.array(z.object({ word, ...annotation }).strict()),
  })
  .strict();

/** html.yaml: the tags of a web page the cleaner takes for markup, by what each does to the text. */
const tagName = z.string().regex(/^[a-z][a-z0-9]*(:[a-z][a-z0-9]*)?$/, 'a tag name in lower case (p, h1, o:p)');
// the roles live in files.ts, which the stages can import without the schemas
export { HTML_TAG_ROLES, type HtmlTagRole } from './files.js';
export const htmlFile = z
  .object(Object.fromEntries(HTML_TAG_ROLES.map((role) => [role, z.array(tagName)])) as Record<HtmlTagRole, z.ZodArray<typeof tagName>>)
  .extend({
    /** What a scraped page leaves that is no text of the report: pinyin glosses, doubled clause marks. */
    scrape: z
      .object({
        pinyin_tones: z.string().min(1),
        pinyin_letters: z.string().min(1),
        pinyin_longest: z.number().int().positive(),
        doubled_marks: z.array(z.string().regex(/^.$/u, 'one character')),
      })
      .strict()
      .optional(),
  })
  .strict();

/** Every YAML file of `rules/`, by file name. `userdict.txt` is checked separately (jieba's format). */
export const ruleFiles = {
  'units.yaml': unitsFile,
  'classifiers.yaml': unitsFile,
  'magnitudes.yaml': magnitudesFile,
  'qualifiers.yaml': qualifiersFile,
  'changes.yaml': changesFile,
  'modality.yaml': modalityFile,
  'not-quantities.yaml': notQuantitiesFile,
  'furniture.yaml': furnitureFile,
  'html.yaml': htmlFile,
  'paragraph-openers.yaml': paragraphOpenersFile,
  'ocr-fixes.yaml': ocrFixesFile,
  'ocr-percent.yaml': ocrPercentFile,
  'ocr-digits.yaml': ocrDigitsFile,
  ...englishRuleFiles,
  'subjects.yaml': subjectsFile,
  'periods.yaml': periodsFile,
} as const;

export type RuleFileName = keyof typeof ruleFiles;

/** files.ts lists the same names without the schemas (for the cache): this fails to compile when they differ. */
type SameNames<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const ruleFileNamesAgree: SameNames<RuleFileName, RuleFileNameListed> = true;

/** The validated content of `rules/`: plain frozen data, compiled into matchers by the stages. */
export type Rules = {
  readonly [F in RuleFileName]: z.infer<(typeof ruleFiles)[F]>;
} & {
  /** Absolute path of the jieba user dictionary, or null when `rules/` has none. */
  readonly userDictPath: string | null;
  /** SHA-256 over every rules file, for deciding what a rerun must redo. */
  readonly hash: string;
  readonly dir: string;
};

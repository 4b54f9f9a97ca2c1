/**
 * modality: actual (achieved) or target (planned), by the clause first, then the section.
 *
 *   后续还要有7个项目进行保护      target: a clause cue, even inside a review
 *   今年将新建学校50所，新增学位3.5万个   target: a plan cue in an earlier clause of the
 *                                       sentence holds for the later ones
 *   到2027年产值达到1000亿元       target: a later year than the one under review, or a deadline
 *   规上工业增加值增长7%以上        the section's: a plan section makes it a target
 *
 * One pass over the sentence's items, so a long sentence with many numbers stays linear.
 */
import type { Modality, Quantity } from '../../document.js';
import type { CompiledAttribute, CueLabel } from './compile.js';
import type { Item, SentenceView } from './items.js';
import { nextSolid, previousSolid } from './items.js';
import { isAttributive, isNounLike, namesThing } from './phrase.js';
import type { YearMention } from './period.js';

/** Colons: a clause that ends with one introduces what follows. */
const INTRODUCERS = new Set(['：', ':']);

/** A target word at most this many items after a result word is what was reached (实现了预期目标). */
const ADJACENT = 2;

/** Cue labels the modality scan asks about at every item before a number (one array, not a literal per item). */
const SCANNED_CUES: readonly CueLabel[] = ['target', 'actual', 'contrast', 'comparator', 'opener'];

/** Cue labels of words that act as verbs or adverbs after 将 (将新建, 将增长, 将全面推进). */
const VERB_LABELS: readonly CueLabel[] = ['new', 'strip', 'skip', 'stop', 'increase', 'decrease', 'level', 'target'];
import type { Section } from './sections.js';

/**
 * The modality of every quantity of the sentence, in order. `years[k]` is the year named before
 * it; `afterPlan` says the sentence before, in the same paragraph, ended in a plan; `runOn` that
 * it ended with a semicolon, so this one continues its list.
 */
export function findModalities(
  view: SentenceView,
  compiled: CompiledAttribute,
  quantities: readonly Quantity[],
  section: Section,
  years: readonly (YearMention | null)[],
  afterPlan = false,
  runOn = false,
): Sentenced {
  const { items } = view;
  const modalities: Modality[] = [];
  let clause: Modality | null = null;
  let planned = false;
  let resultEnd = -ADJACENT - 1;
  let comparedEnd = -ADJACENT - 1;
  // a clause with no number of its own frames the sentence: 截至1月24日下午，大会共收到建议786件
  let counted = false;
  let framed = false;
  let contrasted = false;
  // 今年将新建学校50所。其中，小学30所: a sentence that details a planned one keeps its plan
  const continued = afterPlan && (runOn || opensContinuation(view, compiled));
  let sentence: Modality | null = continued ? 'target' : null;
  let plan = false;
  let k = 0;
  for (let i = 0; i < items.length && k < view.quantityItems.length; i++) {
    const item = items[i]!;
    if (i === view.quantityItems[k]) {
      // 超额完成1000万人以上的预期目标: the number is the target itself, whatever the clause reports
      // 今年将新建学校50所，去年新建30所: a past year ends the plan the sentence carried
      // 预期目标为增长6%左右，实际增长6.5%: a clause set against the plan keeps none of it
      const carried = years[k]?.past || contrasted ? null : sentence;
      const byCue = namesTarget(items, i, compiled) ? 'target' : (clause ?? carried);
      const modality = byCue ?? bySection(section, years[k] ?? null);
      modalities.push(modality);
      // 其中 continues a plan only when the whole sentence before was one (not 增长10%，超过原定计划的4%);
      // a later year planned it as a cue does in a review (2026年，…控制在…以内；新增…200辆以上)
      const yearPlanned = byCue === null && section.modality === 'actual' && modality === 'target';
      plan = (k === 0 || plan) && (byCue === 'target' || yearPlanned);
      counted = true;
      k++;
      continue;
    }
    if (item.separator === 'clause') {
      // a plan holds for the later clauses of its sentence: 今年将新建学校50所，新增学位3.5万个.
      // A result does not: 确保完成年度目标任务，增长6% is still a plan
      if (planned) sentence = 'target';
      // a result frame holds the same way (截至目前，…), unless a plan already holds the sentence
      else if (framed && !counted && sentence === null) sentence = 'actual';
      clause = null;
      counted = false;
      framed = false;
      contrasted = false;
      planned = false;
      resultEnd = -ADJACENT - 1;
      comparedEnd = -ADJACENT - 1;
      continue;
    }
    const cue = compiled.cues.endingAt(items, i, SCANNED_CUES);
    if (cue?.label === 'contrast') {
      // 实际到位资金, 实际使用外资: 实际 opens a measure's name there, it sets nothing against the plan
      contrasted ||= compiled.cues.startingAt(items, nextSolid(items, cue.end), 'contrastTerm') === null;
      continue;
    }
    if (cue?.label === 'comparator' || cue?.label === 'opener') {
      comparedEnd = cue.end;
      continue;
    }
    if (!cue || isPreposition(items, cue, compiled)) continue;
    // 实现了预期目标: a target reached right after a result word is a result
    if (cue.label === 'target' && cue.start - resultEnd <= ADJACENT) continue;
    // 高于年度预期目标0.3个百分点, 低于预期目标: a target right after a comparison word is the
    // benchmark a figure is measured against; the clause falls back to its section
    if (cue.label === 'target' && cue.start - comparedEnd <= ADJACENT) continue;
    // 设施建成后闲置超过一年: a completion word followed by what became of the thing dates it
    if (cue.label === 'target' && completedAlready(items, cue, compiled)) continue;
    // 列入计划逐步解决的178件: a plan word right after a verb that puts things into it names the plan
    if (cue.label === 'target' && compiled.cues.endingAt(items, previousSolid(items, cue.start), 'inclusion') !== null) continue;
    // 但也要清醒看到，我们的短板还不少：…: a plan word before a verb of seeing asks the reader to face
    // what is, it plans nothing
    if (cue.label === 'target' && seesPresent(items, cue.end, compiled)) continue;
    // 发放“雨露计划”补助资金: a plan word that closes a quotation ends a programme's name
    if (cue.label === 'target' && CLOSING_QUOTES.has(items[nextSolid(items, cue.end)]?.text ?? '')) continue;
    // 规划计划类信息58条, 计划类项目: a plan word right before a class suffix (subjects.yaml
    // class_suffixes) names a class of things, it plans nothing
    if (cue.label === 'target' && compiled.cues.startingAt(items, cue.end + 1, 'classSuffix') !== null) continue;
    // 团员发展计划完成率为102.5%: a plan word right before a rate of its result (modality.yaml
    // result_rates: 完成率, 执行率) names what the rate is measured against, it plans nothing
    if (cue.label === 'target' && compiled.cues.startingAt(items, cue.end + 1, 'resultRate') !== null) continue;
    // 制定人才发展计划，…: a plan word that ends its clause names a plan, it does not make one
    if (cue.label === 'target' && items[cue.end]!.tag.startsWith('n') && endsClause(items, cue.end)) continue;
    // 新开工计划总投资亿元以上项目1863个: a plan word before a class threshold names the class
    // (该项目计划总投资12亿元 is the plan's own amount, a plan)
    if (cue.label === 'target' && opensClass(items, cue.end, quantities)) continue;
    // 新开工项目186个，计划总投资412.6亿元: a plan noun that opens the clause right after a count
    // names the counted things' planned total, a statistic of them; it plans nothing (该项目计划总投资
    // 12亿元, with no count before, is the project's plan)
    if (cue.label === 'target' && PLAN_NOUN_TAGS.has(items[cue.end]!.tag) && followsCount(items, cue.start, cue.end, quantities, compiled)) continue;
    // 完成年计划的103.5%, 超额完成省下达计划的23%: a plan word joined by 的 to a percentage is the
    // base a result is measured against, it plans nothing
    if (cue.label === 'target' && basesShare(items, cue.end, quantities)) continue;
    // 代表建议227件, 议案建议和提案: a plan word that is also a noun names the thing when a number,
    // a conjunction, 的 or a mark follows it (建议用3至5年时间 and 建议每年新增… propose)
    if (cue.label === 'target' && compiled.cues.has(cue.word, 'targetVerb') && namesThing(items, cue.end, compiled)) continue;
    if (cue.label === 'actual') resultEnd = cue.end;
    framed ||= cue.label === 'actual' && compiled.cues.has(cue.word, 'frame');
    clause = cue.label === 'target' ? 'target' : 'actual';
    planned ||= clause === 'target';
  }
  return { modalities, plan };
}

/** The sentence opens with a word that details the one before (其中, 其余: modality.yaml continuation). */
export function opensContinuation(view: SentenceView, compiled: CompiledAttribute): boolean {
  return view.opensSentence && compiled.cues.startingAt(view.items, nextSolid(view.items, -1), 'continuation') !== null;
}

const CLOSING_QUOTES = new Set(['”', '」', '』', '"', '’']);

/** Most words between `的` and the target noun a number describes: 3%左右的(调控)目标. */
const TARGET_NOUN_REACH = 3;

/**
 * True when the number at `at` modifies a target noun: `6.5%-7%的预期目标`, `3%左右的调控目标`,
 * `下降3.4%以上的年度目标`. A plan word that is a noun, reached through 的 and nouns only.
 */
export function namesTarget(items: readonly Item[], at: number, compiled: CompiledAttribute): boolean {
  let particle = nextSolid(items, at);
  // “5%左右”的目标: the figure quoted, then 的
  if (CLOSING_QUOTES.has(items[particle]?.text ?? '')) particle = nextSolid(items, particle);
  if (!items[particle] || !isAttributive(items[particle]!)) return false;
  let i = particle;
  for (let n = 0; n < TARGET_NOUN_REACH; n++) {
    i = nextSolid(items, i);
    const item = items[i];
    if (!item || !isNounLike(item)) return false;
    if (item.tag.startsWith('n') && compiled.cues.endingAt(items, i, 'target')) return true;
  }
  return false;
}

/** The modalities of a sentence's quantities, and whether its last one was planned by a cue. */
export interface Sentenced {
  modalities: Modality[];
  plan: boolean;
}

/** Most words between a plan word and the class threshold it opens: 计划|总|投资|亿元以上项目. */
const CLASS_REACH = 3;

/** Most nouns between a plan word and the 的 of the share it bases: 年度目标|任务|的128.6%. */
const BASE_NOUN_REACH = 2;

/**
 * True when the plan word ending at `end` is followed by 的 and a percentage: 计划的103.5%, also
 * through a noun or two that end the base's name (为年度目标任务的128.6%, 占年度计划投资的105%).
 */
function basesShare(items: readonly Item[], end: number, quantities: readonly Quantity[]): boolean {
  let at = nextSolid(items, end);
  for (let n = 0; n < BASE_NOUN_REACH && items[at] !== undefined && isNounLike(items[at]!); n++) at = nextSolid(items, at);
  if (items[at] === undefined || !isAttributive(items[at]!)) return false;
  const share = items[nextSolid(items, at)];
  return share !== undefined && share.quantity >= 0 && quantities[share.quantity]!.kind === 'percent';
}

/** Tags of a plan word used as a common noun (计划/n 总投资), not a verb or a name (力争/nz). */
const PLAN_NOUN_TAGS: ReadonlySet<string> = new Set(['n', 'vn']);
/** Words that may stand between a measure and its amount: a leading bound (超过) or a level word (达到). */
const AMOUNT_LEADS: readonly CueLabel[] = ['bound', 'skip'];

/**
 * The plan word from `start` to `end` opens a clause whose clause mark closes a count, and it
 * and a few nouns after it (no time word) name the amount that follows: 新开工项目186个，计划总投资
 * 412.6亿元 (not …，计划明年再开工30个).
 */
function followsCount(items: readonly Item[], start: number, end: number, quantities: readonly Quantity[], compiled: CompiledAttribute): boolean {
  let at = nextSolid(items, end);
  let nouns = 0;
  for (; nouns < CLASS_REACH && items[at] !== undefined && items[at]!.quantity < 0; nouns++) {
    const item = items[at]!;
    if (item.tag === 't' || !(item.tag === 'b' || isNounLike(item))) break;
    at = nextSolid(items, at);
  }
  // (计划总投资超过2100亿元: a bound word (qualifiers.yaml before) or a level word may stand before the
  // amount; not a change word: 力争社会消费品零售总额增长3%左右 plans a rise)
  if (nouns > 0 && items[at] !== undefined && items[at]!.quantity < 0 && compiled.cues.startingAt(items, at, AMOUNT_LEADS)?.end === at) at = nextSolid(items, at);
  if (nouns === 0 || items[at] === undefined || items[at]!.quantity < 0) return false;
  const mark = previousSolid(items, start);
  if (mark < 0 || items[mark]!.separator !== 'clause') return false;
  const before = items[previousSolid(items, mark)];
  return before !== undefined && before.quantity >= 0 && quantities[before.quantity]!.kind === 'count';
}

/**
 * True when the plan word ending at `end` is followed, through at most a few nouns, by a class
 * threshold and its noun: 计划总投资亿元以上项目 names a class of projects, it plans nothing.
 */
function opensClass(items: readonly Item[], end: number, quantities: readonly Quantity[]): boolean {
  let at = nextSolid(items, end);
  for (let n = 0; n < CLASS_REACH && items[at] !== undefined && items[at]!.quantity < 0; n++) {
    if (!isNounLike(items[at]!)) return false;
    at = nextSolid(items, at);
  }
  const threshold = items[at];
  if (threshold === undefined || threshold.quantity < 0) return false;
  const quantity = quantities[threshold.quantity]!;
  if (quantity.qualifier !== 'at_least' || quantity.kind === 'percent') return false;
  const noun = items[nextSolid(items, at)];
  return noun !== undefined && isNounLike(noun);
}

/** True when a completion cue (建成后) is followed right away by an outcome word (闲置, 未): modality.yaml completion_outcomes. */
function completedAlready(items: readonly Item[], cue: { start: number; end: number }, compiled: CompiledAttribute): boolean {
  if (compiled.cues.endingAt(items, cue.end, 'completion')?.start !== cue.start) return false;
  return compiled.cues.startingAt(items, nextSolid(items, cue.end), 'outcome') !== null;
}

/**
 * True when a verb of seeing (modality.yaml perception_verbs) follows `end` within `ADJACENT` words and
 * ends its clause: 要|清醒|看到，… introduces a state (not 要看到成效, an aim with its object).
 */
function seesPresent(items: readonly Item[], end: number, compiled: CompiledAttribute): boolean {
  for (let i = nextSolid(items, end), n = 0; i < items.length && n < ADJACENT; i = nextSolid(items, i), n++) {
    if (items[i]!.separator !== null) return false;
    const verb = compiled.cues.startingAt(items, i, 'perception');
    if (verb !== null) return items[nextSolid(items, verb.end)]?.separator === 'clause';
  }
  return false;
}

/** True when the item after `end` closes the clause (a colon introduces instead: 目标是：). */
function endsClause(items: readonly Item[], end: number): boolean {
  const next = items[nextSolid(items, end)];
  return next !== undefined && next.separator === 'clause' && !INTRODUCERS.has(next.text);
}

/** Without a cue: a year later than a review's is a plan, an earlier one than a plan's is a result. */
function bySection(section: Section, year: YearMention | null): Modality {
  if (year?.past && section.modality === 'target') return 'actual';
  if (year && section.year) {
    if (section.modality === 'actual' && Number(year.year) > Number(section.year)) return 'target';
    if (section.modality === 'target' && Number(year.year) < Number(section.year)) return 'actual';
  }
  if (year?.until) return 'target';
  return section.modality;
}

/**
 * A one-character cue followed by a number or a noun is a preposition, not a plan: the 将 of
 * 将5000万元以上项目纳入调度 or 将数字经济作为首位产业 marks the object (the ba-construction).
 * Followed by a verb or an adverb (将新建, 将全面推进) it is the future.
 */
function isPreposition(items: readonly Item[], cue: { word: string; end: number }, compiled: CompiledAttribute): boolean {
  if (Array.from(cue.word).length !== 1) return false;
  const at = nextSolid(items, cue.end);
  const next = items[at];
  if (next === undefined) return false;
  if (next.quantity >= 0) return true;
  // jieba tags some report verbs as nouns (新建/ns): a listed verb counts as a verb
  if (compiled.cues.startingAt(items, at, VERB_LABELS)) return false;
  return isNounLike(next);
}

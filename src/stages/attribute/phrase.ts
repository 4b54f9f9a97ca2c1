/**
 * Turning a run of items into a subject a person would write in a table header: no clause-opening
 * verb, no enumeration before 等, no OCR spaces or quotes, at most `MAX_SUBJECT` characters with
 * the head noun (the right end) kept.
 */
import type { CompiledAttribute, CueLabel } from './compile.js';
import type { Item } from './items.js';
import { CLOSING_QUOTES, nextSolid, OPENING_QUOTES, openingBracket } from './items.js';

/**
 * Cue labels asked about at every item of a run: one array each rather than a literal per call
 * (a literal per call was 1.7 of finishLeft's 8.4 MB and 2.9 of the 分别 scan's 7.7 MB over 20 warm
 * files of the 10 MB corpus).
 */
const MODALS: readonly CueLabel[] = ['target', 'actual'];
const LEADING_CUES: readonly CueLabel[] = ['new', 'skip', 'bound', 'target', 'actual', 'strip', 'increase', 'decrease'];
const TRAILING_MODALS: readonly CueLabel[] = ['actual', 'bound'];
const TRAILING_CUES: readonly CueLabel[] = ['skip', 'stop', 'new'];

/** The longest subject written (characters). */
export const MAX_SUBJECT = 16;

/** jieba's tag for the particle of attribution, 的: 规模的科创基金. */
const ATTRIBUTIVE_TAG = 'uj';

/** jieba tags of words that can stand inside a noun phrase. */
const NOUN_TAGS = new Set([
  'n', 'nr', 'nr1', 'nr2', 'nrj', 'nrf', 'nrt', 'ns', 'nsf', 'nt', 'nz', 'nl', 'ng', 'vn', 'an', 'l', 'j', 'eng', 'b', 'k', 'h', 'g',
]);

/** jieba's tag for an idiom (残垣断壁/i); it also gives it to a few shorter set phrases (每千人/i). */
const IDIOM_TAG = 'i';
/** jieba's adverb tags. */
const ADVERB_TAGS = ['d', 'ad', 'dg'] as const;
/** Tags of words that open a clause but never a noun phrase: adverbs, prepositions, time words … */
const NON_NOUN_OPENERS: ReadonlySet<string> = new Set([...ADVERB_TAGS, 'p', 'c', 't', 'tg', 'r', 'rr', 'rz', 'u', 'uj', 'ul', 'uz', 'ud', 'ug', 'uv', 'y', 'e', 'o', 'f', 'q', 'zg']);
/** Tags that mark a predicate verb (not a verbal noun). */
const VERB_TAGS: ReadonlySet<string> = new Set(['v', 'vd', 'vi', 'vl', 'vg', 'vf', 'vx', 'vshi', 'vyou']);

/** True for a word item that can be part of a noun phrase. */
export function isNounLike(item: Item): boolean {
  if (item.quantity >= 0 || item.separator !== null) return false;
  if (NOUN_TAGS.has(item.tag)) return true;
  // the four-character idioms written before a number in reports are things counted (拆除残垣断壁
  // 3.2万平方米, 追发拖欠工资, 排查安全隐患); a shorter one is a set phrase such as 每千人, a rate's base
  if (item.tag === IDIOM_TAG) return item.end - item.start >= 4;
  // jieba tags unknown words x: 首店, 留长, 科创
  return item.tag === 'x' && /[\p{Script=Han}A-Za-z]/u.test(item.text);
}

/** True for a predicate verb (jieba's v tags; a verbal noun `vn` is not one). */
export function isVerb(item: Item): boolean {
  return item.separator === null && item.quantity < 0 && VERB_TAGS.has(item.tag);
}

/** True for the particle of attribution (的) that joins a modifier to its head noun. */
export function isAttributive(item: Item): boolean {
  return item.separator === null && item.quantity < 0 && item.tag === ATTRIBUTIVE_TAG;
}

/** Characters of a phrase, OCR spaces and quotes left out. */
export function characters(items: readonly Item[]): number {
  let n = 0;
  for (const item of items) if (item.separator !== 'space' && item.separator !== 'quote') n += item.end - item.start;
  return n;
}

/** The phrase's text: OCR spaces and quotes dropped. */
export function phraseText(items: readonly Item[]): string {
  let text = '';
  for (const item of items) if (item.separator !== 'space' && item.separator !== 'quote') text += item.text;
  return text;
}

/**
 * A phrase that stands before its number (`争取超长期特别国债等各类政策资金`), cleaned into a
 * subject (`政策资金`). Returns `''` when nothing noun-like is left. `listed` says the run is a later
 * item of a list that a subset opener started (其中制定5件、修改3件), so it names a part as well.
 * `predicated` says a predicate (达到, 增长, 为) stands between the run and its number, so the run is
 * the clause's subject (see stripLeading).
 */
/** Cue labels of words that plan (计划) or count new things (新建): no name of what is counted. */
const PLAN_OR_NEW: readonly CueLabel[] = ['target', 'new'];

export function finishLeft(run: readonly Item[], compiled: CompiledAttribute, listed = false, predicated = false): string {
  // (no pass below writes into its array: each returns a slice or its input, so the run is read
  // as it is, not copied; a copy per pass was about a tenth of what the stage allocated)
  let items = run;
  // 天使、种子、风投、创投等科创基金规模: the class after 等 is the subject
  for (let i = items.length - 1; i >= 0; i--) {
    const closer = compiled.cues.endingAt(items, i, 'closer');
    if (closer && items.slice(i + 1).some(isNounLike)) {
      items = items.slice(i + 1);
      break;
    }
  }
  // 已投产项目215个: after a perfect marker, a stage verb and its one noun name a class of the noun
  if (perfectClass(items, compiled)) return shorten(items.slice(-2));
  items = afterLastPredicate(items, compiled);
  items = afterModal(items, compiled);
  const unstripped = items;
  items = stripTrailing(stripLeading(items, compiled, predicated), compiled);
  items = ownerOfMeasure(unstripped, items, compiled);
  // 增速比上年回落1.2个百分点: a rate noun that jieba tags as a verb still names the measure
  // 化解率 tagged 化解/v 率/v: a one-character last word is a noun suffix jieba split off
  const last = items[items.length - 1];
  // a rate word (增速, 降幅) names a measure; a one-character comparison (多, 高, 少) does not:
  // 比上年多争取23.5亿元 continues the previous subject
  // 其中，优89天，良212天: a one-character word that is all its clause holds before the number
  // names a class, whatever jieba tags it (良/a)
  const lone =
    run.length === 1 && items.length === 1 && last!.end - last!.start === 1 && last!.separator === null && !NON_NOUN_OPENERS.has(last!.tag) && !isVerb(last!);
  // 发生事故46起，死亡39人: an event verb (subjects.yaml counted_events) that is all its clause
  // holds, past a time word (全年赔付89.6万人次), names what its number counts
  const event =
    last !== undefined &&
    last === run[run.length - 1] &&
    compiled.countedEvents.has(last.text) &&
    items.slice(0, -1).every((item, i) => NON_NOUN_OPENERS.has(item.tag) || compiled.cues.startingAt(items, i, 'skip')?.end === i);
  if (event) return last.text;
  // 力争到2030年突破450亿元: a one-character last word after clause openers only (力争/nz 到/v, all
  // subjects.yaml strip_leading) is one more opener, no noun suffix; the clause names nothing of its own
  const suffixed = last !== undefined && items.length > 1 && last.end - last.start === 1 && last.separator === null;
  if (suffixed && items.every((item) => item.separator === null && compiled.cues.startingAt([item], 0, 'strip')?.end === 0)) return '';
  // 今年计划新建100个, 新建和改造提升280万亩: a word of new things with only plan words (jieba tags
  // 计划/n 新建/ns nouns), verbs and conjunctions around it names nothing counted; what the clause
  // before named carries on (was 新建, 新建和: batch 73)
  const bare = items.every(
    (item, i) =>
      item.separator === null &&
      (compiled.cues.startingAt(items, i, PLAN_OR_NEW)?.end === i || (!isNounLike(item) && (isVerb(item) || item.tag === 'c' || item.tag === 'd'))),
  );
  // (其中新建5所、改扩建7所: after a subset opener the words name the part counted, below)
  const subset = compiled.cues.startingAt(run, 0, 'subset') !== null;
  if (bare && !subset && items.some((item, i) => compiled.cues.startingAt(items, i, 'new')?.end === i)) return '';
  const named =
    lone ||
    suffixed ||
    items.some((item) => isNounLike(item) || (item.end - item.start >= 2 && isChangeWord(item, compiled)));
  if (named) return shorten(items);
  // 其中集中供养9600人: after a subset opener (subjects.yaml subset_openers) the words of the clause
  // name the part counted, whatever jieba tags them (集中/v 供养/v)
  const opener = items[0] === run[0] ? compiled.cues.startingAt(items, 0, 'subset') : null;
  const part = opener ? items.slice(opener.end + 1) : listed ? run : [];
  if (part.length > 0 && part.every((item) => item.separator === null)) return shorten(part);
  // 诉前调解成功2.47万件, 帮扶成功120户: actions that end in an outcome word (subjects.yaml outcome_words)
  // name the successes counted, whatever jieba tags them (诉前/v 调解/v 成功/a)
  const outcome = items.length >= 2 && compiled.cues.endingAt(items, items.length - 1, 'outcome')?.end === items.length - 1;
  return outcome && items.slice(0, -1).every((item) => item.separator === null && (isVerb(item) || item.tag === 'vn')) ? shorten(items) : '';
}

/**
 * A bare dimension (`面积`, subjects.yaml measure_heads) left by the strips takes back the nouns
 * that stood right before it: in `完成造林绿化面积` jieba tags 造林/n 绿化/n, so they name the area
 * rather than open the clause (→ 造林绿化面积). `kept` is a slice of `run`; a verb-tagged word
 * (完成/v) still opens the clause.
 */
function ownerOfMeasure(run: readonly Item[], kept: readonly Item[], compiled: CompiledAttribute): readonly Item[] {
  const measure = kept.length > 0 ? compiled.cues.startingAt(kept, 0, 'measure') : null;
  if (!measure || measure.end !== kept.length - 1) return kept;
  const end = run.indexOf(kept[0]!) + kept.length;
  let start = end - kept.length;
  while (start > 0 && isNounLike(run[start - 1]!) && !run[start - 1]!.inYear) start--;
  return run.slice(start, end);
}

/**
 * A listed predicate verb inside the phrase starts its object: the comma before it was lost or
 * never written (规模以上工业企业实现营业收入, 困难群众发放救助金). Only verb-tagged words of
 * strip_leading count, so a verbal noun (基础设施建设投资) and a relation (增加值占…比重) stay.
 * An object of two characters is not cut off: it is too bare to name the measure alone
 * (园区完成投资, 农村劳动力转移就业 keep their owner); nor a rate right after the verb, which
 * measures what the verb does (仲裁调解成功率, subjects.yaml rate_suffixes).
 */
function afterLastPredicate(run: readonly Item[], compiled: CompiledAttribute): readonly Item[] {
  for (let i = run.length - 2; i > 0; i--) {
    if (!isVerb(run[i]!)) continue;
    // 乡村治理类指标: a verb before a class suffix names the class, it predicates nothing
    if (compiled.cues.startingAt(run, i + 1, 'classSuffix')?.end === i + 1) continue;
    const cue = compiled.cues.startingAt(run, i, 'strip');
    // 仲裁调解成功率: a rate right after the verb is the rate of that action, the verb names it
    if (cue && cue.end === run.length - 2 && compiled.rateSuffixes.some((suffix) => run[run.length - 1]!.text.endsWith(suffix))) continue;
    if (cue && cue.end < run.length - 1 && characters(run.slice(cue.end + 1)) >= 3) {
      if (run.slice(cue.end + 1).some(isNounLike)) return run.slice(cue.end + 1);
    }
  }
  return run;
}

/** An adverb, or a word jieba does not know (已近/x). */
const ADVERB_OR_UNKNOWN: ReadonlySet<string> = new Set([...ADVERB_TAGS, 'x']);

/** Tags of the words a modal word is said as: a verb (准备) or an adverb (将, 已). */
const MODAL_TAGS: ReadonlySet<string> = new Set([...ADVERB_TAGS, ...VERB_TAGS]);

/**
 * A plan or result word said as a verb or an adverb inside the phrase (将, 准备, 已: modality.yaml
 * cues) ends the clause's actor: what follows it, past adverbs and time words (再, 今年), is what
 * the number measures (村里准备今年再流转土地 → 流转土地). The phrase is kept whole when no noun
 * would be left (集团将再投入: a bare verb names nothing).
 */
function afterModal(run: readonly Item[], compiled: CompiledAttribute): readonly Item[] {
  for (let i = run.length - 2; i >= 0; i--) {
    if (run[i]!.separator !== null || !MODAL_TAGS.has(run[i]!.tag)) continue;
    const cue = compiled.cues.startingAt(run, i, MODALS);
    if (!cue || cue.end >= run.length - 1) continue;
    let start = cue.end + 1;
    while (start < run.length - 1 && NON_NOUN_OPENERS.has(run[start]!.tag)) start++;
    const rest = run.slice(start);
    if (characters(rest) >= 2 && rest.some(isNounLike)) return rest;
  }
  return run;
}

/**
 * Drops clause openers from the front while a noun remains: adverbs, prepositions and time words
 * by their tag (认真, 为, 当年), and predicate verbs only when subjects.yaml lists them (实施, 建成,
 * 新增), and one at most. An unlisted verb stays, because it often belongs to the name (出生人口,
 * 停车泊位, 筹集安置房 → 安置房), and a subject that keeps a verb still names its noun. A leading
 * 新增/新建 stays: what is new is part of what is counted.
 * With `predicated` (a predicate stands between the run and its number), a listed verb before one
 * noun modifies that noun rather than opening the clause: 入驻企业达到61家 counts the enterprises
 * that moved in (入驻企业), where 入驻企业61家 is the verb and its object (→ 企业).
 */
export function stripLeading(run: readonly Item[], compiled: CompiledAttribute, predicated = false): readonly Item[] {
  let items = run;
  let predicates = 0;
  for (;;) {
    const first = items[0];
    if (!first) return items;
    let width = 1;
    // 1995年全省国内生产总值: a year is the time, not part of the name (one word of it per turn)
    if (first.inYear) width = 1;
    else if (first.separator === 'open') {
      // （一）工业增加值: a numbering or remark in brackets before the phrase goes with its brackets
      const close = items.findIndex((item) => item.separator === 'close');
      if (close > 0) width = close + 1;
    } else if (first.separator === null) {
      const cue = compiled.cues.startingAt(items, 0, LEADING_CUES);
      // 新增义务教育学位, 新开工项目, 新建商品住宅价格: what is new is part of what is counted
      if (cue?.label === 'new') return items;
      // one predicate at most: in 筹集安置房 the second verb belongs to the name
      const predicate = cue !== null && cue.label === 'strip' && /^v/.test(first.tag);
      if (predicate && predicates++ > 0) return items;
      // 组织各类招聘活动, 完成投资: a verbal noun left alone names no thing, the verb says which
      if (predicate && items.length === cue.end + 2 && items[cue.end + 1]!.tag === 'vn') return items;
      // 入驻企业达到61家: the subject of a predicate, the verb says which of the noun's things
      if (predicate && predicated && items.length === cue.end + 2 && isNounLike(items[cue.end + 1]!)) return items;
      // 年平均增长率为0.31%: a modifier before a bare rate noun (增长率/n, 增速/n) names that rate
      if (cue?.label === 'skip' && items.length === cue.end + 2 && isRateNoun(items[cue.end + 1]!, compiled)) return items;
      // 压减比例为32.9%: a change word before one ratio noun (subjects.yaml ratio_nouns) names what the ratio measures
      if ((cue?.label === 'increase' || cue?.label === 'decrease') && items.length === cue.end + 2 && compiled.cues.startingAt(items, cue.end + 1, 'ratio')?.end === cue.end + 1) return items;
      // 平均住院日由7.9天缩短至7.2天: an average word before one noun is part of its name
      if (cue?.label === 'skip' && items.length === cue.end + 2 && isPlainNoun(items[cue.end + 1]!) && compiled.cues.startingAt(items, 0, 'average')?.end === cue.end) return items;
      if (cue) width = cue.end + 1;
      else if (!NON_NOUN_OPENERS.has(first.tag)) return items;
      // 被骗资金, 被盗车辆: a passive marker before a verb is part of the modifier, not a preposition
      else if (items[1] !== undefined && isVerb(items[1]) && compiled.cues.startingAt(items, 0, 'passive')?.end === 0) return items;
      // 不见面开标项目 (不/d 见面/n): a negation before a word of the name belongs to it; stripped, the
      // subject would say the opposite
      else if (items[1] !== undefined && (isVerb(items[1]) || isNounLike(items[1])) && compiled.cues.startingAt(items, 0, 'negation')?.end === 0) return items;
    }
    const rest = items.slice(width);
    if (first.separator === null && !rest.some(isNounLike)) return items;
    items = rest;
  }
}

/**
 * The last three of `items` are a perfect marker (已), a stage verb (subjects.yaml strip_leading)
 * and one noun: 已投产项目. (Read in place rather than on a slice of the three: a cue that starts
 * in them ends by the array's end either way.)
 */
function perfectClass(items: readonly Item[], compiled: CompiledAttribute): boolean {
  const at = items.length - 3;
  if (at < 0 || compiled.cues.startingAt(items, at, 'perfect')?.end !== at) return false;
  const verb = compiled.cues.startingAt(items, at + 1, 'strip');
  return verb !== null && verb.end === at + 1 && items[at + 1]!.tag.startsWith('v') && items[at + 2]!.tag.startsWith('n') && items[at + 2]!.tag !== 'nr';
}

/** A common noun (n, nz, vn… not a person's or place's name, nor a time word): 住院日/n. */
function isPlainNoun(item: Item): boolean {
  return item.separator === null && item.quantity < 0 && (item.tag === 'n' || item.tag === 'nz' || item.tag === 'vn');
}

/** A change word that is a noun (增长率, 增速, 降幅): it names a rate, not a change of something. */
function isRateNoun(item: Item, compiled: CompiledAttribute): boolean {
  return item.tag.startsWith('n') && isChangeWord(item, compiled);
}

/** A word of changes.yaml, rise or fall (增速, 降幅). */
function isChangeWord(item: Item, compiled: CompiledAttribute): boolean {
  return compiled.cues.has(item.text, 'increase') || compiled.cues.has(item.text, 'decrease');
}

function stripTrailing(run: readonly Item[], compiled: CompiledAttribute): Item[] {
  const items = [...run];
  for (;;) {
    const last = items[items.length - 1];
    if (!last) return items;
    // 地区生产总值（亿元）9120: a remark in brackets that ends the phrase (a table row's unit) goes
    // with its brackets, so no half of it is left
    const open = last.separator === 'close' ? openingBracket(items, items.length - 1) : -1;
    if (open > 0 && items.slice(0, open).some(isNounLike)) {
      items.length = open;
      continue;
    }
    if (last.separator !== null || isAttributive(last)) {
      items.pop();
      continue;
    }
    // 项目新开工: a trailing predicate of new things is not part of the name
    // 在校大学生已近, 已 近: a result adverb (已, 已近: modality.yaml actual_cues) or a bound word
    // right before the number says how far the measure got, not what it is
    const modal = compiled.cues.endingAt(items, items.length - 1, TRAILING_MODALS);
    if (modal && modal.start > 0 && modal.start === items.length - 1 && ADVERB_OR_UNKNOWN.has(last.tag)) {
      items.pop();
      continue;
    }
    const cue = compiled.cues.endingAt(items, items.length - 1, TRAILING_CUES);
    if (cue && cue.start > 0) {
      items.length = cue.start;
      continue;
    }
    return items;
  }
}

/**
 * The longest subject that holds a list of nouns (characters): an official class name such as
 * 电力、热力、燃气及水生产和供应业增加值 (19) is one name, and cutting it leaves a part of the list.
 */
export const MAX_LIST_SUBJECT = 24;

/** Cuts a phrase to `MAX_SUBJECT` characters (`MAX_LIST_SUBJECT` with a 、 list), keeping its head (the right end). */
export function shorten(run: readonly Item[]): string {
  let items = run;
  let limit = items.some((item) => item.separator === 'list') ? MAX_LIST_SUBJECT : MAX_SUBJECT;
  // 第三产业增加值占地区生产总值的比重 → …生产总值比重: 的 is the cheapest character to drop
  if (characters(items) > limit) {
    const plain = items.filter((item) => !isAttributive(item));
    if (characters(plain) <= limit) items = plain;
  }
  if (characters(items) > limit) {
    const last = findLastIndex(items, isAttributive);
    if (last >= 0 && characters(items.slice(last + 1)) >= 2) items = items.slice(last + 1);
  }
  while (characters(items) > limit) {
    // a closing quote mark whose opening one stands in the phrase is no place to cut: “新三样”产品 keeps
    // its quoted name (was 产品合计出口, batch 70); a stray one (OCR's 596”国定…) still is
    const verb = findLastIndex(items, (item, at) => isVerb(item) || (item.separator !== null && !closesQuote(items, at)));
    // (亿元地区生产总值生产安全事故死亡人数: a two-character rest is too bare to name it, the front goes instead)
    if (verb >= 0 && characters(items.slice(verb + 1)) >= 3) items = items.slice(verb + 1);
    else if (items.length > 1) items = items.slice(1);
    else break;
    // 超长期特别国债、中央预算内投资和地方政府专项债券资金: once the cut has taken the list's 、 the
    // plain limit holds again (was 中央预算内投资和地方政府专项债券资金, 18 characters, batch 66)
    if (limit === MAX_LIST_SUBJECT && !items.some((item) => item.separator === 'list')) limit = MAX_SUBJECT;
  }
  const text = phraseText(items);
  // no more UTF-16 units than the limit: no more characters either, and no array of them to build
  if (text.length <= limit) return text;
  const chars = Array.from(text);
  return chars.length > limit ? chars.slice(chars.length - limit).join('') : text;
}

function findLastIndex<T>(list: readonly T[], test: (value: T, index: number) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!, i)) return i;
  return -1;
}

/** True when `items[at]` is a closing quote mark with an opening one before it in `items`. */
function closesQuote(items: readonly Item[], at: number): boolean {
  if (items[at]!.separator !== 'quote' || !CLOSING_QUOTES.has(items[at]!.text)) return false;
  for (let i = at - 1; i >= 0; i--) if (items[i]!.separator === 'quote' && OPENING_QUOTES.has(items[i]!.text)) return true;
  return false;
}

/**
 * True when what follows the plan word ending at `end` makes it a noun (modality.yaml
 * target_verbs): a number, a conjunction, 的, a mark, nothing, or a passive marker (建议被写入:
 * what is acted on is a thing; subjects.yaml passive_markers).
 */
export function namesThing(items: readonly Item[], end: number, compiled: CompiledAttribute): boolean {
  const at = nextSolid(items, end);
  const next = items[at];
  if (next === undefined || next.quantity >= 0 || next.separator !== null || next.tag.startsWith('c') || isAttributive(next)) return true;
  return compiled.cues.startingAt(items, at, 'passive') !== null;
}

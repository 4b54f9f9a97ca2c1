/**
 * Walking back from a number over the words that stand between it and what it measures:
 * change and level cues, bound words (超过), comparisons (比上年, 同比), adverbs and particles.
 * Both the change pass and the subject pass start here.
 */
import { CHANGE_CUES, type CompiledAttribute, type CueLabel } from './compile.js';
import type { CueMatch } from './cues.js';
import { openingBracket, type Item } from './items.js';
import { isAttributive, isNounLike, isVerb, namesThing } from './phrase.js';

/** Tags of words that may stand between a subject and its number: adverbs, prepositions, time, particles. */
const TRANSPARENT_TAGS: ReadonlySet<string> = new Set(['d', 'ad', 'dg', 'p', 't', 'tg', 'u', 'uj', 'ul', 'uz', 'ud', 'ug', 'uv', 'y']);

/** The most items walked over: a subject stands close to its number, and a hostile run of particles stays linear. */
const MAX_WALK = 16;

const CHANGE_LABELS: readonly CueLabel[] = ['level', 'increase', 'decrease', 'new'];
const SKIP_LABELS: readonly CueLabel[] = ['skip', 'bound', 'respectively', 'shared', 'target', 'actual'];

export interface WalkBack {
  /** Index of the first item (going back) that is not between the number and its subject; -1 at the start. */
  stop: number;
  /**
   * The change cue that decides the number's change: the nearest one passed, or a rate noun
   * before a level verb (增速回落到), or a comparison or a verb with its object found just before
   * the stop (高于全国平均水平, 减少碳排放); null when none.
   */
  cue: CueMatch<CueLabel> | null;
}

/**
 * From the item before `index`, skips what lies between a number and its subject.
 * Stops at a separator, another quantity, a `new` word (新增 is part of 新增就业), or a word of
 * the subject. A change cue is skipped and remembered; the walk goes on so that the subject of
 * `产值同比增长5%` is reached. A second change cue stays in the subject: it is a rate noun
 * (`主要经济指标增速高于全市1个百分点`).
 */
export function walkBack(items: readonly Item[], index: number, compiled: CompiledAttribute): WalkBack {
  let cue: CueMatch<CueLabel> | null = null;
  // 增速连续三年高于…: passed a span word (subjects.yaml span_words), so a change word is the rate noun
  let spanned = false;
  let i = index - 1;
  while (i >= 0 && index - i <= MAX_WALK) {
    const item = items[i]!;
    if (item.separator === 'space') {
      i--;
      continue;
    }
    if (item.separator === 'close') {
      const open = openingBracket(items, i);
      if (open >= 0) {
        i = open - 1;
        continue;
      }
    }
    if (item.separator !== null || item.quantity >= 0) break;
    let change = compiled.cues.endingAt(items, i, CHANGE_LABELS);
    const skip = compiled.cues.endingAt(items, i, SKIP_LABELS);
    // whole words, longest first: the 低于 of 不低于6% is a bound word's end, not a fall
    if (change && skip && skip.start < change.start) change = null;
    if (change && change.label !== 'new' && spanned && !cue) break;
    if (change && change.label !== 'new') {
      // 增速比上年回落1.2个百分点: a second cue further back (增速) names the measure itself;
      // after a level (增速回落到4.8%, 降幅收窄至1.2%) the rate still says what the number is
      if (cue) {
        if (cue.label === 'level' && change.label !== 'level') cue = change;
        break;
      }
      cue = change;
      // 人口自然增长率为-1.51‰: a rate noun with its own modifier is a named measure, the subject
      // runs through it (the change stays the rate's)
      if (isNamedRate(items, change)) return { stop: change.end, cue };
      i = change.start - 1;
      continue;
    }
    if (change) break;
    // 人大代表建议227件: a plan word that is also a noun is then the subject's own word
    if (skip?.label === 'target' && compiled.cues.has(skip.word, 'targetVerb') && namesThing(items, skip.end, compiled)) break;
    if (skip) {
      spanned ||= compiled.cues.has(skip.word, 'span');
      i = skip.start - 1;
      continue;
    }
    // 是2020年的2.6倍, 比2020年增长: a year before the number is its base or its time, not its subject
    if (item.inYear) {
      i--;
      continue;
    }
    if (TRANSPARENT_TAGS.has(item.tag)) {
      i--;
      continue;
    }
    break;
  }
  // 增速比全省平均水平高0.6个百分点, 投资是"十五"时期的3.2倍: the words after 比/是 are the base,
  // the subject stands before it
  const before = items[index - 1];
  const attributive = before !== undefined && isAttributive(before);
  if (i >= 0 && ((cue && cue.label !== 'level') || attributive)) {
    // 目标是GDP增长9%: after 是 and before a change word stands the subject, not a base
    const opener = baseOpenerBefore(items, i, compiled, attributive ? OF_OPENERS : OPENERS);
    if (opener >= 0) return { stop: opener - 1, cue };
  }
  if (i >= 0) {
    const found = changeVerbBefore(items, i, compiled);
    // 超过全省人口的90%: a share of the base, not a margin over it
    if (found?.bounded) return { stop: found.cue.start - 1, cue };
    const verb = found?.over && attributive ? null : found;
    // 高于全国平均水平1.2个百分点: the subject stands before the comparison, also when the base
    // ends with a rate of its own (高于全省平均水平的增速1.1个百分点);
    // 减少碳排放120万吨: the object between the verb and the number is the subject
    if (verb?.comparator) return { stop: verb.cue.start - 1, cue: verb.cue };
    if (verb && !cue) return { stop: i, cue: verb.cue };
  }
  return { stop: i, cue };
}

/** Tags of a modifier that makes a rate noun a named measure of its own: 自然/d 增长率, 平均/a 增长率. */
const RATE_MODIFIER_TAGS: ReadonlySet<string> = new Set(['d', 'a', 'ad']);

/**
 * The change cue is a rate noun (增长率/n, not the verb 增长) with a modifier written right
 * before it (自然增长率, 年平均增长率): together they name what is measured, as 出生率 does.
 */
function isNamedRate(items: readonly Item[], cue: CueMatch<CueLabel>): boolean {
  if (cue.label !== 'increase' && cue.label !== 'decrease') return false;
  const head = items[cue.end]!;
  const modifier = items[cue.start - 1];
  return head.tag.startsWith('n') && modifier !== undefined && modifier.end === items[cue.start]!.start && RATE_MODIFIER_TAGS.has(modifier.tag);
}

const OPENERS: readonly CueLabel[] = ['opener'];
const OF_OPENERS: readonly CueLabel[] = ['opener', 'openerOf'];

/** Most words a comparison base may hold: 高于全省城镇居民平均水平的增速1.1个百分点. */
const MAX_BASE = 8;

/**
 * The item of a base opener (比) a few words before `stop`, with only the base between; -1 if
 * none. The base may be a list (比全国、全省分别高0.5个和0.3个百分点).
 */
export function baseOpenerBefore(items: readonly Item[], stop: number, compiled: CompiledAttribute, labels = OPENERS): number {
  for (let i = stop; i >= 0 && stop - i < MAX_BASE; i--) {
    const item = items[i]!;
    if (item.separator === 'quote' || item.separator === 'space' || item.separator === 'list') continue;
    if (item.separator !== null || item.quantity >= 0) return -1;
    const opener = compiled.cues.endingAt(items, i, labels);
    if (opener && opener.start === i && i < stop) return i;
    if (isVerb(item)) return -1;
  }
  return -1;
}
/** True when a comparison base ends right before `at`: 比上年|多, 比去年|多, 较2020年|少. */
function followsBase(items: readonly Item[], at: number, compiled: CompiledAttribute): boolean {
  let before = at - 1;
  while (before >= 0 && items[before]!.separator === 'space') before--;
  if (before < 0) return false;
  const opener = compiled.cues.endingAt(items, before, OPENERS);
  return (opener !== null && opener.end === before) || baseOpenerBefore(items, before, compiled) >= 0;
}

/**
 * The word before `at` closes a per-head basis (subjects.yaml per_head: 人均, 每户, 每人次): 多/少 after it
 * compare each head's figure with what it was, as after a comparison base (平均每人次少垫付资金一千多元:
 * a fall of a thousand yuan a visit).
 */
function followsPerHead(items: readonly Item[], at: number, compiled: CompiledAttribute): boolean {
  let before = at - 1;
  while (before >= 0 && items[before]!.separator === 'space') before--;
  return before >= 0 && compiled.cues.endingAt(items, before, 'perHead')?.end === before;
}

/**
 * Tags of words that may modify the object of a change verb (落后/a, 绝对/d) or join two of its
 * nouns (企业税收和社保缴费负担: 和/c).
 */
const OBJECT_MODIFIER_TAGS: ReadonlySet<string> = new Set(['a', 'ad', 'an', 'd', 'c']);
/** Most words the object of a change verb may hold: 减少碳排放120万吨, 减轻企业税收和社保缴费负担近2万亿元. */
const MAX_OBJECT = 7;

/**
 * A change word a few words before `stop`, with only nouns between it and the number: the number
 * is the size of the change of that noun (减少碳排放120万吨, 增加学位4.2万个), or of the
 * difference from a comparison base (高于全国平均水平1.2个百分点).
 */
function changeVerbBefore(
  items: readonly Item[],
  stop: number,
  compiled: CompiledAttribute,
): { cue: CueMatch<CueLabel>; comparator: boolean; over?: boolean; bounded?: boolean } | null {
  for (let i = stop; i >= 0 && stop - i < MAX_BASE; i--) {
    const item = items[i]!;
    if (item.separator !== null || item.quantity >= 0) return null;
    // 不低于营业收入的5%, 不少于销售收入的3%: a bound word before the base of a share (qualifiers.yaml
    // across_base; the recognizer's qualifier) holds no change, not even the 低于 inside it, and the
    // subject stands before it
    const bound = compiled.cues.endingAt(items, i, 'baseBound');
    if (bound && bound.end === i && i < stop && isAttributive(items[stop + 1] ?? items[stop]!)) return { cue: bound, comparator: false, bounded: true };
    // 超过年度目标任务2.4万人: a comparator that is no change word (超过, 超出) sizes a rise over the
    // base of nouns between it and the number
    const over = compiled.cues.endingAt(items, i, 'comparator');
    const plain = over !== null && !compiled.cues.has(over.word, 'increase') && !compiled.cues.has(over.word, 'decrease');
    if (plain && over.end === i && i < stop && overBase(items.slice(i + 1, stop + 1))) {
      return { cue: { ...over, label: 'increase' }, comparator: true, over: true };
    }
    const cue = compiled.cues.endingAt(items, i, CHANGE_CUES);
    if (cue && cue.end === i) {
      const comparator = compiled.cues.endingAt(items, i, 'comparator')?.start === cue.start;
      if (comparator) return { cue, comparator };
      if (stop - i >= MAX_OBJECT) return null;
      // a change verb that takes an object (changes.yaml object_verbs), then only that object:
      // 减少碳排放120万吨; not 高价值发明专利 (高 modifies) or 改造提升农村公路2.6万公里
      const object = items.slice(i + 1, stop + 1);
      // adjectives and adverbs may modify the object: 淘汰落后水泥产能, 减少农村绝对贫困人口
      const plain = object.every(
        (between) => isNounLike(between) || isVerb(between) || OBJECT_MODIFIER_TAGS.has(between.tag) || between.separator === 'space',
      );
      const compared =
        compiled.cues.endingAt(items, i, 'comparedObject')?.start === cue.start &&
        (followsBase(items, cue.start, compiled) || followsPerHead(items, cue.start, compiled));
      const takesObject = compiled.cues.endingAt(items, i, 'object')?.start === cue.start || compared;
      // (比上年多征集310件, 比去年少发生3起: after a base, 多/少 before a verb alone size the rise or
      // fall of what the verb counts)
      return takesObject && plain && (object.some(isNounLike) || (compared && object.some(isVerb))) ? { cue, comparator } : null;
    }
    if (compiled.cues.endingAt(items, i, NEW_OR_LEVEL)) return null;
  }
  return null;
}

/** Cue labels `changeVerbBefore` asks about at each item it walks back over (one array, not a literal per item). */
const NEW_OR_LEVEL: readonly CueLabel[] = ['new', 'level'];

/**
 * A comparison base of nouns only (年度目标任务, 年度计划): no verb, at least one noun, and no 的
 * (超过规定时限的事项有23件: the comparator and its base then describe the noun after 的, they
 * measure no margin).
 */
function overBase(base: readonly Item[]): boolean {
  return base.some(isNounLike) && base.every((item) => !isVerb(item) && item.separator === null && !isAttributive(item));
}

/**
 * subject: the shortest text that names what a number measures or counts (spec §3 subject_key).
 *
 *   科技成果本地转化数量增长71%     the phrase before the change verb
 *   51件民生实事 · 新建3个概念验证中心  the noun after a counted quantity
 *   新增义务教育学位5000个           the noun before a trailing count
 *   投资5000万元以上项目1381个       a threshold describes the noun after it: both are about 项目
 *   比上年增加120万吨               nothing before the number: the previous number's subject
 */
import type { Quantity } from '../../document.js';
import type { CompiledAttribute, CueLabel } from './compile.js';
import type { CueMatch } from './cues.js';
import type { Item, SentenceView } from './items.js';
import { nextSolid, openingBracket, previousSolid } from './items.js';
import { namesTarget } from './modality.js';
import { characters, finishLeft, isAttributive, isNounLike, isVerb, shorten } from './phrase.js';

/** Tags that may stand inside the phrase after a number: 百亿级产业集群, 省级以上创新平台. */
const INSIDE_TAGS: ReadonlySet<string> = new Set(['m', 'q', 'f', 'b']);

/** Cue labels asked about at every item read after a number (one array, not a literal per item). */
const RIGHT_STOPS: readonly CueLabel[] = ['stop', 'new', 'increase', 'decrease'];
const LEVEL_OR_MEASURED: readonly CueLabel[] = ['level', 'measured'];

/** Most items read after a number: its noun follows it closely. */
const RIGHT_REACH = 12;

/** Most items inside brackets that are kept as part of a name: 执业（助理）医师. */
const NAME_BRACKET = 3;

/** Longest run (characters) collected before a number; a subject is never this long. */
const LEFT_REACH = 40;

/** Fills `subjects[k]` for every quantity `k` of the sentence, in order. */
export function findSubjects(view: SentenceView, compiled: CompiledAttribute, quantities: readonly Quantity[]): string[] {
  const subjects: string[] = [];
  // what a later number with nothing before it continues: the previous number's subject, or
  // the clause's own subject when the previous number counted an object (跨越两个万亿元台阶)
  let carried = '';
  // the period words the carried subject opens with (一季度 of 一季度国内生产总值), or ''
  let carriedPeriod = '';
  // the last subject that names a measure rather than a rate of it (工业增加值, not 增速)
  let measure = '';
  // each number's noun phrase after it, for counts listed before one action
  const rights: string[] = [];
  view.quantityItems.forEach((at, k) => {
    const walk = view.walks[k]!;
    const quantity = quantities[view.items[at]!.quantity]!;
    // 与2010年的4581.2万人相比: the base of a comparison is an earlier value of the measure the
    // sentence is about; what it carries on is left as it was
    if (closesBase(view.items, at, compiled)) {
      subjects.push(carried);
      return;
    }
    const count = isCount(quantity);
    // 5000万元以上项目 names a class of projects by an amount; 八成以上的行政村 is a share of them
    const threshold = quantity.qualifier === 'at_least' && quantity.kind !== 'percent';
    // 超额完成1000万人以上的预期目标, 超额完成省下达的20%的目标任务: the number is the target of
    // the measure the clause reports, not what 目标 measures, nor the body that set it
    const target = namesTarget(view.items, at, compiled);
    // 把经济增长目标定为6%: what is set is measured, not who sets it
    const set = setObject(view.items, at, compiled);
    // 试点扩大到全县12个乡镇: after a level word a count's own noun is what it counts
    const levelled = walk.cue?.label === 'level' && count && !target;
    const right = (walk.cue && !levelled) || target ? '' : rightPhrase(view.items, at, compiled, count, threshold);
    // 民生支出268.7亿元，占一般公共预算支出的81.3%: the share is of what stands before 占
    const share = shareVerb(view.items, walk.stop, at, compiled);
    // (a level reached, 首破6亿吨, is no band of the noun glued after it: a headline's lost space)
    const band = (item: Item) => isBand(quantities[item.quantity]!) && !reachedBy(view.items, view.items.indexOf(item), compiled);
    let run = leftRun(view.items, share >= 0 ? share - 1 : walk.stop, band);
    // 完成国有企业改革深化提升任务的72% opening its sentence: with nothing before the verb, the
    // base is all that names what was done
    if (share >= 0 && view.opensSentence && previousSolid(view.items, share) < 0) run = leftRun(view.items, walk.stop, band);
    // 入驻企业达到61家: a predicate walked over makes the run the clause's subject
    const predicated = share < 0 && previousSolid(view.items, at) !== walk.stop;
    // 平均每个乡镇（街道）10个: a per-base phrase names the base of a mean, the count before carries on
    const left = namesBaseOnly(run, compiled) ? '' : finishLeft(afterBasis(run, compiled), compiled, listedPart(view.items, run, compiled), predicated);
    // (but 全省经济年均增长7%左右的目标 names its measure before its change word)
    // 营业收入首次突破万亿元 利润总额增长: a level the noun before it reached is no class of the noun
    // after (签约突破亿元项目20个, with a verb before, still names a class)
    const ending = view.items[walk.stop];
    const reached = threshold && left !== '' && ending !== undefined && isNounLike(ending) && !isVerb(ending) && reachedBy(view.items, at, compiled);
    // 总投资120亿元的新能源电池材料项目: an amount joined by 的 to a noun describes that thing by it; the
    // measure written right before the amount is what the amount measures (not 5000万元以上项目, a class)
    // (年屠宰能力达到120万头的生猪屠宰加工企业: past a level word, a count too describes the thing after
    // it by the measure before the level word)
    const pastLevel = levelBetween(view.items, walk.stop, at, compiled);
    const described = right !== '' && left !== '' && !threshold && (MEASURED_KINDS.has(quantity.kind) || pastLevel) && (previousSolid(view.items, at) === walk.stop || pastLevel) &&
      isAttributive(view.items[nextSolid(view.items, at)] ?? view.items[at]!);
    // 128个行政村中已有96个完成改厕: a part counted in a set is named by the set
    const part = left !== '' && compiled.cues.endingAt(view.items, previousSolid(view.items, at), 'partitive') !== null;
    // (36个签约项目中已有14个: a set right after the count before is that count's noun phrase, verb and all)
    const ofSet = part && k > 0 && run.length > 0 && previousSolid(view.items, view.items.indexOf(run[0]!)) === view.quantityItems[k - 1] ? rights[k - 1] || left : left;
    let subject = set || (target && !walk.cue && k > 0 && carried !== '' ? carried : reached || described ? left : part ? ofSet : right || left);
    // 是上年的1.5倍, 比上年增加120万吨: the number continues the previous one's subject;
    // 一季度国内生产总值增长5.3%，二季度增长6.3%: with its own period in place of the previous one's
    const opening = openingPeriod(run);
    const period = opening.whole ? opening.text : '';
    if (subject === '' && k > 0) subject = period !== '' && carried !== '' ? period + carried.slice(carriedPeriod.length) : carried;
    // 工业增加值增长7.4%，增速加快0.3个百分点；其中11月份增长8.1%: a percentage that a rise or fall
    // verb sizes is a growth of the measure, not of the rate (增速) the number before carried; so is
    // an amount (…增速提高0.6个百分点，比年初增加1029亿元: a rate has no 亿元)
    const ofMeasure = growsMeasure(view.items, walk.cue, quantity, compiled) || AMOUNT_KINDS.has(quantity.kind);
    if (subject === carried && !target && carried !== '' && isChangeText(carried, compiled) && measure !== '' && ofMeasure) {
      subject = measure;
    }
    // 生活垃圾68.4万吨，日均1874吨，同比增长3.2%: a change after a bare mean (subjects.yaml mean_words)
    // sizes the measure the mean was taken of
    if (subject === carried && !target && compiled.cues.has(carried, 'mean') && measure !== '' && walk.cue && growsMeasure(view.items, walk.cue, quantity, compiled)) {
      subject = measure;
    }
    if (subject === '' && walk.cue) subject = rightPhrase(view.items, at, compiled, count, threshold);
    // 138名残疾考生被…录取，28名进入特殊教育学院学习: a count that opens its clause with a verb after it
    // counts more of what the count before, in the same unit, counted (not the place it went to);
    // so does one after a subset opener, in the same unit or another that counts persons (对1.2万名
    // 失信被执行人采取…，其中2160人主动履行义务: subjects.yaml subset_openers, person_units)
    if (count && k > 0 && subject === right && right !== '' && verbAfter(view.items, at)) {
      const subset = opensSubset(view.items, at, compiled);
      const before = quantities[view.items[view.quantityItems[k - 1]!]!.quantity]!;
      const persons = compiled.personUnits.has(before.unit) && compiled.personUnits.has(quantity.unit);
      if ((opensClause(view.items, at) || subset) && (before.unit === quantity.unit || (subset && persons)) && subjects[k - 1]) subject = subjects[k - 1]!;
    }
    subjects.push(subject);
    // 5个方面186个问题，…，已整改到位172个: a left phrase that is the count before's own noun names no
    // clause subject, what this count counts carries on
    const countedBefore = k > 0 && run.length > 0 && previousSolid(view.items, view.items.indexOf(run[0]!)) === view.quantityItems[k - 1];
    carried = right && left && !countedBefore ? clauseSubject(view.items, walk.stop, compiled) || subject : subject;
    carriedPeriod = opening.text !== '' && carried.startsWith(opening.text) ? opening.text : '';
    rights.push(right);
    if (subject !== '' && !isChangeText(subject, compiled) && !compiled.cues.has(subject, 'mean')) measure = subject;
  });
  shareListedAction(view, quantities, subjects, rights);
  return subjects;
}

/** Between the subject's last word (`stop`) and the number at `at` stands only a level word (达到, 增至: changes.yaml level, subjects.yaml measured_by). */
function levelBetween(items: readonly Item[], stop: number, at: number, compiled: CompiledAttribute): boolean {
  const before = previousSolid(items, at);
  const level = before > stop ? compiled.cues.endingAt(items, before, LEVEL_OR_MEASURED) : null;
  return level !== null && previousSolid(items, level.start) === stop;
}

/**
 * 其中制定5件、修改3件: `run` stands right after a 、 that follows a number, in a clause a subset opener
 * (其中, 其余: subjects.yaml subset_openers) starts, so it names a part as the first item does.
 */
function listedPart(items: readonly Item[], run: readonly Item[], compiled: CompiledAttribute): boolean {
  if (run.length === 0) return false;
  const mark = previousSolid(items, items.indexOf(run[0]!));
  if (mark < 0 || items[mark]!.separator !== 'list') return false;
  const number = previousSolid(items, mark);
  if (number < 0 || items[number]!.quantity < 0) return false;
  let open = number;
  while (open > 0 && items[open - 1]!.separator !== 'clause') open--;
  return compiled.cues.startingAt(items, nextSolid(items, open - 1), 'subset') !== null;
}

/** Kinds of an amount measured on a thing rather than a count of things (a count's noun is what it counts). */
const MEASURED_KINDS: ReadonlySet<string> = new Set(['money', 'area', 'length', 'mass', 'volume', 'energy', 'computing']);

/** Kinds of an amount of a thing, never the size of a rate (not %, 百分点, 倍, nor a span of time). */
const AMOUNT_KINDS: ReadonlySet<string> = new Set(['money', 'count', 'area', 'length', 'mass', 'volume', 'energy', 'computing']);

/** A subject that is only a change word (增速, 降幅: changes.yaml), the rate of some measure. */
function isChangeText(subject: string, compiled: CompiledAttribute): boolean {
  return compiled.cues.has(subject, 'increase') || compiled.cues.has(subject, 'decrease');
}

/**
 * A percentage sized by a rise or fall verb (增长8.1%, 下降2%): not a rate's speed-up in points, nor
 * a comparison (涨幅…低于10%的调控目标 still measures the rate).
 */
function growsMeasure(items: readonly Item[], cue: CueMatch<CueLabel> | null, quantity: Quantity, compiled: CompiledAttribute): boolean {
  if (quantity.kind !== 'percent' || cue === null || (cue.label !== 'increase' && cue.label !== 'decrease')) return false;
  return cue.start === cue.end && isVerb(items[cue.start]!) && !compiled.cues.has(cue.word, 'comparator');
}

/**
 * 力争再有二千户、八千人脱贫: counts listed with 、 before the action that ends their clause all
 * count that action; a count with a noun of its own (一万八千人、二万三千头牲畜) keeps it.
 */
function shareListedAction(view: SentenceView, quantities: readonly Quantity[], subjects: string[], rights: readonly string[]): void {
  const { items, quantityItems } = view;
  for (let k = quantityItems.length - 2; k >= 0; k--) {
    const at = quantityItems[k]!;
    const next = quantityItems[k + 1]!;
    const between = nextSolid(items, at);
    if (items[between]?.separator !== 'list' || nextSolid(items, between) !== next) continue;
    if (!isCount(quantities[items[at]!.quantity]!) || !isCount(quantities[items[next]!.quantity]!)) continue;
    const action = items[nextSolid(items, next)];
    if (rights[k] === '' && rights[k + 1] !== '' && action !== undefined && isVerb(action) && rights[k + 1] === action.text) {
      subjects[k] = subjects[k + 1]!;
    }
  }
}

/** True when the first item at or after `index` that is no space is a number. */
function isNumberAt(items: readonly Item[], index: number): boolean {
  let i = index;
  while (i < items.length && items[i]!.separator === 'space') i++;
  const item = items[i];
  return item !== undefined && item.quantity >= 0;
}

/**
 * The noun phrase right after a number: `51件民生实事`, `5000万元以上项目`, `300亿元规模的科创基金`,
 * `5个百亿级产业集群`. It ends at the first verb: `12项成果获国家科学技术奖` counts 成果. A count
 * or a threshold may name its noun with a verb first (`30条断头路`, `亿元以上在建项目`); other
 * quantities may not, since `投资5亿元建设道路` says what the money is for, unless a noun of money
 * follows the purpose (`800元生活补贴`, `3亿元建设资金`: subjects.yaml money_nouns). A threshold between a count and its noun is
 * passed over: `220个亿元以上产业项目` counts 产业项目. Returns `''` when no noun follows.
 */
export function rightPhrase(
  items: readonly Item[],
  at: number,
  compiled: CompiledAttribute,
  count: boolean,
  threshold = false,
): string {
  const run: Item[] = [];
  let i = nextSolid(items, at);
  // 迈上1.5万亿元台阶, 突破500万人关口: a mark right after the number is the level it reaches, not
  // what it measures; one after another amount is counted (跨越两个万亿元台阶)
  if (compiled.cues.startingAt(items, i, 'mark')) return '';
  if (items[i]?.quantity !== undefined && items[i]!.quantity >= 0) i = nextSolid(items, i);
  // 85%的行政村, 5000万元的项目
  const afterParticle = items[i] !== undefined && isAttributive(items[i]!);
  if (afterParticle) i = nextSolid(items, i);
  const first = items[i];
  if (!first) return '';
  // 50万元以上的村有5个: jieba tags some one-character head nouns zg (村, 县, 厂); right after 的 and
  // before a number, a verb or the clause's end, such a character is the head noun
  // (50万元以上的村占比为31%: also before a bare dimension of it, subjects.yaml measure_heads)
  const afterHead = nextSolid(items, i);
  const dimension = items[afterHead] !== undefined && compiled.cues.startingAt(items, afterHead, 'measure')?.end === afterHead;
  // 14个乡镇、186个村（社区）: right after a count too, also before a bracket or an enumeration comma
  const closer = items[afterHead]?.separator;
  const headEnds = endsNoun(items, afterHead) || dimension || (count && (closer === 'open' || closer === 'list'));
  if ((afterParticle || count) && first.tag === 'zg' && first.end - first.start === 1 && headEnds) return first.text;
  // 给予每人每月800—1500元生活补贴: a purpose before a noun of money is part of its name
  const purpose = first.tag === 'vn' && compiled.moneyNouns.has(items[i + 1]?.text ?? '');
  if ((first.tag === 'vn' || isVerb(first)) && !count && !threshold && !purpose) return '';
  // 作了79处修改, 开展3次检查: a count of an action that ends the clause counts that action (not
  // 吸引用人单位326家参会, where the head noun right before the count names what it counts and the
  // verb after is what those things did)
  const namedBefore = isHeadNoun(items[previousSolid(items, at)]);
  if (count && (first.tag === 'vn' || isVerb(first)) && first.end - first.start >= 2 && !namedBefore) {
    const after = items[nextSolid(items, i)];
    if (after === undefined || after.separator === 'clause') return first.text;
  }
  if (isVerb(first)) {
    if (!isNounLike(items[i + 1] ?? first)) return '';
    run.push(items[i++]!);
  }
  const limit = Math.min(items.length, i + RIGHT_REACH);
  while (i < limit) {
    const item = items[i]!;
    if (item.separator === 'space') {
      i++;
      continue;
    }
    // 32个国控、省控地表水监测断面: modifiers listed with 、 before one head noun; 4.82万名持证残疾儿童
    // 及成人: nouns a count counts together, joined by a joiner word (subjects.yaml list_joiners)
    const joiner = count && item.separator === null && compiled.cues.startingAt(items, i, 'joiner')?.end === i;
    if ((item.separator === 'list' || joiner) && run.length > 0 && isNounLike(run[run.length - 1]!) && items[i + 1] !== undefined && isNounLike(items[i + 1]!)) {
      run.push(item);
      i++;
      continue;
    }
    // 1200余名特困、低保老人: modifiers of the counted noun listed with 、 (an adjective, then a word jieba
    // tags a verb) before the one head noun right after them
    if (count && item.separator === 'list' && run.length > 0 && run.every((word) => word.tag === 'a') && listedModifier(items, i + 1)) {
      run.push(item, items[i + 1]!);
      i += 2;
      continue;
    }
    // 14个乡镇2025年度推进…: a year after the counted noun opens the time of what follows, not the noun
    if (item.inYear && run.length > 0) break;
    // 3至5家专精特新“小巨人”企业, 建成3个“智慧工厂”: a quoted name inside the noun phrase, between
    // two of its nouns or right after a count (not 227项业务“跨省通办”, a slogan the things achieve)
    const quoted = item.separator === 'quote' && (run.length > 0 ? isNounLike(run[run.length - 1]!) : count) ? closingQuote(items, i) : -1;
    const inside = quoted > 0 && (run.length === 0 || (items[quoted + 1] !== undefined && isNounLike(items[quoted + 1]!)));
    if (inside) {
      run.push(...items.slice(i, quoted + 1));
      i = quoted + 1;
      continue;
    }
    // 连续七年负增长: a change word after the number says what the measure did, not what is counted
    if (compiled.cues.startingAt(items, i, RIGHT_STOPS)) break;
    // 为1860户特殊困难老年人家庭: a count's noun may open with adjectives (the run keeps them only
    // when a noun follows)
    if (isNounLike(item) || (run.length > 0 && isAttributive(item)) || INSIDE_TAGS.has(item.tag) || (count && run.length === 0 && item.tag === 'a')) {
      run.push(item);
      i++;
      continue;
    }
    // 3个概念验证中心: a count's or a class's noun may hold a verb; after a share (90%的企业实现盈利)
    // the verb is the predicate
    const tail = run.length > 0 && isVerb(item) && (count || threshold) ? compoundTail(items, i) : 0;
    if (tail === 0) break;
    run.push(...items.slice(i, i + tail));
    i += tail;
  }
  // 排查整治隐患1.2万处 加装燃气报警器4.6万台 (a headline whose space cleaning dropped): a phrase that
  // opens with a verb and runs into the next number is that number's clause (a verb, its object and
  // the amount), not what the count before counts
  if (count && run.length > 0 && isVerb(run[0]!) && isNumberAt(items, i)) return '';
  while (run.length > 0 && !isNounLike(run[run.length - 1]!)) run.pop();
  if (!run.some(isHeadNoun)) return '';
  // 300亿元规模的科创基金: the head after 的
  let last = -1;
  run.forEach((item, index) => {
    if (isAttributive(item)) last = index;
  });
  if (last < 0 || !run.slice(last + 1).some(isNounLike)) return shorten(run);
  // 免除120万名农村学生的学杂费: a count counts the owner before 的, when a noun ends it (not the
  // class word of 3个国家级的示范区)
  const owner = run.slice(0, last);
  const end = owner[owner.length - 1];
  // (nor the 口 that 13亿多人口 leaves once 人 is the unit)
  if (count && end !== undefined && end.tag.startsWith('n') && isHeadNoun(end) && characters(owner) >= 2) return shorten(owner);
  return shorten(run.slice(last + 1));
}

/** The item at `at` is a one-word modifier (an adjective or a verb) with a noun right after it. */
function listedModifier(items: readonly Item[], at: number): boolean {
  const word = items[at];
  const head = items[at + 1];
  return word !== undefined && head !== undefined && word.separator === null && (word.tag === 'a' || isVerb(word)) && isNounLike(head);
}

/** Nothing but a clause mark (or the sentence's start) stands before the item at `at`. */
function opensClause(items: readonly Item[], at: number): boolean {
  const before = previousSolid(items, at);
  return before < 0 || items[before]!.separator === 'clause';
}

/** After the number at `at` comes a verb, maybe after adverbs (2160人主动履行义务: 主动/b 履行义务/v, 28名已经进入). */
function verbAfter(items: readonly Item[], at: number): boolean {
  let i = nextSolid(items, at);
  while (i < items.length && i >= 0 && ADVERB_TAGS.has(items[i]!.tag)) i = nextSolid(items, i);
  const item = items[i];
  return item !== undefined && isVerb(item);
}

/** jieba's tags of adverbs, and of the attributives it gives words that also modify verbs (主动/b). */
const ADVERB_TAGS: ReadonlySet<string> = new Set(['d', 'ad', 'b']);

/** The number at `at` follows only a subset opener (其中, 其余: subjects.yaml subset_openers) that opens its clause. */
function opensSubset(items: readonly Item[], at: number, compiled: CompiledAttribute): boolean {
  const before = previousSolid(items, at);
  if (before < 0) return false;
  const opener = compiled.cues.endingAt(items, before, 'subset');
  return opener !== null && opensClause(items, opener.start);
}

/** The item at `at` may follow a head noun: a number, a verb, a clause mark, or nothing. */
function endsNoun(items: readonly Item[], at: number): boolean {
  const item = items[at];
  return item === undefined || item.quantity >= 0 || item.separator === 'clause' || isVerb(item);
}

/**
 * How many items, from the verb at `at`, close a compound noun: a verb of two or more characters
 * and at most two nouns ending the clause or followed by the predicate, the last a head noun
 * (概念验证中心, 省级以上创新平台, 校舍改造项目). 0 when the verb is a predicate instead
 * (成果获国家科学技术奖, 中心投入运营, 江河持续超警洪水).
 */
function compoundTail(items: readonly Item[], at: number): number {
  // 持续/vd modifies a predicate; 获 is too short to be part of a name
  if (items[at]!.end - items[at]!.start < 2 || items[at]!.tag === 'vd') return 0;
  let nouns = 0;
  let j = at + 1;
  while (j < items.length && nouns < 3 && isNounLike(items[j]!)) {
    nouns++;
    j++;
  }
  // the name ends where the clause does or where its predicate starts (校舍改造项目纳入…)
  const closed = j >= items.length || items[j]!.separator === 'clause' || items[j]!.separator === 'list' || isVerb(items[j]!);
  return nouns >= 1 && nouns <= 2 && closed && isHeadNoun(items[j - 1]) ? j - at : 0;
}

/** Most items a quoted name inside a noun phrase may hold: “小巨人”. */
const NAME_QUOTE = 6;

/** The index of the quote mark that closes the one at `at`, within a short name and its clause; -1 if none. */
function closingQuote(items: readonly Item[], at: number): number {
  for (let j = at + 1; j < items.length && j - at <= NAME_QUOTE; j++) {
    const separator = items[j]!.separator;
    if (separator === 'quote') return j > at + 1 ? j : -1;
    if (separator !== null && separator !== 'space') return -1;
  }
  return -1;
}

/** A noun that can head a phrase: not a verbal noun (通车运营 names no thing). */
function isHeadNoun(item: Item | undefined): boolean {
  return item !== undefined && isNounLike(item) && item.tag !== 'vn';
}

/** Most words between an object marker and the verb that sets it: 将|国内生产总值|增长|目标|定在. */
const MAX_SET_OBJECT = 8;

/** Tags of words that open an object but do not name it: 今年/t, 全年/m. */
const OBJECT_OPENER_TAGS: ReadonlySet<string> = new Set(['t', 'tg', 'm', 'r', 'd']);

/**
 * The object set by `把/将 … 定为` right before the number at `at` (subjects.yaml object_markers,
 * set_to): 把今年经济增长目标定为6% → 经济增长目标; `''` when the number is not set that way.
 */
function setObject(items: readonly Item[], at: number, compiled: CompiledAttribute): string {
  const verb = compiled.cues.endingAt(items, previousSolid(items, at), 'setTo');
  if (!verb) return '';
  for (let i = verb.start - 1; i >= 0 && verb.start - i <= MAX_SET_OBJECT; i--) {
    const item = items[i]!;
    if (item.separator !== null || item.quantity >= 0) return '';
    const marker = compiled.cues.endingAt(items, i, 'objectMarker');
    if (marker?.start !== i) continue;
    let from = i + 1;
    while (from < verb.start && (OBJECT_OPENER_TAGS.has(items[from]!.tag) || items[from]!.inYear)) from++;
    const object = items.slice(from, verb.start);
    return object.some(isNounLike) ? shorten(object) : '';
  }
  return '';
}

/** True when a reach word (subjects.yaml reached_by: 突破, 跨越) stands right before the number at `at`. */
export function reachedBy(items: readonly Item[], at: number, compiled: CompiledAttribute): boolean {
  const before = previousSolid(items, at);
  return before >= 0 && compiled.cues.endingAt(items, before, 'reached')?.end === before;
}

/**
 * True when `run` is a per-base word (subjects.yaml per_base), after an average word or none, and
 * one noun (and its other name in brackets): 平均每个乡镇（街道）, 平均每个村, 每所学校. Such a phrase
 * names the base a mean is taken over, not what its number counts (平均每个站点年销售额 still names
 * the measure after the base).
 */
function namesBaseOnly(run: readonly Item[], compiled: CompiledAttribute): boolean {
  const average = compiled.cues.startingAt(run, 0, 'average');
  const base = compiled.cues.startingAt(run, average ? average.end + 1 : 0, 'perBase');
  if (base === null) return false;
  const noun = run[base.end + 1];
  if (noun === undefined || noun.separator !== null || !isNounLike(noun)) return false;
  const rest = run.slice(base.end + 2);
  return rest.length === 0 || (rest[0]!.separator === 'open' && rest[rest.length - 1]!.separator === 'close');
}

/** Most words a share's base may hold: 占一般公共预算支出的81.3%, 占本年度归属于上市公司股东的净利润的30.2% (7 words). */
const MAX_SHARE_BASE = 8;

/**
 * The item where a share verb stands when the number is `占<base>的N%` (the base a noun phrase
 * joined to the number by 的, a bound word between them: 占…的近四成), or `完成<plan>N`
 * (超额完成年度目标0.2个百分点: a plan word ends the base), or -1. `占…的比重为12%` is not one:
 * 比重 names the share itself.
 */
function shareVerb(items: readonly Item[], stop: number, at: number, compiled: CompiledAttribute): number {
  let previous = previousSolid(items, at);
  const bound = previous >= 0 ? compiled.cues.endingAt(items, previous, 'bound') : null;
  if (bound) previous = previousSolid(items, bound.start);
  const before = items[previous];
  if (!before || !(isAttributive(before) || compiled.cues.endingAt(items, previous, 'target') !== null)) return -1;
  // 占信访总量的比重由上年的52.1%上升至59.9%: a preposition walked over between the base and the
  // number opens its own object (由上年的), whose 的 joins it to the number: no base of a share
  for (let i = stop + 1; i < previous; i++) if (items[i]!.tag === 'p') return -1;
  for (let i = stop; i >= 0 && stop - i < MAX_SHARE_BASE; i--) {
    const verb = compiled.cues.endingAt(items, i, 'share');
    if (verb) return i < stop ? verb.start : -1;
    // the base is a noun phrase; jieba tags some of its words as places or times (国内/s)
    const item = items[i]!;
    // (省下达计划, 占发放笔数: a verb before a noun of the base, after a noun of it or the share verb;
    // 占政府采购合同总额的: the noun after it may come past a word jieba tags an adjective, 合同/a)
    const opensBase = i > 0 && (isNounLike(items[i - 1]!) || compiled.cues.endingAt(items, i - 1, 'share') !== null);
    const inner = isVerb(item) && opensBase && (isNounLike(items[i + 1]!) || items.slice(i + 1, stop + 1).some(isNounLike));
    if (item.separator !== null || item.quantity >= 0 || (isVerb(item) && !inner)) return -1;
  }
  return -1;
}

/**
 * The run without the basis it opens with: `按当年价格` (比上年上涨2.3%) is how the figure was
 * measured and names nothing; `按R&D人员全时工作量计算的人均经费` names what follows its last 的.
 */
function afterBasis(run: Item[], compiled: CompiledAttribute): Item[] {
  if (run.length === 0 || compiled.cues.startingAt(run, 0, 'basis') === null) return run;
  for (let i = run.length - 1; i > 0; i--) if (isAttributive(run[i]!)) return run.slice(i + 1);
  return [];
}

/** True when a base closer (相比) follows the number and ends its clause. */
function closesBase(items: readonly Item[], at: number, compiled: CompiledAttribute): boolean {
  const closer = compiled.cues.startingAt(items, nextSolid(items, at), 'baseCloser');
  if (!closer) return false;
  const after = items[closer.end + 1];
  return after === undefined || after.separator === 'clause';
}

/** A quantity that bounds a class (以上, 以下, a range) rather than stating an amount. */
function isBand(quantity: Quantity): boolean {
  return quantity.qualifier === 'at_least' || quantity.qualifier === 'at_most' || quantity.qualifier === 'range';
}

/** A quantity that counts things (a classifier), rather than measuring an amount. */
function isCount(quantity: Quantity): boolean {
  return quantity.kind === 'count';
}

/**
 * The subject of the clause a counted object stands in: the left phrase up to its first verb
 * (全省经济总量连续跨越 → 全省经济总量), or `''` when it has none.
 */
function clauseSubject(items: readonly Item[], stop: number, compiled: CompiledAttribute): string {
  let end = stop;
  while (end >= 0 && items[end]!.separator === null && items[end]!.quantity < 0 && !isNounLike(items[end]!)) end--;
  let start = end;
  while (start > 0 && isNounLike(items[start - 1]!)) start--;
  if (end < 0 || !isNounLike(items[end]!)) return '';
  return finishLeft(items.slice(start, end + 1), compiled);
}

/** Tags of words that name a period: 上半年/t, 二季度/mq. */
const PERIOD_TAGS: ReadonlySet<string> = new Set(['t', 'tg', 'mq']);

/**
 * The period words `run` opens with (一季度 of 一季度国内生产总值; spaces passed over), and whether
 * they are all of it (二季度 before its number).
 */
function openingPeriod(run: readonly Item[]): { text: string; whole: boolean } {
  let text = '';
  let k = 0;
  for (; k < run.length; k++) {
    const item = run[k]!;
    if (item.separator === 'space') continue;
    if (!PERIOD_TAGS.has(item.tag)) break;
    text += item.text;
  }
  return { text, whole: text !== '' && k === run.length };
}

/** The words of the clause from its previous separator or number up to item `stop`. */
function leftRun(items: readonly Item[], stop: number, band: (item: Item) => boolean): Item[] {
  // gathered from the right end leftwards and turned round once at the end (an unshift per word
  // moved the whole run each time): `run[run.length - 1]` is the run's first word so far
  const run: Item[] = [];
  let length = 0;
  for (let i = stop; i >= 0; i--) {
    const item = items[i]!;
    // 执业（助理）医师: a short remark inside the phrase is part of its name; a long one, or one
    // that holds a figure (高温日数（日最高气温≥35℃）), is passed over
    const open = item.separator === 'close' ? openingBracket(items, i) : -1;
    if (open >= 0 && (i - open > NAME_BRACKET || items.slice(open, i).some((inside) => inside.quantity >= 0))) {
      i = open;
      continue;
    }
    if (open >= 0 || item.separator === 'open') {
      length += 1;
      run.push(item);
      continue;
    }
    if (item.quantity >= 0) {
      // 60岁及以上人口, 0—14岁人口, 亿元以上项目: a band written right before its noun names the group
      if (run.length > 0 && run[run.length - 1]!.start === item.end && isNounLike(run[run.length - 1]!) && band(item)) run.push(item);
      break;
    }
    // 电力、热力、燃气及水生产和供应业增加值, 新建学校、医院: nouns listed with 、 right before the
    // phrase are part of what it names (a 分别 or 均 list is paired afterwards, respectively.ts)
    if (item.separator === 'list' && listContinues(items, i, run[run.length - 1])) {
      length += 1;
      run.push(item);
      continue;
    }
    // 地区生产总值（亿元） 9120 12000 5.5%左右: unit-less cells of a table row stand between the
    // row's label and a cell that has a unit; they name nothing, so the label is read past them
    if (isBareCell(items, i)) continue;
    if (item.separator !== null && item.separator !== 'space' && item.separator !== 'quote') break;
    length += item.end - item.start;
    if (length > LEFT_REACH) break;
    run.push(item);
  }
  return run.reverse();
}

/** Digits alone, as a table cell holds them (`9120`, `5.2`). */
const BARE_NUMBER = /^[0-9]+(?:\.[0-9]+)?$/u;

/**
 * The word at `at` is a number with no unit followed by a space and another number: a table cell
 * (`9120 12000 5.5%左右`). Cleaning has joined a number to the words around it (地区生产总值（亿元）9120),
 * so only the space between two cells is left to tell one; a year broken by a space (`20 07年`)
 * is none, the word after the space being no number.
 */
function isBareCell(items: readonly Item[], at: number): boolean {
  const item = items[at]!;
  if (item.quantity >= 0 || !BARE_NUMBER.test(item.text) || items[at + 1]?.separator !== 'space') return false;
  const next = items[at + 2];
  return next !== undefined && (next.quantity >= 0 || isBareCell(items, at + 2));
}

/** The `、` at `at` joins a noun before it to `first`, the noun that opens the run: a list inside the phrase. */
function listContinues(items: readonly Item[], at: number, first: Item | undefined): boolean {
  const before = items[at - 1];
  return before !== undefined && first !== undefined && isNounLike(before) && isNounLike(first);
}

/** Most clauses looked back over for the subject of a number that has none. */
const CLAUSES_BACK = 3;

/** Cue labels of the predicate of a clause about a measure: 增长, 达到, 同比持平. */
const PREDICATE_LABELS = ['increase', 'decrease', 'level', 'measured'] as const;

/**
 * Fills the subjects still empty: the subject of an earlier clause of the sentence
 * (`全国居民消费价格同比持平，环比上涨0.2%`), else `previous`, the last subject of the sentence before
 * in the same paragraph (`…增加值同比增长4.5%。环比增长0.36%。`). A number with nothing that names
 * it continues what the text was just talking about; `''` would name nothing at all. Not a count
 * or a duration: what it counts stands in its own clause (`解决了一万八千人的…`). Where `previous` is
 * a rate (增速) and the number a percentage a rise or fall verb sizes, `measure`, the last subject
 * before that names a measure, is taken instead (`…增速加快0.3个百分点；其中11月份增长8.1%`).
 */
export function fillEmptySubjects(
  wholeView: () => SentenceView,
  compiled: CompiledAttribute,
  subjects: string[],
  members: readonly number[],
  quantities: readonly Quantity[],
  previous: string,
  measure = '',
  window: SentenceView | null = null,
): void {
  let view: SentenceView | null = null;
  let memberOf = new Map<number, number>();
  members.forEach((quantity, k) => {
    const kind = quantities[quantity]!.kind;
    if (subjects[k] !== '') return;
    const counted = kind === 'count' || kind === 'duration';
    // (checked first on the sentence's window, so a count that takes nothing costs no whole view)
    const near = window?.quantityItems[k];
    if (counted && near !== undefined && !levelOpensClause(window!.items, near, compiled)) return;
    if (view === null) {
      view = wholeView();
      memberOf = new Map(view.members.map((member, m) => [member, m]));
    }
    const m = memberOf.get(quantity);
    const at = m === undefined ? undefined : view.quantityItems[m];
    // 全年客运量创历史新高，达到5.6亿人次: a count whose clause is only a level word and the count is
    // the level the earlier clause's measure reached (other counts name what they count in their own clause)
    if (counted && (at === undefined || !levelOpensClause(view.items, at, compiled))) return;
    const earlier = at === undefined ? '' : earlierClauseSubject(view.items, at, compiled);
    const grows = m !== undefined && !namesTarget(view.items, at!, compiled) && growsMeasure(view.items, view.walks[m]!.cue, quantities[quantity]!, compiled);
    subjects[k] = counted ? earlier : earlier || (grows && measure !== '' && isChangeText(previous, compiled) ? measure : previous);
  });
}

/** Between the clause's start and the number at `at` stands only a level word (…，达到238.6万人次). */
function levelOpensClause(items: readonly Item[], at: number, compiled: CompiledAttribute): boolean {
  const before = previousSolid(items, at);
  const cue = before < 0 ? null : compiled.cues.endingAt(items, before, LEVEL_OR_MEASURED);
  return cue !== null && opensClause(items, cue.start);
}

/** The last of `subjects` that names a measure rather than a rate of one (工业增加值, not 增速), or ''. */
export function lastMeasure(subjects: readonly string[], compiled: CompiledAttribute): string {
  for (let k = subjects.length - 1; k >= 0; k--) if (subjects[k] !== '' && !isChangeText(subjects[k]!, compiled)) return subjects[k]!;
  return '';
}

/**
 * The noun phrase that opens one of the few clauses before item `at` and is followed by a change
 * or level word or a comparison (增长, 达到, 同比持平: subjects.yaml measured_by), nearest first; `''` when none is (`9月份，`, a speaker's
 * `付凌晖表示，`).
 */
function earlierClauseSubject(items: readonly Item[], at: number, compiled: CompiledAttribute): string {
  let end = at - 1;
  while (end >= 0 && items[end]!.separator !== 'clause') end--;
  for (let n = 0; n < CLAUSES_BACK && end > 0; n++) {
    let start = end - 1;
    while (start >= 0 && items[start]!.separator !== 'clause') start--;
    const run: Item[] = [];
    let predicate = false;
    for (let i = start + 1; i < end; i++) {
      const item = items[i]!;
      if (item.quantity >= 0) break;
      // 全年粮食总产量“十四连丰”，达到1300亿斤: a quoted label right after the noun phrase says
      // what the measure did, as a predicate would
      if (item.separator === 'quote' && run.some(isNounLike)) {
        predicate = true;
        break;
      }
      // 全国居民消费价格同比持平: a skip word (全国) that opens the clause is not yet its predicate
      const cue = run.some(isNounLike) ? compiled.cues.startingAt(items, i, PREDICATE_LABELS) : null;
      // 付凌晖表示, 全面贯彻…: a clause whose predicate is no change or level word measures nothing
      if (cue || isVerb(item)) {
        predicate = cue !== null;
        break;
      }
      run.push(item);
    }
    // 其中3月份增长8.4%，环比增长0.62%: a clause whose only nouns before its change word are a time
    // (periods.yaml times, marked like years) names when, not what; the measure is looked for further back
    const named = run.some((item) => isNounLike(item) && !item.inYear);
    const subject = predicate && named ? finishLeft(run, compiled) : '';
    if (subject !== '') return subject;
    end = start;
  }
  return '';
}

/**
 * respectively: the 分别 list gives each value its own listed item as subject (spec §6).
 *
 *   光电信息、医药健康产业产值分别增长7%、12%   → 光电信息产业产值, 医药健康产业产值 (shared head)
 *   新能源汽车产销量分别增长35%、30%            → 新能源汽车产量, 新能源汽车销量 (split word)
 *   接待游客…，旅游总花费…，分别增长15.6%、24.4%  → the subjects of the numbers before
 *   光电信息、医药健康产业产值均增长10%          → one value, the shared head 产业产值
 *
 * A list whose length does not match its values is a warning, and each value gets the whole
 * list as subject: pairing them would be a guess.
 */
import type { Quantity, Warning } from '../../document.js';
import type { CompiledAttribute, CueLabel } from './compile.js';
import { nextSolid, type Item, type SentenceView } from './items.js';
import { MAX_SUBJECT, isNounLike, isVerb, phraseText, stripLeading } from './phrase.js';
import { baseOpenerBefore, walkBack } from './walk.js';

/** Cue labels that open a 分别 or 均 list (one array for the scan over every item). */
const LIST_CUES: readonly CueLabel[] = ['respectively', 'shared'];

/** Most items read on either side of 分别: a list longer than this is not paired. */
const LIST_REACH = 64;

/** The enumeration comma, used to write a whole list back as one subject. */
const LIST_MARK = '、';

export interface ListProblem {
  warning: Omit<Warning, 'place'>;
  start: number;
  end: number;
}

/**
 * Rewrites `subjects` (one per quantity of the sentence) for 分别 and 均 lists; returns the problems
 * found and the items the sentence's last 分别 list paired. `before` is what the sentence right
 * before paired, for a 分别 whose clause sums those items up by a count (…分别增长…；三类产品毛利率分别为…).
 */
export function pairLists(
  view: SentenceView,
  compiled: CompiledAttribute,
  subjects: string[],
  quantities: readonly Quantity[],
  before: readonly string[] | null = null,
): { problems: ListProblem[]; paired: readonly string[] | null } {
  const problems: ListProblem[] = [];
  const { items } = view;
  // built on the first cue: most sentences hold none
  let position: Map<number, number> | null = null;
  // the items the sentence's last 分别 list paired, for a later 分别 with no list of its own
  let lastPaired: readonly string[] | null = null;
  for (let r = 0; r < items.length; r++) {
    const cue = compiled.cues.startingAt(items, r, LIST_CUES);
    if (!cue) continue;
    position ??= new Map(view.quantityItems.map((at, k) => [at, k]));
    const values = valuesAfter(view, cue.end, position);
    if (values.length === 0) continue;
    const stop = walkBack(items, cue.start, compiled).stop;
    // 比全国、全省分别高0.5个和0.3个百分点: a list of comparison bases names no subject
    if (stop >= 0 && baseOpenerBefore(items, stop, compiled) >= 0) continue;
    const groups = listBefore(items, stop, compiled, quantities);
    if (cue.label === 'shared') {
      if (groups.length >= 2) for (const k of values) subjects[k] = sharedHead(items, groups, compiled);
      continue;
    }
    if (values.length === 1) continue;
    // 家用电器和音像器材类、通讯器材类零售额分别增长28.6%、19.4%: a 和 inside a listed name; split
    // at the enumeration commas alone when that pairs and the joiners did not
    const paired: string[] | null =
      clauseList(items, stop, values.length) ??
      pair(groups, values, compiled, subjects) ??
      pair(listBefore(items, stop, compiled, quantities, false), values, compiled, subjects) ??
      // 清河镇、柳林乡、石桥镇3个乡镇被评为“好”等次，分别得分94.6分、93.2分和91.8分: a 分别 that opens its
      // clause, with no list of its own and none paired before, pairs the list the clause before opens with
      (groups.length <= 1 && lastPaired === null
        ? (pair(openingList(items, cue.start, compiled, quantities), values, compiled, subjects) ??
          // 发病数较多的病种为A、B和C，分别报告…: or the list the clause before closes with, after an introducer
          pair(closingList(items, cue.start, compiled, quantities), values, compiled, subjects))
        : null);
    if (paired) {
      values.forEach((k, i) => (subjects[k] = paired[i]!));
      lastPaired = paired;
      continue;
    }
    // A和B分别惠及8.7万人和10.4万人，发放资金分别为1.9亿元、2.6亿元: a later 分别 whose clause names
    // one measure and no list pairs the same items again
    // 光伏组件、储能系统、光伏逆变器分别…；三类产品毛利率分别为13.2%、21.5%和28.6%: a clause that opens
    // with a count of as many things as it has values sums up the items the sentence before paired
    const summed = lastPaired === null && before !== null && before.length === values.length && opensWithCount(items, cue.start, values.length, quantities);
    if (((lastPaired !== null && lastPaired.length === values.length) || summed) && groups.length <= 1) {
      const again = lastPaired ?? before!;
      values.forEach((k, i) => (subjects[k] = again[i]!));
      r = cue.end;
      continue;
    }
    const whole = wholeList(items, groups);
    if (whole) for (const k of values) subjects[k] = whole;
    problems.push({
      warning: {
        stage: 'attribute',
        rule: 'attribute/respectively#length-mismatch',
        reason: `a ${cue.word} list names ${groups.length} item(s) for ${values.length} value(s); the values keep the whole list as subject`,
        severity: 'warning',
        actual: String(groups.length),
        expected: String(values.length),
      },
      start: items[cue.start]!.start,
      end: items[view.quantityItems[values[values.length - 1]!]!]!.end,
    });
    r = cue.end;
  }
  return { problems, paired: lastPaired };
}

/**
 * True when the clause of `cue` opens with an exact count of `n` things followed by a noun
 * (三类产品, 两个产业集群): the clause names the things by how many they are, not one by one.
 */
function opensWithCount(items: readonly Item[], cue: number, n: number, quantities: readonly Quantity[]): boolean {
  let open = cue - 1;
  while (open >= 0 && items[open]!.separator !== 'clause') open--;
  const first = nextSolid(items, open);
  if (first >= cue || items[first]!.quantity < 0) return false;
  const count = quantities[items[first]!.quantity]!;
  const after = items[nextSolid(items, first)];
  return count.kind === 'count' && count.qualifier === 'exact' && count.value === String(n) && after !== undefined && isNounLike(after);
}

/**
 * The list the clause before `cue` opens with, when `cue` opens its own clause: the words from that
 * clause's start to its first verb or preposition, split as `listBefore` does; [] if none.
 */
function openingList(items: readonly Item[], cue: number, compiled: CompiledAttribute, quantities: readonly Quantity[]): Item[][] {
  let mark = cue - 1;
  while (mark >= 0 && items[mark]!.separator === 'space') mark--;
  if (mark < 0 || items[mark]!.separator !== 'clause') return [];
  let open = mark - 1;
  while (open >= 0 && items[open]!.separator !== 'clause') open--;
  let end = open + 1;
  while (end < mark && !isVerb(items[end]!) && items[end]!.tag !== 'p') end++;
  return end === mark || end === open + 1 ? [] : listBefore(items, end - 1, compiled, quantities);
}

/**
 * The list the clause before `cue` closes with, when `cue` opens its own clause: the items after that
 * clause's last list introducer (subjects.yaml list_introducers: 为, 是, 包括), split as `listBefore`
 * does; [] if there is no introducer or fewer than two items after it.
 */
function closingList(items: readonly Item[], cue: number, compiled: CompiledAttribute, quantities: readonly Quantity[]): Item[][] {
  let mark = cue - 1;
  while (mark >= 0 && items[mark]!.separator === 'space') mark--;
  if (mark < 0 || items[mark]!.separator !== 'clause') return [];
  for (let i = mark - 1; i >= 0 && mark - i <= LIST_REACH; i--) {
    const item = items[i]!;
    if (item.separator === 'clause' || item.quantity >= 0) return [];
    const introducer = compiled.cues.endingAt(items, i, 'introducer');
    if (!introducer) continue;
    const tail = items.slice(i + 1, mark);
    const groups = tail.length > 0 ? listBefore(tail, tail.length - 1, compiled, quantities) : [];
    return groups.length >= 2 ? groups : [];
  }
  return [];
}

/** Positions (in `view.quantityItems`) of the quantities after item `from`, up to the clause's end. */
function valuesAfter(view: SentenceView, from: number, position: ReadonlyMap<number, number>): number[] {
  const values: number[] = [];
  for (let i = from + 1; i < view.items.length && i - from <= LIST_REACH; i++) {
    const item = view.items[i]!;
    if (item.separator === 'clause') break;
    if (item.quantity >= 0) values.push(position.get(i)!);
  }
  return values;
}

/**
 * The listed items before the cue, split at `、` and (unless `joiners` is false) joiner words, back
 * to the clause's start. A
 * count that sums the list up between its nouns (新能源汽车零部件、绿色食品两个产业集群产值) is
 * passed over when it counts as many items as the list has.
 */
function listBefore(
  items: readonly Item[],
  stop: number,
  compiled: CompiledAttribute,
  quantities: readonly Quantity[],
  joiners = true,
): Item[][] {
  const groups: Item[][] = [[]];
  let total: string | null = null;
  let i = stop;
  while (i >= 0 && stop - i <= LIST_REACH) {
    const item = items[i]!;
    const counted = item.quantity >= 0 && total === null ? countsList(items, i, quantities, compiled) : 0;
    if (counted > 0) {
      total = quantities[item.quantity]!.value;
      i -= counted;
      continue;
    }
    if (item.quantity >= 0 || item.separator === 'clause' || item.separator === 'other') break;
    const joiner = joiners ? compiled.cues.endingAt(items, i, 'joiner') : null;
    if (item.separator === 'list' || joiner) {
      groups.unshift([]);
      i = joiner ? joiner.start - 1 : i - 1;
      continue;
    }
    if (item.separator !== 'space' && item.separator !== 'quote') groups[0]!.unshift(item);
    i--;
  }
  const nonEmpty = groups.filter((group) => group.length > 0);
  // a count that is not the list's length ends the list where it stands, as any number does
  if (total !== null && String(nonEmpty.length) !== total) return listBefore(items, stop, compiled, [], joiners);
  if (nonEmpty.length > 0) nonEmpty[0] = [...stripLeading(nonEmpty[0]!, compiled)];
  return nonEmpty.filter((group) => group.length > 0);
}

/**
 * The subjects of a list whose items are parted by commas because an item is itself a list, as
 * statistical releases write it: 信息传输、软件和信息技术服务业，租赁和商务服务业营业收入分别增长
 * 13.5%、7.2%. Null unless the last `n` clauses before the cue end in nouns and one of the
 * earlier ones holds an enumeration comma (A，B、C分别… is not such a list).
 */
function clauseList(items: readonly Item[], stop: number, n: number): string[] | null {
  const groups: Item[][] = [[]];
  for (let i = stop; i >= 0 && stop - i <= LIST_REACH; i--) {
    const item = items[i]!;
    if (item.quantity >= 0 || item.separator === 'other') break;
    if (item.separator === 'clause') {
      if (groups.length === n) break;
      groups.unshift([]);
      continue;
    }
    if (item.separator !== 'space' && item.separator !== 'quote') groups[0]!.unshift(item);
  }
  if (groups.length !== n) return null;
  // jieba tags some listed words as verbs (租赁/v), so only the heads are checked
  if (groups.some((group) => group.length === 0 || !isNounLike(group[group.length - 1]!))) return null;
  if (!groups.slice(0, -1).some((group) => group.some((item) => item.separator === 'list'))) return null;
  return groups.map((group) => fit(phraseText(group)));
}

/**
 * How many items a count that sums up the list before it takes, itself and a list closer before it
 * (subjects.yaml list_closers): 1 for a count right between two nouns (绿色食品|两个|产业集群), 1 more
 * for each word of a closer after the last item (伤残、“三属”、在乡复员、带病回乡|等|四类|对象, where the
 * last item may end in a verb: 回乡/v); 0 when the quantity sums up no list.
 */
function countsList(items: readonly Item[], at: number, quantities: readonly Quantity[], compiled: CompiledAttribute): number {
  const quantity = quantities[items[at]!.quantity];
  if (quantity?.kind !== 'count' || quantity.qualifier !== 'exact') return 0;
  const after = items[at + 1];
  if (after === undefined || !isNounLike(after)) return 0;
  const before = items[at - 1];
  if (before === undefined) return 0;
  if (isNounLike(before)) return 1;
  const closer = compiled.cues.endingAt(items, at - 1, 'closer');
  const last = closer ? items[closer.start - 1] : undefined;
  return last !== undefined && last.quantity < 0 && last.separator === null ? at - closer!.start + 1 : 0;
}

/** One subject per value, or null when the list and the values do not match. */
function pair(
  groups: Item[][],
  values: number[],
  compiled: CompiledAttribute,
  subjects: readonly string[],
): string[] | null {
  if (groups.length === 0) {
    // 接待游客1.7亿人次，旅游总花费突破3000亿元，分别增长: the numbers before name the items
    const first = values[0]!;
    if (first < values.length) return null;
    return values.map((_, i) => subjects[first - values.length + i]!);
  }
  if (groups.length === values.length) {
    const head = headWords(groups, compiled);
    const last = groups.length - 1;
    return groups.map((group, i) =>
      i < last ? fitItem(group, head) : head.length > 0 ? fitItem(group.slice(0, group.length - head.length), head) : fit(phraseText(group)),
    );
  }
  if (groups.length === 1) {
    const group = groups[0]!;
    for (let w = 0; w < group.length; w++) {
      const parts = compiled.splitWords.get(group[w]!.text);
      if (parts?.length !== values.length) continue;
      const before = phraseText(group.slice(0, w));
      const after = phraseText(group.slice(w + 1));
      return parts.map((part) => fit(before + part + after));
    }
  }
  return null;
}

/**
 * An item joined to the head the items share, kept under the subject length by dropping the head's
 * leading words, never the item's: the item is what tells the values apart (职工医保和居民医保住院费用
 * 政策范围内报销比例分别… → 职工医保费用政策范围内报销比例, was 工医保住院…, cut from the left).
 */
function fitItem(item: readonly Item[], head: readonly Item[]): string {
  const name = phraseText(item);
  let from = 0;
  while (from < head.length - 1 && Array.from(name + phraseText(head.slice(from))).length > MAX_SUBJECT) from++;
  return fit(name + phraseText(head.slice(from)));
}

/** The head's text: see headWords. */
function headOf(groups: Item[][], compiled: CompiledAttribute): string {
  return phraseText(headWords(groups, compiled));
}

/**
 * The words the last item has beyond the others' length, which the others share:
 * 光电信息、医药健康产业产值 → 产业产值. Empty when the items are equally long.
 */
function headWords(groups: Item[][], compiled: CompiledAttribute): Item[] {
  const last = groups[groups.length - 1]!;
  const longest = Math.max(...groups.slice(0, -1).map((group) => group.length));
  const alike = alikeEnd(groups);
  let extra = alike > 0 ? last.length - alike : last.length - longest;
  // 电子信息、生物医药、高端装备三大主导产业实现营业收入: a clause verb (subjects.yaml strip_leading:
  // 实现, 完成) in the last item's extra words ends what names the items; the head is what
  // it reaches (营业收入). A verb of a name (低保, 所占) stays.
  for (let i = last.length - 2; i >= last.length - extra; i--) {
    if (isVerb(last[i]!) && compiled.cues.startingAt(last, i, 'strip')?.end === i) {
      extra = last.length - 1 - i;
      break;
    }
  }
  if (extra < 1) return [];
  const head = last.slice(last.length - extra);
  const text = phraseText(head);
  return groups.slice(0, -1).every((group) => phraseText(group).endsWith(text)) ? [] : head;
}

/**
 * Where the last item ends like the others (农副食品加工业、非金属矿物制品业、电气机械和器材制造业增加值:
 * each item's last word ends in 业), the number of its words up to that end, so the head is what
 * follows it (增加值) however many words the last item has; 0 when the items do not end alike.
 */
function alikeEnd(groups: Item[][]): number {
  const ends = groups.slice(0, -1).map((group) => Array.from(group[group.length - 1]?.text ?? '').pop() ?? '');
  const end = ends[0]!;
  if (end === '' || ends.some((other) => other !== end)) return 0;
  const last = groups[groups.length - 1]!;
  for (let i = last.length - 2; i >= 0; i--) if (last[i]!.separator === null && last[i]!.text.endsWith(end)) return i + 1;
  return 0;
}

/** The subject of a value shared by all items: their head, else the whole list. */
function sharedHead(items: readonly Item[], groups: Item[][], compiled: CompiledAttribute): string {
  const head = headOf(groups, compiled);
  if (head) return fit(head);
  return wholeList(items, groups);
}

/**
 * Every item of the list, as written: 光电信息、医药健康产业产值, 发现率和整改率 (the 和 kept: a subject
 * that wrote it 、 named neither way the text does). Between two items stands what the text has there
 * when that is only a list mark or a joiner word, else `、`.
 */
function wholeList(items: readonly Item[], groups: Item[][]): string {
  // (no list before the values: 分别 after a clause cut at a column seam, `，分别增长8%和7%。`)
  if (groups.length === 0) return '';
  let text = phraseText(groups[0]!);
  for (let g = 1; g < groups.length; g++) {
    const between = items.slice(firstFrom(items, lastOf(groups[g - 1]!).end), firstFrom(items, groups[g]![0]!.start));
    const mark = phraseText(between);
    const joins = between.length > 0 && between.every((item) => item.separator === 'list' || item.separator === 'space' || item.quantity < 0 && item.separator === null && item.tag === 'c');
    text += (joins && mark !== '' ? mark : LIST_MARK) + phraseText(groups[g]!);
  }
  return fit(text);
}

function lastOf(group: readonly Item[]): Item {
  return group[group.length - 1]!;
}

/** The index of the first item that starts at or after `offset` (items are in text order), by binary search: a long list costs no scan per item. */
function firstFrom(items: readonly Item[], offset: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (items[middle]!.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

function fit(text: string): string {
  const chars = Array.from(text);
  return chars.length > MAX_SUBJECT ? chars.slice(chars.length - MAX_SUBJECT).join('') : text;
}

/**
 * subject: the shortest text that names what a number measures or counts (spec §3 subject_key).
 *
 *   科技成果本地转化数量增长71%     the phrase before the change verb
 *   51件民生实事 · 新建3个概念验证中心  the noun after a counted quantity
 *   新增义务教育学位5000个           the noun before a trailing count
 *   投资5000万元以上项目1381个       a threshold describes the noun after it: both are about 项目
 *   比上年增加120万吨               nothing before the number: the previous number's subject
 */
import type { CompiledAttribute } from './compile.js';
import type { Item, SentenceView } from './items.js';
import { nextSolid } from './items.js';
import { finishLeft, isAttributive, isNounLike, isVerb, shorten } from './phrase.js';
import { walkBack } from './walk.js';

/** Tags that may stand inside the phrase after a number: 百亿级产业集群, 省级以上创新平台. */
const INSIDE_TAGS = /^(m|q|f|b)$/;

/** Longest run (characters) collected before a number; a subject is never this long. */
const LEFT_REACH = 40;

/** Fills `subjects[k]` for every quantity `k` of the sentence, in order. */
export function findSubjects(view: SentenceView, compiled: CompiledAttribute): string[] {
  const subjects: string[] = [];
  view.quantityItems.forEach((at, k) => {
    const walk = walkBack(view.items, at, compiled);
    let subject = walk.cue ? '' : rightPhrase(view.items, at, compiled);
    if (subject === '') subject = leftPhrase(view.items, walk.stop, compiled);
    // 是上年的1.5倍, 比上年增加120万吨: the number continues the previous one's subject
    if (subject === '' && k > 0) subject = subjects[k - 1]!;
    if (subject === '' && walk.cue) subject = rightPhrase(view.items, at, compiled);
    subjects.push(subject);
  });
  return subjects;
}

/**
 * The noun phrase right after a number: `51件民生实事`, `5000万元以上项目`, `300亿元规模的科创基金`,
 * `1460栋消防水系统缺失高层建筑`. One verb may stand inside when only nouns follow it up to the
 * clause's end (a relative clause before the head noun). Returns `''` when no noun follows.
 */
export function rightPhrase(items: readonly Item[], at: number, compiled: CompiledAttribute): string {
  const run: Item[] = [];
  let i = nextSolid(items, at);
  while (i < items.length) {
    const item = items[i]!;
    if (item.separator === 'space') {
      i++;
      continue;
    }
    if (compiled.cues.startingAt(items, i, ['stop'])) break;
    if (isNounLike(item) || (run.length > 0 && isAttributive(item)) || INSIDE_TAGS.test(item.tag)) {
      run.push(item);
      i++;
      continue;
    }
    if (isVerb(item) && run.length > 0 && onlyNounsToClauseEnd(items, i + 1)) {
      for (let j = i; j < items.length && items[j]!.separator !== 'clause'; j++) run.push(items[j]!);
    }
    break;
  }
  while (run.length > 0 && !isNounLike(run[run.length - 1]!)) run.pop();
  if (!run.some((item) => isNounLike(item))) return '';
  // 300亿元规模的科创基金: the head after 的
  let last = -1;
  run.forEach((item, index) => {
    if (isAttributive(item)) last = index;
  });
  return shorten(last >= 0 && run.slice(last + 1).some(isNounLike) ? run.slice(last + 1) : run);
}

function onlyNounsToClauseEnd(items: readonly Item[], from: number): boolean {
  let nouns = 0;
  for (let j = from; j < items.length; j++) {
    const item = items[j]!;
    if (item.separator === 'clause') break;
    if (item.separator === 'space') continue;
    if (!isNounLike(item)) return false;
    if (item.tag !== 'vn') nouns++;
  }
  return nouns > 0;
}

/** The phrase that ends at item `stop` and starts after the clause's previous separator or number. */
export function leftPhrase(items: readonly Item[], stop: number, compiled: CompiledAttribute): string {
  const run: Item[] = [];
  let length = 0;
  for (let i = stop; i >= 0; i--) {
    const item = items[i]!;
    if (item.quantity >= 0) break;
    if (item.separator !== null && item.separator !== 'space' && item.separator !== 'quote') break;
    length += Array.from(item.text).length;
    if (length > LEFT_REACH) break;
    run.unshift(item);
  }
  return finishLeft(run, compiled);
}

/**
 * A sum named only by its word (合计, 共计: subjects.yaml totals) is the sum of the list of numbers
 * before it in its sentence, so the list's items together are its subject:
 *
 *   小麦总产量4.18亿斤、玉米5.27亿斤，合计占全县粮食总产量的83.2%   → 小麦总产量、玉米
 */
import type { Quantity } from '../../document.js';
import type { CompiledAttribute } from './compile.js';
import type { SentenceView } from './items.js';
import { MAX_LIST_SUBJECT } from './phrase.js';

/** Replaces, in place, each subject that is only a word of a sum by the items of the list before it. */
export function nameTotals(view: SentenceView, compiled: CompiledAttribute, subjects: string[], quantities: readonly Quantity[]): void {
  const unitOf = (k: number) => quantities[view.items[view.quantityItems[k]!]!.quantity]!.unit;
  for (let k = 0; k < subjects.length; k++) {
    if (!compiled.totals.has(subjects[k]!) && !opensWithTotal(view, k, compiled)) continue;
    // the list ends with the last number before that names something of its own
    let last = k - 1;
    while (last >= 0 && (compiled.totals.has(subjects[last]!) || opensWithTotal(view, last, compiled))) last--;
    if (last < 0) continue;
    const items: string[] = [];
    for (let j = last; j >= 0 && unitOf(j) === unitOf(last); j--) {
      const subject = subjects[j]!;
      if (subject !== '' && !compiled.totals.has(subject) && !items.includes(subject)) items.unshift(subject);
    }
    // one item is no list: 收入120亿元，合计… keeps its word (nothing says what was summed); nor
    // does a list longer than a subject may be (its items then repeat their measure's name)
    const joined = items.join('、');
    if (items.length >= 2 && Array.from(joined).length <= MAX_LIST_SUBJECT) subjects[k] = joined;
  }
}

/**
 * The number `k` is the first of a clause that opens with a word of a sum (，合计9.45亿斤): the walk
 * passes the word, so the subject carried from the list's last item would stand for the whole sum.
 */
function opensWithTotal(view: SentenceView, k: number, compiled: CompiledAttribute): boolean {
  const at = view.quantityItems[k]!;
  let first = -1;
  for (let i = at - 1; i >= 0; i--) {
    const item = view.items[i]!;
    if (item.quantity >= 0) return false;
    if (item.separator === 'clause') break;
    if (item.separator === null) first = i;
  }
  return first >= 0 && compiled.totals.has(view.items[first]!.text);
}

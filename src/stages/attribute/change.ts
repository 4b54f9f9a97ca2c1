/**
 * change: increase, decrease or none, from the cue words before the number (spec §3).
 *
 *   产值增长12%        increase          增速达到6%        increase (达到 is skipped)
 *   能耗下降2%左右      decrease          增至16个          none (the new level)
 *   新增学位5000个      none (new things) 增长7%、12%       both increase (a list shares its cue)
 */
import type { Change } from '../../document.js';
import { CHANGE_CUES, type CompiledAttribute, type CueLabel } from './compile.js';
import type { CueMatch } from './cues.js';
import type { SentenceView } from './items.js';
import { nextSolid, previousSolid } from './items.js';
import { isAttributive } from './phrase.js';
import { reachedBy } from './subject.js';

/** The change of every quantity of the sentence, in order. */
export function findChanges(view: SentenceView, compiled: CompiledAttribute): Change[] {
  const changes: Change[] = [];
  const byItem = new Map<number, Change>();
  // (an index loop: entries() made a pair per quantity, 2.7 MB over 20 warm files of the 10 MB corpus)
  for (let k = 0; k < view.quantityItems.length; k++) {
    const at = view.quantityItems[k]!;
    const walk = view.walks[k]!;
    let change: Change = 'none';
    if (walk.cue?.label === 'increase' || walk.cue?.label === 'decrease') change = walk.cue.label;
    // 低于3%左右的调控目标: after a comparison, a number that modifies a noun is the base, not the gap
    if (change !== 'none' && isComparisonBase(view, at, walk.cue!, compiled)) change = 'none';
    else if (!walk.cue) {
      // 增长10%左右、突破800亿元: a level reached (subjects.yaml reached_by) is no item of the list of changes before it
      const level = reachedBy(view.items, at, compiled);
      change =
        (level ? undefined : listNeighbour(view, walk.stop, compiled, byItem)) ??
        changeNamedAfter(view, at, compiled) ??
        (level ? undefined : listItemAfter(view, walk.stop, byItem)) ??
        'none';
    }
    changes.push(change);
    byItem.set(at, change);
  }
  return changes;
}

/** 实现5%左右的增长, 保持6%以上的增速: the number modifies a change noun through 的. */
function changeNamedAfter(view: SentenceView, at: number, compiled: CompiledAttribute): Change | undefined {
  const particle = nextSolid(view.items, at);
  if (!view.items[particle] || !isAttributive(view.items[particle]!)) return undefined;
  const cue = compiled.cues.startingAt(view.items, nextSolid(view.items, particle), CHANGE_CUES);
  return cue?.label === 'increase' || cue?.label === 'decrease' ? cue.label : undefined;
}

function isComparisonBase(view: SentenceView, at: number, cue: CueMatch<CueLabel>, compiled: CompiledAttribute): boolean {
  if (compiled.cues.endingAt(view.items, cue.end, 'comparator')?.start !== cue.start) return false;
  const next = view.items[nextSolid(view.items, at)];
  return next !== undefined && isAttributive(next);
}

/** 分别增长7%、12%: a number right after `、` or `和` and another number takes that number's change. */
function listNeighbour(
  view: SentenceView,
  stop: number,
  compiled: CompiledAttribute,
  byItem: Map<number, Change>,
): Change | undefined {
  const item = view.items[stop];
  if (!item) return undefined;
  const isList = item.separator === 'list' || compiled.cues.endingAt(view.items, stop, 'joiner')?.start === stop;
  if (!isList) return undefined;
  const before = previousSolid(view.items, stop);
  return byItem.get(before);
}

/** Most words a list item may hold before its number: 、煤炭产能超过2.9亿吨. */
const MAX_LIST_ITEM = 6;

/**
 * 退出钢铁产能超过6500万吨、煤炭产能超过2.9亿吨: an item of a `、` list with no cue of its own,
 * right after an item that ends with a number whose change verb stands before its object, shares
 * that number's change: the verb governs the whole list. After 粮食产量增长3%、 the verb belongs
 * to its own item only, so 棉花产量8万吨 keeps `none`.
 */
function listItemAfter(view: SentenceView, stop: number, byItem: Map<number, Change>): Change | undefined {
  for (let i = stop; i >= 0 && stop - i < MAX_LIST_ITEM; i--) {
    const item = view.items[i]!;
    if (item.quantity >= 0) return undefined;
    if (item.separator === null || item.separator === 'space') continue;
    if (item.separator !== 'list') return undefined;
    const previous = previousSolid(view.items, i);
    const change = byItem.get(previous);
    const walk = view.walks[view.quantityItems.indexOf(previous)];
    // the verb before its object: the walk from that number stopped after the cue
    const governs = walk?.cue != null && walk.stop > walk.cue.end;
    return change === 'none' || !governs ? undefined : change;
  }
  return undefined;
}

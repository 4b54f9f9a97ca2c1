/**
 * change: increase, decrease or none, from the cue words before the number (spec §3).
 *
 *   产值增长12%        increase          增速达到6%        increase (达到 is skipped)
 *   能耗下降2%左右      decrease          增至16个          none (the new level)
 *   新增学位5000个      none (new things) 增长7%、12%       both increase (a list shares its cue)
 */
import type { Change } from '../../document.js';
import type { CompiledAttribute, CueLabel } from './compile.js';
import type { CueMatch } from './cues.js';
import type { SentenceView } from './items.js';
import { nextSolid, previousSolid } from './items.js';
import { isAttributive } from './phrase.js';

/** The change of every quantity of the sentence, in order. */
export function findChanges(view: SentenceView, compiled: CompiledAttribute): Change[] {
  const changes: Change[] = [];
  const byItem = new Map<number, Change>();
  for (const [k, at] of view.quantityItems.entries()) {
    const walk = view.walks[k]!;
    let change: Change = 'none';
    if (walk.cue?.label === 'increase' || walk.cue?.label === 'decrease') change = walk.cue.label;
    // 低于3%左右的调控目标: after a comparison, a number that modifies a noun is the base, not the gap
    if (change !== 'none' && isComparisonBase(view, at, walk.cue!, compiled)) change = 'none';
    else if (!walk.cue) change = listNeighbour(view, walk.stop, compiled, byItem) ?? changeNamedAfter(view, at, compiled) ?? 'none';
    changes.push(change);
    byItem.set(at, change);
  }
  return changes;
}

/** 实现5%左右的增长, 保持6%以上的增速: the number modifies a change noun through 的. */
function changeNamedAfter(view: SentenceView, at: number, compiled: CompiledAttribute): Change | undefined {
  const particle = nextSolid(view.items, at);
  if (!view.items[particle] || !isAttributive(view.items[particle]!)) return undefined;
  const cue = compiled.cues.startingAt(view.items, nextSolid(view.items, particle), ['increase', 'decrease']);
  return cue?.label === 'increase' || cue?.label === 'decrease' ? cue.label : undefined;
}

function isComparisonBase(view: SentenceView, at: number, cue: CueMatch<CueLabel>, compiled: CompiledAttribute): boolean {
  if (compiled.cues.endingAt(view.items, cue.end, ['comparator'])?.start !== cue.start) return false;
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
  const isList = item.separator === 'list' || compiled.cues.endingAt(view.items, stop, ['joiner'])?.start === stop;
  if (!isList) return undefined;
  const before = previousSolid(view.items, stop);
  return byItem.get(before);
}

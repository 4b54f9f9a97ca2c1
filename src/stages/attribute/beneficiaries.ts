/**
 * Aid and its recipients, named in one clause and counted or shared out in the next.
 *
 * A count of people right after a verb of benefit (惠及, 受益: subjects.yaml beneficiary_verbs) counts
 * the recipients the sentence named before, after a recipient marker (向, 给, 为) and before the verb
 * of giving:
 *
 *   向困难群众发放价格临时补贴1860万元，惠及13.6万人次   → 困难群众 (not the carried 价格临时补贴)
 *
 * An amount right after a verb of receiving (领取: receiving_verbs), with only a per-head basis before
 * it in its clause, is a share of what a verb of giving (发放: giving_verbs) gave in the clause before:
 *
 *   为4.2万名失业人员发放失业保险金，月人均领取1695元      → 失业保险金 (not 月人均领取)
 */
import type { Quantity } from '../../document.js';
import type { CompiledAttribute } from './compile.js';
import type { SentenceView } from './items.js';
import { previousSolid } from './items.js';
import { isNounLike, isVerb, MAX_SUBJECT } from './phrase.js';

/** Most clause marks passed going back from the verb of benefit to the recipients. */
const MAX_CLAUSES = 1;

/** Replaces, in place, the subject of each count of people after a verb of benefit by the recipients named before. */
export function nameBeneficiaries(view: SentenceView, compiled: CompiledAttribute, subjects: string[], quantities: readonly Quantity[]): void {
  const { items } = view;
  view.quantityItems.forEach((at, k) => {
    if (!compiled.peopleUnits.has(quantities[items[at]!.quantity]!.unit)) return;
    const verb = previousSolid(items, at);
    if (verb < 0 || compiled.cues.endingAt(items, verb, 'beneficiary')?.end !== verb) return;
    const recipients = recipientsBefore(view, verb, compiled);
    if (recipients !== '') subjects[k] = recipients;
  });
  view.quantityItems.forEach((at, k) => {
    if (quantities[items[at]!.quantity]!.kind !== 'money') return;
    const verb = previousSolid(items, at);
    if (verb < 0 || compiled.cues.endingAt(items, verb, 'receiving')?.end !== verb) return;
    // 月人均领取: nothing before the verb in its clause names a thing
    let open = verb - 1;
    for (; open >= 0 && items[open]!.separator !== 'clause'; open--) {
      const item = items[open]!;
      const perHead = compiled.cues.startingAt(items, open, 'perHead')?.end === open;
      if (item.quantity >= 0 || (item.separator === null && isNounLike(item) && !perHead)) return;
    }
    if (open < 0) return;
    const given = objectGiven(view, open, compiled);
    if (given !== '') subjects[k] = given;
  });
}

/** The object of a verb of giving in the clause that ends at `end` (a clause mark): 发放失业保险金 → 失业保险金; '' if none. */
function objectGiven(view: SentenceView, end: number, compiled: CompiledAttribute): string {
  const { items } = view;
  let start = end - 1;
  while (start >= 0 && items[start]!.separator !== 'clause') start--;
  for (let i = start + 1; i < end; i++) {
    if (compiled.cues.startingAt(items, i, 'giving')?.end !== i) continue;
    // 发放养老金12亿元: the object ends at the amount given
    let stop = i + 1;
    while (stop < end && items[stop]!.quantity < 0 && items[stop]!.separator === null) stop++;
    const object = items.slice(i + 1, stop);
    if (object.length === 0 || object.some(isVerb)) return '';
    const text = object.map((item) => item.text).join('');
    return object.some(isNounLike) && Array.from(text).length <= MAX_SUBJECT ? text : '';
  }
  return '';
}

/** The words between a recipient marker and the verb after it, a clause or two before `from`; '' if none. */
function recipientsBefore(view: SentenceView, from: number, compiled: CompiledAttribute): string {
  const { items } = view;
  let clauses = 0;
  for (let i = from - 1; i >= 0; i--) {
    const item = items[i]!;
    if (item.separator === 'clause' && ++clauses > MAX_CLAUSES) return '';
    if (item.separator !== null || item.quantity >= 0) continue;
    if (compiled.cues.startingAt(items, i, 'recipient')?.end !== i) continue;
    // 为4.2万名失业人员发放: recipients counted by a number of their own are that number's
    let text = '';
    for (let j = i + 1; j < from; j++) {
      const word = items[j]!;
      if (word.separator !== null || word.quantity >= 0) return '';
      if (isVerb(word)) return text !== '' && Array.from(text).length <= MAX_SUBJECT ? text : '';
      text += word.text;
    }
    return '';
  }
  return '';
}

/**
 * `Imports and exports grew 3.8 percent and 6.1 percent, respectively`: the numbers of one
 * clause with `respectively` share a listed subject; each takes its item, in order
 * (QUANTITIES.md §6, the English 分别). The list splits at commas and `and`; when the count of
 * items differs from the count of numbers, the shared subject stays. When the numbers stand in a
 * clause of their own (`Mexico, Russia and the UAE were the top destinations, taking 620,000,
 * 540,000 and 410,000 vehicles respectively`), the list that opens the clause is read instead.
 */
import { clauseAround } from './modality.js';

export interface Subjected {
  /** UTF-16 span of the quantity in the segment. */
  start: number;
  end: number;
  subject: string;
}

const RESPECTIVELY = /\brespectively\b/gi;
const LIST_SPLIT = /\s*,\s*(?:and\s+)?|\s+and\s+/;

/** Rewrites the subjects of `items` (in text order) for every `respectively` in `text`. */
export function pairRespectively(text: string, items: Subjected[], listAt: (at: number) => string | null = () => null): void {
  for (const match of text.matchAll(RESPECTIVELY)) {
    const clause = clauseAround(text, match.index!, match.index! + match[0].length);
    // the numbers `respectively` follows (`…, with the total reaching 5.3 trillion yuan` is not one)
    const group = items.filter((item) => item.start >= clause.start && item.end <= match.index!);
    if (group.length < 2) continue;
    const shared = group[0]!.subject;
    let parts = group.every((item) => item.subject === shared) ? split(shared) : [];
    if (parts.length !== group.length) {
      // the list opening the clause
      const opening = listAt(clause.start);
      parts = opening === null ? [] : split(opening);
    }
    if (parts.length !== group.length) continue;
    group.forEach((item, index) => {
      item.subject = parts[index]!;
    });
  }
}

function split(list: string): string[] {
  return list.split(LIST_SPLIT).filter((part) => part.trim() !== '');
}

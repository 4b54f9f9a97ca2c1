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
const EXAMPLES = /^\s*[^,;]{0,40}?\b(?:such as|including)\s+/i;
const LIST_SPLIT = /\s*,\s*(?:and\s+)?|\s+and\s+/;

/** Rewrites the subjects of `items` (in text order) for every `respectively` in `text`. */
export function pairRespectively(text: string, items: Subjected[], listAt: (at: number) => string | null = () => null): void {
  for (const match of text.matchAll(RESPECTIVELY)) {
    const clause = clauseAround(text, match.index!, match.index! + match[0].length);
    // the numbers `respectively` follows (`…, with the total reaching 5.3 trillion yuan` is not one)
    let group = items.filter((item) => item.start >= clause.start && item.end <= match.index!);
    if (group.length < 2) continue;
    // `handled 772 million passenger trips and 10.1 million tonnes of cargo, which rose 6.8 percent
    // and 12.4 percent, respectively`: a list of numbers that carries the subject of the amount
    // before it restates as many amounts, each its own
    const antecedents = amountsBefore(text, group);
    if (antecedents !== null) {
      antecedents.run.forEach((item, index) => {
        item.subject = antecedents.subjects[index]!;
      });
      continue;
    }
    // `with 1.05 million overseas sales, followed by Chery and SAIC Motor, which shipped 620,000 and
    // 410,000 NEVs abroad respectively`: only the run of listed numbers before `respectively` pairs
    const runStart = runBefore(text, group);
    // (`carried 1.13 million passengers …, while Line 7 and Line 8 carried 640,000 and 520,000 respectively`: the list
    // after the last comma before such a run, past a conjunction)
    const sliced = runStart > 0 && group.length - runStart >= 2 ? listAfterComma(text, group[runStart - 1]!.end, group[runStart]!.start, listAt) : null;
    if (runStart > 0 && group.length - runStart >= 2) group = group.slice(runStart);
    const shared = group[0]!.subject;
    let parts = group.every((item) => item.subject === shared) ? split(shared) : [];
    if (parts.length !== group.length) {
      // the list opening the clause, or the examples of the noun that opens it (`Provinces such as
      // Guangdong, Shandong and Zhejiang received …`)
      const opening = listAt(clause.start);
      parts = opening === null ? [] : split(opening);
      const examples = EXAMPLES.exec(text.slice(clause.start, match.index));
      if (parts.length !== group.length && examples) {
        const listed = listAt(clause.start + examples[0].length);
        parts = listed === null ? [] : split(listed);
      }
    }
    if (parts.length !== group.length && sliced !== null) parts = split(sliced);
    // `Chery and SAIC Motor, which shipped 620,000 and 410,000 NEVs`: the names before a relative pronoun
    if (parts.length !== group.length) {
      const named = namesBeforeRelative(text.slice(clause.start, group[0]!.start));
      parts = named === null ? [] : split(named);
    }
    // `Unemployment and work-injury insurance covered 251 million and 306 million people
    // respectively`: the first number carries the list while the last counts its own noun
    if (parts.length !== group.length) parts = split(shared);
    if (parts.length !== group.length) continue;
    group.forEach((item, index) => {
      item.subject = parts[index]!;
    });
  }
}

// the list right after the last comma (and a conjunction) between `from` and `to`, or null
const AFTER_COMMA = /^,\s*(?:(?:while|whereas|and|but)\s+)?/i;
function listAfterComma(text: string, from: number, to: number, listAt: (at: number) => string | null): string | null {
  const comma = text.lastIndexOf(',', to - 1);
  if (comma < from) return null;
  const opener = AFTER_COMMA.exec(text.slice(comma, to))!;
  return listAt(comma + opener[0].length);
}

// a list gap between two numbers: `6.8 percent and 12.4 percent`, `620,000, 540,000 and` (`down 2.1
// percent and up 1.6 percent`: with the direction of each)
const RUN_GAP = /^\s*(?:,\s*(?:and\s+)?|and\s+)(?:(?:up|down)\s+)?$/;
// what may stand between the amounts and the list that restates them: `, which rose `, `, up `
const ANTECEDENT_GAP = /^[^\d.;]{1,40}$/;

// the run of listed numbers that ends the group and the distinct subjects of as many amounts right
// before it, when the run carries the last of those subjects (it names none of its own), or null
function amountsBefore(text: string, group: Subjected[]): { run: Subjected[]; subjects: string[] } | null {
  let first = group.length - 1;
  while (first > 0 && RUN_GAP.test(text.slice(group[first - 1]!.end, group[first]!.start))) first--;
  const run = group.slice(first);
  const before = group.slice(0, first).slice(-run.length);
  if (run.length < 2 || before.length !== run.length) return null;
  const subjects = before.map((item) => item.subject);
  if (new Set(subjects).size !== subjects.length || run[0]!.subject !== subjects[subjects.length - 1]) return null;
  if (!ANTECEDENT_GAP.test(text.slice(before[before.length - 1]!.end, run[0]!.start))) return null;
  return { run, subjects };
}

// the index in `group` where the run of listed numbers that ends it starts
function runBefore(text: string, group: Subjected[]): number {
  let first = group.length - 1;
  while (first > 0 && RUN_GAP.test(text.slice(group[first - 1]!.end, group[first]!.start))) first--;
  return first;
}

// `…, followed by Chery and SAIC Motor, which shipped `: the capitalized names joined by commas and
// `and` right before `, which`/`, who`, or null
// (`followed by Shanghai Pudong and Beijing Capital, with 79.8 million and 69.1 million`: or `, with`)
const RELATIVE = /,\s*(?:which|who|with)\s[^,;]*$/i;
function namesBeforeRelative(before: string): string | null {
  const relative = RELATIVE.exec(before);
  if (!relative) return null;
  const words = before.slice(0, relative.index).split(/\s+/);
  let first = words.length;
  while (first > 0 && /^(?:\p{Lu}[\p{L}.&'’-]*,?|and)$/u.test(words[first - 1]!)) first--;
  while (first < words.length && words[first] === 'and') first++;
  const names = words.slice(first).join(' ');
  return /\band\b|,/.test(names) ? names : null;
}

function split(list: string): string[] {
  return list.split(LIST_SPLIT).filter((part) => part.trim() !== '');
}

// `, the former up 4.7 percent`, `and the latter fell 3.1 percent`: `the former`/`the latter` and at
// most two words right before the number
const FORMER_LATTER = /\bthe\s+(former|latter)\s+(?:[\p{L}-]+\s+){0,2}$/iu;
const FORMER_REACH = 40;

/**
 * `Trade with the EU and the United States came to 198 billion yuan and 142 billion yuan
 * respectively, the former up 4.7 percent and the latter down 3.1 percent`: a number after `the
 * former` or `the latter` takes the earlier or the later of the last two different subjects of the
 * numbers before it in its sentence (after `respectively` has paired them). `sentenceOf` gives where
 * the sentence holding a UTF-16 index starts.
 */
export function pairFormerLatter(text: string, items: Subjected[], sentenceOf: (at: number) => number): void {
  const pointed = new Set<Subjected>();
  items.forEach((item, index) => {
    const which = FORMER_LATTER.exec(text.slice(Math.max(0, item.start - FORMER_REACH), item.start));
    if (!which) return;
    const sentence = sentenceOf(item.start);
    const distinct: string[] = [];
    for (let k = index - 1; k >= 0 && distinct.length < 2; k--) {
      const before = items[k]!;
      if (before.start < sentence) break;
      if (pointed.has(before) || before.subject === '' || distinct.includes(before.subject)) continue;
      distinct.unshift(before.subject);
    }
    if (distinct.length < 2) return;
    item.subject = which[1]!.toLowerCase() === 'former' ? distinct[0]! : distinct[1]!;
    pointed.add(item);
  });
}

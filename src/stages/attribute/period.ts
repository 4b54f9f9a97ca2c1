/**
 * period: the year a number is about. The last year the sentence names before the number
 * (`2024年，全市…增长5%` → 2024; `到2027年…` → 2027), except a comparison base (`比2020年增长`);
 * otherwise the year of the section (`回首2024年` → 2024; a plan after it → 2025); else null.
 */
import type { Sentence } from '../../document.js';
import type { CodePointIndex } from '../../text/codepoints.js';
import type { CompiledAttribute } from './compile.js';
import type { Section } from './sections.js';

/** A year named before a number, and whether it is a deadline (`到2027年`). */
export interface YearMention {
  year: string;
  until: boolean;
}

/** Every year `text` names, with the text right before it (up to four characters). */
export function yearsIn(text: string, compiled: CompiledAttribute): { year: string; index: number; prefix: string }[] {
  const found: { year: string; index: number; prefix: string }[] = [];
  for (const pattern of compiled.years) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const year = match[1];
      if (!year) continue;
      const index = match.index + match[0].indexOf(year);
      found.push({ year, index, prefix: text.slice(Math.max(0, index - 4), index).trimEnd() });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * For each of `starts` (code points, ascending, inside the sentence), the last year the sentence
 * names before it. The sentence is scanned once.
 */
export function yearsBefore(
  text: CodePointIndex,
  sentence: Sentence,
  starts: readonly number[],
  compiled: CompiledAttribute,
): (YearMention | null)[] {
  const base = text.toUtf16(sentence.start);
  const mentions = yearsIn(text.slice(sentence.start, sentence.end), compiled).flatMap(({ year, index, prefix }) => {
    if (compiled.comparisons.some((word) => prefix.endsWith(word))) return [];
    // 截至2024年底 ends with a deadline word but reports a state reached: not a target
    const reached = [2, 3, 4].some((n) => compiled.cues.has(Array.from(prefix).slice(-n).join(''), 'actual'));
    const until = !reached && compiled.deadlines.some((word) => prefix.endsWith(word));
    return [{ year, until, at: index }];
  });
  let next = 0;
  let current: YearMention | null = null;
  return starts.map((start) => {
    const at = text.toUtf16(start) - base;
    while (next < mentions.length && mentions[next]!.at < at) {
      current = { year: mentions[next]!.year, until: mentions[next]!.until };
      next++;
    }
    return current;
  });
}

/** The period of a quantity: the year named before it, else its section's year. */
export function periodOf(mention: YearMention | null, section: Section): string | null {
  return mention?.year ?? section.year;
}

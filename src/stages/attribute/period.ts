/**
 * period: the year a number is about. The last year the sentence names before the number
 * (`2024年，全市…增长5%` → 2024; `到2027年…` → 2027), except a comparison base (`比2020年增长`);
 * otherwise the year of the section (`回首2024年` → 2024; a plan after it → 2025); else null.
 */
import type { Modality, Sentence } from '../../document.js';
import type { CodePointIndex } from '../../text/codepoints.js';
import type { CompiledAttribute } from './compile.js';
import type { Section } from './sections.js';

/** A year named before a number, and whether it is a deadline (`到2027年`). */
export interface YearMention {
  /** `''` for a year before a plan whose own year is not known (去年 in an undated plan). */
  year: string;
  until: boolean;
  /** A relative year (`去年` -1, `今年` 0), resolved against the section by `resolveRelative`. */
  offset?: number;
  /** Before the year the text is written in: 去年 in a plan reports a result. */
  past?: boolean;
}

/** Chinese digits of a year written out (一九九五年), by value: structural numerals. */
const DIGITS = new Map([...'〇一二三四五六七八九'].map((digit, value) => [digit, String(value)] as const).concat([
  ['零', '0'],
  ['○', '0'],
  ['Ｏ', '0'],
]));

/** `一九九五` → `1995`; Arabic digits pass through. */
function arabicYear(written: string): string {
  // nearly every year is written in Arabic digits: nothing to map
  if (ARABIC.test(written)) return written;
  return Array.from(written, (ch) => DIGITS.get(ch) ?? ch).join('');
}

const ARABIC = /^[0-9]*$/;

/** A year found in a text: its value, where its digits start and its match ends (UTF-16), and the text before it. */
export interface YearFound {
  year: string;
  index: number;
  end: number;
  prefix: string;
}

/** Every year `text` names, with the text right before it (up to four characters). */
export function yearsIn(text: string, compiled: CompiledAttribute): YearFound[] {
  const found: YearFound[] = [];
  for (const pattern of compiled.years) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const written = match[1];
      if (!written) continue;
      const year = arabicYear(written);
      const index = match.index + match[0].indexOf(written);
      found.push({ year, index, end: match.index + match[0].length, prefix: text.slice(Math.max(0, index - 4), index).trimEnd() });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** A year named in the document, with its place (code point of its first digit). */
export interface PlacedYear extends YearMention {
  at: number;
  /** A starting year (由2020年) holds only before this code point (its 到); others: Infinity. */
  holdsUntil: number;
}

/**
 * Every period-bearing year of the document, in order, found in one pass: comparison bases
 * (比2020年) left out, deadlines (到2027年) marked.
 */
export function placeYears(text: CodePointIndex, compiled: CompiledAttribute): DocumentYears {
  const found = yearsIn(text.text, compiled);
  const spans = found.map(({ index, end }) => ({ start: text.toCodePoint(index), end: text.toCodePoint(end) }));
  // 1-11月, 前10个月, 近5年: times that name no period, marked like years so no subject holds them
  for (const pattern of compiled.times) {
    pattern.lastIndex = 0;
    for (const match of text.text.matchAll(pattern)) {
      spans.push({ start: text.toCodePoint(match.index), end: text.toCodePoint(match.index + match[0].length) });
    }
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  // where the 到/至 of each starting year stands (UTF-16): the year after it ends a span
  const spanEnds = new Set<number>();
  const periods: PlacedYear[] = found.flatMap(({ year, index, end, prefix }) => {
    if (compiled.comparisons.some((word) => prefix.endsWith(word))) return [];
    // 由2020年的38.5%提高到41.2%: the starting year is 38.5%'s, not 41.2%'s
    const starting = compiled.starts.some((word) => prefix.endsWith(word));
    const stop = starting ? firstOf(text.text, compiled.startEnds, end) : -1;
    if (stop >= 0) spanEnds.add(stop);
    const holdsUntil = stop >= 0 ? text.toCodePoint(stop) : Infinity;
    // 截至2024年底 ends with a deadline word but reports a state reached: not a target
    // 恢复到2019年的87% ends with 到 but names the level's base year: not a deadline either
    const reached = [2, 3, 4].some((n) => {
      const word = Array.from(prefix).slice(-n).join('');
      return compiled.cues.has(word, 'actual') || compiled.cues.has(word, 'level');
    });
    // 自2024年11月1日开始至2025年3月31日结束: the 至 closes the span a starting year opened, the
    // year after it ends a time past, no deadline
    const until = !reached && !endsSpan(text.text, index, prefix, spanEnds, compiled) && compiled.deadlines.some((word) => prefix.endsWith(word));
    return [{ year, until, at: text.toCodePoint(index), holdsUntil }];
  });
  // 去年, 今年: placed like years, resolved per sentence against its section (resolveRelative)
  for (const { pattern, offset } of compiled.relativeYears) {
    pattern.lastIndex = 0;
    for (const match of text.text.matchAll(pattern)) {
      const prefix = text.text.slice(Math.max(0, match.index - 4), match.index).trimEnd();
      if (compiled.comparisons.some((word) => prefix.endsWith(word))) continue;
      const until = compiled.deadlines.some((word) => prefix.endsWith(word));
      periods.push({ year: '', offset, until, at: text.toCodePoint(match.index), holdsUntil: Infinity });
    }
  }
  if (compiled.relativeYears.length > 0) periods.sort((a, b) => a.at - b.at);
  return { periods, spans };
}

/**
 * True when the word right before the year at `index` is the 到/至 (periods.yaml start_ends) that
 * closes the span an earlier starting year opened (`spanEnds`, UTF-16 places of those words).
 */
function endsSpan(text: string, index: number, prefix: string, spanEnds: ReadonlySet<number>, compiled: CompiledAttribute): boolean {
  if (spanEnds.size === 0) return false;
  const word = compiled.startEnds.find((candidate) => prefix.endsWith(candidate));
  if (word === undefined) return false;
  const at = text.lastIndexOf(word, index - word.length);
  return at >= 0 && spanEnds.has(at) && text.slice(at + word.length, index).trim() === '';
}

/** How far (UTF-16 units) a starting year's 到 is looked for: a sentence, not the whole document. */
const START_REACH = 120;

/**
 * The UTF-16 index of the first of `words` in `text[from, from + START_REACH)`, or -1. Bounded, so
 * that a document of many 由2020年 with no 到 after them stays linear.
 */
function firstOf(text: string, words: readonly string[], from: number): number {
  const window = text.slice(from, from + START_REACH);
  let first = -1;
  for (const word of words) {
    const at = window.indexOf(word);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  return first < 0 ? -1 : from + first;
}

/** The years of a document: those that give a period, and the span of every year mention. */
export interface DocumentYears {
  periods: PlacedYear[];
  /** Code-point ranges of every year mention (comparison bases included) and other time, in order. */
  spans: { start: number; end: number }[];
}

/** Index of the first span that ends after `position` (binary search). */
export function firstSpanAfter(spans: readonly { start: number; end: number }[], position: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * For each of `starts` (code points, ascending, inside the sentence), the last year the sentence
 * names before it; past a starting year's end (由2020年…提高到), the year named before that one.
 */
export function yearsBefore(years: readonly PlacedYear[], sentence: Sentence, starts: readonly number[]): (YearMention | null)[] {
  let next = firstAtOrAfter(years, sentence.start);
  let current: YearMention | null = null;
  let holdsUntil = Infinity;
  let outer: YearMention | null = null;
  return starts.map((start) => {
    while (next < years.length && years[next]!.at < start) {
      const placed = years[next]!;
      if (holdsUntil === Infinity) outer = current;
      current = placed.offset === undefined ? { year: placed.year, until: placed.until } : { year: '', until: placed.until, offset: placed.offset };
      holdsUntil = placed.holdsUntil;
      next++;
    }
    return start >= holdsUntil ? outer : current;
  });
}

function firstAtOrAfter(years: readonly PlacedYear[], position: number): number {
  let lo = 0;
  let hi = years.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (years[mid]!.at < position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A relative year (去年, 今年) read in its section: a plan is written in its own year, so there
 * 去年 is the year before it (`past`, also when the plan's year is unknown). Elsewhere the year
 * a text is written in is not known (a review is often written the year after it): null, and
 * the section decides. Other mentions pass through.
 */
export function resolveRelative(mention: YearMention | null, section: Section): YearMention | null {
  if (mention?.offset === undefined) return mention;
  if (section.modality !== 'target') return null;
  const year = section.year === null ? '' : String(Number(section.year) + mention.offset);
  if (mention.offset < 0) return { year, until: false, past: true };
  return year === '' ? null : { year, until: mention.until };
}

/**
 * The period of a quantity: the year named before it, else its section's year when the quantity
 * agrees with its section (a plan inside a review, or a result inside a plan, has no known year).
 */
export function periodOf(mention: YearMention | null, section: Section, modality: Modality): string | null {
  // 2024年，着手实施…，后续还要有7个项目: a plan is not about the reviewed year named before it
  if (mention?.year === '') return null;
  const reviewed = modality === 'target' && section.modality === 'actual' && section.year !== null;
  if (mention && !(reviewed && !mention.until && Number(mention.year) <= Number(section.year))) return mention.year;
  if (mention) return null;
  // 后续还要有7个项目 inside a review of 2024: a plan whose year the text does not say
  return modality === section.modality ? section.year : null;
}

/**
 * What is not a quantity in English text (QUANTITIES.md §2), decided per candidate with a rule
 * and a reason: years, dates, names with numerals (rules `names`), context patterns (`over the
 * past five years`, `No. 1`, list markers), spelled-out numbers used as names (`the Two
 * Sessions`, `"two new"`), `one` as an article, and numbers with nothing to count.
 */
import type { CompiledEnglish } from './compile.js';
import type { Candidate } from './phrase.js';
import { hasTag, tokenAtOrAfter, tokenBefore, type Token } from './tokens.js';
import { isWordChar } from './words.js';

export interface Exclusion {
  rule: string;
  reason: string;
}

/** Characters of context the `before`/`after` patterns see: enough for a phrase, bounded so a long line stays linear. */
const CONTEXT = 40;
const OPENING_QUOTES = new Set(['"', '“', '‘', "'"]);

/** Spans of `text` covered by a listed name (whole words, case-insensitive), with the rule. */
export function nameSpans(text: string, compiled: CompiledEnglish): { start: number; end: number; rule: string }[] {
  const lower = text.toLowerCase();
  const spans: { start: number; end: number; rule: string }[] = [];
  for (const { phrase, value } of compiled.names.entries) {
    for (let at = lower.indexOf(phrase); at >= 0; at = lower.indexOf(phrase, at + 1)) {
      const end = at + phrase.length;
      const wordStart = !isWordChar(phrase[0]) || !isWordChar(text[at - 1]);
      const wordEnd = !isWordChar(phrase[phrase.length - 1]) || !isWordChar(text[end]);
      if (wordStart && wordEnd) spans.push({ start: at, end, rule: value });
    }
  }
  return spans;
}

/** Why `candidate` is not a quantity, or null when it is one. `counts`: a noun or a count phrase says what it counts. */
export function exclusionOf(
  text: string,
  tokens: readonly Token[],
  candidate: Candidate,
  counts: boolean,
  names: readonly { start: number; end: number; rule: string }[],
  compiled: CompiledEnglish,
): Exclusion | null {
  const number = text.slice(candidate.numberStart, candidate.numberEnd);
  const name = names.find((n) => n.start < candidate.numberEnd && candidate.numberStart < n.end);
  if (name) return { rule: name.rule, reason: `"${text.slice(name.start, name.end)}" is a name` };

  const before = text.slice(Math.max(0, candidate.start - CONTEXT), candidate.start);
  const after = text.slice(candidate.numberEnd, candidate.numberEnd + CONTEXT);
  for (const context of compiled.contexts) {
    if (context.number && !context.number.test(number)) continue;
    if (context.before && !context.before.test(before)) continue;
    if (context.after && !context.after.test(after)) continue;
    return { rule: context.rule, reason: `"${number}" in "${(before.slice(-15) + number + after.slice(0, 15)).trim()}" matches ${context.id}` };
  }

  // 2024 projects is rare beside `in 2024`; reports group real counts of this size (`2,024`)
  if (candidate.yearLike) return { rule: 'english/year', reason: `"${number}" is a year` };
  if (candidate.unit === null && nextToMonth(tokens, candidate)) return { rule: 'english/date', reason: `"${number}" is part of a date` };

  if (candidate.spelled) {
    const previous = text[candidate.numberStart - 1];
    if (previous !== undefined && OPENING_QUOTES.has(previous)) {
      return { rule: 'english/quoted-name', reason: `"${number}" opens a quoted name` };
    }
    // `grade-three surgery`, `a level-two alert`: a spelled number hyphened to the word before it is part of a name
    if (previous === '-' && /\p{L}/u.test(text[candidate.numberStart - 2] ?? '')) {
      return { rule: 'english/hyphen-name', reason: `"${text.slice(Math.max(0, candidate.numberStart - 12), candidate.numberEnd).trim()}" names a grade or a class` };
    }
    if (/^\p{Lu}/u.test(number) && !startsSentence(text, candidate.numberStart)) {
      return { rule: 'english/capitalized-name', reason: `"${number}" is capitalized inside a sentence: a name` };
    }
    if (candidate.unit === null && candidate.value.eq(0)) {
      return { rule: 'english/zero', reason: `"${number}" names an attitude or a policy (zero tolerance), not an amount` };
    }
    if (candidate.unit === null && candidate.value.eq(1) && !candidate.magnitude) {
      return { rule: 'english/article', reason: `"${number}" is an article, not an amount` };
    }
  }
  if (candidate.unit === null && !counts) {
    if (candidate.spelled || (!candidate.magnitude && !candidate.grouped)) {
      return { rule: 'english/no-unit', reason: `"${number}" has no unit and counts no noun` };
    }
    // `rose 1.35 percent to 11,086.4`: a fraction with no magnitude counts nothing (an index level)
    if (!candidate.magnitude && /\.\d/.test(number)) {
      return { rule: 'english/no-unit', reason: `"${number}" has a fraction, no unit and no magnitude: not a count` };
    }
  }
  return null;
}

function nextToMonth(tokens: readonly Token[], candidate: Candidate): boolean {
  const previous = tokens[tokenBefore(tokens, candidate.numberStart)];
  const next = tokens[tokenAtOrAfter(tokens, candidate.numberEnd)];
  const own = tokens[tokenAtOrAfter(tokens, candidate.numberStart)];
  return hasTag(previous, 'Month') || (hasTag(next, 'Month') && hasTag(own, 'Date'));
}

function startsSentence(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && /[\s"“‘'(—–-]/.test(text[i]!)) i--;
  return i < 0 || /[.!?:;]/.test(text[i]!);
}

/**
 * Words that are a multiple by themselves (`doubled` → 2 倍, `threefold` → 3 倍), from
 * `english-units.yaml#multiples`. Whole words only, so `doubles` in a name is left alone.
 */
import type { CompiledEnglish } from './compile.js';
import { Exact } from './numbers.js';
import type { Candidate } from './phrase.js';
import { isWordChar, matchBackward, matchForward, skipSpaceBackward } from './words.js';

// `to` or a modal right before a base form
const VERB_BEFORE = /\b(?:to|will|would|could|can|may|might|should|shall)\s+$/i;

/** Candidates for the multiple words of `text`. */
export function multiplesIn(text: string, compiled: CompiledEnglish): Candidate[] {
  const unit = compiled.multipleUnit;
  if (!unit || compiled.multiples.entries.length === 0) return [];
  const found: Candidate[] = [];
  for (let i = 0; i < text.length; i++) {
    if (isWordChar(text[i - 1]) || !isWordChar(text[i])) continue;
    const match = matchForward(compiled.multiples, text, i);
    if (!match) continue;
    // `is set to double to 300`, `will triple`: a base form counts only as a verb (not `double the
    // figure`, `a double-digit rise`)
    if (match.value.verb && (text[match.end] === '-' || !VERB_BEFORE.test(text.slice(Math.max(0, i - 8), i)))) continue;
    // more than doubled
    const bound = matchBackward(compiled.boundsBefore, text, skipSpaceBackward(text, i));
    found.push({
      start: i,
      end: match.end,
      numberStart: i,
      numberEnd: match.end,
      value: new Exact(match.value.value),
      valueMax: null,
      unit,
      unitText: text.slice(i, match.end),
      qualifier: bound?.value.qualifier ?? 'exact',
      magnitude: false,
      spelled: false,
      grouped: false,
      yearLike: false,
      after: match.end,
      adjectival: false,
      boundStart: bound?.start ?? i,
      signed: false,
      rules: bound ? [match.value.rule, bound.value.rule] : [match.value.rule],
    });
    i = match.end - 1;
  }
  return found;
}

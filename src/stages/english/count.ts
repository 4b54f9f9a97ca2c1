/**
 * A number with no unit word that is followed by a noun counts things: `12 million new urban
 * jobs`, `10,000 bridges`, `over 100 projects`. The noun phrase (read from compromise's tags as
 * corrected by `nouns.ts`) is the subject; its last noun is the unit as written.
 */
import type { CompiledEnglish } from './compile.js';
import { isHeadNoun, isNounLike, modifyingAdverb } from './nouns.js';
import { hasTag, tokenAtOrAfter, type Token } from './tokens.js';
import { skipSpaceForward } from './words.js';

/** The counted noun phrase after a number, as UTF-16 indexes into the segment. */
export interface CountedNoun {
  start: number;
  end: number;
  /** The phrase, `new urban jobs`. */
  phrase: string;
  /** Its last noun, `jobs`. */
  head: string;
}

const MAX_WORDS = 7;
const TIME_OPENERS = /^(?:last|this|next|previous)$/i;

/**
 * The noun phrase counted by the number that ends at `after`, or null. `fraction`: the number has
 * a fraction and no magnitude, and then counts no singular noun (`the 50.4 median forecast` is an
 * index reading; `7.4 beds per 1,000 people` still counts).
 */
export function countedNoun(text: string, tokens: readonly Token[], after: number, compiled: CompiledEnglish, fraction = false): CountedNoun | null {
  const at = skipSpaceForward(text, after);
  let i = tokenAtOrAfter(tokens, at);
  if (i >= tokens.length || tokens[i]!.start !== at) return null;
  const first = i;
  let lastNoun = -1;
  for (; i < tokens.length && i - first < MAX_WORDS; i++) {
    const token = tokens[i]!;
    const opener = i === first && compiled.subjects.countOpeners.has(token.text.toLowerCase());
    // `1 million more childcare places`: right after the number, a "verb" before a noun modifies it
    const leading = (i === first || (i === first + 1 && lastNoun < 0)) && hasTag(token, 'PresentTense', 'Infinitive') && hasTag(tokens[i + 1], 'Noun');
    // `31,400 medical and health institutions`: two modifiers joined before the first noun (after
    // a noun, `and` opens what follows: `2,000 new stores and CPI …`)
    // (`18,600 elder-care and childcare facilities`: or after a singular noun that ends a hyphenated
    // modifier, which the noun after the `and` shares)
    const joined = i > first && (lastNoun < 0 || hyphenatedModifier(tokens, lastNoun, i)) && /^(and|or)$/i.test(token.text) && i + 1 < tokens.length && isNounLike(tokens, i + 1, compiled);
    if (joined) continue;
    // `58 formerly poverty-stricken counties`: an adverb before the first noun modifies the modifier after it
    if (lastNoun < 0 && modifyingAdverb(tokens, i, compiled)) continue;
    if (!opener && !leading && !isNounLike(tokens, i, compiled)) break;
    if (!opener && isHeadNoun(tokens, i, compiled)) lastNoun = i;
    // a phrase ends at punctuation: `10,000 bridges, 200 tunnels`
    if (!/^[\s-]*$/.test(token.post)) break;
  }
  if (lastNoun < 0) return null;
  const head = tokens[lastNoun]!;
  // (`1,200 yards` in shipbuilding counts shipyards: english-subjects.yaml counted_units)
  const countedUnit = compiled.subjects.countedUnits.has(head.text.toLowerCase());
  if (hasTag(head, 'Month') || (hasTag(head, 'Unit') && !countedUnit) || hasTag(tokens[first], 'Month')) return null;
  // `which numbered 2.4 million last year`: a time after the number dates it and counts nothing
  if (TIME_OPENERS.test(tokens[first]!.text) && lastNoun === first + 1 && compiled.subjects.timeWords.has(head.text.toLowerCase())) return null;
  if (fraction && hasTag(head, 'Singular') && !hasTag(head, 'Plural')) return null;
  // compromise tags a lone mark as a noun too (`3 > 2`): what is counted is a word
  if (!/\p{L}/u.test(head.text)) return null;
  return { start: tokens[first]!.start, end: head.end, phrase: text.slice(tokens[first]!.start, head.end), head: head.text };
}

// a bullet, a dash or nothing before the figure of a list story's item
const ITEM_OPENS = /^[\s\-–—•*·▪●]*$/;
const LABEL_COLON = /^[ \t]*:[ \t]+(?=[\p{L}\d])/u;

/**
 * Where the label after a figure starts, when the figure opens its sentence (a bullet or a bound
 * word aside) and a colon follows it: a list story's item `-- 1.13 billion: Internet users at the
 * end of 2025`, `47 percent: the share of digital trade`. The label names what the figure
 * counts or measures. Null for anything else, and for a year (`2025: GDP grew …` is a heading).
 */
export function figureLabel(text: string, sentence: number, boundStart: number, end: number, yearLike: boolean): number | null {
  if (yearLike || !ITEM_OPENS.test(text.slice(sentence, boundStart))) return null;
  const colon = LABEL_COLON.exec(text.slice(end, end + 8));
  return colon ? end + colon[0].length : null;
}

// token `k`, a singular noun right before the `and` at `i`, ends a hyphenated compound (`elder-care`)
function hyphenatedModifier(tokens: readonly Token[], k: number, i: number): boolean {
  return k === i - 1 && tokens[k - 1]?.post === '-' && hasTag(tokens[k], 'Singular') && !hasTag(tokens[k], 'Plural');
}

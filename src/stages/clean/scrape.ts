/**
 * scrape: what a page scraped from the web leaves in a report's text that is no text of the
 * report (rules/html.yaml `scrape`), dropped with the raw origins of the rest kept:
 *
 * - a pinyin gloss, a reading aid a dictionary-style page sets in parentheses right after a Han
 *   character (`习(xí)`, `城镇调查失业(yè)率`): parentheses holding only pinyin letters, at least
 *   one of them tone-marked, a space between syllables at most. Without a tone mark the
 *   parentheses stay: `(GDP)`, `(a)`, `(lv)` may be the report's own;
 * - a clause mark written twice (`，，`): the second goes.
 *
 * Runs on the paragraphs once they are built (after normalize, so the parentheses are ASCII
 * `(` `)` or the kept full-width `（` `）`): on a page of columns read straight across, two marks
 * side by side on a raw line may end two columns' lines, which the column repair reads apart.
 * One info note per raw line and kind names what went there.
 */
import type { Rules } from '../../rules/schema.js';
import { holdsUnit, isHan, unitTable } from './chars.js';
import type { Note } from './notes.js';

export interface ScrapeRules {
  /** Tone-marked vowels by char code: a line holding none has no gloss. */
  tones: Uint8Array;
  /** Every letter a gloss may hold. */
  letters: ReadonlySet<string>;
  longest: number;
  doubled: ReadonlySet<string>;
  /** The doubled marks by char code: a line holding none has nothing doubled. */
  doubledCodes: Uint8Array;
}

const OPEN = new Set(['(', '（']);
const CLOSE = new Set([')', '）']);

export function compileScrape(rules: Rules['html.yaml']): ScrapeRules | null {
  const scrape = rules.scrape;
  if (!scrape) return null;
  const tones = new Set(Array.from(scrape.pinyin_tones));
  const doubled = new Set(scrape.doubled_marks);
  return {
    tones: unitTable((c) => tones.has(String.fromCharCode(c))),
    letters: new Set([...tones, ...Array.from(scrape.pinyin_letters)]),
    longest: scrape.pinyin_longest,
    doubled,
    doubledCodes: unitTable((c) => doubled.has(String.fromCharCode(c))),
  };
}

/** Text as code points with their raw origins (a paragraph draft). */
interface Mapped {
  chars: string[];
  origins: number[];
}

/** Drops glosses and doubled marks from each of `texts` in place; `notes` gets one note per raw line and kind. */
export function dropScraped(texts: readonly Mapped[], rules: ScrapeRules | null, notes: Note[], lineOf: (rawOffset: number) => number): void {
  if (!rules) return;
  // what went, by raw line: one note per kind and line, in the order found
  const glosses = new Map<number, string[]>();
  const doubles = new Map<number, number>();
  for (const line of texts) {
    const glossy = holdsUnit(line.chars, rules.tones);
    if (!glossy && !holdsUnit(line.chars, rules.doubledCodes)) continue;
    const drop = new Uint8Array(line.chars.length);
    let dropped = false;
    for (let i = 0; i < line.chars.length; i++) {
      const ch = line.chars[i]!;
      if (glossy && OPEN.has(ch) && i > 0 && isHan(line.chars[i - 1]!)) {
        const end = glossEnd(line.chars, i, rules);
        if (end > 0) {
          const raw = lineOf(line.origins[i]!);
          const found = glosses.get(raw) ?? [];
          found.push(line.chars.slice(i - 1, end).join(''));
          glosses.set(raw, found);
          drop.fill(1, i, end);
          dropped = true;
          i = end - 1;
          continue;
        }
      }
      // the second of two: after a dropped gloss (率(lǜ)，，) the mark before it still counts
      if (rules.doubled.has(ch) && i > 0 && line.chars[i - 1] === ch && drop[i - 1] === 0) {
        const raw = lineOf(line.origins[i]!);
        doubles.set(raw, (doubles.get(raw) ?? 0) + 1);
        drop[i] = 1;
        dropped = true;
      }
    }
    if (!dropped) continue;
    line.chars = line.chars.filter((_, k) => drop[k] === 0);
    line.origins = line.origins.filter((_, k) => drop[k] === 0);
  }
  for (const [line, found] of glosses) {
    notes.push({
      rule: 'html.yaml#scrape.pinyin_tones',
      reason: `pinyin ${found.length === 1 ? 'gloss' : 'glosses'} dropped: ${found.join(' ')}: a reading aid of the page, not text of the report`,
      severity: 'info',
      line,
    });
  }
  for (const [line, count] of doubles) {
    notes.push({ rule: 'html.yaml#scrape.doubled_marks', reason: `${count} doubled clause ${count === 1 ? 'mark' : 'marks'} written once`, severity: 'info', line });
  }
}

/** One past the closing parenthesis of a pinyin gloss opening at `open`, or 0 when none does. */
function glossEnd(chars: readonly string[], open: number, rules: ScrapeRules): number {
  let tone = false;
  const limit = Math.min(chars.length, open + 2 + rules.longest);
  for (let j = open + 1; j < limit; j++) {
    const ch = chars[j]!;
    if (CLOSE.has(ch)) return tone && j > open + 1 && chars[j - 1] !== ' ' ? j + 1 : 0;
    if (ch === ' ') {
      // one space between syllables, none at the edges
      if (j === open + 1 || chars[j - 1] === ' ') return 0;
      continue;
    }
    if (!rules.letters.has(ch)) return 0;
    if (rules.tones[ch.charCodeAt(0)] === 1) tone = true;
  }
  return 0;
}

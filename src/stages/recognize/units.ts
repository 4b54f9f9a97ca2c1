/**
 * Longest-first lookup of units, classifiers, magnitudes and bound words in the compiled rules.
 *
 * Each table is a map from surface form to entry plus the length of its longest form; a lookup
 * at position `i` tries the lengths from longest to shortest, so it costs at most (longest form)
 * map probes, whatever the text.
 */
import type { QuantityKind, Qualifier } from '../../document.js';
import type { Rules } from '../../rules/schema.js';

/** A unit or classifier with the rules file it comes from (for the record's `rules`). */
export interface UnitEntry {
  unit: string;
  kind: QuantityKind;
  file: 'units.yaml' | 'classifiers.yaml';
}

export interface MagnitudeEntry {
  form: string;
  power: number;
}

export interface BoundEntry {
  word: string;
  qualifier: Exclude<Qualifier, 'exact' | 'range'>;
  inside: boolean;
}

/** Surface form → entry, with the code-point length of the longest form. */
export interface WordTable<T> {
  forms: ReadonlyMap<string, T>;
  longest: number;
}

/** A match of a table at a position: the entry, the form as written, and where it ends. */
export interface WordMatch<T> {
  entry: T;
  form: string;
  start: number;
  end: number;
}

/** Builds a table; forms are keyed by their exact text. */
export function wordTable<T>(entries: Iterable<[string, T]>): WordTable<T> {
  const forms = new Map<string, T>();
  let longest = 0;
  for (const [form, entry] of entries) {
    forms.set(form, entry);
    longest = Math.max(longest, Array.from(form).length);
  }
  return { forms, longest };
}

/** Units and classifiers of `rules` in one table (the loader has checked that forms are unique). */
export function unitTable(rules: Rules): WordTable<UnitEntry> {
  const entries: [string, UnitEntry][] = [];
  for (const file of ['units.yaml', 'classifiers.yaml'] as const) {
    for (const entry of rules[file]) {
      const unit: UnitEntry = { unit: entry.unit, kind: entry.kind, file };
      for (const form of new Set([entry.unit, ...(entry.forms ?? [])])) entries.push([form, unit]);
    }
  }
  return wordTable(entries);
}

const LATIN_LETTER = /^[A-Za-z]$/;

/**
 * The longest form of `table` that starts at `start` and ends by `limit`. A form ending in a
 * Latin letter must not be followed by another (2000P, not 2000Pa).
 */
export function matchAt<T>(
  table: WordTable<T>,
  chars: readonly string[],
  start: number,
  limit: number,
): WordMatch<T> | null {
  const longest = Math.min(table.longest, limit - start);
  if (longest <= 0) return null;
  let text = '';
  const prefixes: string[] = [];
  for (let k = 0; k < longest; k++) {
    text += chars[start + k]!;
    prefixes.push(text);
  }
  for (let k = longest; k >= 1; k--) {
    const form = prefixes[k - 1]!;
    const entry = table.forms.get(form);
    if (entry === undefined) continue;
    const last = chars[start + k - 1]!;
    if (LATIN_LETTER.test(last) && LATIN_LETTER.test(chars[start + k] ?? '')) continue;
    return { entry, form, start, end: start + k };
  }
  return null;
}

/** The longest form of `table` that ends exactly at `end` and starts at or after `floor`. */
export function matchEndingAt<T>(
  table: WordTable<T>,
  chars: readonly string[],
  end: number,
  floor: number,
): WordMatch<T> | null {
  const longest = Math.min(table.longest, end - floor);
  let text = '';
  let best: WordMatch<T> | null = null;
  for (let k = 1; k <= longest; k++) {
    text = chars[end - k]! + text;
    const entry = table.forms.get(text);
    if (entry !== undefined) best = { entry, form: text, start: end - k, end };
  }
  return best;
}

/** Characters that the OCR puts between a number and its unit: `227 项`, `15⏎个`. */
const GAP = new Set([' ', '\u3000', '\t', '\n', '\r', '\u00a0']);
/** At most this many gap characters are bridged (a blank line between two wrapped lines). */
const MAX_GAP = 4;

/** True for a space or line break the OCR may put inside a quantity. */
export function isGap(ch: string | undefined): boolean {
  return ch !== undefined && GAP.has(ch);
}

/** Index after the OCR gap at `i` (or `i` itself), bounded by `limit`; a longer gap is not bridged. */
export function skipGap(chars: readonly string[], i: number, limit: number): number {
  let j = i;
  while (j < limit && GAP.has(chars[j]!)) j++;
  return j - i <= MAX_GAP ? j : i;
}

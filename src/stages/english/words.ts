/**
 * Whole-word, case-insensitive matching of rule phrases against English text, forwards from a
 * position or backwards from one. A space in a phrase matches any run of whitespace in the
 * text (`metric  tons`, a line break inside `percentage\npoints`). Indexes are UTF-16 into the
 * string searched; callers convert to code points through `text/codepoints.ts`.
 *
 * Lists are tried longest first (`percentage points` before `points`), each phrase in time
 * linear in its length, so a lookup never depends on the text's length.
 */

/** A phrase list compiled for lookup: lower-cased, longest first, each with its payload. */
export interface PhraseList<T> {
  readonly entries: readonly { phrase: string; value: T }[];
  /** The entries by first and by last character, longest first, so a lookup tries only a few. */
  readonly byFirst?: ReadonlyMap<string, readonly { phrase: string; value: T }[]>;
  readonly byLast?: ReadonlyMap<string, readonly { phrase: string; value: T }[]>;
}

/** Builds a phrase list from `[phrase, payload]` pairs. */
export function phraseList<T>(pairs: readonly (readonly [string, T])[]): PhraseList<T> {
  const entries = pairs
    .map(([phrase, value]) => ({ phrase: phrase.toLowerCase().replace(/\s+/g, ' ').trim(), value }))
    .filter((entry) => entry.phrase.length > 0)
    .sort((a, b) => b.phrase.length - a.phrase.length || (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0));
  const byFirst = new Map<string, { phrase: string; value: T }[]>();
  const byLast = new Map<string, { phrase: string; value: T }[]>();
  for (const entry of entries) {
    const first = entry.phrase[0]!;
    const last = entry.phrase[entry.phrase.length - 1]!;
    byFirst.set(first, [...(byFirst.get(first) ?? []), entry]);
    byLast.set(last, [...(byLast.get(last) ?? []), entry]);
  }
  return { entries, byFirst, byLast };
}

/** The longest phrase of `list` that starts at `index`, with the index just after it. */
export function matchForward<T>(
  list: PhraseList<T>,
  text: string,
  index: number,
  /** Accept a hyphen and a letter right after the phrase (`billion` in `100-billion-yuan`). */
  hyphenOk = false,
): { phrase: string; value: T; end: number } | null {
  const candidates = list.byFirst ? (list.byFirst.get(text[index]?.toLowerCase() ?? '') ?? []) : list.entries;
  for (const entry of candidates) {
    const end = forwardEnd(text, index, entry.phrase);
    if (end >= 0 && boundaryAfter(text, end, entry.phrase, hyphenOk)) return { ...entry, end };
  }
  return null;
}

/** The longest phrase of `list` that ends at `index` (exclusive), with the index it starts at. */
export function matchBackward<T>(
  list: PhraseList<T>,
  text: string,
  index: number,
): { phrase: string; value: T; start: number } | null {
  const candidates = list.byLast ? (list.byLast.get(text[index - 1]?.toLowerCase() ?? '') ?? []) : list.entries;
  for (const entry of candidates) {
    const start = backwardStart(text, index, entry.phrase);
    if (start >= 0 && boundaryBefore(text, start, entry.phrase)) return { ...entry, start };
  }
  return null;
}

/** True for the characters that make up an English word (letters, digits). */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** Index of the first non-whitespace character at or after `index`. */
export function skipSpaceForward(text: string, index: number): number {
  while (index < text.length && /\s/.test(text[index]!)) index++;
  return index;
}

/** Index just after the last non-whitespace character before `index`. */
export function skipSpaceBackward(text: string, index: number): number {
  while (index > 0 && /\s/.test(text[index - 1]!)) index--;
  return index;
}

function forwardEnd(text: string, index: number, phrase: string): number {
  let t = index;
  for (let p = 0; p < phrase.length; p++) {
    const ch = phrase[p]!;
    if (ch === ' ') {
      if (t >= text.length || !/\s/.test(text[t]!)) return -1;
      while (t < text.length && /\s/.test(text[t]!)) t++;
      continue;
    }
    if (t >= text.length || text[t]!.toLowerCase() !== ch) return -1;
    t++;
  }
  return t;
}

function backwardStart(text: string, index: number, phrase: string): number {
  let t = index;
  for (let p = phrase.length - 1; p >= 0; p--) {
    const ch = phrase[p]!;
    if (ch === ' ') {
      if (t <= 0 || !/\s/.test(text[t - 1]!)) return -1;
      while (t > 0 && /\s/.test(text[t - 1]!)) t--;
      continue;
    }
    if (t <= 0 || text[t - 1]!.toLowerCase() !== ch) return -1;
    t--;
  }
  return t;
}

// a phrase that ends in a letter must not run on into a longer word (`ton` in `tonnes`, in `ton-kilometers`)
function boundaryAfter(text: string, end: number, phrase: string, hyphenOk: boolean): boolean {
  if (!isWordChar(phrase[phrase.length - 1])) return true;
  return !isWordChar(text[end]) && (hyphenOk || !(text[end] === '-' && /\p{L}/u.test(text[end + 1] ?? '')));
}

function boundaryBefore(text: string, start: number, phrase: string): boolean {
  return !isWordChar(phrase[0]) || !isWordChar(text[start - 1]);
}

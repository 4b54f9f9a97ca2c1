/**
 * Segments of an English sentence: the pieces that are read one at a time.
 *
 * A sentence is cut where its raw lines end a thought: after a line that ends with a full stop,
 * colon or semicolon, after a short line with no closing punctuation (a heading such as
 * `2026 TARGETS` or a bullet such as `-- CPI up 0.3 pct`), and before a line that opens with a
 * bullet; a bullet item ends with its line when the next line opens in capitals. A long line
 * that runs on without punctuation is a hard wrap and stays joined. This keeps headings and
 * bullets apart even when the cleaner has joined them into one paragraph, and changes nothing
 * when each raw line is a paragraph of its own. Segments longer than `CHUNK` are cut again, at a
 * full stop or a space, so that compromise never reads a 1 MB line at once.
 */

/** Longest piece handed to compromise at once, in UTF-16 units. */
export const CHUNK = 2000;
/**
 * A raw line with no closing punctuation is a heading or a bullet, not a wrap, when it is short:
 * at most `SHORT_LINE`, and at most `SHORT_SHARE` of the document's long lines (its 90th
 * percentile), so that the 80-character lines of a hard-wrapped PDF stay joined.
 */
const SHORT_LINE = 90;
const SHORT_SHARE = 0.6;
const SHORTEST = 24;

/** The longest raw line that counts as a heading or bullet in `raw`. */
export function shortLineFor(raw: string): number {
  // the raw text is read line by line into a typed array and sorted there, not split, mapped,
  // filtered and sorted by a comparator: every document with English is read whole (10 MB
  // corpus three times, raw texts in memory: 0.036–0.040 → 0.011–0.018 s CPU)
  const found: number[] = [];
  for (let from = 0; from <= raw.length; ) {
    let to = raw.indexOf('\n', from);
    if (to < 0) to = raw.length;
    const length = raw.slice(from, to).trim().length;
    if (length > 0) found.push(length);
    from = to + 1;
  }
  if (found.length === 0) return SHORT_LINE;
  const lengths = Int32Array.from(found).sort();
  const p90 = lengths[Math.min(lengths.length - 1, Math.floor(lengths.length * 0.9))]!;
  return Math.max(SHORTEST, Math.min(SHORT_LINE, Math.floor(p90 * SHORT_SHARE)));
}
const CLOSES = /[.!?:;。！？：；]["'”’)]*$/;
const BULLET = /^(?:[-–—•*·▪●]|\d{1,2}[.)]\s)/;

/**
 * Segments of `text` (one sentence), as UTF-16 ranges into `text`. `rawLineOf(i)` gives the raw
 * line that UTF-16 index `i` of `text` comes from.
 */
export function segmentsOf(
  text: string,
  rawLineOf: (utf16: number) => number,
  shortLine: number = SHORT_LINE,
  continues: (word: string) => boolean = () => true,
): { start: number; end: number }[] {
  const cuts: number[] = [];
  let lineStart = 0;
  let line = text.length > 0 ? rawLineOf(0) : 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue; // second half of a surrogate pair
    const current = rawLineOf(i);
    if (current === line) continue;
    const previous = text.slice(lineStart, i).trim();
    const next = text.slice(i, i + 4).trimStart();
    // a bullet item ends with its line unless the next line carries on in lower case
    const itemEnds = BULLET.test(previous) && /^[\p{Lu}\d]/u.test(next);
    // `Deficit-to-GDP ratio: around 4%` + `Special-purpose bonds: …`: a capital after a line that does not end mid-phrase
    const lastWord = /([\p{L}]+)[^\p{L}]*$/u.exec(previous)?.[1]?.toLowerCase() ?? '';
    const newItem = /^\p{Lu}/u.test(next) && !/[,\-–]$/.test(previous) && !continues(lastWord);
    if (previous !== '' && (CLOSES.test(previous) || previous.length <= shortLine || BULLET.test(next) || itemEnds || newItem)) cuts.push(i);
    line = current;
    lineStart = i;
  }
  const segments: { start: number; end: number }[] = [];
  let start = 0;
  for (const cut of [...cuts, text.length]) {
    for (const piece of capped(text, start, cut)) if (text.slice(piece.start, piece.end).trim() !== '') segments.push(piece);
    start = cut;
  }
  return segments;
}

/** `[start, end)` of `text` in pieces of at most `CHUNK`, cut after a full stop when there is one, else at a space. */
export function capped(text: string, start: number, end: number): { start: number; end: number }[] {
  const pieces: { start: number; end: number }[] = [];
  while (end - start > CHUNK) {
    const window = text.slice(start, start + CHUNK);
    let cut = window.lastIndexOf('. ');
    if (cut < CHUNK / 2) cut = window.lastIndexOf(' ');
    let stop = cut <= 0 ? start + CHUNK : start + cut + 1;
    // never cut a surrogate pair in two
    const code = text.charCodeAt(stop - 1);
    if (code >= 0xd800 && code <= 0xdbff) stop++;
    pieces.push({ start, end: stop });
    start = stop;
  }
  if (start < end) pieces.push({ start, end });
  return pieces;
}

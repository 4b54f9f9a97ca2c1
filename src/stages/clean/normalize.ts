/**
 * normalize: width folding, safe compatibility folding, invisible characters.
 *
 * - Full-width ASCII becomes ASCII where it is ASCII in meaning (`２０２４` → `2024`, `％` → `%`,
 *   `ＡＩ` → `AI`); the full-width marks Chinese uses as its own punctuation (，：；？！（）～) stay.
 * - NFKC only where it is safe: Kangxi and supplementary radicals and compatibility ideographs
 *   (PDF extraction writes `⾏` for `行`), Latin ligatures, and the many widths of space. Circled
 *   numbers, superscripts and unit symbols (`①`, `²`, `㎡`) keep their meaning and are left alone.
 *   A tab or an ideographic space inside a line becomes two spaces (`WIDE_SPACES`).
 * - Invisible and control characters (zero-width spaces, soft hyphens, BOMs, `\r`) are removed; a
 *   form feed (pdftotext ends every page with one) marks a page break before the text after it.
 * - The `,` vs `，` mix: an ASCII comma, semicolon, colon, question or exclamation mark next to
 *   Chinese text becomes its Chinese form, except a digit-group comma (`1,381`) or a clock colon
 *   (`10:30`). Every replacement keeps the raw origin of the character it replaces.
 */
import { holdsUnit, isCjk, isDigit, isHan, isSpace, unitTable } from './chars.js';
import type { Line } from './lines.js';

/** Full-width marks that are Chinese punctuation, not ASCII in disguise. */
const KEPT_FULL_WIDTH = new Set(['！', '，', '：', '；', '？', '（', '）', '～', '．']);

/** ASCII marks that take their Chinese form inside Chinese text. */
const TO_CHINESE: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

/** Folds one code point; returns '' to drop it. May return more than one code point (ligatures). */
export function foldChar(ch: string): string {
  const c = ch.codePointAt(0)!;
  if (c === 0x0d || (c < 0x20 && c !== 0x09) || (c >= 0x7f && c <= 0x9f)) return '';
  if (c === 0x00ad || c === 0xfeff || c === 0x2060 || (c >= 0x200b && c <= 0x200f)) return '';
  if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return '';
  if (c === 0x09 || c === 0x00a0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000) return ' ';
  if (c >= 0xff01 && c <= 0xff5e) return KEPT_FULL_WIDTH.has(ch) ? ch : String.fromCodePoint(c - 0xfee0);
  if ((c >= 0x2f00 && c <= 0x2fdf) || (c >= 0x2e80 && c <= 0x2eff) || (c >= 0xf900 && c <= 0xfaff)) {
    return ch.normalize('NFKC');
  }
  if (c >= 0xfb00 && c <= 0xfb06) return ch.normalize('NFKC');
  return ch;
}

/**
 * False when normalize certainly leaves UTF-16 unit `c` as it is (neither `foldChar` nor the
 * punctuation rule changes it); true may be a false alarm. Surrogates answer true: a line with
 * an astral character takes the careful path. A test checks it against `foldChar` on every unit.
 */
export function mayChange(c: number): boolean {
  if (c < 0x7f) return c < 0x20 || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x3f || c === 0x21;
  if (c <= 0xa0 || c === 0xad || c === 0x3000 || c === 0xfeff) return true;
  if ((c >= 0x2000 && c <= 0x206f) || (c >= 0x2e80 && c <= 0x2fdf) || (c >= 0xd800 && c <= 0xdfff) || (c >= 0xf900 && c <= 0xfb06)) return true;
  // the full-width forms, except the marks Chinese keeps as its own (the point is rewritten by context)
  return c >= 0xff01 && c <= 0xff5e && (c === 0xff0e || !KEPT_FULL_WIDTH.has(String.fromCharCode(c)));
}

/** `mayChange` of every UTF-16 unit. */
const MAY_CHANGE = unitTable(mayChange);

/**
 * A tab or an ideographic space inside a line (text on both sides) becomes two spaces, not one:
 * an ideographic space is as wide as a Chinese character, two ASCII spaces in print, and a tab is
 * what a converter writes between the columns or cells of a page, never a noise space. The column
 * search reads a run of spaces as a gap the page made, where a single space may be OCR noise
 * inside a column (`columns-evidence.ts`): two columns read across joined by a tab or an
 * ideographic space were read as joined by one space, and short blocks of them left unsplit.
 * bench/clean-damage.mjs --seeds 10 (whole / start F1): --layout gaps 0.947 / 0.889 -> 0.955 /
 * 0.896, mixed 0.907 / 0.836 -> 0.915 / 0.839. A leading ideographic space (an indent) stays one
 * space, so a line's indent is counted as before.
 */
const WIDE_SPACES = new Set(['\t', '\u3000']);

/**
 * Raw origins of the full-width forms normalize folded to ASCII (`２００７` → `2007`): printed one
 * em wide, not half as the ASCII now shows. The column search measures lines by printed width
 * (`columns-shapes.ts`), as the page set them. (An ASCII mark given its Chinese form is left at one
 * em: OCR writes `,` for a printed `，` as often as a page prints `,`.)
 */
export type FoldedWide = Set<number>;

/**
 * Normalizes every line in place: folded characters keep the origin of the one they replace.
 * `wide`, when given, gathers the origins of full-width forms folded to ASCII.
 */
export function normalizeLines(lines: Line[], wide?: FoldedWide): Line[] {
  lines.forEach((line, k) => {
    // most lines hold nothing to fold: one table look-up per character, no new arrays
    if (!holdsUnit(line.chars, MAY_CHANGE)) return;
    markFormFeed(line, lines[k + 1]);
    const chars: string[] = [];
    const origins: number[] = [];
    // the text's first and last non-space characters: a tab or an ideographic space between them
    // is a gap inside the line
    let first = 0;
    while (first < line.chars.length && isSpace(line.chars[first]!)) first++;
    let last = line.chars.length - 1;
    while (last > first && isSpace(line.chars[last]!)) last--;
    line.chars.forEach((ch, i) => {
      if (i > first && i < last && WIDE_SPACES.has(ch)) {
        chars.push(' ', ' ');
        origins.push(line.origins[i]!, line.origins[i]!);
        return;
      }
      const c = ch.codePointAt(0)!;
      const folded = foldChar(ch);
      // a full-width form printed one em wide, now ASCII
      if (wide !== undefined && c >= 0xff01 && c <= 0xff5e && folded !== ch) wide.add(line.origins[i]!);
      for (const one of folded) {
        chars.push(one);
        origins.push(line.origins[i]!);
      }
    });
    foldPunctuation(chars, origins, wide);
    line.chars = chars;
    line.origins = origins;
  });
  return lines;
}

/**
 * A form feed is a page break: the columns of one page do not run on into the lines of the next
 * page (pdftotext -layout writes each page's rows straight across its columns). Before the
 * line's text it breaks before the line, after it before the next line. The break is recorded
 * as a dropped line just above the page's first line (`pageBreakBefore`), as furniture does.
 */
function markFormFeed(line: Line, next: Line | undefined): void {
  const at = line.chars.indexOf('\f');
  if (at < 0) return;
  const before = line.chars.slice(0, at).every(isSpace);
  const target = before ? line : next;
  if (target !== undefined && target.number > 1) target.pageBreakBefore ??= target.number - 1;
}

/** The `,` vs `，` rule and the full-width decimal point, decided by the neighbours; `wide` as `normalizeLines`'. */
function foldPunctuation(chars: string[], origins: readonly number[], wide: FoldedWide | undefined): void {
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '．') {
      // １２．５ → 12.5; a wrap may cut the number right at the point, so only a point between
      // two Han characters is left as written
      if (!(isHan(chars[i - 1] ?? '') && isHan(chars[i + 1] ?? ''))) {
        chars[i] = '.';
        wide?.add(origins[i]!);
      }
      continue;
    }
    const chinese = TO_CHINESE[ch];
    if (!chinese) continue;
    const before = neighbour(chars, i, -1);
    const after = neighbour(chars, i, 1);
    if (!isCjk(context(chars, i, -1)) && !isCjk(context(chars, i, 1))) continue;
    if (ch === ',' && isDigit(before) && isDigitGroup(chars, i + 1)) continue;
    if (ch === ':' && isDigit(before) && isDigit(after)) continue;
    chars[i] = chinese;
  }
}

function neighbour(chars: string[], i: number, step: number): string {
  for (let j = i + step; j >= 0 && j < chars.length; j += step) {
    if (!isSpace(chars[j]!)) return chars[j]!;
  }
  return '';
}

/** Marks that sit between Chinese words without making the text Latin: `增长3%,CPI`, `"十四五",`. */
const TRANSPARENT = new Set(['%', '.', '"', "'", '(', ')', '[', ']', '-', '+', '/']);

/** The nearest character in direction `step` that tells the script: digits and `%` are skipped. */
function context(chars: string[], i: number, step: number): string {
  for (let j = i + step; j >= 0 && j < chars.length; j += step) {
    const ch = chars[j]!;
    if (!isSpace(ch) && !isDigit(ch) && !TRANSPARENT.has(ch)) return ch;
  }
  return '';
}

/** Exactly three digits from `start`, then no further digit: the tail of `1,381`. */
function isDigitGroup(chars: string[], start: number): boolean {
  for (let k = 0; k < 3; k++) if (!isDigit(chars[start + k] ?? '')) return false;
  return !isDigit(chars[start + 3] ?? '');
}

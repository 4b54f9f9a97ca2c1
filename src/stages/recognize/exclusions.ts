/**
 * What is not a quantity after all (spec §2): numbers inside names (not-quantities.yaml#names)
 * and general shapes (dates, ordinals, the article 一, vague amounts; #patterns). Each drop
 * names the entry that made it.
 */
import { CharFinder, type Chars, sliceChars } from '../../text/chars.js';
import type { Compiled, ExclusionPattern, NamePlace } from './compile.js';
import type { Candidate } from './find.js';

/** Characters of sentence context a `before`/`after` pattern sees. */
const CONTEXT = 12;
/** Quotation marks and title marks: opener → closer. A straight quote closes itself. */
const QUOTES: ReadonlyMap<string, string> = new Map([
  ['“', '”'], ['「', '」'], ['『', '』'], ['《', '》'], ['"', '"'],
]);
const CLOSERS = new Set(QUOTES.values());
const STRAIGHT_QUOTE = '"';
/** A quoted stretch longer than this is speech or a citation, not a name (“18条” is 3). */
const MAX_QUOTED = 8;
/** Titles run longer: 《关于促进经济发展的30条措施》. */
const TITLE = '《';
const MAX_TITLE = 30;

/** Why a candidate was dropped: the rule id (`not-quantities.yaml#article`) and a sentence. */
export interface Exclusion {
  rule: string;
  reason: string;
}

/**
 * The exclusion that applies to `candidate`, or null to keep it. `from`/`reach` bound the
 * context the patterns may look at (the sentence, and its extension for a wrapped unit).
 */
export function exclusionFor(
  candidate: Candidate,
  chars: Chars,
  from: number,
  reach: number,
  compiled: Compiled,
  quoteMarks: QuoteMarks,
): Exclusion | null {
  const around = new Around(candidate, chars, from, reach);
  if (quoted(candidate, chars, from, reach, quoteMarks) && !quotesAnAmount(candidate)) {
    return {
      rule: 'recognize/quoted-name',
      reason: `"${around.text}" stands inside a short quotation or title: a name such as "18条", not an amount`,
    };
  }
  const name = nameAround(chars, candidate.numeralStart, from, reach, compiled.namesByChar);
  if (name !== null) {
    return { rule: `not-quantities.yaml#${name}`, reason: `"${around.text}" is part of the name "${name}"` };
  }
  // only the patterns that can apply to the unit: two thirds of them name units, and testing each
  // against every candidate took a fifth of recognize's warm profile (0.152 → 0.132 s CPU, 40 files)
  for (const pattern of compiled.patternsByUnit.get(candidate.unit.unit) ?? compiled.unitlessPatterns) {
    if (matches(pattern, candidate, around)) {
      const why = pattern.note ? `: ${pattern.note}` : '';
      return { rule: `not-quantities.yaml#${pattern.id}`, reason: `"${around.text}" is not a quantity (${pattern.id})${why}` };
    }
  }
  return null;
}


/**
 * A share or a bounded amount in quotation marks is a figure quoted, not a name: `“5%左右”的目标`,
 * `“6%以上”的增长`. Names that hold a number count things: `“18条”`, `“双10条”`.
 */
function quotesAnAmount(candidate: Candidate): boolean {
  const kind = candidate.unit.kind;
  return kind === 'percent' || kind === 'percentage_point' || candidate.qualifier !== 'exact';
}

/** The texts a pattern tests, each built once per candidate and only when asked (there are dozens of patterns). */
class Around {
  private wholeText: string | undefined;
  private numeralText: string | undefined;
  private beforeText: string | undefined;
  private afterText: string | undefined;

  constructor(
    private readonly candidate: Candidate,
    private readonly chars: Chars,
    private readonly from: number,
    private readonly reach: number,
  ) {}

  get text(): string {
    return (this.wholeText ??= sliceChars(this.chars, this.candidate.start, this.candidate.end));
  }

  get numeral(): string {
    return (this.numeralText ??= sliceChars(this.chars, this.candidate.numeralStart, this.candidate.numeralEnd));
  }

  get before(): string {
    const start = this.candidate.numeralStart;
    return (this.beforeText ??= sliceChars(this.chars, Math.max(this.from, start - CONTEXT), start));
  }

  get after(): string {
    const end = this.candidate.end;
    return (this.afterText ??= sliceChars(this.chars, end, Math.min(this.reach, end + CONTEXT)));
  }
}

/** Every condition of `pattern` holds; the cheap ones (a set probe) are tested first, so most patterns cost no regex. */
function matches(pattern: ExclusionPattern, candidate: Candidate, around: Around): boolean {
  if (pattern.units && !pattern.units.has(candidate.unit.unit)) return false;
  if (pattern.classifier !== null && (candidate.unit.file === 'classifiers.yaml') !== pattern.classifier) return false;
  if (pattern.pattern && !pattern.pattern.test(around.text)) return false;
  if (pattern.numeral && !pattern.numeral.test(around.numeral)) return false;
  if (pattern.before && !pattern.before.test(around.before)) return false;
  if (pattern.after && !pattern.after.test(around.after)) return false;
  return true;
}

/**
 * The quotation and title marks of a text, found once per document by one search: where they
 * stand, in order, and which straight quotes open a pair (`isOpener(i)`: an even number of `"`
 * stand before the one at `i` in its paragraph).
 */
export class QuoteMarks {
  private readonly positions: number[] = [];
  private readonly openers = new Set<number>();

  constructor(chars: Chars) {
    const marks = new CharFinder(chars, [...QUOTES.keys(), ...CLOSERS]);
    const lineBreaks = new CharFinder(chars, ['\n']);
    let inside = false;
    let lineBreak = lineBreaks.next(0);
    for (let i = marks.next(0); i < chars.length; i = marks.next(i + 1)) {
      this.positions.push(i);
      if (chars[i] !== STRAIGHT_QUOTE) continue;
      if (lineBreak < i) {
        inside = false;
        lineBreak = lineBreaks.next(i);
      }
      if (!inside) this.openers.add(i);
      inside = !inside;
    }
  }

  /** The position of the last mark in `[floor, end)`, or -1. */
  lastBefore(end: number, floor: number): number {
    let lo = 0;
    let hi = this.positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.positions[mid]! < end) lo = mid + 1;
      else hi = mid;
    }
    const at = lo > 0 ? this.positions[lo - 1]! : -1;
    return at >= floor ? at : -1;
  }

  isOpener(i: number): boolean {
    return this.openers.has(i);
  }
}

/**
 * True when the candidate stands inside a short quotation or title (“18条”, 《30条措施》): the
 * nearest quote mark before it opens, and its closer follows within `MAX_QUOTED` characters.
 */
function quoted(candidate: Candidate, chars: Chars, from: number, reach: number, marks: QuoteMarks): boolean {
  // the nearest mark decides: an opener, or a closer (a straight quote that closes a pair is one)
  const openAt = marks.lastBefore(candidate.start, Math.max(from, candidate.start - MAX_TITLE));
  if (openAt === -1) return false;
  const opener = chars[openAt]!;
  if (!(opener === STRAIGHT_QUOTE ? marks.isOpener(openAt) : QUOTES.has(opener))) return false;
  const closer = QUOTES.get(opener)!;
  const longest = opener === TITLE ? MAX_TITLE : MAX_QUOTED;
  for (let i = candidate.end; i < Math.min(reach, openAt + longest + 2); i++) {
    const ch = chars[i]!;
    if (ch === closer) return true;
    if (QUOTES.has(ch) && ch !== STRAIGHT_QUOTE) return false;
  }
  return false;
}

/**
 * The longest listed name that covers position `at` (within `[from, reach)`), or null. Only the
 * names holding the character at `at` are tried, each at that character's offset.
 */
function nameAround(
  chars: Chars,
  at: number,
  from: number,
  reach: number,
  namesByChar: ReadonlyMap<string, readonly NamePlace[]>,
): string | null {
  for (const { name, offset } of namesByChar.get(chars[at]!) ?? []) {
    const start = at - offset;
    if (start < from || start + name.length > reach) continue;
    let equal = true;
    for (let k = 0; k < name.length && equal; k++) equal = chars[start + k] === name[k];
    if (equal) return name.join('');
  }
  return null;
}

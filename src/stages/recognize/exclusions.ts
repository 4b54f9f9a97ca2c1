/**
 * What is not a quantity after all (spec §2): numbers inside names (not-quantities.yaml#names)
 * and general shapes (dates, ordinals, the article 一, vague amounts; #patterns). Each drop
 * names the entry that made it.
 */
import type { Compiled, ExclusionPattern } from './compile.js';
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
  chars: readonly string[],
  from: number,
  reach: number,
  compiled: Compiled,
  straightQuotes: StraightQuotes,
): Exclusion | null {
  const text = chars.slice(candidate.start, candidate.end).join('');
  if (quoted(candidate, chars, from, reach, straightQuotes)) {
    return {
      rule: 'recognize/quoted-name',
      reason: `"${text}" stands inside a short quotation or title: a name such as "18条", not an amount`,
    };
  }
  const name = compiled.nameChars.has(chars[candidate.numeralStart]!)
    ? nameAround(chars, candidate.numeralStart, from, reach, compiled.names)
    : null;
  if (name !== null) {
    return { rule: `not-quantities.yaml#${name}`, reason: `"${text}" is part of the name "${name}"` };
  }
  const around = new Around(candidate, chars, from, reach);
  for (const pattern of compiled.patterns) {
    if (matches(pattern, candidate, around, text)) {
      const why = pattern.note ? `: ${pattern.note}` : '';
      return { rule: `not-quantities.yaml#${pattern.id}`, reason: `"${text}" is not a quantity (${pattern.id})${why}` };
    }
  }
  return null;
}

/** The texts a pattern tests, each built once per candidate (there are dozens of patterns). */
class Around {
  private numeralText: string | undefined;
  private beforeText: string | undefined;
  private afterText: string | undefined;

  constructor(
    private readonly candidate: Candidate,
    private readonly chars: readonly string[],
    private readonly from: number,
    private readonly reach: number,
  ) {}

  get numeral(): string {
    return (this.numeralText ??= this.chars.slice(this.candidate.numeralStart, this.candidate.numeralEnd).join(''));
  }

  get before(): string {
    const start = this.candidate.numeralStart;
    return (this.beforeText ??= this.chars.slice(Math.max(this.from, start - CONTEXT), start).join(''));
  }

  get after(): string {
    const end = this.candidate.end;
    return (this.afterText ??= this.chars.slice(end, Math.min(this.reach, end + CONTEXT)).join(''));
  }
}

function matches(pattern: ExclusionPattern, candidate: Candidate, around: Around, text: string): boolean {
  if (pattern.pattern && !pattern.pattern.test(text)) return false;
  if (pattern.numeral && !pattern.numeral.test(around.numeral)) return false;
  if (pattern.unit && !pattern.unit.test(candidate.unit.unit)) return false;
  if (pattern.classifier !== null && (candidate.unit.file === 'classifiers.yaml') !== pattern.classifier) return false;
  if (pattern.before && !pattern.before.test(around.before)) return false;
  if (pattern.after && !pattern.after.test(around.after)) return false;
  return true;
}

/**
 * Where the straight quotes of a text open and close: `isOpener(i)` is true when the `"` at `i`
 * is the first of a pair in its paragraph (an even number of `"` stand before it). Built once
 * per document, so each lookup is O(1).
 */
export class StraightQuotes {
  private readonly opener: Uint8Array;

  constructor(chars: readonly string[]) {
    this.opener = new Uint8Array(chars.length);
    let inside = false;
    chars.forEach((ch, i) => {
      if (ch === '\n') inside = false;
      else if (ch === STRAIGHT_QUOTE) {
        this.opener[i] = inside ? 0 : 1;
        inside = !inside;
      }
    });
  }

  isOpener(i: number): boolean {
    return this.opener[i] === 1;
  }
}

/**
 * True when the candidate stands inside a short quotation or title (“18条”, 《30条措施》): the
 * nearest quote mark before it opens, and its closer follows within `MAX_QUOTED` characters.
 */
function quoted(candidate: Candidate, chars: readonly string[], from: number, reach: number, straight: StraightQuotes): boolean {
  let opener: string | undefined;
  let openAt = -1;
  for (let i = candidate.start - 1; i >= Math.max(from, candidate.start - MAX_TITLE); i--) {
    const ch = chars[i]!;
    if (ch === STRAIGHT_QUOTE ? straight.isOpener(i) : QUOTES.has(ch)) {
      opener = ch;
      openAt = i;
      break;
    }
    if (CLOSERS.has(ch)) return false;
  }
  if (opener === undefined) return false;
  const closer = QUOTES.get(opener)!;
  const longest = opener === TITLE ? MAX_TITLE : MAX_QUOTED;
  for (let i = candidate.end; i < Math.min(reach, openAt + longest + 2); i++) {
    const ch = chars[i]!;
    if (ch === closer) return true;
    if (QUOTES.has(ch) && ch !== STRAIGHT_QUOTE) return false;
  }
  return false;
}

/** The longest listed name that covers position `at` (within `[from, reach)`), or null. */
function nameAround(
  chars: readonly string[],
  at: number,
  from: number,
  reach: number,
  names: readonly (readonly string[])[],
): string | null {
  for (const nameChars of names) {
    for (let offset = 0; offset < nameChars.length; offset++) {
      const start = at - offset;
      if (start < from || start + nameChars.length > reach) continue;
      let equal = true;
      for (let k = 0; k < nameChars.length && equal; k++) equal = chars[start + k] === nameChars[k];
      if (equal) return nameChars.join('');
    }
  }
  return null;
}

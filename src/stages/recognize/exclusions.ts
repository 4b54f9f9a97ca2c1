/**
 * What is not a quantity after all (spec §2): numbers inside names (not-quantities.yaml#names)
 * and general shapes (dates, ordinals, the article 一, vague amounts; #patterns). Each drop
 * names the entry that made it.
 */
import type { Compiled, ExclusionPattern } from './compile.js';
import type { Candidate } from './find.js';

/** Characters of sentence context a `before`/`after` pattern sees. */
const CONTEXT = 12;

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
): Exclusion | null {
  const text = chars.slice(candidate.start, candidate.end).join('');
  const name = compiled.nameChars.has(chars[candidate.numeralStart]!)
    ? nameAround(chars, candidate.numeralStart, from, reach, compiled.names)
    : null;
  if (name !== null) {
    return { rule: `not-quantities.yaml#${name}`, reason: `"${text}" is part of the name "${name}"` };
  }
  for (const pattern of compiled.patterns) {
    if (matches(pattern, candidate, chars, from, reach, text)) {
      const why = pattern.note ? `: ${pattern.note}` : '';
      return { rule: `not-quantities.yaml#${pattern.id}`, reason: `"${text}" is not a quantity (${pattern.id})${why}` };
    }
  }
  return null;
}

function matches(
  pattern: ExclusionPattern,
  candidate: Candidate,
  chars: readonly string[],
  from: number,
  reach: number,
  text: string,
): boolean {
  if (pattern.pattern && !pattern.pattern.test(text)) return false;
  if (pattern.numeral && !pattern.numeral.test(chars.slice(candidate.numeralStart, candidate.numeralEnd).join(''))) return false;
  if (pattern.unit && !pattern.unit.test(candidate.unit.unit)) return false;
  if (pattern.classifier !== null && (candidate.unit.file === 'classifiers.yaml') !== pattern.classifier) return false;
  if (pattern.before && !pattern.before.test(chars.slice(Math.max(from, candidate.numeralStart - CONTEXT), candidate.numeralStart).join(''))) {
    return false;
  }
  if (pattern.after && !pattern.after.test(chars.slice(candidate.end, Math.min(reach, candidate.end + CONTEXT)).join(''))) {
    return false;
  }
  return true;
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

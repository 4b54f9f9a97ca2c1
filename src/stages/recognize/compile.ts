/**
 * The recognizer's rules, compiled once per pipeline into frozen lookup tables and regexes.
 */
import type { Rules } from '../../rules/schema.js';
import { unitTable, wordTable, type BoundEntry, type MagnitudeEntry, type UnitEntry, type WordTable } from './units.js';

/** A not-quantities pattern with its conditions compiled (absent condition = always true). */
export interface ExclusionPattern {
  id: string;
  note: string;
  pattern: RegExp | null;
  numeral: RegExp | null;
  unit: RegExp | null;
  classifier: boolean | null;
  before: RegExp | null;
  after: RegExp | null;
}

export interface Compiled {
  units: WordTable<UnitEntry>;
  magnitudes: WordTable<MagnitudeEntry>;
  before: WordTable<BoundEntry>;
  after: WordTable<BoundEntry>;
  connectors: WordTable<string>;
  /** Words before a first number that make a connector mean "from A to B" (从, 由). */
  rangeBreakers: WordTable<string>;
  /** Names with numerals (not-quantities.yaml#names) as code points, longest first. */
  names: readonly (readonly string[])[];
  /** Every character of every name: a number whose first character is in none needs no name check. */
  nameChars: ReadonlySet<string>;
  patterns: readonly ExclusionPattern[];
}

/** Validated rules → the recognizer's matchers. */
export function compileRecognizer(rules: Rules): Compiled {
  const bound = (entry: { word: string; qualifier: BoundEntry['qualifier']; inside?: boolean | undefined }) =>
    [entry.word, { word: entry.word, qualifier: entry.qualifier, inside: entry.inside ?? false }] as [string, BoundEntry];
  const regex = (source: string | undefined) => (source === undefined ? null : new RegExp(source, 'u'));
  const notQuantities = rules['not-quantities.yaml'];
  return Object.freeze({
    units: unitTable(rules),
    magnitudes: wordTable(rules['magnitudes.yaml'].map((m) => [m.form, { form: m.form, power: m.power }] as [string, MagnitudeEntry])),
    before: wordTable(rules['qualifiers.yaml'].before.map(bound)),
    after: wordTable(rules['qualifiers.yaml'].after.map(bound)),
    connectors: wordTable(rules['qualifiers.yaml'].range_connectors.map((c) => [c.word, c.word] as [string, string])),
    rangeBreakers: wordTable((rules['qualifiers.yaml'].range_breakers ?? []).map((c) => [c.word, c.word] as [string, string])),
    names: [...new Set(notQuantities.names.map((n) => n.text))]
      .map((text) => Array.from(text))
      .sort((a, b) => b.length - a.length),
    nameChars: new Set(notQuantities.names.flatMap((n) => Array.from(n.text))),
    patterns: notQuantities.patterns.map((p) => ({
      id: p.id,
      note: p.note ?? '',
      pattern: regex(p.pattern),
      numeral: regex(p.numeral),
      unit: regex(p.unit),
      classifier: p.classifier ?? null,
      before: regex(p.before),
      after: regex(p.after),
    })),
  });
}

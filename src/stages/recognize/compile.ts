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
  /** The canonical units whose name the entry's `unit` regex matches, tested once here rather than per number. */
  units: ReadonlySet<string> | null;
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
  /** Change words (changes.yaml increase and decrease) that a bound word may stand in front of: 约增长12%. */
  changes: WordTable<string>;
  /** Words before a first number that make a connector mean "from A to B" (从, 由). */
  rangeBreakers: WordTable<string>;
  /** Joiners of listed numbers that share the last one's unit (、 和). */
  sharingJoiners: WordTable<string>;
  /** Endings that make a longer unit one of its own (门次 after 门), never shared back over a list. */
  distinctUnitSuffixes: ReadonlySet<string>;
  /** Notes between a unit and its bound word: （含） of 5000万元（含）以上. */
  boundInserts: WordTable<string>;
  /** Words before a length that make it a speed (units.yaml per_words: 时速 → per 小时), each to its unit. */
  perWords: WordTable<UnitEntry>;
  /** Marks an amount reaches (subjects.yaml marks: 台阶, 大关): a count of them is what was crossed. */
  marks: WordTable<string>;
  /** Unit forms that begin a longer form (个 of 个百分点, 个月): only these may borrow the next number's. */
  unitPrefixes: ReadonlySet<string>;
  /**
   * Names with numerals (not-quantities.yaml#names) by each of their characters: where a number
   * starts with that character, the names that may cover it and at which offset, longest name first.
   */
  namesByChar: ReadonlyMap<string, readonly NamePlace[]>;
  /**
   * The patterns that can apply to each canonical unit (those with no `units`, or whose `units`
   * hold it), in order; a unit not listed takes `unitlessPatterns`.
   */
  patternsByUnit: ReadonlyMap<string, readonly ExclusionPattern[]>;
  /** The patterns that name no unit, in order. */
  unitlessPatterns: readonly ExclusionPattern[];
}

/** A name as code points, and the offset of one of its characters. */
export interface NamePlace {
  name: readonly string[];
  offset: number;
}

/** Validated rules → the recognizer's matchers. */
export function compileRecognizer(rules: Rules): Compiled {
  const bound = (entry: {
    word: string;
    qualifier: BoundEntry['qualifier'];
    inside?: boolean | undefined;
    only_inside?: boolean | undefined;
    across_change?: boolean | undefined;
    across_words?: number | undefined;
    across_base?: boolean | undefined;
  }) =>
    [
      entry.word,
      {
        word: entry.word,
        qualifier: entry.qualifier,
        inside: (entry.inside ?? false) || (entry.only_inside ?? false),
        onlyInside: entry.only_inside ?? false,
        acrossChange: entry.across_change ?? false,
        acrossWords: entry.across_words ?? 0,
        acrossBase: entry.across_base ?? false,
        rule: `qualifiers.yaml#${entry.word}`,
      },
    ] as [string, BoundEntry];
  const regex = (source: string | undefined) => (source === undefined ? null : new RegExp(source, 'u'));
  const notQuantities = rules['not-quantities.yaml'];
  const units = unitTable(rules);
  const unitNames = new Set([...units.forms.values()].map((entry) => entry.unit));
  const matchingUnits = (source: string | undefined) => {
    const pattern = regex(source);
    return pattern && new Set([...unitNames].filter((unit) => pattern.test(unit)));
  };
  const patterns: ExclusionPattern[] = notQuantities.patterns.map((p) => ({
    id: p.id,
    note: p.note ?? '',
    pattern: regex(p.pattern),
    numeral: regex(p.numeral),
    units: matchingUnits(p.unit),
    classifier: p.classifier ?? null,
    before: regex(p.before),
    after: regex(p.after),
  }));
  return Object.freeze({
    units,
    magnitudes: wordTable(
      rules['magnitudes.yaml'].map((m) => [m.form, { form: m.form, power: m.power, rule: `magnitudes.yaml#${m.form}` }] as [string, MagnitudeEntry]),
    ),
    before: wordTable(rules['qualifiers.yaml'].before.map(bound)),
    after: wordTable(rules['qualifiers.yaml'].after.map(bound)),
    connectors: wordTable(rules['qualifiers.yaml'].range_connectors.map((c) => [c.word, c.word] as [string, string])),
    changes: wordTable([...rules['changes.yaml'].increase, ...rules['changes.yaml'].decrease].map((c) => [c.word, c.word] as [string, string])),
    rangeBreakers: wordTable((rules['qualifiers.yaml'].range_breakers ?? []).map((c) => [c.word, c.word] as [string, string])),
    sharingJoiners: wordTable((rules['qualifiers.yaml'].unit_sharing_joiners ?? []).map((c) => [c.word, c.word] as [string, string])),
    distinctUnitSuffixes: new Set((rules['qualifiers.yaml'].unit_sharing_distinct_suffixes ?? []).map((c) => c.word)),
    boundInserts: wordTable((rules['qualifiers.yaml'].bound_inserts ?? []).map((c) => [c.word, c.word] as [string, string])),
    perWords: wordTable(
      rules['units.yaml'].flatMap((entry) => (entry.per_words ?? []).map((w) => [w, units.forms.get(entry.unit)!] as [string, UnitEntry])),
    ),
    marks: wordTable((rules['subjects.yaml'].marks ?? []).map((c) => [c.word, c.word] as [string, string])),
    unitPrefixes: prefixesOf([...units.forms.keys()]),
    namesByChar: namesByChar(notQuantities.names.map((n) => n.text)),
    patternsByUnit: new Map([...unitNames].map((unit) => [unit, patterns.filter((p) => p.units === null || p.units.has(unit))])),
    unitlessPatterns: patterns.filter((p) => p.units === null),
  });
}

/** Each character of the names → the names holding it and where, longest name first, then by offset. */
function namesByChar(texts: readonly string[]): ReadonlyMap<string, readonly NamePlace[]> {
  const names = [...new Set(texts)].map((text) => Array.from(text)).sort((a, b) => b.length - a.length);
  const index = new Map<string, NamePlace[]>();
  for (const name of names) {
    name.forEach((ch, offset) => {
      const places = index.get(ch) ?? [];
      places.push({ name, offset });
      index.set(ch, places);
    });
  }
  return index;
}

/** The forms that a longer form begins with. */
function prefixesOf(forms: readonly string[]): Set<string> {
  const all = new Set(forms);
  const prefixes = new Set<string>();
  for (const form of forms) {
    const chars = Array.from(form);
    for (let n = 1; n < chars.length; n++) {
      const head = chars.slice(0, n).join('');
      if (all.has(head)) prefixes.add(head);
    }
  }
  return prefixes;
}

/**
 * modality: was the number achieved (`actual`) or is it planned (`target`)?
 *
 * Cues in the number's clause decide first, a target cue before an actual one (`will`, `aim`,
 * `target`, `is projected`; `last year`, `grew`, `were added`). Otherwise the section decides:
 * a short heading or list lead-in that matches a section pattern (`Major targets for 2024:`,
 * `Review of our work in 2023`) sets the modality of what follows it. Otherwise `actual`.
 */
import type { Modality } from '../../document.js';
import type { CompiledEnglish } from './compile.js';
import { matchForward } from './words.js';

/** A paragraph longer than this is body text, not a heading or lead-in, and sets no section. */
const HEADING_LENGTH = 160;
/** A line this short that names only a year can be a heading by itself. */
const SHORT_HEADING = 80;
const YEAR = /\b(19|20)\d\d\b/g;

export interface Section {
  modality: Modality | null;
  /** The year the section is about (`for 2024`), or null. */
  year: string | null;
  rule: string | null;
}

/**
 * The section after reading `segment`: a short heading (no closing full stop) or a list lead-in
 * (ending with a colon) that matches a section pattern starts a new one, with the year it names;
 * any other segment leaves `current` as is.
 */
export function sectionAfter(current: Section, segment: string, compiled: CompiledEnglish): Section {
  const text = segment.trim();
  // a heading has no closing full stop (`The main targets for 2024 were met.` is a sentence); a lead-in ends with a colon
  const leadIn = /:\s*$/.test(text);
  if (!leadIn && (text.length > HEADING_LENGTH || /[.!?]["'”’)]*$/.test(text))) return current;
  const target = compiled.targetSections.find((s) => s.pattern.test(text));
  const hit = target ?? compiled.actualSections.find((s) => s.pattern.test(text));
  // `2024 in numbers` after `Targets for 2025`: a heading that names only an earlier year looks back
  if (!hit && current.modality === 'target' && current.year !== null && /^[^\d]*\b(19|20)\d\d\b[^\d]*$/.test(text) && !/[.,;]$/.test(text)) {
    const year = lastYear(text);
    if (year !== null && year < current.year && text.length <= SHORT_HEADING) return { modality: 'actual', year, rule: 'english/earlier-year-heading' };
  }
  if (!hit) return current;
  return { modality: target ? 'target' : 'actual', year: lastYear(text), rule: hit.rule };
}

/** Marks that end a clause; each is one UTF-16 unit, tested with a string search (runs per character). */
const CLAUSE_STOPS = ';:—•';

/** The clause around `[start, end)`: between the nearest `;`, `:`, full stop or bullet dash on either side. */
export function clauseAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0 && !CLAUSE_STOPS.includes(text[s - 1]!) && !fullStopAt(text, s - 1) && !text.startsWith('--', s - 2)) s--;
  let e = end;
  while (e < text.length && !CLAUSE_STOPS.includes(text[e]!) && !fullStopAt(text, e) && !text.startsWith('--', e)) e++;
  return { start: s, end: e };
}

/** The comma-delimited part of `[clauseStart, clauseEnd)` around `index`. */
export function subclauseAround(text: string, clauseStart: number, clauseEnd: number, index: number): { start: number; end: number } {
  let s = index;
  while (s > clauseStart && !partBreak(text, s - 1)) s--;
  let e = index;
  while (e < clauseEnd && !partBreak(text, e)) e++;
  return { start: s, end: e };
}

// a comma, but not the thousands separator of `8,000 flats will be completed` (which cut the
// number's own cues off from it)
function partBreak(text: string, i: number): boolean {
  return text[i] === ',' && !(/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''));
}

/** Where the sentence around `index` starts: after the last full stop before it, or 0. */
export function sentenceStart(text: string, index: number): number {
  for (let i = index - 1; i > 0; i--) if (fullStopAt(text, i)) return i + 1;
  return 0;
}

/**
 * The modality the cues of `clause` give, or null: the cue nearest to `[at, atEnd)` (indexes into
 * `clause`) wins, a target cue on a tie (`This year's report said GDP grew 5 percent last year`
 * is actual; `the deficit is projected at 3 percent` is a target).
 */
export function clauseModality(
  clause: string,
  compiled: CompiledEnglish,
  at = clause.length,
  atEnd = at,
): { modality: Modality; rule: string } | null {
  let best: { modality: Modality; rule: string; distance: number } | null = null;
  for (let i = 0; i < clause.length; i++) {
    if (i > 0 && /[\p{L}\p{N}]/u.test(clause[i - 1]!)) continue;
    const cue = matchForward(compiled.modalityCues, clause, i) ?? perfectAt(clause, i, compiled);
    if (!cue) continue;
    if (cue.value.modality === null) {
      i = cue.end - 1; // `more than last year` compares; it does not date the number
      continue;
    }
    if (cue.value.beforeOnly && cue.end > at) continue; // `by 25 percent compared with 2025`: the base, not an outturn
    // `benefiting about 9.6 million households and exceeding the annual target of 50,000 communities`: a
    // cue after the number that names a number of its own (`target of 50,000`) is that number's
    if (i >= atEnd && OF_NUMBER.test(clause.slice(cue.end, cue.end + 32))) continue;
    // `from 35 percent to more than 60 percent`; not in a forecast's clause (`raised its forecast … from 4.5 percent`)
    if (cue.value.rightBefore && (!RIGHT_BEFORE.test(clause.slice(cue.end, at)) || namesForecast(clause, compiled))) continue;
    // `, already among the highest in China at 62.8 percent, to 63 percent`: only in the number's own comma part
    if (cue.value.inPart && /,(?!\d)/.test(clause.slice(cue.end, at))) continue;
    const distance = cue.end <= at ? at - cue.end : i >= atEnd ? i - atEnd : 0;
    const better = best === null || distance < best.distance || (distance === best.distance && cue.value.modality === 'target');
    if (better) best = { modality: cue.value.modality, rule: cue.value.rule, distance };
  }
  return best === null ? null : { modality: best.modality, rule: best.rule };
}

// a present perfect at index `i` of `clause` (`has allocated`; not `will have reached`) as an actual cue, or null
function perfectAt(clause: string, i: number, compiled: CompiledEnglish): { phrase: string; value: { modality: Modality; rule: string; beforeOnly?: true; rightBefore?: true; inPart?: true }; end: number } | null {
  const perfect = compiled.perfect;
  if (perfect === null) return null;
  perfect.pattern.lastIndex = i;
  const match = perfect.pattern.exec(clause);
  if (!match) return null;
  const before = /(\p{L}+)\s+$/u.exec(clause.slice(Math.max(0, i - 16), i));
  if (before && perfect.notAfter.has(before[1]!.toLowerCase())) return null;
  return { phrase: match[0], value: { modality: 'actual', rule: perfect.rule }, end: i + match[0].length };
}

function namesForecast(clause: string, compiled: CompiledEnglish): boolean {
  return clause.toLowerCase().split(/[^\p{L}]+/u).some((word) => compiled.forecastNouns.has(word));
}

const OF_NUMBER = /^\s+of\s+(?:\p{L}+\s+){0,2}\d/u;

// what may stand between a right-before cue and its number: a few words (`an initially reported`), no number
const RIGHT_BEFORE = /^\s*(?:[\p{L}-]+\s+){0,3}$/u;

/** The year nearest to `index` in `text`, or null. */
export function nearestYear(text: string, index: number): string | null {
  let best: string | null = null;
  let distance = Infinity;
  for (const match of text.matchAll(YEAR)) {
    const d = Math.abs(match.index! - index);
    if (d < distance) {
      distance = d;
      best = match[0];
    }
  }
  return best;
}

function lastYear(text: string): string | null {
  const years = text.match(YEAR);
  return years ? years[years.length - 1]! : null;
}

// a full stop that ends a sentence: `… year. GDP`, not `U.S.` or `5.2`
function fullStopAt(text: string, i: number): boolean {
  return text[i] === '.' && (i + 1 >= text.length || /\s/.test(text[i + 1]!)) && !/\b[A-Z]$/.test(text.slice(Math.max(0, i - 2), i));
}

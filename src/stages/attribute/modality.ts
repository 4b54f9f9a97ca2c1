/**
 * modality: actual (achieved) or target (planned), by the clause first, then the section.
 *
 *   后续还要有7个项目进行保护      target: a clause cue, even inside a review
 *   力争全年增长5%，就业9万人       target: a cue opening the sentence governs its clauses
 *   到2027年产值达到1000亿元       target: a later year than the one under review
 *   规上工业增加值增长7%以上        the section's: a plan section makes it a target
 */
import type { Modality } from '../../document.js';
import type { CompiledAttribute } from './compile.js';
import type { Item, SentenceView } from './items.js';
import { nextSolid } from './items.js';
import type { YearMention } from './period.js';
import type { Section } from './sections.js';

/** The modality of every quantity of the sentence, in order. `years[k]` is the year its clause names. */
export function findModalities(
  view: SentenceView,
  compiled: CompiledAttribute,
  section: Section,
  years: readonly (YearMention | null)[],
): Modality[] {
  return view.quantityItems.map((at, k) => {
    const cue = clauseCue(view.items, at, compiled) ?? sentenceCue(view.items, at, compiled);
    if (cue) return cue;
    const year = years[k];
    if (year && section.year) {
      if (section.modality === 'actual' && Number(year.year) > Number(section.year)) return 'target';
      if (section.modality === 'target' && Number(year.year) < Number(section.year)) return 'actual';
    }
    if (year?.until) return 'target';
    return section.modality;
  });
}

/** The nearest target or actual cue between the clause's start and item `at`. */
function clauseCue(items: readonly Item[], at: number, compiled: CompiledAttribute): Modality | null {
  for (let i = at - 1; i >= 0; i--) {
    const item = items[i]!;
    if (item.separator === 'clause') return null;
    const cue = compiled.cues.endingAt(items, i, ['target', 'actual']);
    if (!cue) continue;
    if (isPreposition(items, cue)) continue;
    return cue.label === 'target' ? 'target' : 'actual';
  }
  return null;
}

/**
 * The nearest cue of two or more characters in an earlier clause of the sentence: 该区今年计划实施
 * 项目45个，总投资约210亿元 plans both. One-character cues (将, 要) hold only in their clause.
 */
function sentenceCue(items: readonly Item[], at: number, compiled: CompiledAttribute): Modality | null {
  let inClause = true;
  for (let i = at - 1; i >= 0; i--) {
    if (items[i]!.separator === 'clause') inClause = false;
    if (inClause) continue;
    const cue = compiled.cues.endingAt(items, i, ['target', 'actual']);
    if (!cue || Array.from(cue.word).length < 2) continue;
    return cue.label === 'target' ? 'target' : 'actual';
  }
  return null;
}

/**
 * A one-character cue right before a number is a preposition, not a plan: the 将 of
 * 将5000万元以上项目纳入调度 marks the object (the ba-construction), not the future.
 */
function isPreposition(items: readonly Item[], cue: { word: string; end: number }): boolean {
  if (Array.from(cue.word).length !== 1) return false;
  const next = items[nextSolid(items, cue.end)];
  return next !== undefined && next.quantity >= 0;
}

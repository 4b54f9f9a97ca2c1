/**
 * The section each paragraph stands in: whether it reviews a past year or plans a coming one,
 * and which year it is about.
 *
 * A section opens at a heading (or the first clause of a body paragraph) that matches a pattern
 * of modality.yaml (`回首2024年`, `2025年政府工作的总体要求`). A heading that names a later year than
 * the year under review opens a plan even when its words are a slogan (`2025年 凝心聚力 真抓实干`
 * after `2024年 攻坚克难`). Reports go from review to plan, so inside a plan only a heading opens a
 * review again. Sections without a year take it from their neighbours: a plan is about the year
 * after the review.
 */
import type { Doc, Modality } from '../../document.js';
import type { CodePointIndex } from '../../text/codepoints.js';
import type { CompiledAttribute } from './compile.js';
import { yearsIn } from './period.js';

export interface Section {
  modality: Modality;
  /** The year the section is about, e.g. `"2024"`, or null. */
  year: string | null;
  /** The rule that opened the section, or null for the document's start. */
  rule: string | null;
}

/** A short paragraph without sentence punctuation reads as a heading even if the cleaner left it a body. */
const HEADING_LENGTH = 30;
/** Characters of a paragraph read for a section cue. */
const HEADING_READ = 80;
const SENTENCE_PUNCTUATION = /[。；;，,！!？?]/u;
/** The rule of a section opened by a heading that names only a year (a title, or a review's slogan). */
const YEAR_ONLY = 'attribute/section#year';
/** The numbering before a heading: 一、 （二） 3. — numerals and punctuation only. */
const ENUMERATOR = /^\s*[（(]?[一二三四五六七八九十\d]+[）)、.．]?\s*/u;
/**
 * A place that may stand before the year a title is about (`某省2023年…公报`, `关于某市2023年预算
 * 执行情况…`): up to eight Han characters ending in an administrative unit.
 */
const PLACE_BEFORE_YEAR = /^(?:关于)?\p{Script=Han}{0,8}[省市县区州盟旗国]$/u;
/** A section number with its mark, starting a paragraph: 二、 （三） 4. */
const NUMBERED = /^\s*[（(]?[一二三四五六七八九十\d]{1,3}[）)、．]/u;
/** The colon after a clause that introduces what follows (structural punctuation). */
const INTRODUCER = /^[：:]$/u;
/** A speaker's label before a colon (记者：, 问：, 王强代表：): at most this many characters. */
const SPEAKER_LABEL = 5;
/** A paragraph that is one question (记者：今年提出了哪些目标？) introduces the answers after it. */
const QUESTION_END = /[？?]$/u;
/** First clause of a body paragraph: up to the first clause mark. */
const FIRST_CLAUSE = /^[^，,：:。；;！!？?]{0,40}/u;

/** The section of every paragraph of `doc`, by paragraph index. */
export function readSections(doc: Doc, compiled: CompiledAttribute, text: CodePointIndex): Section[] {
  const sections: Section[] = [];
  let current: Section = { modality: 'actual', year: null, rule: null };
  let reviewYear: number | null = null;
  for (const paragraph of doc.paragraphs) {
    // a heading is short: only its first characters are read
    const whole = text.slice(paragraph.start, Math.min(paragraph.end, paragraph.start + HEADING_READ)).trim();
    // a news story's dateline: the headline above it (`…提出今年经济增长预期目标5%左右`) heads the
    // story, no section of it, and its text starts afresh, as a document does (its own cues follow)
    if (compiled.storyOpeners.some((opener) => opener.test(whole))) current = { modality: 'actual', year: null, rule: null };
    const short = paragraph.end - paragraph.start <= HEADING_LENGTH;
    // a heading with sentence punctuation is a fragment or a sentence (OCR columns), read as a body
    const headingLike = (paragraph.kind === 'heading' || short) && !SENTENCE_PUNCTUATION.test(whole);
    let probe = headingLike ? whole : (FIRST_CLAUSE.exec(whole)?.[0] ?? '');
    // 记者：今年政府工作报告提出了哪些目标？ a speaker's label is not the clause; what is said is
    const labelled = !headingLike && Array.from(probe).length <= SPEAKER_LABEL && INTRODUCER.test(whole.slice(probe.length, probe.length + 1));
    const said = labelled && !firstMatch(probe, compiled) ? whole.slice(probe.length + 1) : whole;
    if (said !== whole) probe = FIRST_CLAUSE.exec(said)?.[0] ?? '';
    const question = labelled && short && QUESTION_END.test(whole);
    const dateline = compiled.datelines.some((pattern) => pattern.test(probe));
    const named = dateline ? undefined : yearsIn(probe, compiled)[0];
    const year = named?.year ?? null;
    // only a heading that opens with its year is about that year (2025年重点工作, not 巩固2024年成果)
    const before = named === undefined ? '' : probe.slice(0, named.index).replace(ENUMERATOR, '').trim();
    const opensWithYear = named !== undefined && (before === '' || (headingLike && PLACE_BEFORE_YEAR.test(before)));
    // a body paragraph opens a plan only when its first clause introduces it (…的总体要求是：) or
    // it starts with a section number (二、2025年工作安排 run into its text), not when it mentions
    // one (全面完成年度目标任务，…)
    const numbered = NUMBERED.test(whole);
    const introduces = headingLike || numbered || question || INTRODUCER.test(said.slice(probe.length, probe.length + 1));
    const found = firstMatch(probe, compiled);
    const match = found && (found.modality === 'actual' || introduces) ? found : null;
    // reports go from review to plan: once a plan has begun, only a heading returns to a review,
    // never a body paragraph (a quoted 过去的一年 in a delegate's comment)
    const backwards = match !== null && !headingLike && match.modality === 'actual' && current.modality === 'target';
    if (match && !backwards) {
      // 2024年工作回顾 … 过去一年，…: a section of the same kind without a year keeps the year,
      // but not a bare title's (2025年政府工作报告 … 过去一年，… reviews 2024)
      const sameKind = match.modality === current.modality && current.rule !== YEAR_ONLY;
      const kept = !year && sameKind ? current.year : year;
      current = { modality: match.modality, year: kept, rule: match.rule };
      if (match.modality === 'actual' && year) reviewYear = Number(year);
    } else if (headingLike && year && !opensWithYear && current.year === null && current.rule !== null) {
      // 附：2025年重点民生实事 names the year a section without one is about; a plan takes only a
      // year later than the review's (not 巩固2024年成果)
      const fits = current.modality === 'actual' || reviewYear === null || Number(year) > reviewYear;
      if (fits) current = { ...current, year };
    } else if (headingLike && year && opensWithYear && current.rule === null && compiled.planYearTitles.some((pattern) => pattern.test(probe))) {
      // 柳泉市2026年政府工作报告: delivered in 2026, it reviews 2025 and plans 2026, so a later
      // 2026年重点工作 heading opens the plan (was read as the year under review: batch 71)
      const reviewed = String(Number(year) - 1);
      current = { modality: 'actual', year: reviewed, rule: YEAR_ONLY };
      reviewYear = Number(reviewed);
    } else if (headingLike && year && opensWithYear) {
      const later =
        (current.modality === 'target' && current.year !== null && Number(year) >= Number(current.year)) ||
        (reviewYear !== null && Number(year) > reviewYear);
      current = { modality: later ? 'target' : 'actual', year, rule: later ? 'attribute/section#later-year' : YEAR_ONLY };
      if (!later) reviewYear = Number(year);
    }
    sections.push(current);
  }
  return fillYears(sections);
}

function firstMatch(probe: string, compiled: CompiledAttribute) {
  // most first clauses name no section: one search of the alternation settles them
  if (compiled.anySection !== null && !compiled.anySection.test(probe)) return null;
  let best: { modality: Modality; rule: string; index: number } | null = null;
  for (const section of compiled.sections) {
    const found = section.pattern.exec(probe);
    if (found && (best === null || found.index < best.index)) {
      best = { modality: section.modality, rule: section.rule, index: found.index };
    }
  }
  return best;
}

/**
 * Years for sections that name none: a section takes the year a later heading of the same section
 * names (附：2025年…), a plan the year after the review before it, a review the year before the
 * plan after it.
 */
function fillYears(sections: Section[]): Section[] {
  const filled = sections.map((section) => ({ ...section }));
  for (let i = filled.length - 2; i >= 0; i--) {
    const section = filled[i]!;
    const next = filled[i + 1]!;
    if (!section.year && next.year && next.rule === section.rule && next.modality === section.modality) section.year = next.year;
  }
  forward(filled);
  let nextTarget: string | null = null;
  for (let i = filled.length - 1; i >= 0; i--) {
    const section = filled[i]!;
    if (section.modality === 'target' && section.year) nextTarget = section.year;
    if (section.modality === 'actual' && !section.year && nextTarget) section.year = String(Number(nextTarget) - 1);
  }
  forward(filled);
  return filled;
}

function forward(sections: Section[]): void {
  let lastActual: string | null = null;
  for (const section of sections) {
    if (section.modality === 'actual' && section.year) lastActual = section.year;
    if (section.modality === 'target' && !section.year && lastActual) section.year = String(Number(lastActual) + 1);
  }
}

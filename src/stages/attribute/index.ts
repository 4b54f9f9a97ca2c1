/**
 * attribute: what each Chinese quantity measures, whether it is a rise, whether it was achieved
 * or planned, and the year it is about. Only sentences that hold a quantity are tagged.
 *
 *   subject       科技成果本地转化数量增长71% → 科技成果本地转化数量           (subject.ts)
 *   change        增长71% → increase; 增至16个 → none; 新增5000个 → none   (change.ts)
 *   modality      力争…增长10% → target; the section decides otherwise     (modality.ts, sections.ts)
 *   period        回首2024年… → 2024; 到2027年… → 2027                      (period.ts)
 *   respectively  A、B分别增长7%、12% → A's and B's own subjects           (respectively.ts)
 *
 * Beneath the passes: compile.ts (rules → one whole-word cue table), items.ts (a sentence as
 * jieba words with each quantity as one item), split.ts (change words jieba glued to a noun),
 * cues.ts (whole-word matching), walk.ts (the words between a number and its subject), phrase.ts
 * (a run of words cleaned into a table-header subject).
 */
import type { Doc, Quantity, Sentence, Warning } from '../../document.js';
import { defineStage } from '../../stage.js';
import { CodePointIndex } from '../../text/codepoints.js';
import { tagEach, type Segmenter, type Token } from '../../text/segment.js';
import { findChanges } from './change.js';
import { compileAttribute, type CompiledAttribute } from './compile.js';
import { buildItems, markYears, type SentenceView } from './items.js';
import { findModalities, opensContinuation } from './modality.js';
import { firstSpanAfter, periodOf, placeYears, resolveRelative, yearsBefore, type YearMention } from './period.js';
import { pairLists } from './respectively.js';
import { nameBeneficiaries } from './beneficiaries.js';
import { nameTotals } from './totals.js';
import { readSections } from './sections.js';
import { splitGluedCues, tagRateNouns } from './split.js';
import { fillEmptySubjects, findSubjects, lastMeasure } from './subject.js';
import { MAX_SUBJECT } from './phrase.js';
import { walkBack } from './walk.js';
import { piecesToCut } from './window.js';

/** Sentence ends that chain clauses of one list (the sentences stage splits at them). */
const RUN_ON_MARKS = new Set(['；', ';']);

export const attribute = defineStage<CompiledAttribute>({
  name: 'attribute',
  requires: ['quantities'],
  assigns: ['attributes'],
  prepare: (rules) => compileAttribute(rules),
  run(doc, { compiled, segmenter }) {
    const bySentence = chineseQuantitiesBySentence(doc);
    if (bySentence.size === 0) return doc;
    const text = new CodePointIndex(doc.text);
    const sections = readSections(doc, compiled, text);
    const placedYears = placeYears(text, compiled);
    const quantities = doc.quantities.slice();
    const warnings: Warning[] = [];
    let lastPlan = { paragraph: -1, plan: false, index: -1 };
    // the last subject of the sentence before, for a sentence whose numbers name nothing (环比增长0.36%。)
    let lastSubject = { index: -1, paragraph: -1, subject: '', measure: '' };
    // the year the last number of the sentence before was about, for a 其中 sentence that details it
    let lastYear: { index: number; year: YearMention | null } = { index: -1, year: null };
    // the items the sentence before paired to a 分别 list, for a clause that sums them up by a count
    let lastPaired: { index: number; paragraph: number; paired: readonly string[] | null } = { index: -1, paragraph: -1, paired: null };
    const order = [...bySentence.keys()].sort((a, b) => a - b);
    const cuts = cutSentences(doc, compiled, text, segmenter, order, bySentence);
    order.forEach((index, n) => {
      const group = bySentence.get(index)!;
      const sentence = doc.sentences[index]!;
      const view = viewOf(doc, compiled, segmenter, sentence, index, group, placedYears.spans, cuts[n]!);
      const members = view.members;
      const section = sections[sentence.paragraph] ?? { modality: 'actual' as const, year: null, rule: null };
      const subjects = findSubjects(view, compiled, doc.quantities);
      const changes = findChanges(view, compiled);
      const years = yearsBefore(placedYears.periods, sentence, members.map((k) => doc.quantities[k]!.start)).map((year) => resolveRelative(year, section));
      // 去年，全市完成投资1200亿元。其中，工业投资450亿元: the detail is about the year its sentence
      // (or paragraph) right before was about, also inside a plan section
      if (lastYear.index === index - 1 && lastYear.year !== null && opensContinuation(view, compiled)) {
        for (let i = 0; i < years.length && years[i] === null; i++) years[i] = lastYear.year;
      }
      lastYear = { index, year: years[years.length - 1] ?? null };
      const afterPlan = lastPlan.paragraph === sentence.paragraph && lastPlan.plan;
      // 全年将新建幼儿园300所；改造老旧小区2000个左右: a plan ended by a semicolon runs on
      const previous = doc.sentences[index - 1];
      const runOn = previous !== undefined && lastPlan.index === index - 1 && RUN_ON_MARKS.has(text.slice(previous.end - 1, previous.end));
      const { modalities, plan } = findModalities(view, compiled, doc.quantities, section, years, afterPlan, runOn);
      lastPlan = { paragraph: sentence.paragraph, plan, index };
      const periods = years.map((year, i) => periodOf(year, section, modalities[i]!));
      const pairedBefore = lastPaired.index === index - 1 && lastPaired.paragraph === sentence.paragraph ? lastPaired.paired : null;
      const lists = pairLists(view, compiled, subjects, doc.quantities, pairedBefore);
      for (const problem of lists.problems) {
        warnings.push({ ...problem.warning, place: { start: problem.start, end: problem.end, line: doc.offsets.rawLine(problem.start) } });
      }
      lastPaired = { index, paragraph: sentence.paragraph, paired: lists.paired };
      nameTotals(view, compiled, subjects, doc.quantities);
      nameBeneficiaries(view, compiled, subjects, doc.quantities);
      const adjacent = lastSubject.index === index - 1 && lastSubject.paragraph === sentence.paragraph;
      // the clauses before may hold no quantity, so the window left them uncut: read them all
      const whole = () => {
        const tokens = segmenter.tag(text.slice(sentence.start, sentence.end), sentence.start);
        return viewOf(doc, compiled, segmenter, sentence, index, group, placedYears.spans, { tokens, opensSentence: true });
      };
      if (subjects.includes('')) {
        fillEmptySubjects(whole, compiled, subjects, members, doc.quantities, adjacent ? lastSubject.subject : '', adjacent ? lastSubject.measure : '', view);
      }
      // (the last measure named: a later rise of it may follow its rate, 增速加快…；其中11月份增长8.1%)
      const measure = lastMeasure(subjects, compiled) || (adjacent ? lastSubject.measure : '');
      lastSubject = { index, paragraph: sentence.paragraph, subject: subjects[subjects.length - 1] ?? '', measure };
      members.forEach((k, i) => {
        quantities[k] = {
          ...doc.quantities[k]!,
          subject: subjects[i]!,
          change: changes[i]!,
          modality: modalities[i]!,
          period: periods[i]!,
        };
      });
    });
    nameFromLabels(doc, text, quantities);
    return { ...doc, quantities, warnings: warnings.length > 0 ? [...doc.warnings, ...warnings] : doc.warnings };
  },
});

/** Han characters a card's figure line may hold besides its figures (`同比增长5.9%`). */
const FIGURE_LINE_WORDS = 4;

/**
 * True when paragraph `p` holds nothing but its figures and at most FIGURE_LINE_WORDS Han
 * characters (`286.4亿元`, `同比增长5.9%`, `118.6亿元增长6.2%`): no mark, so no sentence cut from
 * its words (`3.6万个。`) and no OCR debris (`服务中心]4人`).
 */
function figuresOnly(doc: Doc, text: CodePointIndex, p: number, group: readonly number[], quantities: readonly Quantity[]): boolean {
  const paragraph = doc.paragraphs[p]!;
  let at = paragraph.start;
  let han = 0;
  const rest = (from: number, to: number): boolean => {
    for (const ch of text.slice(from, to)) {
      if (/\s/u.test(ch)) continue;
      if (!/\p{Script=Han}/u.test(ch) || ++han > FIGURE_LINE_WORDS) return false;
    }
    return true;
  };
  for (const k of group) {
    const quantity = quantities[k]!;
    if (!rest(at, quantity.start)) return false;
    at = Math.max(at, quantity.end);
  }
  return rest(at, paragraph.end);
}

/** Clause marks and digits a label line holds none of. */
const NOT_IN_LABEL = /[\d０-９，,。；;：:、！？!?%％]/u;

/**
 * A data card sets a figure on a line of its own with its label on the line above or below
 * (`地区生产总值` / `同比增长5.9%`, `286.4亿元` / `地区生产总值`): where no quantity of a paragraph found a
 * subject, the label paragraph right before it names them, else the one right after. A label is a
 * short line (at most MAX_SUBJECT code points) that opens with a Han character and holds no figure
 * and no clause mark (not a section heading such as `▍经济总量`).
 */
function nameFromLabels(doc: Doc, text: CodePointIndex, quantities: Quantity[]): void {
  const byParagraph = new Map<number, number[]>();
  quantities.forEach((quantity, k) => {
    if (quantity.lang !== 'zh' || quantity.sentence < 0) return;
    const paragraph = doc.sentences[quantity.sentence]?.paragraph;
    if (paragraph === undefined) return;
    const group = byParagraph.get(paragraph) ?? [];
    group.push(k);
    byParagraph.set(paragraph, group);
  });
  const labelAt = (p: number): string | null => {
    const paragraph = doc.paragraphs[p];
    if (paragraph === undefined || byParagraph.has(p)) return null;
    const label = text.slice(paragraph.start, paragraph.end).trim();
    const chars = Array.from(label);
    if (chars.length < 2 || chars.length > MAX_SUBJECT || !/^\p{Script=Han}/u.test(label) || NOT_IN_LABEL.test(label)) return null;
    return label;
  };
  for (const [p, group] of byParagraph) {
    if (group.some((k) => quantities[k]!.subject !== '') || !figuresOnly(doc, text, p, group, quantities)) continue;
    const label = labelAt(p - 1) ?? labelAt(p + 1);
    if (label === null) continue;
    for (const k of group) quantities[k] = { ...quantities[k]!, subject: label };
  }
}

/** Indexes of the Chinese quantities, grouped by sentence and sorted by start. */
function chineseQuantitiesBySentence(doc: Doc): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  doc.quantities.forEach((quantity: Quantity, k) => {
    if (quantity.lang !== 'zh' || quantity.sentence < 0 || !doc.sentences[quantity.sentence]) return;
    const group = groups.get(quantity.sentence) ?? [];
    group.push(k);
    groups.set(quantity.sentence, group);
  });
  // the stages before leave the quantities sorted by start, so a group is nearly always in order
  // already (sorting it anyway allocated 4.3 MB per 20 files of the 10 MB corpus, warm)
  for (const group of groups.values()) if (!sortedByStart(group, doc.quantities)) group.sort((a, b) => doc.quantities[a]!.start - doc.quantities[b]!.start);
  return groups;
}

function sortedByStart(group: readonly number[], quantities: readonly Quantity[]): boolean {
  for (let i = 1; i < group.length; i++) if (quantities[group[i - 1]!]!.start > quantities[group[i]!]!.start) return false;
  return true;
}

/** A sentence's words as the attribute passes read them, and whether they start at the sentence's start. */
interface Cut {
  tokens: Token[];
  opensSentence: boolean;
}

/**
 * The words of each sentence in `order`: the pieces `piecesToCut` keeps (the whole sentence when
 * a quantity lies outside it), all tagged in one jieba call (`tagEach`).
 */
function cutSentences(
  doc: Doc,
  compiled: CompiledAttribute,
  text: CodePointIndex,
  segmenter: Segmenter,
  order: readonly number[],
  bySentence: ReadonlyMap<number, number[]>,
): Cut[] {
  const texts: string[] = [];
  const bases: number[] = [];
  // per sentence, how many of `texts` are its pieces
  const counts: number[] = [];
  const opens: boolean[] = [];
  for (const index of order) {
    const sentence = doc.sentences[index]!;
    const sentenceText = text.slice(sentence.start, sentence.end);
    const window = piecesToCut(sentenceText, sentence, doc.quantities, bySentence.get(index)!, compiled);
    if (window === null) {
      texts.push(sentenceText);
      bases.push(sentence.start);
      counts.push(1);
    } else {
      for (const piece of window.pieces) {
        texts.push(sentenceText.slice(piece.from, piece.to));
        bases.push(piece.start);
      }
      counts.push(window.pieces.length);
    }
    opens.push(window?.opensSentence ?? true);
  }
  // one list of words per sentence, its pieces' words gathered as they are split off the one call
  const tagged = tagEach(segmenter, texts, bases, counts);
  return tagged.map((tokens, n) => ({ tokens, opensSentence: opens[n]! }));
}

function viewOf(
  doc: Doc,
  compiled: CompiledAttribute,
  segmenter: Segmenter,
  sentence: Sentence,
  index: number,
  members: number[],
  yearSpans: readonly { start: number; end: number }[],
  cut: Cut,
): SentenceView {
  const tokens = tagRateNouns(splitGluedCues(cut.tokens, compiled, segmenter.isWord), compiled);
  const items = buildItems(tokens, doc.quantities, members, compiled.signWords, (word) => {
    const tagged = segmenter.tag(word);
    return tagged.length === 1 ? tagged[0]!.tag : 'x';
  });
  // buildItems places each member once, in the members' order: its quantity items, read in order,
  // are the members placed (a quantity outside its sentence's text, a stage bug upstream, is not,
  // and keeps its defaults); one scan instead of a Map, a filter and a map per sentence
  const placed: number[] = [];
  const quantityItems: number[] = [];
  for (let at = 0; at < items.length; at++) {
    const quantity = items[at]!.quantity;
    if (quantity >= 0) {
      placed.push(quantity);
      quantityItems.push(at);
    }
  }
  markYears(items, yearSpans, firstSpanAfter(yearSpans, sentence.start));
  // the subject and change passes both start from these walks
  const walks = quantityItems.map((at) => walkBack(items, at, compiled));
  return { sentence: index, paragraph: sentence.paragraph, items, members: placed, quantityItems, walks, opensSentence: cut.opensSentence };
}

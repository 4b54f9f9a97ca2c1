/**
 * english: English sentences → the same Quantity records as the Chinese side, with every field
 * (the Chinese attribute stage leaves `lang: 'en'` records alone, so this stage fills them).
 *
 *   tokens       compromise terms and tags, checked against the text    (tokens.ts)
 *   numerals     `1,381`, `12.44`; `fifty`, `one hundred and fifty`      (numbers.ts)
 *   phrases      magnitude, unit, range, bound words                    (phrase.ts)
 *   counts       `12 million new urban jobs` → 个, subject the noun      (count.ts)
 *   exclusions   years, dates, names, `the past five years`             (exclusions.ts)
 *   attributes   change, subject, modality, period                      (attribute.ts)
 *   respectively each number of a `respectively` list takes its item   (respectively.ts)
 *                `the former`/`the latter` take the earlier/later one   (respectively.ts)
 *
 * Work is done per segment of a sentence (segments.ts: raw lines that end a thought, at most
 * `CHUNK` UTF-16 units), so that headings and bullets stay apart and compromise never sees a
 * 1 MB line at once. Indexes inside a segment are UTF-16; they become code-point offsets of
 * `doc.text` only through `CodePointIndex`, and every record's text is checked to slice back
 * from `doc.text`.
 */
import type { Doc, Quantity, Warning } from '../../document.js';
import { defineStage } from '../../stage.js';
import { CodePointIndex } from '../../text/codepoints.js';
import { attributesOf, emptyMemory } from './attribute.js';
import { compileEnglish, type CompiledEnglish, type UnitMeaning } from './compile.js';
import { countedNoun, figureLabel } from './count.js';
import { exclusionOf, nameSpans } from './exclusions.js';
import { clauseAround, sectionAfter, sentenceStart, type Section } from './modality.js';
import { segmentsOf, shortLineFor } from './segments.js';
import { pairFormerLatter, pairRespectively, type Subjected } from './respectively.js';
import { listAt } from './subject.js';
import { digitNumerals, spelledNumerals, type Numeral } from './numbers.js';
import { buildCandidates, type Candidate } from './phrase.js';
import { mayHoldNumberWord, spelledNumber, tokenize, tokenizeAll, type Tokenized } from './tokens.js';
import { matchBackward, matchForward } from './words.js';
import { multiplesIn } from './multiples.js';
import { outOfOrderWarnings } from '../provenance.js';

export const english = defineStage({
  name: 'english',
  requires: ['sentences'],
  assigns: ['quantities'],
  prepare: (rules) => compileEnglish(rules),
  run(doc, { compiled }) {
    if (!doc.paragraphs.some((p) => p.lang === 'en')) return doc;
    const index = new CodePointIndex(doc.text);
    const found: Quantity[] = [];
    const warnings: Warning[] = [];
    let section: Section = { modality: null, year: null, rule: null };
    const shortLine = shortLineFor(doc.raw);
    const signs = documentSigns(doc.text, compiled);
    const chunks: ChunkContext[] = [];
    doc.sentences.forEach((sentence, sentenceIndex) => {
      if (doc.paragraphs[sentence.paragraph]?.lang !== 'en') return;
      const text = index.slice(sentence.start, sentence.end);
      const base = index.toUtf16(sentence.start);
      const rawLineOf = (i: number) => doc.offsets.rawLine(index.toCodePoint(base + i));
      for (const segment of segmentsOf(text, rawLineOf, shortLine, (word) => compiled.subjects.lineContinuations.has(word))) {
        const segmentText = text.slice(segment.start, segment.end);
        section = sectionAfter(section, segmentText, compiled);
        chunks.push({
          doc,
          index,
          text: segmentText,
          utf16Start: base + segment.start,
          rawLineOf: (i) => rawLineOf(segment.start + i),
          sentenceIndex,
          section,
          compiled,
          warnings,
          signs,
        });
      }
    });
    const reads = chunks.map(readChunk);
    const tokenized = tokenizeTogether(chunks.filter((_, k) => reads[k]!.needsTokens).map((chunk) => chunk.text), compiled);
    // `… contributed 67 percent of the province's GDP. Some 3.8 million of them are registered`: the
    // last subject of a sentence is handed to the next one in its paragraph, for its pronouns
    let previous = { paragraph: -1, subject: '' };
    chunks.forEach((chunk, k) => {
      const paragraph = doc.sentences[chunk.sentenceIndex]!.paragraph;
      const quantities = quantitiesOf(chunk, reads[k]!, tokenized, previous.paragraph === paragraph ? previous.subject : '');
      found.push(...quantities);
      // (`…, bringing the total to 66.7 million hectares. It plans to add another 5.3 million hectares`:
      // a total is no antecedent; the subject before it is)
      const antecedent = [...quantities].reverse().find((quantity) => !compiled.subjects.totals.has(quantity.subject.toLowerCase()));
      if (antecedent !== undefined) previous = { paragraph, subject: antecedent.subject };
    });
    warnings.push(...outOfOrderWarnings(doc, found, 'english'));
    if (found.length === 0 && warnings.length === 0) return doc;
    const quantities = [...doc.quantities, ...found].sort((a, b) => a.start - b.start || a.end - b.end);
    return { ...doc, quantities, warnings: [...doc.warnings, ...warnings] };
  },
});

interface ChunkContext {
  doc: Doc;
  index: CodePointIndex;
  /** The chunk's text; indexes below are UTF-16 into it. */
  text: string;
  /** UTF-16 index of the chunk in `doc.text`. */
  utf16Start: number;
  /** The raw line a UTF-16 index of the chunk comes from. */
  rawLineOf: (utf16: number) => number;
  sentenceIndex: number;
  section: Section;
  compiled: CompiledEnglish;
  warnings: Warning[];
  /** What a bare sign means in this document (`$` → 港元 where it names `HK$`), by sign. */
  signs: ReadonlyMap<string, UnitMeaning>;
}

/** What a chunk holds before compromise is asked: its digit numerals, multiples, and whether it needs tokens. */
interface ChunkRead {
  digits: ReturnType<typeof digitNumerals>;
  multiples: Candidate[];
  needsTokens: boolean;
}

function readChunk(context: ChunkContext): ChunkRead {
  const { text, compiled } = context;
  const glued = (at: number, start: number) =>
    matchForward(compiled.unitsAfter, text, at) !== null ||
    matchForward(compiled.magnitudes, text, at) !== null ||
    matchForward(compiled.boundsAfter, text, at) !== null ||
    (matchForward(compiled.currencyMagnitudes, text, at) !== null && matchBackward(compiled.unitsBefore, text, start) !== null);
  const digits = digitNumerals(text, glued, (at) => matchBackward(compiled.unitsBefore, text, at) !== null);
  const multiples = multiplesIn(text, compiled);
  // compromise is most of this stage's time: a piece with no digit, no multiple word and no
  // spelled number word yields no record, so it is not tokenized at all
  const needsTokens = digits.numerals.length > 0 || multiples.length > 0 || mayHoldNumberWord(text);
  return { digits, multiples, needsTokens };
}

/**
 * The tokens of each of the document's pieces that need them: those the memo remembers, and the
 * rest parsed in one compromise call (`tokenizeAll`) and remembered. The document keeps its own
 * map, so the memo across documents can stay small (a piece it drops is not parsed again).
 */
function tokenizeTogether(texts: readonly string[], compiled: CompiledEnglish): Map<string, Tokenized> {
  const each = new Map<string, Tokenized>();
  const missing: string[] = [];
  for (const text of new Set(texts)) {
    if (compiled.tokenized.has(text)) each.set(text, compiled.tokenized.get(text, tokenize));
    else missing.push(text);
  }
  const fresh = tokenizeAll(missing);
  missing.forEach((text, k) => each.set(text, compiled.tokenized.get(text, () => fresh[k]!)));
  return each;
}

/** The quantities of one chunk; `previous` is the last subject of the sentence before it in its paragraph, or ''. */
function quantitiesOf(context: ChunkContext, read: ChunkRead, tokenized: ReadonlyMap<string, Tokenized>, previous: string): Quantity[] {
  const { text, compiled } = context;
  const { digits, multiples, needsTokens } = read;
  const { tokens, misplaced } = needsTokens ? tokenized.get(text) ?? tokenize(text) : { tokens: [], misplaced: 0 };
  if (misplaced > 0) warn(context, 0, text.length, 'english/offsets', 'warning', `${misplaced} compromise terms did not match the text at their offsets and were ignored`);

  for (const rejected of digits.rejected) warn(context, rejected.start, rejected.end, rejected.rule, 'info', rejected.reason);
  // `126` + `2024` from two raw lines joined without a space would read as 1262024: refuse it
  digits.numerals = digits.numerals.filter((numeral) => {
    const joined = context.rawLineOf(numeral.start) !== context.rawLineOf(numeral.end - 1);
    if (joined) warn(context, numeral.start, numeral.end, 'english/line-join', 'warning', `"${text.slice(numeral.start, numeral.end)}" runs across two raw lines with nothing between; not read as one number`);
    return !joined;
  });
  const taken = (start: number, end: number) => digits.numerals.some((n) => n.start < end && start < magnitudeEnd(text, n, compiled));
  const spelled = spelledNumerals(tokens, taken, (word) => compiled.magnitudes.entries.some((m) => m.phrase === word), (words) => compiled.spelledValues.get(words, spelledNumber));
  const numerals: Numeral[] = [...digits.numerals, ...spelled].sort((a, b) => a.start - b.start);

  const names = nameSpans(text, compiled);
  const candidates = [...buildCandidates(text, numerals, compiled), ...multiples].sort((a, b) => a.start - b.start);
  const quantities: Quantity[] = [];
  const memory = emptyMemory(previous);
  const spans: Subjected[] = [];
  for (const candidate of candidates) {
    const fraction = !candidate.magnitude && /\.\d/.test(text.slice(candidate.numberStart, candidate.numberEnd));
    // (`-- 340: industrial internet platforms with …`: a list item's label after a colon is the counted noun)
    const label = candidate.unit === null ? figureLabel(text, sentenceStart(text, candidate.start), candidate.boundStart, candidate.end, candidate.yearLike) : null;
    const counted = candidate.unit === null ? countedNoun(text, tokens, candidate.after, compiled, fraction) ?? (label !== null ? countedNoun(text, tokens, label, compiled, fraction) : null) : null;
    const countPhrase = candidate.unit === null && !counted ? countPhraseBefore(text, candidate, compiled) : null;
    const exclusion = exclusionOf(text, tokens, candidate, counted !== null || countPhrase !== null, names, compiled);
    if (exclusion) {
      warn(context, candidate.numberStart, candidate.numberEnd, exclusion.rule, 'info', exclusion.reason);
      continue;
    }
    const unit = signUnit(context, candidate) ?? candidate.unit ?? compiled.countUnit;
    const attributes = attributesOf(text, tokens, candidate, counted, countPhrase, context.section, memory, compiled);
    const rules = [...candidate.rules, ...(candidate.unit === null ? [compiled.countUnit.rule] : []), ...attributes.rules];
    const quantity = toQuantity(context, candidate, {
      unit: unit.unit,
      kind: unit.kind,
      unitText: candidate.unitText || (counted?.head ?? ''),
      change: attributes.change,
      subject: attributes.subject,
      modality: attributes.modality,
      period: attributes.period,
      rules,
    });
    if (quantity) {
      quantities.push(quantity);
      spans.push({ start: candidate.start, end: candidate.end, subject: attributes.subject });
    }
  }
  pairRespectively(text, spans, (at) => listAt(text, tokens, at, compiled));
  pairFormerLatter(text, spans, (at) => sentenceStart(text, at));
  spans.forEach((span, i) => {
    quantities[i]!.subject = span.subject;
  });
  return quantities;
}

function toQuantity(
  context: ChunkContext,
  candidate: Candidate,
  fields: Pick<Quantity, 'unit' | 'kind' | 'unitText' | 'change' | 'subject' | 'modality' | 'period' | 'rules'>,
): Quantity | null {
  const { index, text, utf16Start } = context;
  const start = index.toCodePoint(utf16Start + candidate.start);
  const end = index.toCodePoint(utf16Start + candidate.end);
  const written = text.slice(candidate.start, candidate.end);
  if (index.slice(start, end) !== written) {
    warn(context, candidate.start, candidate.end, 'english/offsets', 'warning', `"${written}" does not slice back from the text; record dropped`);
    return null;
  }
  return {
    start,
    end,
    text: written,
    value: candidate.value.toFixed(),
    valueMax: candidate.valueMax ? candidate.valueMax.toFixed() : null,
    qualifier: candidate.qualifier,
    sentence: context.sentenceIndex,
    lang: 'en',
    ...fields,
  };
}

/** The unit each bare sign means in a document that names another currency for it (the first listed wins). */
function documentSigns(text: string, compiled: CompiledEnglish): Map<string, UnitMeaning> {
  const signs = new Map<string, UnitMeaning>();
  if (compiled.signCurrencies.length === 0) return signs;
  const lower = text.toLowerCase();
  for (const entry of compiled.signCurrencies) {
    if (!signs.has(entry.sign) && entry.names.some((name) => lower.includes(name))) signs.set(entry.sign, entry.meaning);
  }
  return signs;
}

// `$792.1 billion` written with the bare sign, in a document whose dollar is another one; but a
// bracketed conversion (`14.16 trillion yuan ($1.97 trillion)`, `(about $487 billion)`) is in U.S. dollars
function signUnit(context: ChunkContext, candidate: Candidate): UnitMeaning | null {
  if (context.signs.size === 0 || candidate.unit?.kind !== 'money') return null;
  if (/\(\s*(\p{L}+\s+)?$/u.test(context.text.slice(Math.max(0, candidate.start - 24), candidate.start))) return null;
  return context.signs.get(context.text.slice(candidate.start, candidate.numberStart).trim()) ?? null;
}

function warn(context: ChunkContext, start: number, end: number, rule: string, severity: Warning['severity'], reason: string): void {
  const from = context.index.toCodePoint(context.utf16Start + start);
  const to = context.index.toCodePoint(context.utf16Start + end);
  context.warnings.push({
    stage: 'english',
    rule,
    reason,
    severity,
    place: { start: from, end: to, line: context.doc.offsets.rawLine(from) },
  });
}

// `the number of … reached 312`: where the count phrase ends, or null
function countPhraseBefore(text: string, candidate: Candidate, compiled: CompiledEnglish): number | null {
  const clause = clauseAround(text, candidate.start, candidate.end);
  const before = text.slice(clause.start, candidate.start).toLowerCase();
  for (const phrase of compiled.countPhrases) {
    const at = before.lastIndexOf(phrase);
    if (at >= 0 && !/[\p{L}\p{N}]/u.test(before[at - 1] ?? '')) return clause.start + at + phrase.length;
  }
  return null;
}

// the end of a digit numeral with its magnitude words, so `million` in `1.5 million` is not read again as a spelled number
function magnitudeEnd(text: string, numeral: Numeral, compiled: CompiledEnglish): number {
  let end = numeral.end;
  for (;;) {
    let at = end;
    while (at < text.length && /\s/.test(text[at]!)) at++;
    const magnitude = matchForward(compiled.magnitudes, text, at);
    if (!magnitude) return end;
    end = magnitude.end;
  }
}

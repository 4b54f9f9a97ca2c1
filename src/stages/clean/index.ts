/**
 * clean: raw OCR text → cleaned paragraphs, with a map from every cleaned code point back to the
 * raw code point (and raw line) it came from. The passes, in order:
 *
 *   html        `&nbsp;` `&ldquo;` decoded; `<p>` `<br>` end paragraphs and lines, `<span>` goes (html.ts)
 *               (rules/html.yaml)
 *   normalize   full-width ASCII, safe NFKC, invisible characters, `,` → `，` in Chinese   (normalize.ts)
 *   markup      Markdown an OCR converter left: `> ` quotes, `**bold**`, `# ` headings     (markup.ts)
 *   furniture   page numbers dropped, bylines/captions tagged (rules/furniture.yaml)     (furniture.ts)
 *   blanks      blank lines counted onto the line after them                           (this file)
 *   grid        pages of several columns read straight across, dealt into columns by    (grid.ts)
 *               printed position and the seam judge, read column by column
 *   columns     interleaved columns put back in reading order: blocks read across,     (columns.ts)
 *               alternating lines, fragments relinked by a word across the seam (市市|长 → 市长);
 *               weak seams warned                                                    (relink.ts)
 *   spaces      `习近平总书 记` → `习近平总书记`, `227 项` → `227项`                      (spaces.ts)
 *   layout      the usual line width, blank-line gap and indent of the page             (layout.ts)
 *   paragraphs  hard-wrapped lines joined; headings, bylines, captions on their own     (paragraphs.ts)
 *   scrape      a scraped page's pinyin glosses `习(xí)` and doubled `，，` dropped          (scrape.ts)
 *               (rules/html.yaml scrape); after the columns, which may read two marks apart
 *   ocr-fixes   `银兴` → `振兴` where only the fix is a dictionary word (rules/ocr-fixes.yaml) (ocr-fixes.ts)
 *   ocr-digits  `l2.5万人` → `12.5万人`: a letter read for a digit inside a number (rules/ocr-digits.yaml) (ocr-digits.ts)
 *
 * The passes work on lines of code points that carry their raw origins (lines.ts); the text and
 * its `OffsetMap` are built once, before the last pass (ocr-digits, which keeps the length).
 */
import type { Doc, Paragraph, Warning } from '../../document.js';
import { defineStage } from '../../stage.js';
import { MappedTextBuilder, OffsetMap, lineStarts } from '../../text/offsets.js';
import { cpLength } from '../../text/codepoints.js';
import { isSpace } from './chars.js';
import { repairColumns } from './columns.js';
import { applyFurniture, applyFurnitureToCells, compileFurniture, isFurnitureText } from './furniture.js';
import { measureLayout } from './layout.js';
import { compileHtml, dropHtml } from './html.js';
import { dropMarkup } from './markup.js';
import { compileScrape, dropScraped } from './scrape.js';
import { SplitTexts, splitLines, type Line } from './lines.js';
import { normalizeLines } from './normalize.js';
import type { Note } from './notes.js';
import { applyOcrDigits, compileOcrDigits } from './ocr-digits.js';
import { applyOcrFixes, compileOcrFixes } from './ocr-fixes.js';
import { compilePercents, repairPercents } from './percent-marks.js';
import { buildParagraphs, compileOpeners, type ParagraphDraft } from './paragraphs.js';
import { seamJudge, unitForms } from './seam.js';
import { dropSpaces } from './spaces.js';

export const clean = defineStage({
  name: 'clean',
  requires: ['raw'],
  assigns: ['text', 'paragraphs'],
  prepare: (rules, segmenter) => {
    // the dictionary tables behind isWord and pairInWord (the seam judge, the OCR fixes) are
    // built once per process on first use: here, not inside the first document's clean
    segmenter.pairInWord('一', '一');
    return {
      html: compileHtml(rules['html.yaml']),
      scrape: compileScrape(rules['html.yaml']),
      furniture: compileFurniture(rules['furniture.yaml']),
      openers: compileOpeners(rules['paragraph-openers.yaml']),
      ocrFixes: compileOcrFixes(rules['ocr-fixes.yaml']),
      ocrDigits: compileOcrDigits(rules['ocr-digits.yaml']),
      percents: compilePercents(rules),
      units: unitForms(rules),
    };
  },
  run(doc, { compiled, segmenter }) {
    const notes: Note[] = [];
    const lineOfRaw = OffsetMap.identity(doc.raw);
    const texts = new SplitTexts();
    // the full-width forms normalize folds to ASCII: the column search measures them as printed
    const wide = new Set<number>();
    let lines = normalizeLines(dropHtml(splitLines(doc.raw, texts), compiled.html, notes, doc.raw), wide);
    lines = dropMarkup(lines, notes);
    lines = applyFurniture(lines, compiled.furniture, notes, texts);
    lines = countBlanks(lines);
    const judge = seamJudge(segmenter, compiled.units);
    const whole = new Set(lines);
    lines = repairColumns(lines, judge, notes, (text) => isFurnitureText(text, compiled.furniture), wide);
    lines = applyFurnitureToCells(lines, whole, compiled.furniture, notes);
    lines = dropSpaces(lines).filter((line) => line.chars.length > 0);
    const drafts = buildParagraphs(lines, measureLayout(lines), { openers: compiled.openers, judge });
    dropScraped(drafts, compiled.scrape, notes, (raw) => lineOfRaw.rawLineOfRaw(raw));
    repairPercents(drafts, compiled.percents, notes, (raw) => lineOfRaw.rawLineOfRaw(raw), doc.raw);
    applyOcrFixes(drafts, compiled.ocrFixes, segmenter, notes, (raw) => lineOfRaw.rawLineOfRaw(raw));
    const placed = place(doc.raw, drafts);
    const { offsets, paragraphs } = placed;
    const text = applyOcrDigits(placed.text, offsets, compiled.ocrDigits, notes, (raw) => lineOfRaw.rawLineOfRaw(raw));
    const spans = lineSpans(placed.origins, doc.raw);
    const warnings = [...doc.warnings, ...notes.map((note) => toWarning(note, spans))];
    return { ...doc, text, offsets, paragraphs, warnings };
  },
});

/** Drops blank lines, counting them onto the next non-blank line's `blanksBefore` (a page break on a blank line moves there too). */
function countBlanks(lines: Line[]): Line[] {
  const kept: Line[] = [];
  let blanks = 0;
  let pageBreak: number | undefined;
  for (const line of lines) {
    if (line.chars.every(isSpace)) {
      blanks++;
      pageBreak ??= line.pageBreakBefore;
      continue;
    }
    line.blanksBefore = blanks;
    if (pageBreak !== undefined) line.pageBreakBefore ??= pageBreak;
    pageBreak = undefined;
    blanks = 0;
    kept.push(line);
  }
  return kept;
}

/** Lays the paragraphs out in `doc.text`, one `\n` between them, and builds the offset map. */
function place(raw: string, drafts: ParagraphDraft[]): { text: string; offsets: OffsetMap; origins: Int32Array; paragraphs: Paragraph[] } {
  const builder = new MappedTextBuilder();
  const rawLength = cpLength(raw);
  const paragraphs: Paragraph[] = [];
  let previousEnd = 0;
  for (const draft of drafts) {
    if (draft.chars.length === 0) continue;
    // the separator stands where the previous paragraph's raw text ended
    if (builder.length > 0) builder.appendAt('\n', Math.min(previousEnd, rawLength));
    const start = builder.length;
    builder.appendMapped(draft.chars, draft.origins);
    previousEnd = draft.origins[draft.origins.length - 1]! + 1;
    paragraphs.push({
      start,
      end: builder.length,
      kind: draft.kind,
      lang: 'zh',
      // reduce, not Math.min(...spread): a paragraph may gather many thousand lines
      rawLineStart: draft.lines.reduce((a, b) => Math.min(a, b)),
      rawLineEnd: draft.lines.reduce((a, b) => Math.max(a, b)),
    });
  }
  const { text, offsets, origins } = builder.finish(raw, rawLength);
  return { text, offsets, origins, paragraphs };
}

/** Places a note in `doc.text`: the cleaned span that came from its raw line, else the point after it. */
function toWarning(note: Note, spans: LineSpans): Warning {
  const span = (note.raw && spans.ofRaw(note.raw)) || spans.of(note.line);
  const warning: Warning = {
    stage: 'clean',
    rule: note.rule,
    reason: note.reason,
    severity: note.severity,
    place: { start: span.start, end: span.end, line: note.line },
  };
  if (note.actual !== undefined) warning.actual = note.actual;
  if (note.expected !== undefined) warning.expected = note.expected;
  return warning;
}

interface LineSpans {
  of(line: number): { start: number; end: number };
  /** The cleaned span of raw offsets `[start, end)`, or null when none of them survived. */
  ofRaw(raw: { start: number; end: number }): { start: number; end: number } | null;
}

/**
 * For each raw line, the cleaned code points that came from it (first to last), built in one pass
 * over `origins` (the raw offset of every cleaned code point, and of the end), read straight, not
 * through `OffsetMap.toRaw` (12 MB of `bench/stages.mjs bench/corpus/10mb 40 3`: 0.046 → 0.035–0.040 s CPU).
 */
function lineSpans(origins: Int32Array, raw: string): LineSpans {
  // typed arrays indexed by raw offset and raw line, not maps: this runs over every code point
  const n = origins.length - 1;
  const starts = lineStarts(raw);
  const rawLength = cpLength(raw);
  // the raw line of every raw offset, one fill per line: no binary search per code point
  const lineOfRaw = new Int32Array(rawLength + 1);
  for (let line = 1; line <= starts.length; line++) lineOfRaw.fill(line, starts[line - 1]!, line < starts.length ? starts[line]! : rawLength + 1);
  const maxLine = starts.length;
  const maxRaw = rawLength;
  const fromRaw = new Int32Array(maxRaw + 1).fill(-1);
  const first = new Int32Array(maxLine + 1).fill(-1);
  const last = new Int32Array(maxLine + 1);
  for (let cp = 0; cp < n; cp++) {
    const raw = origins[cp]!;
    if (fromRaw[raw] === -1) fromRaw[raw] = cp;
    const line = lineOfRaw[raw]!;
    if (first[line] === -1) first[line] = cp;
    last[line] = cp + 1;
  }
  const cpOfRaw = (raw: number): number | undefined => (raw >= 0 && raw <= maxRaw && fromRaw[raw] !== -1 ? fromRaw[raw] : undefined);
  return {
    ofRaw(raw) {
      const start = cpOfRaw(raw.start);
      if (start === undefined) return null;
      const end = cpOfRaw(raw.end - 1);
      return { start, end: (end ?? start) + 1 };
    },
    of(line) {
      if (Number.isInteger(line) && line >= 0 && line <= maxLine && first[line] !== -1) return { start: first[line]!, end: last[line]! };
      // a dropped line: the point where the text after it begins
      let at = n;
      for (let next = Math.max(0, Math.floor(line) + 1); next <= maxLine; next++) {
        if (first[next] !== -1) {
          at = first[next]!;
          break;
        }
      }
      return { start: at, end: at };
    },
  };
}

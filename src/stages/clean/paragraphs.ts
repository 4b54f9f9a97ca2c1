/**
 * paragraphs: joins hard-wrapped lines and decides where paragraphs end.
 *
 * A paragraph ends where the text says so, not at every line break:
 * - a heading, byline or caption line stands alone (furniture rules, or a short line with no
 *   clause punctuation that does not end mid-sentence: `构建现代产业体系`);
 * - a line that ends a sentence ends the paragraph when it stops short of the usual width, when
 *   the next line is indented, or when each line is its own block (no shared width);
 * - more blank lines than usual end it, unless the line before is full and stops mid-sentence
 *   (a page break inside a sentence).
 * Lines inside a paragraph are joined with nothing between them (`260` + `亿斤` → `260亿斤`),
 * except one space between two Latin words.
 */
import type { ParagraphKind } from '../../document.js';
import { CLAUSE_MARKS, CLOSERS, CONTINUING_MARKS, endsSentence, isCjk, isClauseMark, isDigit, isHan, isLatinLetter } from './chars.js';
import { FIRST_LINE_INDENT, type Layout } from './layout.js';
import { lineText, type Line } from './lines.js';
import type { SeamJudge } from './seam.js';

/** What the paragraph pass reads beside the layout. */
export interface ParagraphCues {
  /** Patterns of a line that opens a paragraph wherever it stands (rules/paragraph-openers.yaml). */
  openers: readonly RegExp[];
  /** Whether text runs on across a join (seam.ts): a title's wrapped tail is not a heading set inside a sentence. */
  judge: SeamJudge;
}

/** Compiles the paragraph openers once (patterns were checked for linear-time safety at load). */
export function compileOpeners(rules: readonly { pattern: string }[]): RegExp[] {
  return rules.map((rule) => new RegExp(rule.pattern, 'u'));
}

/** Marks no paragraph starts with: what follows them belongs to the line before. */
const OPENS_NOTHING = new Set([...CLAUSE_MARKS, ...[...CLOSERS].filter((ch) => ch !== '"' && ch !== "'"), '、', '%', '.']);
/** OPENS_NOTHING by UTF-16 unit (each mark is one unit): asked of every line's first character. */
const OPENS_NOTHING_UNITS = new Uint8Array(0x10000);
for (const mark of OPENS_NOTHING) OPENS_NOTHING_UNITS[mark.charCodeAt(0)] = 1;
/** `OPENS_NOTHING.has(ch)` by a table look-up. */
const opensNothing = (ch: string | undefined): boolean => ch !== undefined && ch.length === 1 && OPENS_NOTHING_UNITS[ch.charCodeAt(0)] === 1;

/**
 * A line that opens a list item starts a paragraph: `-- GDP up 5.1 pct`, `• …`, `1. …`, `(2) …`,
 * `一、…`, `（三）…`. A digit with a point needs a non-digit after it, so `1.5%` at the start of a
 * wrapped line is not an item.
 */
const LIST_MARK = '[-—–•·*●■◆▪]{1,2}\\s|\\d{1,2}[.、)](?:\\s|[^\\d.%])|[一二三四五六七八九十]{1,3}、|[（(](?:[一二三四五六七八九十]{1,3}|\\d{1,2})[)）]';
export const LIST_ITEM = new RegExp(`^(?:${LIST_MARK})`, 'u');

/** ASCII marks an English line may end with before a word space: `rose 5%,` + `while`. */
const LATIN_SPACED_AFTER = new Set(['.', ',', ';', ':', '!', '?', ')', '%', '"', "'"]);
/** ASCII marks an English line may start with after a word space. */
const LATIN_OPENERS = new Set(['(', '"', "'", '$']);

/** A paragraph before it is placed in `doc.text`. */
export interface ParagraphDraft {
  chars: string[];
  origins: number[];
  kind: ParagraphKind;
  /** Raw line numbers it was assembled from. */
  lines: number[];
}

/** Assembles paragraphs from non-blank lines in reading order. */
export function buildParagraphs(input: readonly Line[], layout: Layout, cues: ParagraphCues): ParagraphDraft[] {
  // each line's start as a string, and whether it opens a paragraph, by its index in `input`
  const heads = input.map(headOf);
  const opens = openingLines(heads, cues.openers);
  const titles = titleRuns(input, layout, opens);
  // `below`: the index in `input` of the line below
  const ends = (above: Line, below: number, after?: Line, aboveOpens = false, inProse = false): boolean =>
    endsParagraph(above, input[below]!, heads[below]!, layout, after, opens[below]!, cues.judge, aboveOpens, inProse, titles);
  const { lines, from } = liftInterruptingHeadings(input, layout, ends, cues.judge);
  const drafts: ParagraphDraft[] = [];
  // prose: a line of the paragraph so far holds a clause mark
  let current: { lines: Line[]; prose: boolean } | null = null;
  lines.forEach((line, index) => {
    const previous = index > 0 ? lines[index - 1]! : null;
    if (current === null || previous === null || ends(previous, from[index]!, lines[index + 1], current.lines.length === 1, current.prose)) {
      if (current) drafts.push(assemble(current.lines, layout, titles));
      current = { lines: [line], prose: line.chars.some(isClauseMark) };
    } else {
      current.lines.push(line);
      if (!current.prose) current.prose = line.chars.some(isClauseMark);
    }
  });
  if (current) drafts.push(assemble((current as { lines: Line[] }).lines, layout, titles));
  return drafts;
}

/**
 * A heading the OCR read into the middle of a sentence (a page title placed between the bottom
 * of one column and the top of the next) moves after the paragraph it interrupted: the line
 * above it is full and stops mid-sentence, the line below is prose.
 */
function liftInterruptingHeadings(input: readonly Line[], layout: Layout, ends: (above: Line, below: number, after?: Line) => boolean, judge: SeamJudge): { lines: Line[]; from: number[] } {
  const lines = [...input];
  // the index in `input` of each line of `lines`, moved with it
  const from = input.map((_, k) => k);
  for (let i = 1; i + 1 < lines.length; i++) {
    const heading = lines[i]!;
    const above = lines[i - 1]!;
    const below = lines[i + 1]!;
    if (below.role !== undefined || below.breakBefore || heading.breakBefore) continue;
    // a byline or caption set at a page break inside a sentence (责任编辑：… between two pages)
    const furniture = heading.role === 'byline' || heading.role === 'caption';
    if (!furniture && (heading.role !== undefined || !isHeadingLike(heading, layout))) continue;
    // a numbered or dashed title above (`——1997年1月20日在…会议上`) is no sentence to interrupt
    if (isHeadingLike(above, layout) || isHeadingLike(below, layout) || isTitleLine(above)) continue;
    if (endsSentence(above.chars) || !isFull(above, layout)) continue;
    // a column's last line has lines of its paragraph above it: a full line that opens the text
    // or stands after a gap, with a gap between it and the heading, is a title set across the
    // columns (`清河市政府工作报告（摘要）`)
    if (!furniture && heading.blanksBefore > layout.blanks && (i === 1 || above.blanksBefore > layout.blanks)) continue;
    // nor is the text's first line with no gap below it: a title wrapped like prose (`【两会访谈】
    // 市长答记者问：今年要让群众` + `看到更多实实在在的变化`), whose words need not cross the join. A
    // heading between two pages has a column's lines above it, not one
    if (!furniture && i === 1) continue;
    if (!furniture && isWrappedTail(heading, below, layout)) continue;
    // a title's last line wrapped like prose runs on from the full line above it (`…人民代表大`
    // + `会第二次会议上`: 大会) more than the line below does
    if (!furniture && judge.continuity(above.chars, heading.chars) > judge.continuity(above.chars, below.chars)) continue;
    let end = i + 1;
    while (end + 1 < lines.length && !ends(lines[end]!, from[end + 1]!, lines[end + 2])) end++;
    below.continuesPrevious = true;
    lines.splice(i, 1);
    lines.splice(end, 0, heading);
    from.splice(end, 0, from.splice(i, 1)[0]!);
    i = end;
  }
  return { lines, from };
}

/**
 * The lines of a page's head block (a masthead, a kicker, a headline of two lines, a subhead:
 * `临河日报　2026年1月15日　星期四　第 2 版　民生` + a gap + `全县城镇燃气安全专项整治取得阶段性成效`
 * + `排查整治隐患1.2万处 加装燃气报警器4.6万台`) and of any run of title lines like it: lines of
 * Han text with no clause mark that end no sentence, standing between paragraph boundaries (the
 * text's start, a gap, a sentence's end or a furniture line before; a gap, an indent, an opener,
 * a list item, a furniture line or the text's end after). On a newspaper's narrow column such a
 * line is often wider than `isHeadingLike`'s three quarters of the width (a headline set across
 * the columns), and the masthead wider than the column itself: read as prose they were joined to
 * one another and to the masthead.
 */
function titleRuns(lines: readonly Line[], layout: Layout, opens: readonly boolean[]): Set<Line> {
  const titles = new Set<Line>();
  const gapBefore = (line: Line): boolean => line.blanksBefore > layout.blanks || line.breakBefore === true;
  let start = -1;
  for (let i = 0; i <= lines.length; i++) {
    const line = lines[i];
    if (line !== undefined && isTitleLike(line)) {
      if (start >= 0 && gapBefore(line)) {
        // a gap inside the run splits it: the part above is a run of its own
        for (let k = start; k < i; k++) titles.add(lines[k]!);
        start = i;
      } else if (start < 0) {
        const above = lines[i - 1];
        if (above === undefined || gapBefore(line) || above.role !== undefined || endsSentence(above.chars)) start = i;
      }
      continue;
    }
    if (start >= 0) {
      const closed = line === undefined || (line.cellBefore !== true && (line.role !== undefined || gapBefore(line) || line.indent > layout.indent || opens[i] === true || LIST_ITEM.test(headOf(line))));
      if (closed) for (let k = start; k < i; k++) titles.add(lines[k]!);
      start = -1;
    }
  }
  return titles;
}

/** A title's line: Han text (digits may stand among it), no clause mark, ending no sentence, nor at a mark or a number that goes on. */
function isTitleLike(line: Line): boolean {
  const { chars } = line;
  // a table row's wrapped tail (`cellBefore`) makes its row a row, not a title
  if (line.role !== undefined || line.cellBefore === true || chars.length < 2) return false;
  const last = chars[chars.length - 1]!;
  if (endsSentence(chars) || CONTINUING_MARKS.has(last) || isDigit(last) || chars.some(isClauseMark)) return false;
  return count(chars, isHan) * 2 >= chars.length;
}

/**
 * A paragraph ends before and after a run of title lines (`titleRuns`), and between two of its
 * lines with a gap between them or where the upper one stops short of the width, or is wider than
 * it (a masthead set across the columns: no wrapped line), unless a word runs on across the join
 * (a title wrapped mid-word: one paragraph). Undefined where the title lines leave it to the
 * other cues (a full title line wrapped like prose).
 */
function endsTitleLine(above: Line, below: Line, titles: ReadonlySet<Line>, layout: Layout, judge: SeamJudge): boolean | undefined {
  const aboveTitle = titles.has(above);
  const belowTitle = titles.has(below);
  if (!aboveTitle && !belowTitle) return undefined;
  if (!aboveTitle || !belowTitle) return true;
  // a title wrapped where a word runs on (`二、2019年经济社会发` + `展总体要求和政策取向`), even
  // across a gap (a column pass may set one after a title's full first line)
  if (judge.continuity(above.chars, below.chars) > 0) return false;
  // a gap between two title lines is no page break inside a sentence: they hold none
  if (below.blanksBefore > layout.blanks) return true;
  return !isFull(above, layout) || layout.measure(above) > layout.width! + layout.tolerance || undefined;
}

const NO_TITLES: ReadonlySet<Line> = new Set();

/**
 * `below` is the last line of a long heading or title wrapped like prose (`三、…计划的主要` +
 * `任务`, `——2011年…人民代` + `表大会…会议上`): it follows the full line with no gap, and a gap,
 * an indent or a list item comes after it.
 */
function isWrappedTail(line: Line, next: Line | undefined, layout: Layout): boolean {
  if (line.blanksBefore > layout.blanks || line.indent > layout.indent) return false;
  if (next === undefined) return true;
  return next.blanksBefore > layout.blanks || next.indent > layout.indent || LIST_ITEM.test(next.chars.slice(0, 8).join(''));
}

/** Whether each line, given by its start (`headOf`), starts with a paragraph opener. */
function openingLines(heads: readonly string[], openers: readonly RegExp[]): boolean[] {
  // the start of the line is enough: an opener is a few characters
  return heads.map((start) => openers.some((opener) => opener.test(start)));
}

/** Code points of a line's start that the openers see. */
const OPENER_REACH = 24;

/**
 * A line's first `OPENER_REACH` code points as a string, joined once per line: the openers and
 * the anchored tests of `endsParagraph` (SENTENCE_TAIL, LIST_ITEM) read it, where each test had
 * sliced and joined the line's start again for every pair of lines it judged. Those two patterns
 * have no lookaround and match at most 9 and 5 code points from the start, so they answer the
 * same on this longer start as on the shorter slices they were given.
 */
const headOf = (line: Line): string => lineText({ chars: line.chars.slice(0, OPENER_REACH) });

/**
 * True when `line` stops in the middle of a phrase: its last character is a Han character or a
 * digit (`…分别比上年增长百分之` + `十二、百分之一点八…`), not a mark.
 */
function stopsMidPhrase(line: Line): boolean {
  const last = line.chars[line.chars.length - 1]!;
  return isHan(last) || isDigit(last);
}

/**
 * True when a paragraph break stands between `above` and `below`; `belowHead`: its start (`headOf`); `opens`: `below` starts with a
 * paragraph opener; `aboveOpens`: `above` is the first line of its paragraph; `inProse`: a line
 * of that paragraph holds a clause mark.
 */
function endsParagraph(above: Line, below: Line, belowHead: string, layout: Layout, after: Line | undefined, opens: boolean, judge: SeamJudge, aboveOpens: boolean, inProse = false, titles: ReadonlySet<Line> = NO_TITLES): boolean {
  if (below.role !== undefined || below.breakBefore) return true;
  if (below.continuesPrevious) return false;
  // no paragraph starts with a comma, a closing mark or a percent sign, not even after a byline
  if (opensNothing(below.chars[0])) return false;
  if (above.role !== undefined) return true;
  // no paragraph opens with the last character or two of a sentence (`强。全社会…`) or with a
  // sentence that is only a number (`31%。新建…`): the line above, cut mid-phrase, holds the rest
  // of it, even where it looks like a heading (`科技创新能力持续增`, a first line whose indent
  // the OCR dropped) or a gap stands between (a column's foot)
  if (stopsMidPhrase(above) && SENTENCE_TAIL.test(belowHead)) return false;
  const title = endsTitleLine(above, below, titles, layout, judge);
  if (title !== undefined) return title;
  const belowHeading = isHeadingLike(below, layout);
  // a long title's wrapped last line: a gap after it, or a word across the join (`…人民代表大` + `会第五次会议上`)
  if (belowHeading && isFull(above, layout) && !endsSentence(above.chars)) {
    if (isWrappedTail(below, after, layout) || judge.continuity(above.chars, below.chars) > 0) return false;
  }
  // a short line taken into the prose above it, before a figure, is a sentence's wrapped middle,
  // not a heading: the line was ended early where the figure did not fit (`…三次产业结构` +
  // `调整为` + `7.5∶40.7∶51.8。`)
  const aboveHeading = isHeadingLike(above, layout) && (aboveOpens || !inProse || !FIGURE_START.test(below.chars.slice(0, FIGURE_REACH).join('')));
  if (belowHeading || aboveHeading) return true;
  // a numbered or dashed title that fills its line holds no clause mark, so a line with one is
  // not its wrapped tail but the prose after it, unless a word runs on across the join (only
  // where the title opens its paragraph: `百分之` + `十二、百分之一点八…` is no title)
  if (aboveOpens && isTitleLine(above) && below.chars.some(isClauseMark) && !(judge.continuity(above.chars, below.chars) > 0)) return true;
  const aboveLast = above.chars[above.chars.length - 1]!;
  // a dateline, an address to the audience (rules/paragraph-openers.yaml), unless the line
  // above stops at a comma or an opening mark
  if (opens && !(CONTINUING_MARKS.has(aboveLast) && aboveLast !== '：' && aboveLast !== ':')) return true;
  // a list item's number, unless it is a numeral the full line above stops in front of
  if (LIST_ITEM.test(belowHead) && !(isFull(above, layout) && stopsMidPhrase(above))) return true;
  // a dash item (`——经济保持平稳较快增长。`) after a sentence's end or a colon
  if (below.chars[0] === '—' && below.chars[1] === '—' && (endsSentence(above.chars) || aboveLast === '：' || aboveLast === ':')) return true;
  // one paragraph a line: a break is a paragraph end unless the line stops mid-number or mid-clause
  if (layout.linePerParagraph) {
    const last = above.chars[above.chars.length - 1]!;
    if (isDigit(last) || CONTINUING_MARKS.has(last)) return false;
    // a clause cut after its noun, the figure on the next line (`…小学4982所，在校生` + `652.7万人；…`)
    return !(isHan(last) && above.chars.some(isClauseMark) && FIGURE_START.test(below.chars.slice(0, FIGURE_REACH).join('')));
  }
  const full = isFull(above, layout) || (aboveOpens && lostIndent(above, layout));
  const sentenceEnds = endsSentence(above.chars);
  if (below.blanksBefore > layout.blanks) return sentenceEnds || !full || isTitleLine(above);
  // a colon that introduces what follows (`今年重点抓好五个方面的工作：` + `一是…`) ends a
  // paragraph where the line stops well short of the width (a line a little short may be a
  // column's piece of another width)
  if (!sentenceEnds) return (aboveLast === '：' || aboveLast === ':') && layout.width !== null && layout.measure(above) < layout.width * COLON_SHORT;
  if (layout.width === null) return true;
  // where the wrap is exact, a sentence's end one short of the width is a paragraph's end (a
  // title with a space of its own, dropped, is not judged so: it ends no sentence)
  return !(layout.exact ? isFull(above, layout, 0) : full) || below.indent > layout.indent;
}

/**
 * One or two Han characters, or a number (a percentage), and a sentence's end: the tail of a
 * sentence cut by a wrap (`强。`, `31%。`, `86.3%。`).
 */
const SENTENCE_TAIL = /^(?:\p{Script=Han}{1,2}|\d[\d.]{0,6}%?)[。！？]/u;
/** (It matches at most 9 code points of a line's start, fewer than `headOf` holds.) */

/**
 * A figure opening a line: Arabic digits not followed by a date word or a list mark (`652.7万人`,
 * not `2023年` or `3.`), or a Chinese numeral with its place (`一百二十六公里`, not `十四五`).
 */
const FIGURE_START = /^(?:\d+(?:[.,]\d+)*(?![\d年月日.、)）])|[一二三四五六七八九两][十百千万亿])/u;
/** Code points of a line's start that FIGURE_START reads. */
const FIGURE_REACH = 16;

/**
 * `line` opens a paragraph after a gap and fills the width with the usual first-line indent of
 * a typeset page (two ems) that the OCR dropped: `人才引育取得新进展。` + `实施青年…` on a page
 * whose paragraphs are set apart by gaps (Layout.gapsEndParagraphs) is one paragraph, not two.
 * Not where the text was wrapped every N characters (no indent there) or where the page's lines
 * keep their indents.
 */
function lostIndent(line: Line, layout: Layout): boolean {
  if (!layout.gapsEndParagraphs || layout.exact || layout.width === null || layout.indent > 0 || line.indent > 0) return false;
  if (line.blanksBefore <= layout.blanks) return false;
  return layout.measure(line) + FIRST_LINE_INDENT >= layout.width - layout.tolerance;
}


/** Share of the width a line ending in a colon stops short of to end its paragraph. */
const COLON_SHORT = 0.8;

/**
 * A numbered or dashed title that happens to fill the line: `二、2017年…的主要目标`,
 * `——2006年1月15日在…会议上`. With a gap after it, it ends its paragraph like a short heading.
 */
function isTitleLine(line: Line): boolean {
  const last = line.chars[line.chars.length - 1]!;
  if (line.chars.some(isClauseMark) || CONTINUING_MARKS.has(last) || isDigit(last)) return false;
  // an English bulleted item (`-- GDP up 5.1 pct`) is a list item, not a title
  return line.chars.filter(isHan).length * 2 >= line.chars.length && TITLE_START.test(line.chars.slice(0, 8).join(''));
}

/** A list item's number (`二、`, `（三）`, `3.`) or a subtitle's dash (`——`). */
const TITLE_START = new RegExp(`^(?:——|${LIST_MARK})`, 'u');

function isFull(line: Line, layout: Layout, tolerance = layout.tolerance): boolean {
  // an indented first line is full when its indent and its text fill the width together
  const indent = Math.max(0, line.indent - layout.indent);
  return layout.width !== null && layout.measure(line) + indent >= layout.width - tolerance;
}

/**
 * A short line of Han text with no clause punctuation that does not stop mid-sentence:
 * `全力拼经济稳增长`, `2024年攻坚克难奋力前行`, `"信心倍增备受鼓舞"`.
 */
export function isHeadingLike(line: Line, layout: Layout): boolean {
  const { chars } = line;
  if (chars.length < 2) return false;
  const last = chars[chars.length - 1]!;
  // the cheap refusals first: a line of prose stops at its first comma, before any count
  // a number at the end waits for its unit on the next line: `新建服务站点15` + `个`
  if (endsSentence(chars) || CONTINUING_MARKS.has(last) || isDigit(last)) return false;
  if (chars.some(isClauseMark)) return false;
  const han = count(chars, isHan);
  const latin = han === 0 && count(chars, isLatinLetter) * 2 >= chars.length;
  const limit = layout.width === null ? 30 : layout.width * 0.75;
  // an English title is measured as printed, a Latin letter half an em: `2025 REVIEW`
  const size = latin ? chars.length / 2 : layout.measure(line);
  if (size > limit) return false;
  if (latin) return isEnglishTitle(chars);
  return han * 2 >= chars.length;
}

/** How many of `chars` pass `test` (no filtered copy). */
function count(chars: readonly string[], test: (ch: string) => boolean): number {
  let n = 0;
  for (let i = 0; i < chars.length; i++) if (test(chars[i]!)) n++;
  return n;
}

/** A Latin line of at most a dozen words, not a bulleted item, not ending in a function word. */
function isEnglishTitle(chars: readonly string[]): boolean {
  // a bulleted line is an item of a list, not a title
  if (/^[-—–•·*●■◆▪]/u.test(chars[0]!)) return false;
  const words = chars.join('').trim().split(/\s+/);
  return words.length <= 12 && !/^(?:and|or|of|the|to|in|for|with|by)$/i.test(words[words.length - 1] ?? '');
}

function assemble(lines: Line[], layout: Layout, titles: ReadonlySet<Line>): ParagraphDraft {
  // a paragraph of one line (a heading, a web page's line) takes the line's arrays, no copy
  if (lines.length === 1) return { chars: lines[0]!.chars, origins: lines[0]!.origins, kind: kindOf(lines, layout, titles), lines: [lines[0]!.number] };
  // arrays made at the most the paragraph can hold (a space between each two lines), filled,
  // then cut to what it holds: no growing a push per character (warm clean over the 4 MB of
  // bench/stages, min of 8 runs of 6 passes, alternating builds: 0.437 → 0.400 s CPU)
  let most = lines.length - 1;
  for (const line of lines) most += line.chars.length;
  const chars = new Array<string>(most);
  const origins = new Array<number>(most);
  let size = 0;
  lines.forEach((line, index) => {
    if (index > 0 && (needsSpace(chars, size, line.chars) || (line.cellBefore === true && cellsMeet(chars, size, line.chars)))) {
      chars[size] = ' ';
      origins[size] = origins[size - 1]! + 1;
      size++;
    }
    for (let i = 0; i < line.chars.length; i++, size++) {
      chars[size] = line.chars[i]!;
      origins[size] = line.origins[i]!;
    }
  });
  chars.length = size;
  origins.length = size;
  return { chars, origins, kind: kindOf(lines, layout, titles), lines: lines.map((line) => line.number) };
}

function kindOf(lines: Line[], layout: Layout, titles: ReadonlySet<Line>): ParagraphKind {
  const first = lines[0]!;
  if (first.role !== undefined) return first.role;
  if (lines.length === 1 && (isHeadingLike(first, layout) || isTitleLine(first))) return 'heading';
  if (lines.every((line) => titles.has(line))) return 'heading';
  // a title wrapped once, with no clause mark in it: `三、…计划的主要` + `任务`
  if (lines.length === 2 && isHeadingLike(lines[1]!, layout) && !endsSentence(lines[1]!.chars) && !first.chars.some(isClauseMark)) {
    return 'heading';
  }
  return 'body';
}

/** Two figures meet where a table row's wrapped tail joins it (`356.2` + `7.5`): a space keeps them two numbers. */
function cellsMeet(before: string[], length: number, after: string[]): boolean {
  return isDigit(before[length - 1] ?? '') && /[0-9.+\-－]/u.test(after[0] ?? '');
}

/**
 * `the` + `model` → `the model`, `Friday.` + `The` → `Friday. The`, but `260` + `亿斤` → `260亿斤`
 * and `30` + `00亿元` → `3000亿元` in Chinese text.
 */
function needsSpace(before: string[], length: number, after: string[]): boolean {
  const last = before[length - 1] ?? '';
  const first = after[0] ?? '';
  const latinOrDigit = (ch: string): boolean => isLatinLetter(ch) || isDigit(ch);
  // English punctuation that a word space follows; a hyphen may be a word cut by the wrap
  const endsEnglishClause = LATIN_SPACED_AFTER.has(last) && latinOrDigit(before[length - 2] ?? '');
  if (!(latinOrDigit(last) || endsEnglishClause) || !(latinOrDigit(first) || LATIN_OPENERS.has(first))) return false;
  // 30 + 00亿元, 奥迪PP + E纯电动: a word cut by the wrap, unless the text around it is Latin
  const context = [...before.slice(Math.max(0, length - 6), length), ...after.slice(0, 6)];
  return !context.some(isCjk);
}

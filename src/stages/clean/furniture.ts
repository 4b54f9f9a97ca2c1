/**
 * furniture: page furniture from `rules/furniture.yaml`. A line that matches a `drop` rule (a
 * page number, a running header) is removed with an info message naming its raw line; a line
 * that matches `byline`, `caption` or `heading` is kept and becomes its own paragraph of that kind.
 */
import type { Rules } from '../../rules/schema.js';
import { holdsUnit, isCjk, isSpace } from './chars.js';
import { lineText, type Line, type LineRole, type SplitTexts } from './lines.js';
import type { Note } from './notes.js';

export interface FurnitureRule {
  id: string;
  pattern: RegExp;
  action: 'drop' | LineRole;
}

/** Compiles the furniture rules once (patterns were checked for linear-time safety at load). */
export function compileFurniture(rules: Rules['furniture.yaml']): FurnitureRule[] {
  return rules.map((rule) => ({ id: rule.id, pattern: new RegExp(rule.pattern, 'u'), action: rule.action }));
}

/** The rule a running head is dropped by: no pattern, it is found by its repeats. */
const RUNNING_HEAD: FurnitureRule = { id: 'running-head', pattern: /$^/u, action: 'drop' };

/**
 * Tags or drops furniture lines; returns the lines that remain. Rules are tried in file order,
 * after the running heads (`runningHeads`) are dropped. `texts`: the lines' text as split.
 */
export function applyFurniture(lines: Line[], rules: FurnitureRule[], notes: Note[], texts: SplitTexts): Line[] {
  const kept: Line[] = [];
  let dropped = 0;
  const heads = runningHeads(lines, texts);
  for (const line of lines) {
    const text = texts.of(line).trim();
    const rule = heads.size > 0 && heads.has(text) ? RUNNING_HEAD : ruleFor(text, rules);
    if (!rule) {
      if (dropped > 0 && text !== '') {
        line.pageBreakBefore = dropped;
        dropped = 0;
      }
      kept.push(line);
      continue;
    }
    if (rule.action === 'drop') {
      // the line is gone; the text above and below it runs on as if the page had no break
      notes.push(droppedNote(rule, line, text, 'page furniture'));
      dropped = line.number;
      continue;
    }
    dropped = 0;
    kept.push(tagged(line, rule.action, rule));
  }
  return kept;
}

/**
 * Tags or drops the furniture of `rules/furniture.yaml` among the lines the column passes cut
 * out of wider ones (those not in `before`): a byline or a running date set in one column of a
 * page read across is a cell of a line, which the first furniture pass saw only whole.
 */
export function applyFurnitureToCells(lines: Line[], before: ReadonlySet<Line>, rules: FurnitureRule[], notes: Note[]): Line[] {
  const kept: Line[] = [];
  for (const line of lines) {
    if (before.has(line) || line.role !== undefined) {
      kept.push(line);
      continue;
    }
    const text = lineText(line).trim();
    const rule = ruleFor(text, rules);
    if (!rule) {
      kept.push(line);
      continue;
    }
    if (rule.action === 'drop') {
      // a cell of digits and dashes alone may be a column's wrapped line of a number: kept.
      // One with words (第3版, a running date) is the page's furniture
      if (line.chars.some(isCjk)) notes.push(droppedNote(rule, line, text, 'page furniture set in a column'));
      else kept.push(line);
      continue;
    }
    kept.push(tagged(line, rule.action, rule));
  }
  return kept;
}

/** A running head is at most this long (code points): a title or a paper's name, not prose. */
const MAX_HEAD = 40;
/** It stands at least this many times… */
const MIN_REPEATS = 3;
/** …each at least this many raw lines after the last, as a page's head or foot does. */
const MIN_PAGE_LINES = 8;

/**
 * Lines that repeat as a page's head or foot does: the same text, well short of the page's usual
 * line and without a clause mark, with words in it, at least three times and a page apart each time (`清河市2024年政府工作报告` atop
 * every page of a PDF's text). The furniture rules name the usual forms; this finds the ones a
 * rule cannot know, which would otherwise cut a paragraph at every page.
 */
function runningHeads(lines: readonly Line[], texts: SplitTexts): Set<string> {
  const seen = new Map<string, { count: number; last: number }>();
  // a wrapped line of prose is full: a head is well short of the page's usual line
  const longest = Math.floor(usualLength(lines) * HEAD_SHARE_OF_LINE);
  for (const line of lines) {
    if (line.chars.length > MAX_HEAD + 8 || line.chars.length < 2) continue;
    // a clause mark or a percent sign is prose: a stock phrase may wrap the same way thrice.
    // Tested on the characters first: most lines end here, before any string is made
    if (holdsUnit(line.chars, PROSE_UNITS) || !line.chars.some(isCjk)) continue;
    const text = texts.of(line).trim();
    const length = text.length;
    if (length > MAX_HEAD || length > longest) continue;
    const entry = seen.get(text);
    if (!entry) seen.set(text, { count: 1, last: line.number });
    else if (line.number - entry.last >= MIN_PAGE_LINES) {
      entry.count++;
      entry.last = line.number;
    }
  }
  const heads = new Set<string>();
  for (const [text, entry] of seen) if (entry.count >= MIN_REPEATS) heads.add(text);
  return heads;
}

/** A head is at most this share of the usual line's length (a wrapped line of prose is full). */
const HEAD_SHARE_OF_LINE = 0.8;

/** The median length (code points) of the lines long enough to have wrapped; Infinity when too few. */
function usualLength(lines: readonly Line[]): number {
  // chars.length, not the trimmed text: no string per line (this runs over every line of every document)
  // (sorted as numbers by a typed array's own sort, not by a comparator called for every pair)
  const lengths = new Int32Array(lines.map((line) => line.chars.length).filter((n) => n >= 8)).sort();
  return lengths.length < 5 ? Infinity : lengths[Math.floor(lengths.length / 2)]!;
}

const PROSE_MARKS = new Set(['，', '。', '；', '：', '、', '！', '？', ',', ';', '%', '％']);
/** PROSE_MARKS by UTF-16 unit, for `holdsUnit`: a look-up per character of every short line, not a hash of it. */
const PROSE_UNITS = new Uint8Array(0x10000);
for (const mark of PROSE_MARKS) PROSE_UNITS[mark.charCodeAt(0)] = 1;

/** True when `text` (trimmed) is a furniture line by the rules: a cell of a page read across is tested with it. */
export function isFurnitureText(text: string, rules: readonly FurnitureRule[]): boolean {
  return ruleFor(text, rules) !== undefined;
}

/** The first rule, in file order, that matches a line's trimmed text; none for a blank line. */
function ruleFor(text: string, rules: readonly FurnitureRule[]): FurnitureRule | undefined {
  return text === '' ? undefined : rules.find((r) => r.pattern.test(text));
}

/** The info note for a dropped furniture line. */
function droppedNote(rule: FurnitureRule, line: Line, text: string, what: string): Note {
  return { rule: `furniture.yaml#${rule.id}`, reason: `dropped ${what} on raw line ${line.number}: "${text}"`, severity: 'info', line: line.number, actual: text };
}

/** `line`, given the role of the rule that matched it. */
function tagged(line: Line, role: LineRole, rule: FurnitureRule): Line {
  line.role = role;
  line.rule = `furniture.yaml#${rule.id}`;
  return line;
}

/** True when the line holds only white space. */
export function isBlank(line: Line): boolean {
  return line.chars.every(isSpace);
}

/**
 * furniture: page furniture from `rules/furniture.yaml`. A line that matches a `drop` rule (a
 * page number, a running header) is removed with an info message naming its raw line; a line
 * that matches `byline`, `caption` or `heading` is kept and becomes its own paragraph of that kind.
 */
import type { Rules } from '../../rules/schema.js';
import { isCjk, isSpace } from './chars.js';
import { lineText, type Line, type LineRole } from './lines.js';
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

/** Tags or drops furniture lines; returns the lines that remain. Rules are tried in file order. */
export function applyFurniture(lines: Line[], rules: FurnitureRule[], notes: Note[]): Line[] {
  const kept: Line[] = [];
  let dropped = 0;
  for (const line of lines) {
    const text = lineText(line).trim();
    const rule = ruleFor(text, rules);
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

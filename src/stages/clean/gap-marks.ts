/**
 * gap-marks: what an OCR engine writes where it meets the gap between two columns read
 * straight across: a quote mark, alone or after a comma (`全部超”过10万元`, `专，”业点`), before
 * a column's line or after it (`较好完 ” 源4.3亿条`). Such a mark pairs with no other quote; a
 * real one does.
 */
import { isSpace } from './chars.js';
import type { Line } from './lines.js';
import type { Note } from './notes.js';

/** Closing punctuation, which no printed Chinese line starts with. */
export const NO_LINE_START = new Set(['，', '。', '、', '；', '：', '！', '？', '%', '）', '》', '”', '’', ',', '.', ';', ':', '!', '?', ')']);

const OPENING = new Set(['“', '‘']);
const CLOSING = new Set(['”', '’']);
/** How far on an opening quote's partner is looked for. */
const QUOTE_REACH = 60;

/**
 * The engine reads the gap before a column's line as a quote mark (`全部超”过10万元`,
 * `”1800个`): a quote mark opening a column's line that pairs with nothing (a closing one with
 * no quote open before it in reading order, an opening one with no closing one soon after) is
 * dropped, with a note naming the raw line.
 */
export function dropStrayQuotes(lines: Line[], notes: Note[]): void {
  let open = 0;
  lines.forEach((line, k) => {
    let i = 0;
    while (i < line.chars.length && isSpace(line.chars[i]!)) i++;
    const stray: number[] = [];
    for (; i < line.chars.length; i++) {
      const ch = line.chars[i]!;
      const closing = (at: number): boolean => CLOSING.has(line.chars[at] ?? '') && open - stray.length <= 0;
      // punctuation before a stray closing quote is the same gap (`专，”业点`, `就。”业`): no
      // printed line starts with either
      if (NO_LINE_START.has(ch) && !CLOSING.has(ch)) {
        let next = i + 1;
        while (next < line.chars.length && NO_LINE_START.has(line.chars[next]!) && !CLOSING.has(line.chars[next]!)) next++;
        if (next - i <= 2 && closing(next)) {
          for (let at = i; at < next; at++) stray.push(at);
          i = next - 1;
          continue;
        }
      }
      const unpaired = closing(i) || (OPENING.has(ch) && !closesSoon(lines, k, i + 1));
      if (!unpaired) break;
      stray.push(i);
    }
    if (stray.length > 0) {
      notes.push({
        rule: 'clean/columns#gap-quote',
        reason: `raw line ${line.number}: "${stray.map((at) => line.chars[at]).join('')}" before a column's line pairs with no quote; read as the gap between columns and dropped`,
        severity: 'info',
        line: line.number,
        raw: { start: line.origins[stray[0]!]!, end: line.origins[stray[stray.length - 1]!]! + 1 },
      });
      const keep = (_: unknown, at: number): boolean => !stray.includes(at);
      line.chars = line.chars.filter(keep);
      line.origins = line.origins.filter(keep);
    }
    // the gap after a column's line too: a closing quote ending the line with no quote open
    let last = line.chars.length - 1;
    while (last >= 0 && isSpace(line.chars[last]!)) last--;
    let trailing = -1;
    line.chars.forEach((ch, at) => {
      if (OPENING.has(ch)) open++;
      else if (CLOSING.has(ch)) {
        if (open === 0 && at === last && at > 0) trailing = at;
        open = Math.max(0, open - 1);
      }
    });
    if (trailing >= 0) {
      notes.push({
        rule: 'clean/columns#gap-quote',
        reason: `raw line ${line.number}: "${line.chars[trailing]}" after a column's line pairs with no quote; read as the gap between columns and dropped`,
        severity: 'info',
        line: line.number,
        raw: { start: line.origins[trailing]!, end: line.origins[trailing]! + 1 },
      });
      line.chars.splice(trailing, 1);
      line.origins.splice(trailing, 1);
    }
  });
}

/** True when a closing quote follows position `from` of line `k` before another opening one, within reach. */
function closesSoon(lines: readonly Line[], k: number, from: number): boolean {
  let seen = 0;
  for (let j = k; j < lines.length && seen < QUOTE_REACH; j++) {
    const chars = lines[j]!.chars;
    let lead = 0;
    while (lead < chars.length && (isSpace(chars[lead]!) || (NO_LINE_START.has(chars[lead]!) && !CLOSING.has(chars[lead]!)))) lead++;
    for (let i = j === k ? from : 0; i < chars.length && seen < QUOTE_REACH; i++) {
      // a closing quote opening a later line is the engine's gap mark, not a partner
      if (CLOSING.has(chars[i]!) && !(j > k && i === lead)) return true;
      if (OPENING.has(chars[i]!)) return false;
      seen++;
    }
  }
  return false;
}

/**
 * markup: the marks an OCR-to-Markdown converter leaves in the text are not the report's words.
 *
 * - `> ` at a line's start (a block quote: `> 政府系统扎实开展…`) is dropped;
 * - `**…**` and `__…__` around a phrase (bold: `**强造发展新动能新优势**`) lose their marks, which
 *   are dropped only in pairs, so a lone `**` of a footnote stays;
 * - `#` to `######` and a space at a line's start (a Markdown heading) are dropped, and the line
 *   is a heading.
 * One info note per line says what went, with its raw line.
 */
import { holdsUnit, unitTable } from './chars.js';
import type { Line } from './lines.js';
import type { Note } from './notes.js';

/** Emphasis marks, each of two identical characters. */
const EMPHASIS = ['**', '__'];

/** `>`, `#`, `*` or `_`: the characters every rule below starts from. */
const MARK_UNITS = unitTable((c) => c === 0x3e || c === 0x23 || c === 0x2a || c === 0x5f);

/** Drops Markdown marks from every line, in place. */
export function dropMarkup(lines: Line[], notes: Note[]): Line[] {
  for (const line of lines) {
    const { chars } = line;
    // nearly no line holds a mark: one table look-up per character, no per-line array
    if (!holdsUnit(chars, MARK_UNITS)) continue;
    const keep = new Uint8Array(chars.length).fill(1);
    const dropped: string[] = [];
    let start = 0;
    while (start < chars.length && (chars[start] === ' ' || chars[start] === '\t')) start++;
    if (chars[start] === '>') {
      keep[start] = 0;
      if (chars[start + 1] === ' ') keep[start + 1] = 0;
      dropped.push('>');
    } else if (chars[start] === '#') {
      let end = start;
      while (end < chars.length && chars[end] === '#') end++;
      if (end - start <= 6 && chars[end] === ' ') {
        for (let i = start; i <= end; i++) keep[i] = 0;
        line.role = 'heading';
        line.rule = 'clean/markup#heading';
        dropped.push('#');
      }
    }
    for (const mark of EMPHASIS) {
      const at: number[] = [];
      for (let i = 0; i + 1 < chars.length; i++) {
        if (chars[i] === mark[0] && chars[i + 1] === mark[1] && keep[i] && keep[i + 1]) {
          at.push(i);
          i++;
        }
      }
      // pairs only: an odd mark out (the last) stays
      for (let k = 0; k + 1 < at.length; k += 2) {
        for (const i of [at[k]!, at[k + 1]!]) keep[i] = keep[i + 1] = 0;
        dropped.push(mark);
      }
    }
    if (dropped.length === 0) continue;
    line.chars = chars.filter((_, i) => keep[i]);
    line.origins = line.origins.filter((_, i) => keep[i]);
    notes.push({
      rule: 'clean/markup',
      reason: `raw line ${line.number}: dropped Markdown marks ${[...new Set(dropped)].join(' ')}`,
      severity: 'info',
      line: line.number,
    });
  }
  return lines;
}

/**
 * html: what a web page leaves in a report copied or scraped from it. Government sites publish
 * work reports and bulletins as HTML, and scraped texts keep `&nbsp;`, `&ldquo;` and `<p>`.
 *
 * - A character reference becomes its character, with the origin of its `&`: `&nbsp;` → U+00A0
 *   (normalize then makes it a space), `&ldquo;` → “, `&#8220;` and `&#x201C;` → “. The table is
 *   the HTML standard's (entities' `decodeHTML`); a name it does not know (`&foo;`) stays.
 * - A tag named in rules/html.yaml is markup: a paragraph tag (`<p>`, `</div>`) ends the
 *   paragraph where it stands, a line tag (`<br/>`) the line, a cell tag (`<td>`) becomes a space,
 *   an inline tag (`<span style="…">`, `<strong>`) goes; a comment (`<!-- … -->`) goes too. Any
 *   other `<…>` is text: `<5%`, a formula.
 *
 * Runs first, before normalize, which would take the `;` of `&nbsp;` for Chinese punctuation.
 * A line cut by a tag becomes several lines with the same raw line number; a paragraph break is
 * an empty line between them, which the blank-line count reads as a blank line.
 * One info note per raw line says what went.
 */
import { decodeHTML } from 'entities';
import type { Rules } from '../../rules/schema.js';
import type { Line } from './lines.js';
import type { Note } from './notes.js';

type TagRole = 'paragraph' | 'line' | 'cell' | 'inline';

/** The tag names of rules/html.yaml, by role. */
export type HtmlTags = ReadonlyMap<string, TagRole>;

export function compileHtml(rules: Rules['html.yaml']): HtmlTags {
  const tags = new Map<string, TagRole>();
  for (const role of ['paragraph', 'line', 'cell', 'inline'] as const) for (const tag of rules[role]) tags.set(tag, role);
  return tags;
}

/** Longest character reference looked at: `&CounterClockwiseContourIntegral;` is 33. */
const MAX_REFERENCE = 40;
/** Longest tag looked at, attributes included; a longer `<…` is text. */
const MAX_TAG = 1000;

/** Decodes references and drops or breaks at tags in every line; returns the new list of lines. */
export function dropHtml(lines: Line[], tags: HtmlTags, notes: Note[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    // nearly no line holds `&` or `<`: one char-code test per character before any work
    if (!line.chars.some(mayOpen)) {
      out.push(line);
      continue;
    }
    const pieces = splitLine(line, tags);
    if (!pieces) {
      out.push(line);
      continue;
    }
    out.push(...pieces.lines);
    notes.push({
      rule: 'clean/html',
      reason: `raw line ${line.number}: ${pieces.what.join(', ')}`,
      severity: 'info',
      line: line.number,
    });
  }
  return out;
}

function mayOpen(ch: string): boolean {
  return ch === '&' || ch === '<';
}

/** The line cut at its tags, or null when it holds no markup at all. */
function splitLine(line: Line, tags: HtmlTags): { lines: Line[]; what: string[] } | null {
  const { chars, origins } = line;
  const lines: Line[] = [];
  const what = new Set<string>();
  let current = newLine(line);
  const breakLine = (blank: boolean): void => {
    if (current.chars.length > 0) lines.push(current);
    if (blank) lines.push(newLine(line));
    current = newLine(line);
  };
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i]!;
    if (ch === '&') {
      const reference = readReference(chars, i);
      if (reference) {
        for (const decoded of reference.text) {
          current.chars.push(decoded);
          current.origins.push(origins[i]!);
        }
        what.add('character references decoded');
        i = reference.end;
        continue;
      }
    } else if (ch === '<') {
      const tag = readTag(chars, i, tags);
      if (tag) {
        if (tag.role === 'paragraph') breakLine(true);
        else if (tag.role === 'line') breakLine(false);
        else if (tag.role === 'cell') {
          current.chars.push(' ');
          current.origins.push(origins[i]!);
        }
        what.add(tag.role === 'comment' ? 'comments dropped' : 'tags dropped');
        i = tag.end;
        continue;
      }
    }
    current.chars.push(ch);
    current.origins.push(origins[i]!);
    i++;
  }
  if (what.size === 0) return null;
  if (current.chars.length > 0) lines.push(current);
  // the first piece is the raw line itself: it keeps what earlier passes knew of it
  if (lines.length > 0 && lines[0]!.chars.length > 0) lines[0] = { ...line, chars: lines[0]!.chars, origins: lines[0]!.origins };
  return { lines: lines.length > 0 ? lines : [{ ...line, chars: [], origins: [] }], what: [...what] };
}

function newLine(from: Line): Line {
  return { number: from.number, chars: [], origins: [], blanksBefore: 0, indent: 0 };
}

/** `&name;`, `&#123;` or `&#x1F;` at `start` that decodes to something else, with its end. */
function readReference(chars: string[], start: number): { text: string; end: number } | null {
  let end = start + 1;
  const numeric = chars[end] === '#';
  if (numeric) end++;
  const hex = numeric && (chars[end] === 'x' || chars[end] === 'X');
  if (hex) end++;
  const from = end;
  while (end < chars.length && end - start < MAX_REFERENCE && isReferenceChar(chars[end]!, numeric, hex)) end++;
  // the closing `;` is required: `&copy2024` and `R&D` are text
  if (end === from || chars[end] !== ';') return null;
  const token = chars.slice(start, end + 1).join('');
  const text = decodeHTML(token);
  return text === token ? null : { text, end: end + 1 };
}

function isReferenceChar(ch: string, numeric: boolean, hex: boolean): boolean {
  const c = ch.charCodeAt(0);
  const digit = c >= 0x30 && c <= 0x39;
  if (hex) return digit || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
  if (numeric) return digit;
  return digit || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** A comment or a tag of rules/html.yaml at `start`, with its role and end; null for any other `<`. */
function readTag(chars: string[], start: number, tags: HtmlTags): { role: TagRole | 'comment'; end: number } | null {
  const limit = Math.min(chars.length, start + MAX_TAG);
  if (chars[start + 1] === '!' && chars[start + 2] === '-' && chars[start + 3] === '-') {
    for (let j = start + 4; j + 2 < limit; j++) {
      if (chars[j] === '-' && chars[j + 1] === '-' && chars[j + 2] === '>') return { role: 'comment', end: j + 3 };
    }
    return null;
  }
  let j = start + 1;
  if (chars[j] === '/') j++;
  const nameStart = j;
  while (j < limit && isNameChar(chars[j]!)) j++;
  const role = tags.get(chars.slice(nameStart, j).join('').toLowerCase());
  if (!role) return null;
  // attributes: anything up to the `>`, but not another `<` (then this `<` was text)
  for (; j < limit; j++) {
    if (chars[j] === '>') return { role, end: j + 1 };
    if (chars[j] === '<') return null;
  }
  return null;
}

function isNameChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x3a;
}

/**
 * html: what a web page leaves in a report copied or scraped from it. Government sites publish
 * work reports and bulletins as HTML, and scraped texts keep `&nbsp;`, `&ldquo;` and `<p>`.
 *
 * - A character reference becomes its character, with the origin of its `&`: `&nbsp;` → U+00A0
 *   (normalize then makes it a space), `&ldquo;` → “, `&#8220;` and `&#x201C;` → “. The table is
 *   the HTML standard's (entities' `decodeHTML`); a name it does not know (`&foo;`) stays.
 * - A tag named in rules/html.yaml is markup: a paragraph tag (`<p>`, `</div>`) ends the
 *   paragraph where it stands, a line tag (`<br/>`) the line, a cell tag (`<td>`) becomes a space,
 *   an inline tag (`<span style="…">`, `<strong>`) goes, a hidden tag (`<script>`, `<style>`) goes
 *   with everything up to its closing tag; a comment (`<!-- … -->`, over lines too) and a
 *   declaration (`<!DOCTYPE html>`) go. Any other `<…>` is text: `<5%`, a formula.
 *
 * Runs first, before normalize, which would take the `;` of `&nbsp;` for Chinese punctuation.
 * A line cut by a tag becomes several lines with the same raw line number. A paragraph tag marks
 * the next line that holds text `breakBefore`, a break the paragraph pass always keeps, rather
 * than adding blank lines, which would make the layout take blank lines for mere spacing.
 * One info note per raw line says what went.
 */
import { decodeHTML } from 'entities';
import { HTML_TAG_ROLES, type HtmlTagRole } from '../../rules/files.js';
import type { Rules } from '../../rules/schema.js';
import type { Line } from './lines.js';
import type { Note } from './notes.js';

/** The tag names of rules/html.yaml, by role. */
export type HtmlTags = ReadonlyMap<string, HtmlTagRole>;

export function compileHtml(rules: Rules['html.yaml']): HtmlTags {
  const tags = new Map<string, HtmlTagRole>();
  for (const role of HTML_TAG_ROLES) for (const tag of rules[role]) tags.set(tag, role);
  return tags;
}

/** Longest character reference looked at: `&CounterClockwiseContourIntegral;` is 33. */
const MAX_REFERENCE = 40;
/** Longest tag looked at, attributes included; a longer `<…` is text. */
const MAX_TAG = 1000;

/** What a tag or comment left open at a line's end means for the lines after it. */
interface State {
  /** A paragraph tag stood since the last text: the next text opens a paragraph. */
  pendingBreak: boolean;
  /** Inside `<!-- …`: everything up to `-->` goes. */
  inComment: boolean;
  /** Inside `<script>` or another hidden tag: everything up to its closing tag goes. */
  hiddenUntil: string | null;
  /** Whether the document holds `-->` or `</name` at all: what never closes is text, not dropped. */
  closes: (closer: string) => boolean;
}

/** Whether `raw` holds `closer` (`-->`, `</script`), case-insensitively; raw is lowered once, when first asked. */
function closesIn(raw: string): (closer: string) => boolean {
  let lower: string | undefined;
  const known = new Map<string, boolean>();
  return (closer) => {
    let found = known.get(closer);
    if (found === undefined) {
      lower ??= raw.toLowerCase();
      found = lower.includes(closer);
      known.set(closer, found);
    }
    return found;
  };
}

/**
 * Decodes references and drops or breaks at tags in every line; returns the new list of lines.
 * `lines`: the lines of `raw` as `splitLines` gives them (this is the first pass).
 */
export function dropHtml(lines: Line[], tags: HtmlTags, notes: Note[], raw: string): Line[] {
  const out: Line[] = [];
  const state: State = { pendingBreak: false, inComment: false, hiddenUntil: null, closes: closesIn(raw) };
  // nearly no line holds `&` or `<`: the lines that do are found by a native search of the raw
  // text, not by a test of every character (this pass over bench/stages' 40 files, warm:
  // 38–50 → 8–12 ms)
  const marked = linesHolding(raw, /[&<]/g);
  for (const line of lines) {
    if (!state.inComment && state.hiddenUntil === null && !marked.has(line.number)) {
      if (state.pendingBreak && line.chars.some((ch) => ch !== ' ' && ch !== '\t' && ch !== '\u3000')) {
        line.breakBefore = true;
        state.pendingBreak = false;
      }
      out.push(line);
      continue;
    }
    const pieces = splitLine(line, tags, state);
    out.push(...pieces.lines);
    if (pieces.what.length === 0) continue;
    notes.push({
      rule: 'clean/html',
      reason: `raw line ${line.number}: ${pieces.what.join(', ')}`,
      severity: 'info',
      line: line.number,
    });
  }
  return out;
}

/** The 1-based numbers of the lines of `text` (split at `\n`) that hold a match of global `pattern`. */
function linesHolding(text: string, pattern: RegExp): Set<number> {
  const found = new Set<number>();
  let line = 1;
  let lineEnd = text.indexOf('\n');
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    while (lineEnd >= 0 && lineEnd < match.index) {
      line++;
      lineEnd = text.indexOf('\n', lineEnd + 1);
    }
    found.add(line);
  }
  return found;
}

/** The line cut at its tags, and what went; a line with no markup comes back as it was. */
function splitLine(line: Line, tags: HtmlTags, state: State): { lines: Line[]; what: string[] } {
  const { chars, origins } = line;
  const lines: Line[] = [];
  const what = new Set<string>();
  let current = newLine(line);
  const breakLine = (): void => {
    if (current.chars.length > 0) lines.push(current);
    current = newLine(line);
  };
  let tookBreak = false;
  const keep = (ch: string, origin: number): void => {
    if (state.pendingBreak && ch !== ' ' && ch !== '\t' && ch !== '\u3000') {
      current.breakBefore = true;
      state.pendingBreak = false;
      tookBreak = true;
    }
    current.chars.push(ch);
    current.origins.push(origin);
  };
  let i = 0;
  while (i < chars.length) {
    if (state.inComment || state.hiddenUntil !== null) {
      const end = state.inComment ? commentEnd(chars, i) : closingTagEnd(chars, i, state.hiddenUntil!);
      what.add(state.inComment ? 'comments dropped' : `<${state.hiddenUntil}> dropped`);
      if (end < 0) {
        i = chars.length;
        break;
      }
      state.inComment = false;
      state.hiddenUntil = null;
      i = end;
      continue;
    }
    const ch = chars[i]!;
    if (ch === '&') {
      const reference = readReference(chars, i);
      if (reference) {
        for (const decoded of reference.text) keep(decoded, origins[i]!);
        what.add('character references decoded');
        i = reference.end;
        continue;
      }
    } else if (ch === '<') {
      const tag = readTag(chars, i, tags);
      // a `<!--` that nothing closes is text
      if (tag && (tag.role !== 'comment' || state.closes('-->'))) {
        if (tag.role === 'comment') {
          state.inComment = true;
          i += 4;
          continue;
        }
        what.add('tags dropped');
        if (tag.role === 'paragraph') {
          breakLine();
          state.pendingBreak = true;
        } else if (tag.role === 'line') breakLine();
        else if (tag.role === 'cell') keep(' ', origins[i]!);
        else if (tag.role === 'hidden' && !tag.closing && !tag.selfClosing && state.closes(`</${tag.name}`)) state.hiddenUntil = tag.name;
        i = tag.end;
        continue;
      }
    }
    keep(ch, origins[i]!);
    i++;
  }
  if (what.size === 0) {
    // no markup after all (R&D, <35): the line as it was, with the break a tag above left it
    if (tookBreak) line.breakBefore = true;
    return { lines: [line], what: [] };
  }
  if (current.chars.length > 0) lines.push(current);
  // the first piece is the raw line itself: it keeps what earlier passes knew of it
  if (lines.length > 0) lines[0] = { ...line, chars: lines[0]!.chars, origins: lines[0]!.origins, breakBefore: lines[0]!.breakBefore };
  return { lines, what: [...what] };
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

/** The offset just after the `-->` that closes a comment, searching from `from`; -1 when the line holds none. */
function commentEnd(chars: string[], from: number): number {
  for (let j = from; j + 2 < chars.length; j++) if (chars[j] === '-' && chars[j + 1] === '-' && chars[j + 2] === '>') return j + 3;
  return -1;
}

/** The offset just after `</name …>`, searching from `from`; -1 when the line holds none. */
function closingTagEnd(chars: string[], from: number, name: string): number {
  for (let j = from; j + 1 < chars.length; j++) {
    if (chars[j] !== '<' || chars[j + 1] !== '/') continue;
    let k = j + 2;
    while (k < chars.length && isNameChar(chars[k]!)) k++;
    if (chars.slice(j + 2, k).join('').toLowerCase() !== name) continue;
    while (k < chars.length && chars[k] !== '>') k++;
    if (k < chars.length) return k + 1;
  }
  return -1;
}

interface Tag {
  role: HtmlTagRole | 'comment';
  name: string;
  closing: boolean;
  selfClosing: boolean;
  end: number;
}

/**
 * A comment's opening, a declaration (`<!DOCTYPE html>`, dropped like an inline tag) or a tag of
 * rules/html.yaml at `start`; null for any other `<`, which is text.
 */
function readTag(chars: string[], start: number, tags: HtmlTags): Tag | null {
  const limit = Math.min(chars.length, start + MAX_TAG);
  if (chars[start + 1] === '!') {
    if (chars[start + 2] === '-' && chars[start + 3] === '-') return { role: 'comment', name: '', closing: false, selfClosing: false, end: start + 4 };
    if (!/^[A-Za-z]$/.test(chars[start + 2] ?? '')) return null;
    for (let j = start + 2; j < limit; j++) {
      if (chars[j] === '>') return { role: 'inline', name: '!', closing: false, selfClosing: true, end: j + 1 };
      if (chars[j] === '<') return null;
    }
    return null;
  }
  let j = start + 1;
  const closing = chars[j] === '/';
  if (closing) j++;
  const nameStart = j;
  while (j < limit && isNameChar(chars[j]!)) j++;
  const name = chars.slice(nameStart, j).join('').toLowerCase();
  const role = tags.get(name);
  if (!role) return null;
  // the name ends at a space, `/` or `>`: <pre> is not <p>
  if (chars[j] !== '>' && chars[j] !== '/' && chars[j] !== ' ' && chars[j] !== '\t') return null;
  // attributes: anything up to the `>`, but not another `<` (then this `<` was text)
  for (; j < limit; j++) {
    if (chars[j] === '>') return { role, name, closing, selfClosing: chars[j - 1] === '/', end: j + 1 };
    if (chars[j] === '<') return null;
  }
  return null;
}

function isNameChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x3a;
}

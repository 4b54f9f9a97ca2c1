/**
 * Messages the clean passes raise before the cleaned text exists. A pass knows the raw line
 * (and perhaps the raw offset) of what it saw; `index.ts` turns each note into a `Warning` placed
 * in `doc.text` once the text is built.
 */
import type { Severity } from '../../document.js';

export interface Note {
  rule: string;
  reason: string;
  severity: Severity;
  /** 1-based raw line the note is about. */
  line: number;
  /** Raw code-point offsets of what the note is about, when it is narrower than the line. */
  raw?: { start: number; end: number };
  actual?: string;
  expected?: string;
}

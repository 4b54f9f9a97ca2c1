/**
 * columns: placeholder pass; flags spaces inside a line that look like a seam between columns.
 */
import type { Segmenter } from '../../text/segment.js';
import type { Line } from './lines.js';
import type { Note } from './notes.js';

export function repairColumns(lines: Line[], _segmenter: Segmenter, _notes: Note[]): Line[] {
  return lines;
}

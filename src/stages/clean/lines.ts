/**
 * The unit the clean passes work on: one raw line, as code points that each remember the raw
 * code-point offset they came from. Passes rewrite `chars` and `origins` together, so the way
 * back to the raw text is never lost.
 */

export type LineRole = 'heading' | 'byline' | 'caption';

export interface Line {
  /** 1-based raw line number. */
  number: number;
  /** The line's code points. */
  chars: string[];
  /** Raw code-point offset of every code point in `chars` (same length). */
  origins: number[];
  /** Blank raw lines between this line and the previous non-blank one. */
  blanksBefore: number;
  /** Leading white space the line had, in code points (an indented first line). */
  indent: number;
  /** Set by the furniture pass from `rules/furniture.yaml`. */
  role?: LineRole;
  /** `furniture.yaml#id` of the rule that set `role`. */
  rule?: string;
  /** A dropped furniture line (a page number, a running header) stood before this line: its raw line number. */
  pageBreakBefore?: number;
  /** Set by the column pass: this line starts a new column stream, so never join it to the line before. */
  breakBefore?: boolean;
  /** Set by the column pass: this line continues the one before it mid-sentence (a repaired seam). */
  continuesPrevious?: boolean;
  /** Set by the table pass: this line is the wrapped tail of a table row, so it joins the row as a further cell. */
  cellBefore?: boolean;
  /** Raw line numbers of the seams the column pass joined or doubted inside this line. */
  seams?: number[];
}

/**
 * One shared string per UTF-16 unit, made on first sight: the passes hold text as arrays of
 * one-character strings, and sharing them spares a string allocation per character of the raw
 * text (garbage collection was ~25% of the clean stage).
 */
const units: (string | undefined)[] = new Array<string | undefined>(0x10000).fill(undefined); // filled, so V8 keeps a flat array, not a sparse one

/**
 * The text of each line as `splitLines` cut it from the raw text: a slice of the raw text costs
 * nothing, where joining a line's array of one-character strings costs ~13 ns a character (the
 * furniture pass tests every line's text: over the 12 MB of `bench/stages.mjs bench/corpus/10mb
 * 40 3`, timed inside the stage, min of 3, split + furniture 0.208 → 0.146 s CPU). A line answers
 * its slice only while its `chars` is the very array `splitLines` made: the passes before the
 * column repair give a line they change a new array. Not for later passes, which may change an
 * array in place.
 */
export class SplitTexts {
  /** By raw line number: the array `splitLines` made, and its text. */
  private readonly arrays: (readonly string[] | undefined)[] = [];
  private readonly texts: string[] = [];

  record(number: number, chars: readonly string[], text: string): void {
    this.arrays[number] = chars;
    this.texts[number] = text;
  }

  /** The line as a string: its raw slice where it is as split, else its characters joined. */
  of(line: Pick<Line, 'number' | 'chars'>): string {
    return this.arrays[line.number] === line.chars ? this.texts[line.number]! : line.chars.join('');
  }
}

/**
 * Splits `raw` into lines of code points with their raw offsets; `\r` before `\n` stays in the
 * line for normalize to drop. `texts`, when given, records each line's raw text.
 */
export function splitLines(raw: string, texts?: SplitTexts): Line[] {
  const lines: Line[] = [];
  let cp = 0;
  let number = 1;
  for (let from = 0; from <= raw.length; number++) {
    let to = raw.indexOf('\n', from);
    if (to < 0) to = raw.length;
    // arrays made at the line's length and filled, not grown a push at a time (splitting the
    // 4 MB of bench/stages 0.068 → 0.026 s CPU, warm clean 0.439 → 0.416 s); an astral character
    // takes two units, so the arrays shrink
    const chars = new Array<string>(to - from);
    const origins = new Array<number>(to - from);
    let k = 0;
    for (let i = from; i < to; i++, k++, cp++) {
      const c = raw.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < raw.length) {
        const d = raw.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          // an astral character: rare, not shared
          chars[k] = raw.slice(i, i + 2);
          origins[k] = cp;
          i++;
          continue;
        }
      }
      chars[k] = units[c] ??= String.fromCharCode(c);
      origins[k] = cp;
    }
    if (k < chars.length) {
      chars.length = k;
      origins.length = k;
    }
    texts?.record(number, chars, raw.slice(from, to));
    lines.push({ number, chars, origins, blanksBefore: 0, indent: 0 });
    // the line break
    cp++;
    from = to + 1;
  }
  return lines;
}

/** The line as a string. */
export function lineText(line: Pick<Line, 'chars'>): string {
  return line.chars.join('');
}

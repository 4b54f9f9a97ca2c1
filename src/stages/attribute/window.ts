/**
 * The parts of a sentence the attribute passes can read, so that jieba cuts only those.
 *
 * jieba cuts the text between two of its separators (space, tab, `\n`, `，`, `。`) without looking
 * past them (cppjieba PreFilter), so a run of pieces split at `，` `。` `\n` is cut exactly as it is
 * inside the whole sentence. Every pass stops at those marks (they are clause separators): the
 * subject, change and 分别 passes read only the pieces that hold a quantity. The modality pass
 * reads every clause before the last quantity, but a clause changes what comes after it only
 * through a target cue (or a result frame, 截至目前) it holds, so a piece in which no such cue word occurs, even inside
 * another word, changes nothing; and the sentence's first piece matters when it could open with a
 * continuation (其中). Over the 4 MB of bench/stages.mjs this leaves 0.63 M of the 1.28 M characters
 * of the sentences that hold a quantity (1.10 M of 1.37 M on an earlier build of that corpus).
 */
import type { Quantity, Sentence } from '../../document.js';
import type { CompiledAttribute } from './compile.js';

/** A run of the sentence to cut, in code points of `doc.text` and UTF-16 units of the sentence's text. */
export interface Piece {
  start: number;
  /** UTF-16 offsets into the sentence's text. */
  from: number;
  to: number;
}

/** Marks at which jieba's cut starts afresh and every attribute pass stops. */
function isBoundary(code: number): boolean {
  return code === 0xff0c || code === 0x3002 || code === 0x0a; // ，。\n
}

/**
 * The runs of `sentenceText` to cut, in order, and whether the first starts the sentence.
 * Returns null when a quantity lies outside the sentence (then the whole sentence is cut).
 */
export function piecesToCut(
  sentenceText: string,
  sentence: Sentence,
  quantities: readonly Quantity[],
  members: readonly number[],
  compiled: CompiledAttribute,
): { pieces: Piece[]; opensSentence: boolean } | null {
  for (const k of members) {
    const quantity = quantities[k]!;
    if (quantity.start < sentence.start || quantity.end > sentence.end) return null;
  }
  // split at the boundaries, each piece keeping the mark that ends it
  const starts: number[] = [];
  const froms: number[] = [];
  let cp = sentence.start;
  starts.push(cp);
  froms.push(0);
  for (let i = 0; i < sentenceText.length; i++) {
    const code = sentenceText.charCodeAt(i);
    // a low surrogate ends an astral character already counted
    if (code < 0xdc00 || code > 0xdfff) cp++;
    if (isBoundary(code) && i + 1 < sentenceText.length) {
      starts.push(cp);
      froms.push(i + 1);
    }
  }
  const count = starts.length;
  froms.push(sentenceText.length);
  starts.push(sentence.end);
  // the pieces that hold a quantity (members are sorted by start)
  const keep = new Uint8Array(count);
  let piece = 0;
  let last = -1;
  for (const k of members) {
    const { start, end } = quantities[k]!;
    while (piece + 1 < count && starts[piece + 1]! <= start) piece++;
    for (let p = piece; p < count && (p === piece || starts[p]! < end); p++) {
      keep[p] = 1;
      last = p;
    }
  }
  if (last < 0) return { pieces: [], opensSentence: false };
  // 信息传输、软件和信息技术服务业，租赁和商务服务业营业收入分别增长13.5%、7.2%: the listed pieces
  // before a 分别 piece are its first items (respectively.ts clauseList)
  for (let p = last; p > 0; p--) {
    if (!keep[p] || !compiled.respectivelyWords.foundIn(sentenceText, froms[p]!, froms[p + 1]!)) continue;
    for (let q = p - 1; q >= 0 && !keep[q] && holdsListMark(sentenceText, froms[q]!, froms[q + 1]!); q--) keep[q] = 1;
  }
  for (let p = 0; p < last; p++) {
    if (keep[p]) continue;
    // (the words are looked for inside the sentence's text: a slice per piece was most of what
    // this function allocated)
    if (compiled.targetWords.foundIn(sentenceText, froms[p]!, froms[p + 1]!)) keep[p] = 1;
    else if (p === 0) {
      const opening = sentenceText.slice(froms[p]!, froms[p + 1]!).trimStart();
      if (compiled.continuations.some((word) => opening.startsWith(word))) keep[p] = 1;
    }
  }
  const pieces: Piece[] = [];
  for (let p = 0; p <= last; p++) {
    if (!keep[p]) continue;
    const previous = pieces[pieces.length - 1];
    if (previous && previous.to === froms[p]) previous.to = froms[p + 1]!;
    else pieces.push({ start: starts[p]!, from: froms[p]!, to: froms[p + 1]! });
  }
  return { pieces, opensSentence: keep[0] === 1 };
}

/** `text[from, to)` holds the enumeration comma 、. */
function holdsListMark(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 0x3001) return true;
  return false;
}

/**
 * Finds any of a few words in a text by their first characters, without a regex: a table says
 * which characters start a word, and only there are the words tried.
 */
export class WordFinder {
  private readonly byFirst = new Map<number, string[]>();
  private readonly starts = new Uint8Array(65536);
  /** True when an empty word was given: it is found in every text. */
  private readonly empty: boolean;

  constructor(words: readonly string[]) {
    for (const word of words) {
      if (word.length === 0) continue;
      const first = word.charCodeAt(0);
      this.starts[first] = 1;
      this.byFirst.set(first, [...(this.byFirst.get(first) ?? []), word]);
    }
    this.empty = words.some((word) => word.length === 0);
  }

  /** True when one of the words occurs in `text[from, to)`, as a word or inside one. */
  foundIn(text: string, from = 0, to = text.length): boolean {
    if (this.empty) return true;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (this.starts[code] === 0) continue;
      for (const word of this.byFirst.get(code)!) if (i + word.length <= to && text.startsWith(word, i)) return true;
    }
    return false;
  }
}

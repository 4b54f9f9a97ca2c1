/**
 * A sentence as the attribute passes see it: jieba's tagged words, with every quantity of the
 * sentence standing as one item in place of the words it covers.
 *
 * Offsets are code points into `doc.text`. A word that a quantity cuts (`签约` when the quantity
 * starts at `约`) is split at the quantity's edge, and the part outside keeps the word's tag, unless
 * jieba coined the word (tag x): then the part outside is tagged afresh (`186名来我县` → `名来`/x,
 * whose `来` is a verb, not a noun after the count).
 */
import type { Quantity } from '../../document.js';
import type { Token } from '../../text/segment.js';
import type { WalkBack } from './walk.js';

/** How a non-word item separates the words around it. */
export type Separator = 'clause' | 'list' | 'quote' | 'space' | 'open' | 'close' | 'other';

export interface Item {
  text: string;
  /** jieba's POS tag; `''` for a quantity. */
  tag: string;
  start: number;
  end: number;
  /** Index into `doc.quantities`, or -1 for a word. */
  quantity: number;
  /** Set for punctuation and whitespace; null for words and quantities. */
  separator: Separator | null;
  /** True for a word that is part of a year (2024年), marked by `markYears`. */
  inYear: boolean;
}

/** Punctuation that ends a clause (structural, not a word list). */
const CLAUSE_MARKS = new Set(['，', ',', '；', ';', '：', ':', '。', '！', '!', '？', '?', '《', '》', '\n']);
/** Brackets: a remark inside them (按可比价格计算) is passed over when looking for a subject. */
const OPEN_MARKS = new Set(['（', '(', '【', '[']);
const CLOSE_MARKS = new Set(['）', ')', '】', ']']);
/** The enumeration comma: items of one list. */
const LIST_MARKS = new Set(['、']);
/** Quote marks that open or close a quotation by their shape (ASCII `"` and `'` do both). */
export const OPENING_QUOTES: ReadonlySet<string> = new Set(['“', '‘', '「', '『']);
export const CLOSING_QUOTES: ReadonlySet<string> = new Set(['”', '’', '」', '』']);
/** Quotes stay inside a phrase: 打造"百村示范村"30个. */
const QUOTE_MARKS = new Set(['"', "'", ...OPENING_QUOTES, ...CLOSING_QUOTES]);
const SPACE = /^\s+$/u;
const PUNCTUATION = /^[\p{P}\p{S}]+$/u;

/**
 * Classifies a token's text as a separator, or null for a word. `signWords` are marks that stand
 * for a word, passed over like one: a bound word (≥ for 不低于: qualifiers.yaml, PM2.5浓度≤35微克/立方米)
 * or a change word (↑ for 增长 on a 数读 panel: changes.yaml, 地区生产总值 2186亿元 ↑5.8%).
 */
export function separatorOf(text: string, signWords: ReadonlySet<string>): Separator | null {
  // fast path: a word starting with a Han character, a letter or a digit
  const code = text.charCodeAt(0);
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a)) {
    return null;
  }
  if (SPACE.test(text)) return text.includes('\n') ? 'clause' : 'space';
  if (!PUNCTUATION.test(text)) return null;
  // every mark below is one BMP character
  const first = text[0]!;
  if (text.length === 1 && signWords.has(first)) return null;
  if (CLAUSE_MARKS.has(first)) return 'clause';
  if (OPEN_MARKS.has(first)) return 'open';
  if (CLOSE_MARKS.has(first)) return 'close';
  if (LIST_MARKS.has(first)) return 'list';
  if (QUOTE_MARKS.has(first)) return 'quote';
  return 'other';
}

/**
 * Merges `tokens` (covering one sentence) with the quantities inside it.
 * @param quantities indexes into `all`, sorted by start, each lying within the tokens' range.
 */
export function buildItems(
  tokens: readonly Token[],
  all: readonly Quantity[],
  quantities: readonly number[],
  signWords: ReadonlySet<string>,
  tagOf?: (word: string) => string,
): Item[] {
  const items: Item[] = [];
  let next = 0;
  const pushWord = (text: string, tag: string, start: number, end: number) => {
    if (end <= start) return;
    // a coined word's tag says nothing of its part outside the quantity: ask jieba about the part
    const own = tag === 'x' && tagOf ? tagOf(text) : tag;
    items.push({ text, tag: own, start, end, quantity: -1, separator: separatorOf(text, signWords), inYear: false });
  };
  for (const token of tokens) {
    // the common case: no quantity touches this word
    const upcoming = next < quantities.length ? all[quantities[next]!]! : undefined;
    if (!upcoming || upcoming.start >= token.end) {
      items.push({ text: token.word, tag: token.tag, start: token.start, end: token.end, quantity: -1, separator: separatorOf(token.word, signWords), inYear: false });
      continue;
    }
    let cursor = token.start;
    // a word of BMP characters only (nearly all) is sliced as it is: splitting it into characters
    // for every quantity was the largest line of buildItems' profile
    const chars = token.word.length === token.end - token.start ? null : Array.from(token.word);
    const piece = (from: number, to: number) =>
      chars ? chars.slice(from - token.start, to - token.start).join('') : token.word.slice(from - token.start, to - token.start);
    while (next < quantities.length && all[quantities[next]!]!.start < token.end) {
      const quantity = all[quantities[next]!]!;
      if (quantity.start > cursor) pushWord(piece(cursor, quantity.start), token.tag, cursor, quantity.start);
      if (items.length === 0 || items[items.length - 1]!.quantity !== quantities[next]) {
        items.push({ text: quantity.text, tag: '', start: quantity.start, end: quantity.end, quantity: quantities[next]!, separator: null, inYear: false });
      }
      if (quantity.end > token.end) {
        cursor = token.end;
        break;
      }
      cursor = Math.max(cursor, quantity.end);
      next++;
    }
    // inside a quantity that runs past this token: nothing of the token is left outside it
    const open = next < quantities.length ? all[quantities[next]!]! : undefined;
    if (open && open.start < token.end && open.end > token.end) continue;
    if (cursor < token.end) pushWord(piece(cursor, token.end), token.tag, cursor, token.end);
  }
  joinDottedNames(items);
  return items;
}

const ALNUM_END = /[A-Za-z0-9]$/u;
const ALNUM_START = /^[A-Za-z0-9]/u;

/** Marks that join two Latin letters or digits into one name: `PM2.5`, `R&D`. */
const NAME_JOINERS = new Set(['.', '&', '＆']);

/**
 * jieba cuts `PM2.5` into `PM2 . 5` and `R&D` into `R & D`; a point or an ampersand between two
 * Latin letters or digits with no space is part of a name, not a break, so the subject of
 * `PM2.5平均浓度达到15.4%` is the whole name, and that of `R&D经费1286.7亿元` is not `D经费`.
 */
function joinDottedNames(items: Item[]): void {
  for (let i = 1; i + 1 < items.length; i++) {
    const dot = items[i]!;
    if (dot.separator !== 'other' || !NAME_JOINERS.has(dot.text)) continue;
    const before = items[i - 1]!;
    const after = items[i + 1]!;
    if (before.quantity >= 0 || after.quantity >= 0 || before.separator !== null || after.separator !== null) continue;
    if (before.end !== dot.start || after.start !== dot.end) continue;
    if (ALNUM_END.test(before.text) && ALNUM_START.test(after.text)) dot.separator = null;
  }
}

/** One sentence that holds Chinese quantities, ready for the attribute passes. */
export interface SentenceView {
  /** Index into `doc.sentences`. */
  sentence: number;
  /** Index into `doc.paragraphs`. */
  paragraph: number;
  items: Item[];
  /** Index into `doc.quantities` of every quantity of the sentence, in order. */
  members: number[];
  /** Item index of every quantity of the sentence, in order (parallel to `members`). */
  quantityItems: number[];
  /** From each quantity, the walk back over the words before it (parallel to `members`). */
  walks: WalkBack[];
  /**
   * True when `items` start at the sentence's start. The items may leave out pieces of the
   * sentence that no pass reads (window.ts); the sentence's first piece is left out only when it
   * cannot open with a continuation cue.
   */
  opensSentence: boolean;
}

/** The item index just before `index` that is not a space, or -1. */
export function previousSolid(items: readonly Item[], index: number): number {
  let i = index - 1;
  while (i >= 0 && items[i]!.separator === 'space') i--;
  return i;
}

/** The item index just after `index` that is not a space, or `items.length`. */
export function nextSolid(items: readonly Item[], index: number): number {
  let i = index + 1;
  while (i < items.length && items[i]!.separator === 'space') i++;
  return i;
}

/** Most items a bracketed remark may hold and still be passed over. */
const BRACKET_REACH = 24;

/**
 * For a closing bracket at `close`, the index of its opening bracket, or -1 when there is none
 * within reach on the same clause: 规模以上工业增加值（按可比价格计算）增长6.5%.
 */
export function openingBracket(items: readonly Item[], close: number): number {
  for (let i = close - 1; i >= 0 && close - i <= BRACKET_REACH; i--) {
    const separator = items[i]!.separator;
    if (separator === 'open') return i;
    // a figure inside is part of the remark (高温日数（日最高气温≥35℃）为28.6天); a clause mark is not
    if (separator === 'clause' || separator === 'close') return -1;
  }
  return -1;
}

/**
 * Marks the words that lie inside a year mention. `spans` are the document's year mentions,
 * sorted, as code-point ranges; `from` is the index of the first that may touch these items.
 */
export function markYears(items: Item[], spans: readonly { start: number; end: number }[], from: number): void {
  let next = from;
  for (const item of items) {
    while (next < spans.length && spans[next]!.end <= item.start) next++;
    const span = spans[next];
    if (!span || item.quantity >= 0 || item.start < span.start || item.end > span.end) continue;
    // 增速比1—9月加快0.2个百分点: a dash inside a period joins it, it parts nothing, so the walk
    // back passes the whole period to the base opener (比) and the subject 增速 before it
    if (item.separator === 'other' && span.start < item.start && item.end < span.end) item.separator = null;
    if (item.separator === null) item.inYear = true;
  }
}

/**
 * The segmenter: the only module that imports nodejieba.
 *
 * nodejieba keeps one process-wide dictionary, so it is loaded once per process (with the
 * project's user dictionary from `rules/userdict.txt`) and reached by stages only through the
 * `Segmenter` in the pipeline context. Tokens are aligned to code-point offsets: jieba's words
 * concatenate back to its input exactly (spaces and line breaks are tokens too), and a mismatch
 * is an error, never a silent drift.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { cpLength, isBmpOnly } from './codepoints.js';
import { WordTable } from './word-table.js';

const require = createRequire(import.meta.url);

interface Jieba {
  DEFAULT_DICT: string;
  DEFAULT_USER_DICT: string;
  load(options?: { userDict?: string; idfDict?: string; stopWordDict?: string }): void;
  cut(sentence: string, strict?: boolean): string[];
  tag(sentence: string): { word: string; tag: string }[];
}

/** One segmenter token with its code-point span (offsets relative to the string passed in, plus `base`). */
export interface Token {
  word: string;
  /** jieba's part-of-speech tag (ICTCLAS set: n, v, m, q, x, eng, …). */
  tag: string;
  start: number;
  end: number;
}

export interface Segmenter {
  /**
   * Words with POS tags, exactly as jieba's `tag` gives them (tests/segment.test.ts proves it);
   * offsets are code points, shifted by `base`.
   */
  tag(text: string, base?: number): Token[];
  /** Words only (faster than `tag`); offsets are code points, shifted by `base`. */
  cut(text: string, base?: number): Token[];
  /** True when `word` is in jieba's main dictionary or the user dictionary. */
  isWord(word: string): boolean;
  /**
   * The tag `tag` gives a token reading `word` (a table look-up, no segmenting): for a caller that
   * cut a text and needs the tags of a few of its tokens only.
   */
  tagOf(word: string): string;
  /**
   * False when no word of either dictionary holds code point `left` directly followed by code
   * point `right`, so no dictionary word can run across a join between them; true may be a false
   * alarm. Lets a caller skip asking jieba about most joins.
   */
  pairInWord(left: string, right: string): boolean;
}

/**
 * `texts.map((text, k) => segmenter.tag(text, bases[k]))`, in one jieba call: the texts are joined
 * by `\n`, where jieba's cut starts afresh (cppjieba's PreFilter splits at space, tab, `\n`, `，`
 * and `。` and cuts each run alone), so each text is cut exactly as it is alone; a word across a
 * join is an error. One call per document instead of one per sentence piece keeps jieba's
 * dictionary warm in the CPU caches: its cut cost twice as much per character in 20,000 short
 * calls between the attribute passes as in one long call (attribute over the 100 files of the
 * 10 MB corpus, the pipeline run bare, min of 4: 2.17 → 1.82 s CPU). With `groups`, the lists
 * of consecutive texts are gathered, `groups[g]` texts into list g (see `splitEach`).
 */
export function tagEach(segmenter: Segmenter, texts: readonly string[], bases: readonly number[], groups?: readonly number[]): Token[][] {
  const joined = texts.join('\n');
  return splitEach(segmenter.tag(joined), joined, texts, bases, groups);
}

/** `tagEach` with `cut`: words only, no tags. */
export function cutEach(segmenter: Segmenter, texts: readonly string[], bases: readonly number[]): Token[][] {
  const joined = texts.join('\n');
  return splitEach(segmenter.cut(joined), joined, texts, bases);
}

/**
 * The tokens of `texts` joined by `\n` (`joined`), text by text, each shifted to its base. With
 * `groups`, consecutive texts are gathered into one list per group (`groups[g]` texts each, the
 * joins between them left out): a sentence cut in pieces gets one list, not one per piece copied
 * into another.
 */
function splitEach(tokens: Token[], joined: string, texts: readonly string[], bases: readonly number[], groups?: readonly number[]): Token[][] {
  const each: Token[][] = [];
  // (every text of a BMP-only join is BMP-only: its length is its code points')
  const bmp = isBmpOnly(joined);
  let t = 0;
  // where text k starts in the joined text, in code points
  let from = 0;
  let k = 0;
  const groupCount = groups ? groups.length : texts.length;
  for (let g = 0; g < groupCount; g++) {
    const own: Token[] = [];
    for (const end = k + (groups ? groups[g]! : 1); k < end; k++) {
      const to = from + (bmp ? texts[k]!.length : cpLength(texts[k]!));
      const shift = bases[k]! - from;
      for (; t < tokens.length && tokens[t]!.end <= to; t++) {
        const token = tokens[t]!;
        token.start += shift;
        token.end += shift;
        own.push(token);
      }
      if (k + 1 < texts.length) {
        const join = tokens[t];
        if (join === undefined || join.start !== to || join.word !== '\n') {
          throw new Error(`segmenter cut across the join after text ${k} at code point ${to}: ${JSON.stringify(join?.word)}`);
        }
        t++;
      }
      from = to + 1;
    }
    each.push(own);
  }
  return each;
}

/** A one-line IDF table (jieba refuses an empty one); beside src/ and dist/ alike. */
const IDF_STUB = fileURLToPath(new URL('../../assets/jieba-idf-stub.utf8', import.meta.url));

let loadedWith: string | null | undefined;
let jieba: Jieba | undefined;
/** The user dictionary's text, read when jieba loads it; the word table is built on first use. */
let userText = '';
/** The user dictionary jieba actually loaded (its own default when liang gives none). */
let jiebaUserText = '';
let dictionaryTextRead: string | undefined;
let words: WordTable | undefined;
let pairs: Uint32Array | undefined;

/**
 * Returns the process-wide segmenter, loading jieba with `userDictPath` on first use.
 * A second call with a different user dictionary is an error: nodejieba cannot unload one.
 */
export function getSegmenter(userDictPath: string | null): Segmenter {
  if (jieba === undefined) {
    jieba = require('nodejieba') as Jieba;
    // liang never extracts keywords, so jieba's keyword tables (an IDF list of 270,000 words,
    // ~20 MB and 0.15 s per thread) are replaced by a one-line stub: cut and tag do not read them
    jieba.load({ idfDict: IDF_STUB, stopWordDict: IDF_STUB, ...(userDictPath ? { userDict: userDictPath } : {}) });
    loadedWith = userDictPath;
    userText = userDictPath ? readFileSync(userDictPath, 'utf8') : '';
    jiebaUserText = userDictPath ? userText : readFileSync(jieba.DEFAULT_USER_DICT, 'utf8');
  } else if (loadedWith !== userDictPath) {
    throw new Error(
      `nodejieba was already loaded with user dictionary ${String(loadedWith)}; ` +
        `it cannot be reloaded with ${String(userDictPath)} in the same process`,
    );
  }
  const j = jieba;
  return {
    // jieba's tag is its cut plus a dictionary lookup per word (cppjieba PosTagger), done here on
    // tables JS holds anyway: 0.57 → 0.43 s CPU over the 1.37 M characters attribute tags (4 MB)
    tag: (text, base = 0) => {
      const table = wordTable(j);
      return align(text, j.cut(text, true), base, (word) => table.tag(word));
    },
    cut: (text, base = 0) => align(text, j.cut(text, true), base, () => ''),
    isWord: (word) => wordTable(j).has(word),
    tagOf: (word) => wordTable(j).tag(word),
    pairInWord: (left, right) => {
      const bits = (pairs ??= wordPairs(wordTable(j)));
      const h = pairHash(left.codePointAt(0) ?? 0, right.codePointAt(0) ?? 0);
      return (bits[h >>> 5]! & (1 << (h & 31))) !== 0;
    },
  };
}

/**
 * Loads jieba with `userDictPath` and builds the word table and the pair bits now instead of on
 * first use: a batch worker does this while the main thread is still loading the rules.
 */
export function preloadSegmenter(userDictPath: string | null): void {
  getSegmenter(userDictPath);
  pairs ??= wordPairs(wordTable(jieba!));
}

/**
 * A bit per hashed pair of neighbouring code points of every dictionary word (2 MB): a pair never
 * seen is certainly in no word; a collision only costs the caller the jieba call it would have made.
 */
function wordPairs(table: WordTable): Uint32Array {
  const bits = new Uint32Array(1 << (PAIR_BITS - 5));
  table.forEachSpan((text, start, end) => {
    let previous = -1;
    for (let i = start; i < end; ) {
      const code = text.codePointAt(i)!;
      if (previous >= 0) {
        const h = pairHash(previous, code);
        bits[h >>> 5]! |= 1 << (h & 31);
      }
      previous = code;
      i += code > 0xffff ? 2 : 1;
    }
  });
  return bits;
}

const PAIR_BITS = 24;

function pairHash(left: number, right: number): number {
  return Math.imul(left ^ Math.imul(right, 0x85ebca6b), 0xc2b2ae35) >>> (32 - PAIR_BITS);
}

/** jieba's main dictionary, `\n`, then the user dictionary jieba loaded; read on first use. */
function dictionaryText(j: Jieba): string {
  return (dictionaryTextRead ??= readFileSync(j.DEFAULT_DICT, 'utf8') + '\n' + jiebaUserText);
}

/**
 * Words of jieba's main dictionary and of the user dictionary, with their tags, read on first use:
 * `isWord` knows liang's user dictionary, `tag` the one jieba loaded (its own default when liang
 * gives none). One table for both: 0.21 → 0.16 s CPU per process.
 */
function wordTable(j: Jieba): WordTable {
  const text = dictionaryText(j);
  const userFrom = text.length - jiebaUserText.length;
  return (words ??= new WordTable(text, userFrom, userText === jiebaUserText ? text.length : userFrom));
}

function align(text: string, raw: string[], base: number, tagOf: (word: string) => string): Token[] {
  const tokens: Token[] = new Array(raw.length);
  // one surrogate test for the whole text instead of one per word
  const bmp = isBmpOnly(text);
  let utf16 = 0;
  let cp = base;
  for (let i = 0; i < raw.length; i++) {
    const word = raw[i]!;
    const tag = tagOf(word);
    if (!text.startsWith(word, utf16)) {
      throw new Error(
        `segmenter output does not align with its input at UTF-16 index ${utf16}: ` +
          `expected ${JSON.stringify(text.slice(utf16, utf16 + word.length))}, got ${JSON.stringify(word)}`,
      );
    }
    const length = bmp ? word.length : cpLength(word);
    tokens[i] = { word, tag, start: cp, end: cp + length };
    utf16 += word.length;
    cp += length;
  }
  if (utf16 !== text.length) {
    throw new Error(`segmenter dropped text after UTF-16 index ${utf16} of ${text.length}`);
  }
  return tokens;
}

/**
 * jieba sometimes glues a change word to the noun before it (`价格下降`, one token). Such a token
 * is split when it ends with a change or level cue of two or more characters and what stands
 * before the cue is itself a dictionary word: `价格下降` → `价格` + `下降`. One-character cues are
 * never split off, so the `约` of `签约` and the `增` of `新增` stay inside their words.
 * It also glues an object verb to its object (`减轻负担`, one noun): such a token is split when
 * it starts with an object verb of changes.yaml and the rest is a dictionary word of two or more
 * characters: `减轻负担约9亿元` is a fall of 0.9 billion yuan.
 * And where no dictionary word fits, jieba's model coins one that may swallow the bound word before
 * a number (`退税缓费超86亿元` → `缓费超`): a coined word (tag x) right before a number that ends
 * with a bound word of qualifiers.yaml gives it back, so the subject does not end in `超`.
 */
import type { Token } from '../../text/segment.js';
import type { CompiledAttribute } from './compile.js';
/** The longest cue tried as a suffix (characters). */
const LONGEST_CUE = 4;

/** `tokens` with glued change words split off; offsets stay code points. */
export function splitGluedCues(tokens: Token[], compiled: CompiledAttribute, isWord: (word: string) => boolean): Token[] {
  let out: Token[] | null = null;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    // most words end with a character no change word ends with
    let split = token.word.length >= 3 && compiled.gluableEnds.has(token.word.charCodeAt(token.word.length - 1)) ? splitOne(token, compiled, isWord) : null;
    if (!split && token.word.length >= 4 && compiled.objectVerbStarts.has(token.word.charCodeAt(0))) split = splitObject(token, compiled, isWord);
    if (!split && token.tag === 'x' && NUMBER_START.test(tokens[t + 1]?.word ?? '')) split = splitBound(token, compiled);
    if (!split && token.tag === 'x') split = splitShare(token, compiled);
    if (split && !out) out = tokens.slice(0, t);
    if (out) out.push(...(split ?? [token]));
  }
  return out ?? tokens;
}

function splitOne(token: Token, compiled: CompiledAttribute, isWord: (word: string) => boolean): Token[] | null {
  // 负增长 is a change word of its own (changes.yaml), not 负 + 增长
  if (compiled.gluable.has(token.word)) return null;
  const chars = token.word.length === token.end - token.start ? null : Array.from(token.word);
  const length = chars ? chars.length : token.word.length;
  const slice = (from: number, to: number) => (chars ? chars.slice(from, to).join('') : token.word.slice(from, to));
  for (let n = Math.min(LONGEST_CUE, length - 1); n >= 2; n--) {
    const suffix = slice(length - n, length);
    if (!compiled.gluable.has(suffix)) continue;
    const prefix = slice(0, length - n);
    if (!isWord(prefix)) continue;
    const middle = token.start + length - n;
    return [
      { word: prefix, tag: 'n', start: token.start, end: middle },
      { word: suffix, tag: 'v', start: middle, end: token.end },
    ];
  }
  return null;
}

/** A number's first character: a digit or a Chinese numeral. */
const NUMBER_START = /^[0-9０-９一二三四五六七八九十百千万两半〇零]/;

/** `缓费超` → `缓费` + `超`: a coined word that ends with a bound word of qualifiers.yaml. */
function splitBound(token: Token, compiled: CompiledAttribute): Token[] | null {
  const chars = Array.from(token.word);
  // a prefix of one character is left whole: `较近5年` is 较 + 近5年 as often as a coined word
  for (let n = Math.min(LONGEST_CUE, chars.length - 2); n >= 1; n--) {
    const bound = chars.slice(chars.length - n).join('');
    if (!compiled.boundWords.has(bound)) continue;
    const middle = token.start + chars.length - n;
    return [
      { word: chars.slice(0, chars.length - n).join(''), tag: 'n', start: token.start, end: middle },
      { word: bound, tag: 'v', start: middle, end: token.end },
    ];
  }
  return null;
}

/**
 * `占亡` → `占` + `亡`: a coined word that opens with a one-character share verb (subjects.yaml
 * share_of) gives it back, so `占亡人总数的75%` is a share of a base, not a noun `占亡人总数`.
 */
function splitShare(token: Token, compiled: CompiledAttribute): Token[] | null {
  // the first character read in place: an array of characters for every coined token, most of
  // them one punctuation mark, was 2.6 MB over 20 warm files of the 10 MB corpus
  const first = token.word.codePointAt(0);
  if (first === undefined) return null;
  const width = first > 0xffff ? 2 : 1;
  if (token.word.length <= width) return null;
  const head = token.word.slice(0, width);
  if (!compiled.cues.has(head, 'share')) return null;
  return [
    { word: head, tag: 'v', start: token.start, end: token.start + 1 },
    { word: token.word.slice(width), tag: 'x', start: token.start + 1, end: token.end },
  ];
}

/** `减轻负担` → `减轻` + `负担`: an object verb glued to the front of a dictionary word. */
function splitObject(token: Token, compiled: CompiledAttribute, isWord: (word: string) => boolean): Token[] | null {
  const chars = Array.from(token.word);
  for (let n = Math.min(LONGEST_CUE, chars.length - 2); n >= 2; n--) {
    const verb = chars.slice(0, n).join('');
    if (!compiled.objectVerbs.has(verb)) continue;
    const object = chars.slice(n).join('');
    if (!isWord(object)) continue;
    const middle = token.start + n;
    return [
      { word: verb, tag: 'v', start: token.start, end: middle },
      { word: object, tag: 'n', start: middle, end: token.end },
    ];
  }
  return null;
}

/**
 * `tokens` with every word that ends in a rate suffix (subjects.yaml rate_suffixes: 率) tagged a
 * noun: jieba's dictionary tags some rate names as adjectives or verbs (完好率/a, 良好率/a, 辍学率/v),
 * and a rate so tagged was no noun phrase (`完好率保持在95%以上` took the clause before's subject).
 */
export function tagRateNouns(tokens: Token[], compiled: CompiledAttribute): Token[] {
  let out: Token[] | null = null;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    const rate = token.word.length >= 2 && NOT_NOUN_TAGS.has(token.tag) && endsWithSuffix(token.word, compiled.rateSuffixes);
    if (rate && !out) out = tokens.slice(0, t);
    if (out) out.push(rate ? { ...token, tag: 'n' } : token);
  }
  return out ?? tokens;
}

/** `word` ends with one of `suffixes` and is longer than it (a loop: a closure per verb token was 6.8 MB over 20 warm files of the 10 MB corpus). */
function endsWithSuffix(word: string, suffixes: readonly string[]): boolean {
  for (const suffix of suffixes) if (word.length > suffix.length && word.endsWith(suffix)) return true;
  return false;
}

/** jieba's tags of rate names that are no noun: adjectives, verbs, idioms (完好率/a, 辍学率/v, 孔隙率/i). */
const NOT_NOUN_TAGS: ReadonlySet<string> = new Set(['a', 'ad', 'v', 'vd', 'vi', 'i']);

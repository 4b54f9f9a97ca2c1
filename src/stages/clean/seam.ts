/**
 * Evidence that one piece of text runs on into another: the judge for column repair.
 *
 * `continuity(left, right)` is high when the end of `left` and the start of `right` read as one
 * text: jieba cuts a dictionary word across the join (`长春市市` + `长王子联` → `市长`), or a
 * number at the end of `left` finds its unit at the start of `right` (`260` + `亿斤`). It is
 * zero for an unrelated pair. The unit forms come from the rules (units, classifiers, magnitudes).
 */
import type { Rules } from '../../rules/schema.js';
import { cutEach, type Segmenter, type Token } from '../../text/segment.js';
import { cpLength } from '../../text/codepoints.js';
import { isDigit, isHan, isSpace } from './chars.js';

/** jieba's tags for words that stand alone as one character: p c u uj ul uz uv ud ug f d r y e o. */
const FUNCTION_TAGS = new Set(['p', 'c', 'u', 'uj', 'ul', 'uz', 'uv', 'ud', 'ug', 'f', 'd', 'r', 'y', 'e', 'o', 'm', 'q']);

/** Characters of each side the segmenter sees around a join. */
const REACH = 6;

export interface SeamJudge {
  /** 0 (no evidence) … 2 (a long word across the join). */
  continuity(left: readonly string[], right: readonly string[]): number;
  /**
   * The most `continuity` can be, from dictionary look-ups alone (no segmenting): 2 where a
   * dictionary word of three characters or more is a run of the join's text across it, 1 where
   * one of two characters is, or `left` ends in a number (its unit or decimals may follow), else
   * 0. jieba's cut can put across the join no word that is not such a run.
   */
  mostContinuity(left: readonly string[], right: readonly string[]): number;
  /** The dictionary word that crosses the join, if any. */
  crossingWord(left: readonly string[], right: readonly string[]): string | null;
  /**
   * Which side of the join is left stranded: jieba glues the two sides into a token that is no
   * dictionary word (`资源加` + `度推动` → `加度`, both sides), or a single Han character stands
   * at the join on that side (`增速高` + `人数` → `高`, the left). Text cut by interleaved
   * columns looks like this; a wrap between two words mostly does not.
   */
  stranded(left: readonly string[], right: readonly string[]): { left: boolean; right: boolean };
  /**
   * Segments now, in one jieba call, every join of `joins` that `crossingWord` (and so
   * `continuity`) would segment, or with `stranded` every one `stranded` would: the answers
   * are remembered, and the calls that follow read them. What is answered does not change, only
   * how many calls reach jieba: a short call costs several times its length in a long one.
   */
  prepare(joins: Iterable<readonly [readonly string[], readonly string[]]>, stranded?: boolean): void;
}

/** Unit, classifier and magnitude forms, for the number-meets-unit evidence. */
export function unitForms(rules: Rules): Set<string> {
  const forms = new Set<string>();
  for (const file of ['units.yaml', 'classifiers.yaml'] as const) {
    for (const entry of rules[file]) for (const form of [entry.unit, ...(entry.forms ?? [])]) forms.add(form);
  }
  for (const entry of rules['magnitudes.yaml']) forms.add(entry.form);
  return forms;
}

export function seamJudge(segmenter: Segmenter, units: ReadonlySet<string>): SeamJudge {
  const longestUnit = Math.max(1, ...[...units].map((u) => Array.from(u).length));
  // Column repair asks about the same join many times (each candidate layout re-scores it), and
  // the answer depends only on the few characters either side: remember it per join text. One
  // jieba cut of a join answers both questions (the word across it, which side is stranded).
  const verdicts = new Map<string, Verdict>();
  const remember = (key: string, verdict: Verdict): Verdict => {
    if (verdicts.size >= MEMO_LIMIT) verdicts.clear();
    verdicts.set(key, verdict);
    return verdict;
  };
  /** What the cut `tokens` of a join say, the join `seam` code points in. */
  const verdictOf = (tokens: readonly Token[], seam: number): Verdict => {
    const verdict: Verdict = { word: null, left: false, right: false };
    for (const token of tokens) {
      if (token.start < seam && token.end > seam) {
        // a token across the join: a dictionary word, or text glued into none
        if (segmenter.isWord(token.word)) verdict.word = token.word;
        else verdict.left = verdict.right = true;
        return verdict;
      }
      // a single Han character at the join stands stranded, unless a preposition, conjunction,
      // particle or direction word, which stands alone by right (`为`, `和`, `等`, `上`)
      if (token.end === seam) verdict.left = single(token);
      if (token.start === seam) verdict.right = single(token);
    }
    return verdict;
  };
  const single = (token: Token): boolean => token.end - token.start === 1 && isHan(token.word) && !FUNCTION_TAGS.has(segmenter.tagOf(token.word));
  /** The join's key and where its seam lies, or null when a side has no text. */
  const joinOf = (left: readonly string[], right: readonly string[]): { key: string; joined: string; seam: number } | null => {
    const a = tail(left);
    const b = head(right);
    if (a === '' || b === '') return null;
    const seam = cpLength(a);
    const joined = a + b;
    return { key: seam + JOIN_MARK + joined, joined, seam };
  };
  const verdictAt = (join: { key: string; joined: string; seam: number }): Verdict =>
    verdicts.get(join.key) ?? remember(join.key, verdictOf(segmenter.cut(join.joined), join.seam));
  /** False when no dictionary word can cross the join: `crossingWord` is null without segmenting. */
  const mayCross = (left: readonly string[], right: readonly string[]): boolean => {
    const last = lastSolid(left);
    const first = firstSolid(right);
    return last !== undefined && first !== undefined && segmenter.pairInWord(last, first);
  };
  /**
   * 2 when a dictionary word of three characters or more is a run of the join's text (spaces left
   * out, `REACH` characters each side, as `joinOf` takes it) across the join, 1 when one of two
   * characters is, else 0: jieba's cut can put no other word across it. Each pair of neighbours in
   * such a word is a pair of some dictionary word (`pairInWord`), so only the runs inside the
   * stretch around the join those pairs reach are looked up.
   */
  const wordAcross = (left: readonly string[], right: readonly string[]): number => {
    // most joins end here, before any array or string is built
    if (!mayCross(left, right)) return 0;
    // the solid characters either side, nearest the join first, as far as dictionary pairs chain
    const before: string[] = [];
    for (let i = left.length - 1; i >= 0 && before.length < REACH; i--) {
      const ch = left[i]!;
      if (isSpace(ch)) continue;
      if (before.length > 0 && !segmenter.pairInWord(ch, before[before.length - 1]!)) break;
      before.push(ch);
    }
    const after: string[] = [];
    for (let i = 0; i < right.length && after.length < REACH; i++) {
      const ch = right[i]!;
      if (isSpace(ch)) continue;
      if (after.length > 0 && !segmenter.pairInWord(after[after.length - 1]!, ch)) break;
      after.push(ch);
    }
    let two = false;
    let start = '';
    for (const ch of before) {
      start = ch + start;
      let word = start;
      for (const next of after) {
        word += next;
        if (!segmenter.isWord(word)) continue;
        if (word.length > 2 && cpLength(word) > 2) return 2;
        two = true;
      }
    }
    return two ? 1 : 0;
  };
  const crossingWord = (left: readonly string[], right: readonly string[]): string | null => {
    // a word across the join holds the two characters that meet there: most joins end here,
    // before any string is built
    if (!mayCross(left, right)) return null;
    return verdictAt(joinOf(left, right)!).word;
  };
  const stranded = (left: readonly string[], right: readonly string[]): { left: boolean; right: boolean } => {
    const join = joinOf(left, right);
    if (join === null) return { left: false, right: false };
    const known = verdictAt(join);
    return { left: known.left, right: known.right };
  };
  const prepare = (joins: Iterable<readonly [readonly string[], readonly string[]]>, strandedToo = false): void => {
    let texts: string[] = [];
    let pending: { key: string; seam: number }[] = [];
    const flush = (): void => {
      if (texts.length === 0) return;
      const each = cutEach(segmenter, texts, new Array<number>(texts.length).fill(0));
      pending.forEach(({ key, seam }, k) => remember(key, verdictOf(each[k]!, seam)));
      texts = [];
      pending = [];
    };
    const asked = new Set<string>();
    for (const [left, right] of joins) {
      if (!strandedToo && !mayCross(left, right)) continue;
      const join = joinOf(left, right);
      if (join === null || verdicts.has(join.key) || asked.has(join.key)) continue;
      asked.add(join.key);
      texts.push(join.joined);
      pending.push(join);
      // (a bound on one call, and on the answers remembered before they are read)
      if (texts.length >= PREPARE_LIMIT) flush();
    }
    flush();
  };
  return {
    crossingWord,
    stranded,
    prepare,
    mostContinuity(left, right) {
      const word = wordAcross(left, right);
      if (word > 0) return word;
      // the evidence of a number cut from its unit or its decimals, 1 at most
      const last = lastSolid(left);
      if (last === undefined) return 0;
      if (isDigit(last)) return 1;
      return last === '.' && isDigit(firstSolid(right) ?? '') && endsInDecimalPoint(left) ? 1 : 0;
    },
    continuity(left, right) {
      const word = crossingWord(left, right);
      if (word !== null) return Array.from(word).length >= 3 ? 2 : 1;
      const last = lastSolid(left);
      if (last !== undefined && isDigit(last)) {
        const b = Array.from(head(right));
        // 3865 + .2亿元: a number cut in two
        if (b.length > 0 && (isDigit(b[0]!) || b[0] === '.' || b[0] === '%')) return 1;
        for (let n = Math.min(longestUnit, b.length); n >= 1; n--) {
          if (units.has(b.slice(0, n).join(''))) return 1;
        }
      }
      // 3802. + 7万吨: a number cut after its decimal point
      if (last === '.' && endsInDecimalPoint(left) && isDigit(firstSolid(right) ?? '')) return 1;
      return 0;
    },
  };
}

/** Joins remembered per judge before the memory starts over (a bound, not a tuning knob). */
const MEMO_LIMIT = 1 << 16;

/** Joins segmented in one `prepare` call to jieba, at most. */
const PREPARE_LIMIT = 4096;

/** What one cut of a join says: the dictionary word across it, and which side is left stranded. */
interface Verdict {
  word: string | null;
  left: boolean;
  right: boolean;
}

/** Separates the seam position from the joined text in a memo key (a digit run then a non-digit). */
const JOIN_MARK = '|';

/** The last character of `chars` that is not a space. */
function lastSolid(chars: readonly string[]): string | undefined {
  for (let i = chars.length - 1; i >= 0; i--) if (!isSpace(chars[i]!)) return chars[i];
  return undefined;
}

/** `chars` ends in a digit and a point, spaces aside (`3802.`): a number the join may cut after its decimal point. */
function endsInDecimalPoint(chars: readonly string[]): boolean {
  let i = chars.length - 1;
  while (i >= 0 && isSpace(chars[i]!)) i--;
  if (chars[i] !== '.') return false;
  i--;
  while (i >= 0 && isSpace(chars[i]!)) i--;
  return i >= 0 && isDigit(chars[i]!);
}

/** The first character of `chars` that is not a space. */
function firstSolid(chars: readonly string[]): string | undefined {
  for (const ch of chars) if (!isSpace(ch)) return ch;
  return undefined;
}

/** The last `REACH` characters of `chars` that are not spaces, as a string (no array: the judge runs on every join). */
function tail(chars: readonly string[]): string {
  let text = '';
  for (let i = chars.length - 1, kept = 0; i >= 0 && kept < REACH; i--) {
    if (isSpace(chars[i]!)) continue;
    text = chars[i]! + text;
    kept++;
  }
  return text;
}

/** The first `REACH` characters of `chars` that are not spaces, as a string. */
function head(chars: readonly string[]): string {
  let text = '';
  for (let i = 0, kept = 0; i < chars.length && kept < REACH; i++) {
    if (isSpace(chars[i]!)) continue;
    text += chars[i]!;
    kept++;
  }
  return text;
}

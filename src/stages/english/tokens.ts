/**
 * English words with their part-of-speech tags, from compromise.
 *
 * compromise tags each term (`Noun`, `Plural`, `Verb`, `PastTense`, `TextValue`, `Ordinal`,
 * `Date`, `Month` …) and reports where it stands as a UTF-16 offset into the string it was given.
 * Each term is checked against that string: a term whose text is not found at its offset is
 * dropped and reported, so that no span built on it can drift. Offsets stay UTF-16 into the
 * string tokenized; conversion to code points happens once, in `index.ts`, through
 * `text/codepoints.ts`.
 */
import { compromise, lean } from './compromise.js';

/** One compromise term. `start`/`end` are UTF-16 indexes into the tokenized string. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** compromise's tags, e.g. `Noun`, `Plural`, `Value`, `TextValue`, `PastTense`. */
  tags: ReadonlySet<string>;
  /** Punctuation and space after the term, as compromise splits it (`, `, `) `). */
  post: string;
  /** The dictionary form of a verb (`soared` → `soar`), or null. */
  root: string | null;
  pre: string;
}

interface CompromiseTerm {
  text: string;
  normal?: string;
  machine?: string | null;
  root?: string | null;
  pre: string;
  post: string;
  tags: ReadonlySet<string>;
  offset: { start: number; length: number };
}

/** Tokens of a piece of text, and how many compromise terms did not sit where it said. */
export interface Tokenized {
  readonly tokens: readonly Token[];
  readonly misplaced: number;
}

/** Tokens of `text` that sit exactly where compromise says, and how many did not. */
export function tokenize(text: string): Tokenized {
  const tokens: Token[] = [];
  let misplaced = 0;
  for (const terms of parse(text)) {
    for (const term of terms) {
      // compromise adds empty terms inside `2-3` (an implied `to`); they hold no text
      if (term.text === '') continue;
      const start = term.offset.start;
      const end = start + term.offset.length;
      if (text.slice(start, end) !== term.text) {
        misplaced++;
        continue;
      }
      tokens.push(tokenOf(term, start, end, term.post));
    }
  }
  return { tokens, misplaced };
}

/** compromise's sentences of `text`, as arrays of its terms with offsets computed (roots: see `ParsedToken`). */
function parse(text: string): CompromiseTerm[][] {
  const doc = lean(() => compromise()(text));
  doc.compute(['offset']);
  // the terms are read in place rather than through doc.json(), which copies each one and
  // writes out every sentence's text twice (the json call was 3% of this stage)
  return (doc as unknown as { docs: CompromiseTerm[][] }).docs;
}

function tokenOf(term: CompromiseTerm, start: number, end: number, post: string): Token {
  return new ParsedToken(term, start, end, post);
}

/**
 * A token whose root is worked out when it is first read, by compromise's own `root` compute run
 * on a term of what that compute reads (text, normal and machine forms, tags). Few tokens' roots
 * are ever read (words next to a number), and computing every term's root after each parse took
 * about 6% of compromise's time. The term itself is not kept: its other fields would stay alive
 * with the token in the memo across documents.
 */
class ParsedToken implements Token {
  readonly text: string;
  /** The term's own set: nothing changes a parsed document's terms afterwards, here or in compromise. */
  readonly tags: ReadonlySet<string>;
  readonly post: string;
  readonly pre: string;
  /** The term's normal and machine forms until the root is worked out (private fields: no own keys of the token). */
  #normal: string | undefined;
  #machine: string | null | undefined;
  /** undefined until worked out. */
  #root: string | null | undefined = undefined;

  constructor(
    term: CompromiseTerm,
    public start: number,
    public end: number,
    post: string,
  ) {
    this.text = term.text;
    this.tags = term.tags;
    this.post = post;
    this.pre = term.pre;
    this.#normal = term.normal;
    this.#machine = term.machine;
  }

  get root(): string | null {
    if (this.#root === undefined) {
      const term: RootTerm = { text: this.text, normal: this.#normal, machine: this.#machine, tags: this.tags };
      const world = compromise().world() as unknown as RootWorld;
      world.compute.root({ world, docs: [[term]] });
      this.#root = term.root ?? null;
      this.#normal = this.#machine = undefined;
    }
    return this.#root;
  }
}

/** What compromise's `root` compute reads of a term, and the root it sets (left unset when it equals the normal form). */
interface RootTerm {
  text: string;
  normal: string | undefined;
  machine: string | null | undefined;
  tags: ReadonlySet<string>;
  root?: string;
}

/** compromise's world as its `root` compute reads it: a view is only its world and its sentences of terms. */
interface RootWorld {
  compute: { root(view: { world: RootWorld; docs: RootTerm[][] }): void };
}

/**
 * `texts.map(tokenize)`, from one compromise parse of the texts joined by blank lines where that
 * gives the same tokens: compromise's cost is mostly per parse, not per word (over the English
 * pieces of the 10 MB benchmark corpus, 1,143 pieces of 90 documents: 0.69 → 0.51 s CPU; the
 * English fixtures 0.19 → 0.13 s). compromise starts a sentence at a line break and tags each
 * sentence on its own, so a piece parsed among others is read as alone. Where the joined parse
 * shows otherwise (a sentence across a join, as an unclosed quotation or bracket would make one,
 * or a term whose text or leading space reaches past its piece), or a piece might lend
 * compromise white space or marks at a join (one that starts or ends with white space, or holds
 * no letter or digit), that piece is parsed alone and the rest still together: whether a piece
 * may join is a test of the piece alone, so the pieces that pass are as safe together as if the
 * others were not there (the English fresh fixtures: 58 of 88 documents held such a piece, most a
 * heading with a space left at its end, and had every piece parsed alone). Where
 * the joined parse reads across a join, every piece of it is parsed alone. `post` is cut at the
 * piece's end: the join's line break is not the piece's.
 */
export function tokenizeAll(texts: readonly string[]): Tokenized[] {
  const out: Tokenized[] = new Array<Tokenized>(texts.length);
  const joinable: number[] = [];
  texts.forEach((text, k) => {
    if (text.trim() === text && WORDLIKE.test(text)) joinable.push(k);
    else out[k] = tokenize(text);
  });
  const together = tokenizeJoined(joinable.map((k) => texts[k]!));
  joinable.forEach((k, n) => {
    out[k] = together[n]!;
  });
  return out;
}

/** `texts.map(tokenize)` for pieces each of which may join others (see `tokenizeAll`). */
function tokenizeJoined(texts: readonly string[]): Tokenized[] {
  if (texts.length < 2) return texts.map(tokenize);
  const sentences = parse(texts.join(JOIN));
  const starts: number[] = [];
  let at = 0;
  for (const text of texts) {
    starts.push(at);
    at += text.length + JOIN.length;
  }
  const out = texts.map(() => ({ tokens: [] as Token[], misplaced: 0 }));
  let piece = 0;
  for (const terms of sentences) {
    let sentencePiece = -1;
    for (const term of terms) {
      if (term.text === '') continue;
      while (piece + 1 < texts.length && term.offset.start >= starts[piece + 1]!) piece++;
      const text = texts[piece]!;
      const start = term.offset.start - starts[piece]!;
      const end = start + term.offset.length;
      if (sentencePiece === -1) sentencePiece = piece;
      if (piece !== sentencePiece || start < term.pre.length || end > text.length) return texts.map(tokenize);
      if (text.slice(start, end) !== term.text) {
        out[piece]!.misplaced++;
        continue;
      }
      const post = term.post.length > text.length - end ? term.post.slice(0, text.length - end) : term.post;
      out[piece]!.tokens.push(tokenOf(term, start, end, post));
    }
  }
  return out;
}

/** What `tokenizeAll` puts between two pieces: a blank line, where compromise always starts a sentence. */
const JOIN = '\n\n';
/** A letter or a digit: a piece without one might lend compromise its punctuation at a join. */
const WORDLIKE = /[\p{L}\p{N}]/u;

/** The value of a spelled-out whole number (`fifty`, `twenty-five`, `one hundred and fifty thousand`), or null. */
export function spelledNumber(words: string): number | null {
  const values = compromise()(words).numbers().get() as unknown[];
  if (values.length !== 1) return null;
  const value = values[0];
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

interface CompromiseWorld {
  model: { one: { lexicon: Record<string, string | string[]> } };
  methods: { one: { killUnicode(text: string, world: CompromiseWorld): string } };
}

/**
 * Every word that compromise's lexicon tags as a spelled number (`TextValue`, or `Multiple`,
 * which implies it). compromise gives that tag only by lexicon lookup of a term's normal form, so
 * a text without one of these words cannot hold a spelled numeral.
 */
let numberWords: ReadonlySet<string> | null = null;

function compromiseWorld(): CompromiseWorld {
  return compromise().world() as unknown as CompromiseWorld;
}

function isNumberWord(word: string): boolean {
  numberWords ??= new Set(
    Object.entries(compromiseWorld().model.one.lexicon)
      .filter(([, tags]) => [tags].flat().some((tag) => tag === 'TextValue' || tag === 'Multiple' || tag === 'Cardinal'))
      .flatMap(([entry]) => entry.split(' ')),
  );
  return numberWords.has(word);
}

// compromise's normal form drops these inside a word (`t.e.n.`, `twen-ty`, zero-width spaces)
const JOINERS = /(?<=[a-z])[.\-\u2013]+(?=[a-z])|[\u200B-\u200D\uFEFF]/g;

/**
 * False only when `text` cannot hold a word that compromise reads as a spelled number: no word
 * of it, folded to lower case ASCII the way compromise folds terms (and again with dots and
 * dashes inside words dropped), is a number word. Used to leave compromise out of text that has
 * nothing for it to find.
 */
export function mayHoldNumberWord(text: string): boolean {
  const world = compromiseWorld();
  const folded = world.methods.one.killUnicode(text.toLowerCase(), world);
  for (const form of [folded, folded.replace(JOINERS, '')]) {
    for (const word of form.match(/[a-z]+/g) ?? []) if (isNumberWord(word)) return true;
  }
  return false;
}

/** Index of the first token that ends after `index`, or `tokens.length`. */
export function tokenAtOrAfter(tokens: readonly Token[], index: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last token that starts before `index`, or -1. */
export function tokenBefore(tokens: readonly Token[], index: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < index) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** True when `token` carries any of `tags`. */
export function hasTag(token: Token | undefined, ...tags: string[]): boolean {
  return token !== undefined && tags.some((tag) => token.tags.has(tag));
}

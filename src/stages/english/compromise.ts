/**
 * How compromise is loaded and run here: only when a document needs it, and with the same tags
 * as a plain parse but without work whose result nothing reads.
 *
 *   loaded lazily   through its CommonJS bundle, on the first English piece that needs tags or
 *                   its lexicon (tokens.ts asks the lexicon whether a piece without digits may
 *                   hold a number word), so that a run over Chinese documents never loads it. Importing its ES modules
 *                   took 330 ms CPU per process (a third of the CLI's start-up on one file), the
 *                   bundle of the same version takes 200 ms.
 *   no chunker      compromise's last hook only groups terms into noun and verb phrases
 *                   (`term.chunk`), which nothing here reads; it took 6% of the English stage.
 *   indexed sweep   compromise's post-tagger reaches its match rules through a "net" keyed by
 *                   the words and tags each rule needs (about 730 keys). For every
 *                   comma-separated piece of every sentence, its sweep walks ALL the keys to ask
 *                   whether the piece holds each one, concatenates the rule lists of the keys it
 *                   holds one copy at a time, and then filters that list three times. `sweep`
 *                   below picks the same rules in the same order by looking up only the words and
 *                   tags the piece holds, and checks each rule once: over the 4 MB benchmark
 *                   corpus (446 pieces parsed) the stage went from 1.21 to 1.03 s CPU.
 *
 * The last two touch compromise's shared `world` only while a parse runs, and restore it after.
 */
import { createRequire } from 'node:module';
import type nlpType from 'compromise';

/** compromise's `nlp` function. */
export type Nlp = typeof nlpType;

const require = createRequire(import.meta.url);
let loaded: Nlp | null = null;

/** compromise, loaded on first use. */
export function compromise(): Nlp {
  loaded ??= require('compromise') as Nlp;
  return loaded;
}

/** One match rule of compromise's net, as its `buildNet` leaves it. */
interface Rule {
  match: string;
  /** Words and `#Tags` the piece must all hold. */
  needs: string[];
  /** Words and `#Tags` of which the piece must hold at least `minWant` (counted with repeats). */
  wants: string[];
  minWant: number;
  /** Words and `#Tags` the piece must not hold. */
  ifNo?: string[];
  /** Fewest terms the rule can match. */
  minWords: number;
}

interface Net {
  hooks: Record<string, Rule[]>;
  always: Rule[];
}

/** A rule that matched, at `pointer` (sentence, first term, end term), as compromise's tagger takes it. */
type Found = Rule & { pointer: number[] };

interface Methods {
  one: {
    bulkMatch: BulkMatch;
    cacheDoc(docs: unknown[][]): Set<string>[];
    match(docs: unknown[][], rule: Rule): { ptrs: number[][] };
  };
}

type BulkMatch = (docs: unknown[][], net: Net, methods: Methods, opts?: { matchOne?: boolean }) => Found[];

interface SweepWorld {
  hooks: string[];
  methods: Methods;
}

/** Runs `parse` with compromise's chunker left out and its match sweep indexed. */
export function lean<T>(parse: () => T): T {
  const world = compromise().world() as unknown as SweepWorld;
  const { hooks } = world;
  const one = world.methods.one;
  const bulkMatch = one.bulkMatch;
  world.hooks = hooks.filter((hook) => hook !== 'chunks');
  one.bulkMatch = (docs, net, methods, opts) => sweep(docs, net, methods, opts, bulkMatch);
  try {
    return parse();
  } finally {
    world.hooks = hooks;
    one.bulkMatch = bulkMatch;
  }
}

/**
 * A net read for `sweep`: each rule under the few keys of which a piece must hold one for the
 * rule to apply (`anchors`: one of its needs, or else each of its wants), and for each rule the
 * net keys whose lists hold it, in the net's key order, each with the rule's rank there (the
 * key's place in the net times `RULES`, plus the rule's place in the key's list).
 */
interface Index {
  anchors: Map<string, number[]>;
  rules: Rule[];
  lists: { key: string; rank: number }[][];
  /** `met[id] === stamp` once rule `id` has been looked at for the piece being swept. */
  met: Float64Array;
  stamp: number;
}

/**
 * More rules than a net holds (about 570), and than a key's list holds, so that a rank and a
 * rule id pack into one number below 2⁵³ (a net with 2²¹ keys would pass it). Sorting packed
 * numbers rather than objects, and the loops below rather than callbacks, took the 446 first
 * parses of the benchmark corpus (before the JIT has warmed up) from 0.61 to 0.57 s CPU.
 */
const RULES = 1 << 16;

const indexes = new WeakMap<object, Index | null>();

/**
 * `net` indexed, or null when two rules in its lists share a match string: compromise keeps only
 * the first of those per piece, which the index does not model, so such a net is swept by
 * compromise itself.
 */
function indexOf(net: Net): Index | null {
  const known = indexes.get(net.hooks);
  if (known !== undefined) return known;
  const keys = Object.keys(net.hooks);
  const ids = new Map<Rule, number>();
  const rules: Rule[] = [];
  const lists: { key: string; rank: number }[][] = [];
  const matches = new Set<string>();
  let index: Index | null = { anchors: new Map(), rules, lists, met: new Float64Array(0), stamp: 0 };
  keys.forEach((key, place) => {
    net.hooks[key]!.forEach((rule, at) => {
      let id = ids.get(rule);
      if (id === undefined) {
        if (matches.has(rule.match)) index = null;
        matches.add(rule.match);
        id = rules.length;
        ids.set(rule, id);
        rules.push(rule);
        lists.push([]);
      }
      lists[id]!.push({ key, rank: place * RULES + at });
    });
  });
  if (rules.length >= RULES || keys.length >= 1 << 21 || keys.some((key) => net.hooks[key]!.length >= RULES)) index = null;
  if (index) {
    index.met = new Float64Array(rules.length);
    const anchors = index.anchors;
    const anchor = (key: string, id: number) => {
      const list = anchors.get(key);
      if (list) list.push(id);
      else anchors.set(key, [id]);
    };
    rules.forEach((rule, id) => {
      for (const key of anchorsOf(rule)) anchor(key, id);
    });
  }
  indexes.set(net.hooks, index);
  return index;
}

/**
 * A guess at how many pieces hold a key: a tag (`#Noun`) is in most pieces, a switch
 * (`%Noun|Verb%`) in some, a word in few. It only decides which keys a rule is looked up by.
 */
const commonness = (key: string) => (key.startsWith('#') ? 100 : key.startsWith('%') ? 10 : 1);

/**
 * Keys a piece must hold one of for `rule` to apply: its least common need, or all its wants
 * (it needs at least one of them) when they are less common together. Picked so that a piece
 * looks up few rules that then fail: over the 4 MB benchmark corpus, 87 rules per piece with one
 * need, 62 with this (compromise itself walks 245 list entries per piece).
 */
function anchorsOf(rule: Rule): string[] {
  const need = rule.needs.reduce<string | null>((best, key) => (best === null || commonness(key) < commonness(best) ? key : best), null);
  const wants = [...new Set(rule.wants)];
  if (need === null) return wants;
  if (wants.length === 0 || rule.minWant < 1) return [need];
  return commonness(need) <= wants.reduce((sum, key) => sum + commonness(key), 0) ? [need] : wants;
}

/**
 * What compromise's `bulkMatch` returns for `docs`: the rules that match each piece, with where.
 * compromise walks every key of the net in order, gathers the rule lists of the keys the piece
 * holds (each rule once, where first met), keeps the rules whose needs, wants and `ifNo` the
 * piece's words and tags allow, adds the `always` rules and drops rules longer than the piece.
 * Here the rules the piece allows are found from their anchors, and put in the order compromise
 * meets them: by the first held key whose list holds them, then by their place in that list.
 */
function sweep(docs: unknown[][], net: Net, methods: Methods, opts: { matchOne?: boolean } = {}, own: BulkMatch): Found[] {
  const index = indexOf(net);
  if (!index) return own(docs, net, methods, opts);
  const caches = methods.one.cacheDoc(docs);
  const found: Found[] = [];
  for (let n = 0; n < docs.length; n++) {
    const terms = docs[n]!;
    const haves = caches[n]!;
    // each allowed rule as `rank * RULES + id`, so that one numeric sort puts them in order
    const ranked: number[] = [];
    const stamp = ++index.stamp;
    for (const item of haves) {
      const ids = index.anchors.get(item);
      if (ids === undefined) continue;
      for (const id of ids) {
        if (index.met[id] === stamp) continue;
        index.met[id] = stamp;
        const rule = index.rules[id]!;
        if (rule.minWords > terms.length || !fits(rule, haves)) continue;
        for (const { key, rank } of index.lists[id]!) {
          if (haves.has(key)) {
            ranked.push(rank * RULES + id);
            break;
          }
        }
      }
    }
    ranked.sort((a, b) => a - b);
    const rules: Rule[] = [];
    for (const value of ranked) rules.push(index.rules[value % RULES]!);
    for (const rule of net.always) if (rule.minWords <= terms.length) rules.push(rule);
    for (const rule of rules) {
      const { ptrs } = methods.one.match([terms], rule);
      for (const pointer of ptrs) {
        pointer[0] = n;
        found.push({ ...rule, pointer });
      }
      if (ptrs.length > 0 && opts.matchOne === true) return [found[0]!];
    }
  }
  return found;
}

/** compromise's own test of a rule against the words and tags a piece holds. */
function fits(rule: Rule, haves: Set<string>): boolean {
  for (const need of rule.needs) if (!haves.has(need)) return false;
  if (rule.ifNo !== undefined) for (const no of rule.ifNo) if (haves.has(no)) return false;
  if (rule.wants.length === 0) return true;
  let wanted = 0;
  for (const want of rule.wants) if (haves.has(want)) wanted++;
  return wanted >= rule.minWant;
}

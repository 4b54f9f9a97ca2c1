/**
 * How compromise is loaded and run here: only when a document needs it, and with the same tags
 * as a plain parse but without work whose result nothing reads.
 *
 *   loaded lazily   through its CommonJS bundle, on the first English piece that needs tags, so
 *                   that a run over Chinese documents never loads it. Importing its ES modules
 *                   took 330 ms CPU per process (a third of the CLI's start-up on one file), the
 *                   bundle of the same version takes 200 ms.
 *   no chunker      compromise's last hook only groups terms into noun and verb phrases
 *                   (`term.chunk`), which nothing here reads; it took 6% of the English stage.
 *   narrowed net    compromise's post-tagger reaches its match rules through a "net" keyed by
 *                   the words and tags each rule needs (about 730 keys). For every comma-separated
 *                   piece of every sentence it walks ALL the keys to ask whether the piece holds
 *                   each one. The net handed to it is cut down beforehand to the keys that the
 *                   text holds at all, in the net's own order, so the walk finds the same rules in
 *                   the same order: parsing the 195 distinct pieces of the fixtures took 108 ms,
 *                   now 92 ms.
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

interface Net {
  hooks: Record<string, unknown[]>;
  always: unknown[];
}

type BulkMatch = (docs: unknown[], net: Net, methods: unknown, opts: unknown) => unknown;

interface SweepWorld {
  hooks: string[];
  methods: { one: { bulkMatch: BulkMatch; cacheDoc(docs: unknown[]): Set<string>[] } };
}

/** Runs `parse` with compromise's chunker left out and its match net narrowed to the text. */
export function lean<T>(parse: () => T): T {
  const world = compromise().world() as unknown as SweepWorld;
  const { hooks } = world;
  const one = world.methods.one;
  const bulkMatch = one.bulkMatch;
  world.hooks = hooks.filter((hook) => hook !== 'chunks');
  one.bulkMatch = (docs, net, methods, opts) => bulkMatch(docs, narrowed(net, docs, one.cacheDoc), methods, opts);
  try {
    return parse();
  } finally {
    world.hooks = hooks;
    one.bulkMatch = bulkMatch;
  }
}

/** The net's keys in its own order, and each key's place in it; built once per net. */
const keysOf = new WeakMap<object, { keys: string[]; place: Map<string, number> }>();

/**
 * `net` with only the keys that some piece of `docs` holds. compromise asks each piece for each
 * key with `docCache[i].has(key)` against the same cache computed here (`cacheDoc` of the same
 * terms), so a key no piece holds never contributes a rule, and the kept keys keep their order.
 */
function narrowed(net: Net, docs: unknown[], cacheDoc: (docs: unknown[]) => Set<string>[]): Net {
  let known = keysOf.get(net.hooks);
  if (!known) {
    const keys = Object.keys(net.hooks);
    known = { keys, place: new Map(keys.map((key, i) => [key, i])) };
    keysOf.set(net.hooks, known);
  }
  const places = new Set<number>();
  for (const items of cacheDoc(docs)) {
    for (const item of items) {
      const place = known.place.get(item);
      if (place !== undefined) places.add(place);
    }
  }
  const hooks: Record<string, unknown[]> = {};
  for (const place of [...places].sort((a, b) => a - b)) hooks[known.keys[place]!] = net.hooks[known.keys[place]!]!;
  return { ...net, hooks };
}

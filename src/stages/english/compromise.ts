/**
 * How compromise is run here: the same tags, without work whose result nothing reads.
 *
 * Both changes touch compromise's shared `world` only while `parse` runs, and restore it after.
 *
 *   no chunker      compromise's last hook only groups terms into noun and verb phrases
 *                   (`term.chunk`), which nothing here reads; it took 6% of the English stage.
 *   narrowed net    compromise's post-tagger reaches its match rules through a "net" keyed by
 *                   the words and tags each rule needs (about 730 keys). For every comma-separated
 *                   piece of every sentence it walks ALL the keys to ask whether the piece holds
 *                   each one. The net handed to it is cut down beforehand to the keys that the
 *                   text holds at all, in the net's own order, so the walk finds the same rules in
 *                   the same order: parsing the 195 distinct pieces of the fixtures took 108 ms,
 *                   now 92 ms.
 */
import nlp from 'compromise';

interface Net {
  hooks: Record<string, unknown[]>;
  always: unknown[];
}

type BulkMatch = (docs: unknown[], net: Net, methods: unknown, opts: unknown) => unknown;

interface SweepWorld {
  hooks: string[];
  methods: { one: { bulkMatch: BulkMatch; cacheDoc(docs: unknown[]): Set<string>[] } };
}

const world = nlp.world() as unknown as SweepWorld;

/** Runs `parse` with compromise's chunker left out and its match net narrowed to the text. */
export function lean<T>(parse: () => T): T {
  const { hooks } = world;
  const one = world.methods.one;
  const bulkMatch = one.bulkMatch;
  world.hooks = hooks.filter((hook) => hook !== 'chunks');
  one.bulkMatch = (docs, net, methods, opts) => bulkMatch(docs, narrowed(net, docs), methods, opts);
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
function narrowed(net: Net, docs: unknown[]): Net {
  let known = keysOf.get(net.hooks);
  if (!known) {
    const keys = Object.keys(net.hooks);
    known = { keys, place: new Map(keys.map((key, i) => [key, i])) };
    keysOf.set(net.hooks, known);
  }
  const places = new Set<number>();
  for (const items of world.methods.one.cacheDoc(docs)) {
    for (const item of items) {
      const place = known.place.get(item);
      if (place !== undefined) places.add(place);
    }
  }
  const hooks: Record<string, unknown[]> = {};
  for (const place of [...places].sort((a, b) => a - b)) hooks[known.keys[place]!] = net.hooks[known.keys[place]!]!;
  return { ...net, hooks };
}

/**
 * `--shard K/N`: the K-th (1-based) of N deterministic slices of the inputs. A document's shard
 * depends on its id alone (a hash), so it stays in the same shard when other files come and go,
 * and each shard's incremental reruns stay incremental.
 */
import { createHash } from 'node:crypto';
import { UsageError } from './inputs.js';

export interface Shard {
  index: number;
  count: number;
}

/** Parses `K/N` with 1 ≤ K ≤ N. Throws `UsageError`. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard wants K/N with 1 ≤ K ≤ N (e.g. 1/4), not "${text}"; a 0-based job index i is shard $((i+1))/N`);
  }
  return { index, count };
}

/** True when document `id` belongs to `shard`. */
export function inShard(id: string, shard: Shard): boolean {
  if (shard.count === 1) return true;
  const bucket = createHash('sha256').update(id, 'utf8').digest().readUInt32BE(0) % shard.count;
  return bucket === shard.index - 1;
}

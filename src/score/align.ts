/**
 * Aligns predicted and gold records of one document in document order on equal
 * `(value, value_max, unit)` (QUANTITIES.md §7): the longest common subsequence under that
 * equality, so a missed or extra record shifts nothing after it.
 */
import { Decimal } from 'decimal.js';

/** The fields alignment and scoring look at; both gold and predicted records carry them. */
export interface ScoredRecord {
  text?: string;
  value: number | string;
  value_max: number | string | null;
  unit: string;
  qualifier?: string;
  change?: string;
  modality?: string;
  /** Predicted records: the subject phrase. */
  subject?: string;
  /** Gold records: the shortest text naming what is measured ('' accepts any). */
  subject_key?: string;
  optional?: boolean;
}

export interface Alignment {
  /** Pairs of indexes `[predicted, gold]`, in order. */
  pairs: [number, number][];
}

/** Numeric equality that tolerates the last-digit noise of a JSON float (1/3 as 33.333…). */
export function sameNumber(a: number | string | null, b: number | string | null): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  try {
    const x = new Decimal(String(a));
    const y = new Decimal(String(b));
    if (x.eq(y)) return true;
    const scale = Decimal.max(1, y.abs());
    return x.minus(y).abs().lte(scale.times('1e-9'));
  } catch {
    return false;
  }
}

export function sameKey(p: ScoredRecord, g: ScoredRecord): boolean {
  return p.unit === g.unit && sameNumber(p.value, g.value) && sameNumber(p.value_max, g.value_max);
}

/** LCS alignment of `predicted` against `gold`; O(n·m) time, O(n·m) bits of memory. */
export function align(predicted: readonly ScoredRecord[], gold: readonly ScoredRecord[]): Alignment {
  const n = predicted.length;
  const m = gold.length;
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] = sameKey(predicted[i]!, gold[j]!)
        ? table[(i + 1) * width + j + 1]! + 1
        : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (sameKey(predicted[i]!, gold[j]!) && table[i * width + j] === table[(i + 1) * width + j + 1]! + 1) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i++;
    else j++;
  }
  return { pairs };
}

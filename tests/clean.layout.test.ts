import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cluster } from '../src/stages/clean/layout.js';

/** The cluster search as first written: every whole width within each candidate's tolerance probed one by one. */
function probingCluster(widths: number[]): { width: number | null; share: number; tight: boolean } {
  const long = widths.filter((w) => w >= 6);
  if (long.length < 3) return { width: null, share: 0, tight: false };
  const histogram = new Map<number, number>();
  for (const w of long) histogram.set(Math.round(w), (histogram.get(Math.round(w)) ?? 0) + 1);
  const toleranceOf = (width: number) => Math.max(1, Math.floor(width * 0.08));
  let bestWidth = 0;
  let bestCount = 0;
  for (const candidate of histogram.keys()) {
    const tolerance = toleranceOf(candidate);
    let count = 0;
    for (let w = Math.ceil(candidate - tolerance); w <= candidate + tolerance; w++) count += histogram.get(w) ?? 0;
    if (count > bestCount || (count === bestCount && candidate > bestWidth)) {
      bestCount = count;
      bestWidth = candidate;
    }
  }
  const share = bestCount / long.length;
  if (bestCount < 3 || share < 0.35 || bestWidth > 120) return { width: null, share, tight: false };
  const tolerance = toleranceOf(bestWidth);
  const members = long.filter((w) => Math.abs(w - bestWidth) <= tolerance).sort((a, b) => a - b);
  const width = members[Math.floor(members.length / 2)]!;
  const exact = members.filter((w) => w === width).length;
  const tight = exact >= 8 && exact >= members.length * 0.8 && !long.some((w) => w > width);
  return { width, share, tight };
}

describe('layout: the width lines share', () => {
  it('property: the cluster found by prefix counts is the one probing every width finds', () => {
    // widths in characters (whole) and in ems (halves), wrapped pages and unwrapped paragraphs
    const width = fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 3000 }).map((n) => n / 2));
    fc.assert(
      fc.property(fc.array(width, { maxLength: 120 }), fc.integer({ min: 20, max: 45 }), fc.nat(40), (noise, wrap, full) => {
        const widths = [...noise, ...Array.from({ length: full }, (_, i) => wrap - (i % 3 === 0 ? 1 : 0))];
        expect(cluster(widths)).toEqual(probingCluster(widths));
      }),
      { numRuns: 2000, seed: 15 },
    );
  });
});

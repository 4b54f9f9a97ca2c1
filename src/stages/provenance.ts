/**
 * provenance: where a quantity's pieces stand in the raw text.
 *
 * The cleaner puts lines back in reading order (columns read across, a heading lifted out of the
 * sentence it interrupted), and the recognizers then read a number and the unit that follows it
 * in the cleaned text. A quantity can so join pieces that stand in the raw text out of their
 * order (`四⏎亿元` with 亿元 two raw lines above 四). Its raw span (`OffsetMap.rawSpan`) then covers
 * the pieces, and this warning names the raw lines in the order the quantity reads them, so the
 * record can be checked by hand (QUANTITIES.md §4: a unit displaced by interleaved columns makes
 * the record optional).
 */
import type { Doc, Quantity, Warning } from '../document.js';

/** Rule of the warning, after the stage's name. */
export const OUT_OF_ORDER = 'raw-order';

/** An info warning for each of `quantities` whose code points go back in the raw text. */
export function outOfOrderWarnings(doc: Doc, quantities: readonly Quantity[], stage: string): Warning[] {
  const warnings: Warning[] = [];
  for (const quantity of quantities) {
    const steps = doc.offsets.rawBackSteps(quantity.start, quantity.end);
    if (steps.length === 0) continue;
    const lines = [doc.offsets.rawLine(quantity.start)];
    for (const at of steps) {
      const line = doc.offsets.rawLine(at);
      if (line !== lines[lines.length - 1]) lines.push(line);
    }
    const span = doc.offsets.rawSpan(quantity.start, quantity.end);
    const first = doc.offsets.rawLineOfRaw(span.start);
    const last = doc.offsets.rawLineOfRaw(span.end - 1);
    warnings.push({
      stage,
      rule: `${stage}/${OUT_OF_ORDER}`,
      reason: `${JSON.stringify(quantity.text)} is read from raw ${lines.length === 1 ? 'line' : 'lines'} ${lines.join(', ')} out of the raw order: the cleaner put text between them back in reading order; its raw span covers ${first === last ? `line ${first}` : `lines ${first}–${last}`}`,
      severity: 'info',
      place: { start: quantity.start, end: quantity.end, line: lines[0]! },
    });
  }
  return warnings;
}

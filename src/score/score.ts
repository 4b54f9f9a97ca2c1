/**
 * Precision, recall, F1 and attribute accuracies of predicted records against gold, by the
 * rules of QUANTITIES.md §7: optional gold records count neither for nor against; among aligned
 * pairs, qualifier, change and modality must equal the gold, and the predicted subject must
 * contain the gold `subject_key` (spaces ignored; an empty key accepts any subject).
 */
import { align, type ScoredRecord } from './align.js';

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Aligned, non-optional pairs, and how many of them agree on each attribute. */
  aligned: number;
  qualifier: number;
  change: number;
  modality: number;
  subject: number;
}

export interface Mismatch {
  kind: 'missed' | 'extra' | 'qualifier' | 'change' | 'modality' | 'subject';
  predicted?: ScoredRecord;
  gold?: ScoredRecord;
}

export interface DocumentScore {
  docId: string;
  counts: Counts;
  mismatches: Mismatch[];
}

export interface Metrics {
  precision: number;
  recall: number;
  f1: number;
  qualifierAccuracy: number;
  changeAccuracy: number;
  modalityAccuracy: number;
  subjectAccuracy: number;
}

export function emptyCounts(): Counts {
  return { truePositives: 0, falsePositives: 0, falseNegatives: 0, aligned: 0, qualifier: 0, change: 0, modality: 0, subject: 0 };
}

export function scoreDocument(docId: string, predicted: readonly ScoredRecord[], gold: readonly ScoredRecord[]): DocumentScore {
  const counts = emptyCounts();
  const mismatches: Mismatch[] = [];
  const { pairs } = align(predicted, gold);
  const matchedPredicted = new Set<number>();
  const matchedGold = new Set<number>();
  for (const [p, g] of pairs) {
    matchedPredicted.add(p);
    matchedGold.add(g);
    const pr = predicted[p]!;
    const gr = gold[g]!;
    if (gr.optional) continue;
    counts.truePositives++;
    counts.aligned++;
    for (const attribute of ['qualifier', 'change', 'modality'] as const) {
      if ((pr[attribute] ?? '') === (gr[attribute] ?? '')) counts[attribute]++;
      else mismatches.push({ kind: attribute, predicted: pr, gold: gr });
    }
    if (subjectMatches(pr.subject ?? '', gr.subject_key ?? '')) counts.subject++;
    else mismatches.push({ kind: 'subject', predicted: pr, gold: gr });
  }
  predicted.forEach((record, index) => {
    if (matchedPredicted.has(index)) return;
    counts.falsePositives++;
    mismatches.push({ kind: 'extra', predicted: record });
  });
  gold.forEach((record, index) => {
    if (matchedGold.has(index) || record.optional) return;
    counts.falseNegatives++;
    mismatches.push({ kind: 'missed', gold: record });
  });
  return { docId, counts, mismatches };
}

export function subjectMatches(subject: string, key: string): boolean {
  const strip = (s: string) => s.replace(/\s+/g, '');
  return strip(subject).includes(strip(key));
}

export function addCounts(a: Counts, b: Counts): Counts {
  const sum = emptyCounts();
  for (const key of Object.keys(sum) as (keyof Counts)[]) sum[key] = a[key] + b[key];
  return sum;
}

export function metrics(c: Counts): Metrics {
  const ratio = (x: number, y: number) => (y === 0 ? 0 : x / y);
  const precision = ratio(c.truePositives, c.truePositives + c.falsePositives);
  const recall = ratio(c.truePositives, c.truePositives + c.falseNegatives);
  return {
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
    qualifierAccuracy: ratio(c.qualifier, c.aligned),
    changeAccuracy: ratio(c.change, c.aligned),
    modalityAccuracy: ratio(c.modality, c.aligned),
    subjectAccuracy: ratio(c.subject, c.aligned),
  };
}

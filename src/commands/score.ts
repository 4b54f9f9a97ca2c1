/**
 * `liang score --gold DIR [--pred DIR] [--json] [--details]`: scores per-document outputs
 * against gold JSONL files and prints precision, recall, F1 and attribute accuracies, per
 * document and overall.
 */
import { Command } from 'commander';
import { readGold, readPredicted } from '../score/files.js';
import { addCounts, emptyCounts, metrics, scoreDocument, type DocumentScore, type Metrics } from '../score/score.js';
import type { ScoredRecord } from '../score/align.js';

export interface ScoreReport {
  documents: { doc_id: string; gold: number; predicted: number; metrics: Metrics }[];
  overall: Metrics & { documents: number; true_positives: number; false_positives: number; false_negatives: number };
  missing_predictions: string[];
}

export function scoreCommand(): Command {
  return new Command('score')
    .description('score per-document outputs against hand-made gold annotations (QUANTITIES.md §7)')
    .requiredOption('--gold <dir>', 'folder of gold <doc_id>.jsonl files')
    .option('--pred <dir>', 'folder of predicted <doc_id>.json files (or an output folder holding docs/)', 'output')
    .option('--json', 'print the report as JSON')
    .option('--details', 'also list every missed, extra and mismatched record')
    .action((options: { gold: string; pred: string; json?: boolean; details?: boolean }) => {
      const report = scoreFolders(options.gold, options.pred);
      if (options.json) {
        process.stdout.write(JSON.stringify(report.report, null, 2) + '\n');
      } else {
        process.stdout.write(formatReport(report.report));
        if (options.details) process.stdout.write(formatDetails(report.scores));
      }
    });
}

export function scoreFolders(goldDir: string, predDir: string): { report: ScoreReport; scores: DocumentScore[] } {
  const gold = readGold(goldDir);
  const predicted = readPredicted(predDir);
  const scores: DocumentScore[] = [];
  const documents: ScoreReport['documents'] = [];
  const missing: string[] = [];
  let total = emptyCounts();
  for (const [docId, goldRecords] of [...gold].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const predictedRecords = predicted.get(docId);
    if (!predictedRecords) missing.push(docId);
    const score = scoreDocument(docId, predictedRecords ?? [], goldRecords);
    scores.push(score);
    total = addCounts(total, score.counts);
    documents.push({
      doc_id: docId,
      gold: goldRecords.length,
      predicted: predictedRecords?.length ?? 0,
      metrics: metrics(score.counts),
    });
  }
  return {
    report: {
      documents,
      overall: {
        documents: documents.length,
        true_positives: total.truePositives,
        false_positives: total.falsePositives,
        false_negatives: total.falseNegatives,
        ...metrics(total),
      },
      missing_predictions: missing,
    },
    scores,
  };
}

function formatReport(report: ScoreReport): string {
  const header = ['document', 'gold', 'pred', 'P', 'R', 'F1', 'qualifier', 'change', 'modality', 'subject'];
  const row = (name: string, gold: number | string, pred: number | string, m: Metrics) => [
    name,
    String(gold),
    String(pred),
    ...[m.precision, m.recall, m.f1, m.qualifierAccuracy, m.changeAccuracy, m.modalityAccuracy, m.subjectAccuracy].map(
      (x) => x.toFixed(3),
    ),
  ];
  const rows = report.documents.map((d) => row(d.doc_id, d.gold, d.predicted, d.metrics));
  const o = report.overall;
  rows.push(row(`overall (${o.documents} documents)`, '', '', o));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  let out = [line(header), ...rows.map(line)].join('\n') + '\n';
  out += `true positives ${o.true_positives}, false positives ${o.false_positives}, false negatives ${o.false_negatives}\n`;
  if (report.missing_predictions.length > 0) out += `no prediction for: ${report.missing_predictions.join(', ')}\n`;
  return out;
}

function formatDetails(scores: DocumentScore[]): string {
  const show = (r?: ScoredRecord) =>
    r ? `${r.text ?? ''} [${r.value}${r.value_max !== null ? '-' + r.value_max : ''} ${r.unit}]` : '';
  const lines: string[] = [];
  for (const score of scores) {
    for (const m of score.mismatches) {
      const attribute = m.kind === 'subject' ? 'subject' : m.kind;
      const detail =
        m.kind === 'missed' || m.kind === 'extra'
          ? show(m.predicted ?? m.gold)
          : `${show(m.gold)} gold ${String(m.kind === 'subject' ? m.gold?.subject_key : m.gold?.[attribute as 'qualifier'])}, predicted ${String(
              m.kind === 'subject' ? m.predicted?.subject : m.predicted?.[attribute as 'qualifier'],
            )}`;
      lines.push(`${score.docId}\t${m.kind}\t${detail}`);
    }
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}

/**
 * liang as a library. The pipeline in one call:
 *
 *   const pipeline = createPipeline(loadRules());
 *   const doc = processText(pipeline, 'report', text);
 *   doc.paragraphs, doc.quantities, quantityRows(doc)
 */
export type * from './document.js';
export { DocumentFailure } from './document.js';
export { createPipeline, processText, stages, type Pipeline } from './pipeline.js';
export { loadRules, RulesError, defaultRulesDir, type RuleProblem } from './rules/load.js';
export type { Rules } from './rules/schema.js';
export { decode, decodeDoc, createDoc } from './stages/decode.js';
export { paragraphRows, quantityRows, warningRows, paragraphColumns, quantityColumns } from './output/records.js';
export { docJson, docJsonText } from './output/json.js';
export { toCsv } from './output/csv.js';
export { runBatch, type RunOptions, type RunSummary } from './batch/run.js';
export { scoreDocument, metrics } from './score/score.js';
export { version } from './version.js';

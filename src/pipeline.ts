/**
 * The pipeline, in order. Read `document.ts` first, then this file.
 *
 *   decode     bytes → raw text, detected encoding; creates the Doc   (stages/decode.ts, outside the loop)
 *   clean      raw → cleaned text in paragraphs, with an offset map   (stages/clean/)
 *   language   paragraph → lang (zh or en) by its share of CJK         (stages/language.ts)
 *   sentences  paragraphs → sentence spans                             (stages/sentences.ts)
 *   recognize  Chinese sentences → quantities: value, unit, qualifier  (stages/recognize/)
 *   english    English sentences → the same records, with compromise   (stages/english/)
 *   attribute  Chinese quantities → subject, change, modality, period  (stages/attribute/)
 *   write      Doc → rows → CSV and JSON                               (output/, outside the loop)
 *
 * Decoding reads bytes and writing writes files, so they stand at the edges; everything in
 * between is a pure stage over the Doc.
 */
import type { Doc, DocField, Source } from './document.js';
import { DocumentFailure } from './document.js';
import type { Rules } from './rules/schema.js';
import type { Stage } from './stage.js';
import { clean } from './stages/clean/index.js';
import { language } from './stages/language.js';
import { sentences } from './stages/sentences.js';
import { recognize } from './stages/recognize/index.js';
import { english } from './stages/english/index.js';
import { attribute } from './stages/attribute/index.js';
import { createDoc } from './stages/decode.js';
import { getSegmenter, type Segmenter } from './text/segment.js';

/** The stages between decode and write, in the order they run. */
export const stages: readonly Stage<any>[] = [clean, language, sentences, recognize, english, attribute];

export interface Pipeline {
  rules: Rules;
  segmenter: Segmenter;
  /** Runs every stage over a freshly decoded document. A stage's `DocumentFailure` propagates. */
  process(doc: Doc): Doc;
}

/** Builds the pipeline once: checks the stage order, loads the segmenter, compiles the rules. */
export function createPipeline(rules: Rules, list: readonly Stage<any>[] = stages): Pipeline {
  checkOrder(list);
  const segmenter = getSegmenter(rules.userDictPath);
  const prepared = list.map((stage) => ({ stage, compiled: stage.prepare(rules, segmenter) }));
  return {
    rules,
    segmenter,
    process(doc) {
      let current = doc;
      for (const { stage, compiled } of prepared) {
        try {
          current = stage.run(current, { rules, compiled, segmenter });
        } catch (error) {
          if (error instanceof DocumentFailure) throw error;
          // an unexpected exception is a bug, but it must fail only this document
          throw new DocumentFailure(stage.name, `${stage.name}/exception`, String((error as Error)?.stack ?? error));
        }
      }
      return current;
    },
  };
}

/** Processes already-decoded text end to end (the library's simplest entry point). */
export function processText(pipeline: Pipeline, id: string, raw: string, source?: Partial<Source>): Doc {
  return pipeline.process(createDoc(id, raw, source));
}

function checkOrder(list: readonly Stage<any>[]): void {
  const assigned = new Set<DocField>(['raw']);
  for (const stage of list) {
    for (const field of stage.requires) {
      if (!assigned.has(field)) {
        throw new Error(`pipeline: stage "${stage.name}" requires "${field}", which no earlier stage assigns`);
      }
    }
    for (const field of stage.assigns) assigned.add(field);
  }
}

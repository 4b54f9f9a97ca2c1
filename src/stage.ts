/**
 * What a pipeline stage is: a named pure function over the shared document.
 *
 * A stage reads `doc` and the frozen `context`, and returns the document with the fields it
 * `assigns` filled in. It touches no file system, clock or global state; the segmenter (the one
 * stateful dependency) reaches it only through `context`. Rules are compiled once per pipeline
 * by `prepare`, so `run` never parses a rule.
 */
import type { Doc, DocField } from './document.js';
import type { Rules } from './rules/schema.js';
import type { Segmenter } from './text/segment.js';

export interface StageContext<Compiled> {
  rules: Rules;
  /** What this stage's `prepare` built from the rules. */
  compiled: Compiled;
  segmenter: Segmenter;
}

export interface Stage<Compiled = unknown> {
  name: string;
  /** Fields that an earlier stage must have assigned. */
  requires: readonly DocField[];
  /** Fields this stage fills in. */
  assigns: readonly DocField[];
  /** Validated rules → frozen matchers, once per pipeline. */
  prepare(rules: Rules, segmenter: Segmenter): Compiled;
  run(doc: Doc, context: StageContext<Compiled>): Doc;
}

/** Helper that keeps a stage's `Compiled` type checked against its `run`. */
export function defineStage<Compiled>(stage: Stage<Compiled>): Stage<Compiled> {
  return stage;
}

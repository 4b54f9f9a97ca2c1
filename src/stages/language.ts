/** language: PLACEHOLDER until the English stage lands: every paragraph is Chinese. */
import { defineStage } from '../stage.js';

export const language = defineStage({
  name: 'language',
  requires: ['paragraphs'],
  assigns: ['paragraphs'],
  prepare: () => null,
  run: (doc) => doc,
});

/** english: PLACEHOLDER until the English stage lands: finds nothing. */
import { defineStage } from '../../stage.js';

export const english = defineStage({
  name: 'english',
  requires: ['sentences'],
  assigns: ['quantities'],
  prepare: () => null,
  run: (doc) => doc,
});

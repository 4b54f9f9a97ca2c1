/** recognize: PLACEHOLDER until the recognize stage lands: finds nothing. */
import { defineStage } from '../../stage.js';

export const recognize = defineStage({
  name: 'recognize',
  requires: ['sentences'],
  assigns: ['quantities'],
  prepare: () => null,
  run: (doc) => doc,
});

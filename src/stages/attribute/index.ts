/** attribute: PLACEHOLDER until the attribute stage lands: leaves the defaults. */
import { defineStage } from '../../stage.js';

export const attribute = defineStage({
  name: 'attribute',
  requires: ['quantities'],
  assigns: ['attributes'],
  prepare: () => null,
  run: (doc) => doc,
});

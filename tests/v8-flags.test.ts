/** The V8 flags a run sets for its worker threads (see src/v8-flags.ts for the measurements). */
import { describe, expect, it } from 'vitest';
import { workerV8Flags } from '../src/v8-flags.js';

describe('workerV8Flags', () => {
  it('scavenges on the collecting thread alone when the workers fill every core', () => {
    expect(workerV8Flags(2, 2)).toContain('--no-parallel-scavenge');
    expect(workerV8Flags(4, 2)).toContain('--no-parallel-scavenge');
    expect(workerV8Flags(8, 8)).toContain('--no-parallel-scavenge');
  });

  it('leaves a free core to the background GC threads when the workers are fewer than the cores', () => {
    expect(workerV8Flags(1, 2)).toEqual([]); // --jobs 1 --timeout: one worker
    expect(workerV8Flags(3, 8)).toEqual([]);
  });
});

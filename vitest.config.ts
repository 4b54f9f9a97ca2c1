import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // nodejieba loads its dictionaries once per worker (~1 s); two workers fit the 2-core machines.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    // a beforeAll that loads the rules and jieba waited past vitest's 10 s default on a machine at
    // load 10-20 (two clean test files failed their hook, not a test); the hook's work is the same
    hookTimeout: 60_000,
    // the CLIs the tests start keep their rules cache (src/rules/cache.ts) out of the home folder
    env: { LIANG_CACHE_DIR: join(tmpdir(), 'liang-test-rules-cache') },
  },
});

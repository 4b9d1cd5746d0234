import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Browser tests share the machine's two cores; keep parallel files few.
    maxWorkers: 2,
    // No test reads or writes the user's citation cache (src/references/disk-cache.ts); the
    // test of the cache gives it a folder of its own. Processes the tests start inherit this.
    env: { STUDYGUIDE_CACHE_DIR: '' },
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The binary tests spawn node; two cores, so keep the pool small and predictable.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    // A setup that builds the demo papers takes seconds; a busy machine must not turn that into a failure.
    hookTimeout: 60_000,
  },
});

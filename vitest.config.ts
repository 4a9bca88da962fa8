import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The JSON report lets .ci/run print a plain closing line (N passed, N failed).
    reporters: ['default', ['json', { outputFile: '.vitest-out/results.json' }]],
  },
});

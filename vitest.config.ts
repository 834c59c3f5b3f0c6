import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/browser/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's own default is one worker fewer than the machine has cores: one on a two-core machine, where two
    // take the suite from about ten minutes to about four (each file has its own databases, so files never meet).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});

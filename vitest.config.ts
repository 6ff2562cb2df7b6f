import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // The packaging check runs inside `npm run pack:smoke` (which sets TOIAWASE_PACK_DIR), right
    // after it builds the pack; the plain run leaves it out rather than skipping it.
    exclude: [
      'tests/e2e/**',
      'node_modules/**',
      ...(process.env.TOIAWASE_PACK_DIR === undefined ? ['tests/integration/packaging/**'] : []),
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores here: keep file-level parallelism modest so real-process tests stay stable.
    maxWorkers: 2,
    reporters: ['default'],
  },
});

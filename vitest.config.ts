import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'apps/*/test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    coverage: {
      provider: 'v8',
      include: ['packages/engine/src/**/*.ts', 'packages/scenario/src/**/*.ts'],
      reporter: ['text-summary'],
      thresholds: { 'packages/engine/src/**': { lines: 95 } },
    },
  },
});

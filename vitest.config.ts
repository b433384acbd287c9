import {defineConfig} from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx', 'scripts/bench/**/*.test.mjs'],
    exclude: ['tests/live/**', 'node_modules/**'],
    testTimeout: 20000,
    hookTimeout: 30000,
  },
});

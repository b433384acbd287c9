import {defineConfig} from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/live/**', 'node_modules/**'],
    testTimeout: 20000,
    hookTimeout: 30000,
  },
});

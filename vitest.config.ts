import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		// Builds dist/ once: several test files run the built CLI in parallel.
		globalSetup: ['tests/global-setup.ts'],
		// Manifest checks need the lazily imported API schema; every sync caller finds it loaded.
		setupFiles: ['tests/exercises/api-schema-setup.ts'],
		include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx', 'scripts/bench/**/*.test.mjs'],
		exclude: ['tests/live/**', 'tests/faults/**', 'tests/ssh/**', 'node_modules/**'],
		testTimeout: 20000,
		hookTimeout: 30000,
	},
});

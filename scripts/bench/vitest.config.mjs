// The benchmark's own tests (stats, the pty driver, verdicts): vitest.config.ts only looks in
// tests/, so they run with: npx vitest run --config scripts/bench/vitest.config.mjs
import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		root: new URL('../..', import.meta.url).pathname,
		include: ['scripts/bench/**/*.test.mjs'],
		testTimeout: 20000,
	},
});

import {defineConfig} from 'vitest/config';

/**
 * The fault suite (npm run test:faults): hostile input, damaged and unwritable progress, kill -9
 * and concurrent writers, generated malformed lesson packs. Separate from npm test because it
 * runs hundreds of processes; docs/RELIABILITY.md holds its figures.
 */
export default defineConfig({
	test: {
		globalSetup: ['tests/global-setup.ts'],
		include: ['tests/faults/**/*.test.ts'],
		testTimeout: 120_000,
		hookTimeout: 60_000,
	},
});

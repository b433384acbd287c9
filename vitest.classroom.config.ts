import {defineConfig} from 'vitest/config';

// The classroom path over a real sshd (tests/ssh): root only, one sshd and one throwaway student
// account per run, so the files run one after another.
export default defineConfig({
	test: {
		globalSetup: ['tests/global-setup.ts'],
		include: ['tests/ssh/**/*.test.ts'],
		testTimeout: 120_000,
		hookTimeout: 60_000,
		fileParallelism: false,
	},
});

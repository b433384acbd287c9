import {defineConfig} from 'vitest/config';

// Live tests start real Pods with podman (.ci/live-setup.sh prepares the machine); they are
// slow and must not run in parallel with each other, since they share one podman store.
export default defineConfig({
	test: {
		globalSetup: ['tests/global-setup.ts'],
		include: ['tests/live/**/*.test.ts', 'tests/live/**/*.test.tsx'],
		testTimeout: 180_000,
		hookTimeout: 180_000,
		fileParallelism: false,
	},
});

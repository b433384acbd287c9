// The progress store bundled into one ES module that a plain node process can import (no
// TypeScript transform there): used by the store's multi-process tests (tests/progress/
// store-writers.ts) and by scripts/progress-save-cost.mjs, so the two never drift apart.
import {build} from 'esbuild';
import {join} from 'node:path';
import {projectRoot} from './build-options.mjs';

/** Writes the bundle to `outfile` and returns its path. */
export async function bundleProgressStore(outfile) {
	await build({
		entryPoints: [join(projectRoot, 'src/progress/progress-store.ts')],
		outfile,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		logLevel: 'warning',
		// Some dependencies are CommonJS and call require() for built-ins.
		banner: {js: "import {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);"},
	});
	return outfile;
}

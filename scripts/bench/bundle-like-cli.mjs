// Bundles a file with the settings scripts/build.mjs uses for dist/cli.js, so a yardstick program
// pays the same start-up costs (ESM, code splitting, minified, the same banner and defines).
// The settings come from scripts/build-options.mjs, which scripts/build.mjs uses too.
import {build} from 'esbuild';
import {BUILD_SETTINGS, projectRoot} from '../build-options.mjs';

export {BUILD_SETTINGS, projectRoot};

/**
 * Bundles `entry` (a path) into `outdir` as `<name>.js`; returns the path of the entry file.
 * `absWorkingDir` is the project root so packages resolve from its node_modules.
 */
export async function bundleLikeCli(entry, outdir, name) {
	await build({...BUILD_SETTINGS, entryPoints: {[name]: entry}, outdir, absWorkingDir: projectRoot});
	return `${outdir}/${name}.js`;
}

// Bundles a file with the settings scripts/build.mjs uses for dist/cli.js, so a yardstick program
// pays the same start-up costs (ESM, code splitting, minified, the same banner and defines).
// scripts/build.mjs runs its build when imported, so its settings are repeated here: when it
// changes, change BUILD_SETTINGS too (the benchmark prints them next to its figures).
import {build} from 'esbuild';
import {fileURLToPath} from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export const BUILD_SETTINGS = {
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	minify: true,
	sourcemap: false,
	legalComments: 'none',
	logLevel: 'warning',
	chunkNames: 'chunks/[name]-[hash]',
	alias: {'react-devtools-core': `${projectRoot}scripts/no-devtools.js`},
	define: {'process.env.NODE_ENV': '"production"'},
	banner: {js: "import {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);"},
};

/**
 * Bundles `entry` (a path) into `outdir` as `<name>.js`; returns the path of the entry file.
 * `absWorkingDir` is the project root so packages resolve from its node_modules.
 */
export async function bundleLikeCli(entry, outdir, name) {
	await build({...BUILD_SETTINGS, entryPoints: {[name]: entry}, outdir, absWorkingDir: projectRoot});
	return `${outdir}/${name}.js`;
}

// The esbuild settings of dist/: shared by scripts/build.mjs and the benchmark, whose hello-world
// Ink yardstick must be bundled exactly the same way.
import {fileURLToPath} from 'node:url';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * conf imports ajv and ajv-formats at the top of its module but uses them only when given a
 * schema, which pod-tutor never passes (its progress has its own version and validation). Leaving
 * them out of the bundle saves ~30 ms of start-up and several MB of memory; the stand-in says
 * so loudly if a schema is ever passed.
 */
const withoutAjv = {
	name: 'without-ajv',
	setup(build) {
		// Only conf's import: kubernetes-models' precompiled validators use ajv's runtime helpers.
		build.onResolve({filter: /^ajv(-formats)?(\/.*)?$/}, (args) =>
			/[\\/]node_modules[\\/]conf[\\/]/.test(args.importer)
				? {path: `${projectRoot}scripts/no-ajv.js`}
				: undefined,
		);
	},
};

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
	// Ink imports react-devtools-core only when DEV=true; the tutor never ships it.
	alias: {'react-devtools-core': `${projectRoot}scripts/no-devtools.js`},
	define: {'process.env.NODE_ENV': '"production"'},
	// Some bundled CommonJS dependencies call require() for Node built-ins.
	banner: {js: "import {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);"},
	plugins: [withoutAjv],
};

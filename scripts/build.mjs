// Bundles the CLI into dist/: one entry chunk that draws the first frame and runs the plain
// subcommands, plus lazily imported chunks (Ink, React, conf) that the first frame does not need.
import {build} from 'esbuild';
import {fileURLToPath} from 'node:url';
import {rmSync} from 'node:fs';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}dist`, {recursive: true, force: true});

await build({
	entryPoints: {cli: `${root}src/cli.ts`},
	outdir: `${root}dist`,
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
	alias: {'react-devtools-core': `${root}scripts/no-devtools.js`},
	define: {'process.env.NODE_ENV': '"production"'},
	// Some bundled CommonJS dependencies call require() for Node built-ins.
	banner: {js: "import {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);"},
});

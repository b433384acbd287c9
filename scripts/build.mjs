// Bundles the CLI into dist/: one entry chunk that draws the first frame and runs the plain
// subcommands, plus lazily imported chunks (Ink, React, conf) that the first frame does not need.
// Then writes dist/course-cache.json, the bundled lessons already parsed and checked.
import {build} from 'esbuild';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {BUILD_SETTINGS, projectRoot} from './build-options.mjs';

rmSync(join(projectRoot, 'dist'), {recursive: true, force: true});

await build({
	...BUILD_SETTINGS,
	entryPoints: {cli: join(projectRoot, 'src/cli.ts')},
	outdir: join(projectRoot, 'dist'),
});

const scratch = mkdtempSync(join(tmpdir(), 'pod-tutor-build-'));
try {
	const writer = join(scratch, 'write-course-cache.mjs');
	await build({
		...BUILD_SETTINGS,
		splitting: false,
		minify: false,
		entryPoints: [join(projectRoot, 'src/content/course-cache-writer.ts')],
		outfile: writer,
		outdir: undefined,
		chunkNames: undefined,
	});
	const {writeCourseCache} = await import(pathToFileURL(writer).href);
	const problems = await writeCourseCache(projectRoot);
	for (const problem of problems) console.warn(`course cache: ${problem}`);
} finally {
	rmSync(scratch, {recursive: true, force: true});
}

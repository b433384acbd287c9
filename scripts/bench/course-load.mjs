// Course loading: the bundled course loader timed in fresh node processes (a learner's start is
// always cold), so the figures include V8 compiling the loader and js-yaml on first use.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {bundleLikeCli, projectRoot} from './bundle-like-cli.mjs';
import {summary} from './stats.mjs';

export async function measureCourseLoad(runs, log = () => {}) {
	const work = mkdtempSync(join(tmpdir(), 'pod-tutor-bench-loader-'));
	try {
		const loader = await bundleLikeCli(join(projectRoot, 'src/content/course-loader.ts'), work, 'course-loader');
		const probe = join(projectRoot, 'scripts/bench/course-load-probe.mjs');
		const samples = [];
		for (let i = 0; i < runs; i++) {
			samples.push(
				JSON.parse(
					execFileSync(process.execPath, [probe, loader, join(projectRoot, 'lessons')], {encoding: 'utf8'}),
				),
			);
			log(`course load: run ${i + 1}/${runs}`);
		}
		const of = (field) => summary(samples.map((s) => s[field]));
		const last = samples[samples.length - 1];
		if (last.lessons === 0)
			throw new Error('the bundled course loaded no lessons: run node bin/pod-tutor.js validate to see why');
		return {
			runs,
			nodeToScript: of('nodeToScript'),
			importLoader: of('importLoader'),
			loadCourseCold: of('loadCourseCold'),
			loadCourseWarm: of('loadCourseWarm'),
			firstLessonStepKinds: last.firstLessonStepKinds,
			course: {
				lessons: last.lessons,
				broken: last.broken,
				exercises: last.exercises,
				yamlFiles: last.yamlFiles,
				yamlBytes: last.yamlBytes,
			},
		};
	} finally {
		rmSync(work, {recursive: true, force: true});
	}
}

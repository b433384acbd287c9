import {mkdirSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {CACHE_FILE, serializeCourse} from './course-cache.js';
import {diagramStepProblem} from '../diagram/lesson-diagram.js';
import {loadApiSchema} from '../exercises/api-schema.js';
import {exerciseProblems} from '../exercises/exercise-problems.js';
import {loadCourse} from './course-loader.js';
import {formatProblem} from './types.js';

/** Run by scripts/build.mjs: writes the parsed bundled lessons next to the bundle. */
export async function writeCourseCache(root: string): Promise<string[]> {
	// The checks validate runs (API schema included): the cache is what list and the tutor show
	// for the bundled lessons.
	await loadApiSchema();
	const course = loadCourse({
		lessonDirs: [join(root, 'lessons')],
		exerciseProblems,
		diagramProblem: diagramStepProblem,
	});
	const file = join(root, CACHE_FILE);
	mkdirSync(dirname(file), {recursive: true});
	writeFileSync(file, serializeCourse(course, root));
	return [...course.broken.flatMap((b) => b.problems), ...course.problems].map(formatProblem);
}

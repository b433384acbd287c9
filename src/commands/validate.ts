import {loadCourse, resolveLessonDir} from '../content/course-loader.js';
import {formatProblem, type Problem} from '../content/types.js';
import {EXIT_FAIL, EXIT_OK, type Subcommand} from './command-io.js';
import {courseLoadOptions} from './course-options.js';
import {loadApiSchema} from '../exercises/api-schema.js';

/** pod-tutor validate [DIR...]: every problem in the lessons, one per line; exit 1 if any. */
export const runValidate: Subcommand = async (args, io, options) => {
	const dirs = args.length > 0 ? args.map((d) => resolveLessonDir(d)) : options.lessonDirs;
	// Manifest examples and answers are checked against the API schema, a lazy import.
	await loadApiSchema();
	const course = loadCourse(courseLoadOptions(dirs));
	const problems: Problem[] = [...course.broken.flatMap((b) => b.problems), ...course.problems];
	for (const problem of problems) io.stdout(`${formatProblem(problem)}\n`);
	const exerciseCount = course.exercises.size;
	if (problems.length === 0) {
		io.stdout(`${course.lessons.length} lessons and ${exerciseCount} exercises: no problems.\n`);
		return EXIT_OK;
	}
	io.stdout(
		`${problems.length} problem${problems.length === 1 ? '' : 's'} (${course.lessons.length} lessons loaded, ${course.broken.length} broken).\n`,
	);
	return EXIT_FAIL;
};

/** The small exercise set in tests/fixtures/exercises/course, loaded by the real course loader. */
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {loadCourse} from '../../src/content/course-loader.js';
import type {Course, Exercise, ExerciseKind} from '../../src/content/types.js';
import {exerciseProblems} from '../../src/exercises/exercise-problems.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'exercises');

let course: Course | undefined;

export function fixtureCourse(): Course {
	course ??= loadCourse({lessonDirs: [join(FIXTURES, 'course', 'lessons')], exerciseProblems});
	return course;
}

export function fixtureExercise<K extends ExerciseKind>(id: string, kind: K): Extract<Exercise, {kind: K}> {
	const loaded = fixtureCourse();
	const ex = loaded.exercises.get(id);
	if (!ex)
		throw new Error(
			`fixture exercise ${id} did not load: ${JSON.stringify([...loaded.broken, ...loaded.problems])}`,
		);
	if (ex.kind !== kind) throw new Error(`fixture exercise ${id} is ${ex.kind}, not ${kind}`);
	return ex as Extract<Exercise, {kind: K}>;
}

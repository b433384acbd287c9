import {fileURLToPath} from 'node:url';
import {loadCourse} from '../../src/content/course-loader.js';
import type {Course, Exercise, ExerciseKind, Lesson} from '../../src/content/types.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

let course: Course | undefined;

/** The repository's own course, loaded once per test file. */
export function repoCourse(): Course {
	course ??= loadCourse({lessonDirs: [`${repoRoot}lessons`]});
	return course;
}

/** The first lesson step that is an exercise of this kind, with its lesson and step index. */
export function findExerciseStep(kind: ExerciseKind): {lesson: Lesson; step: number; exercise: Exercise} {
	const c = repoCourse();
	for (const lesson of c.lessons) {
		for (const [step, s] of lesson.steps.entries()) {
			if (s.kind !== 'exercise') continue;
			const exercise = c.exercises.get(s.exercise);
			if (exercise?.kind === kind) return {lesson, step, exercise};
		}
	}
	throw new Error(`the course has no ${kind} exercise`);
}

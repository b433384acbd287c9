/** Steps of the repository's course that the pty tests drive to with arrow keys alone. */
import type {Lesson, SingleChoiceExercise} from '../../src/content/types.js';
import {repoCourse} from '../tutor/course-fixture.js';

const typingKinds = new Set(['free-text', 'quantity']);

/** True when no step before `step` is a typing field, where Right would move a text cursor instead. */
function reachableWithRight(lesson: Lesson, step: number): boolean {
	const course = repoCourse();
	return !lesson.steps
		.slice(0, step)
		.some((s) => s.kind === 'exercise' && typingKinds.has(course.exercises.get(s.exercise)?.kind ?? ''));
}

/** A command step reached with Right alone: no typing field on the way, where Right would move a cursor. */
export function commandStep(): {lesson: Lesson; step: number} {
	for (const lesson of repoCourse().lessons) {
		const step = lesson.steps.findIndex((s) => s.kind === 'command');
		if (step >= 0 && reachableWithRight(lesson, step)) return {lesson, step};
	}
	throw new Error('no command step reachable with Right');
}

/** A single-choice exercise step reached with Right alone, and the next step after it. */
export function choiceStep(): {lesson: Lesson; step: number; exercise: SingleChoiceExercise; answerIndex: number} {
	const course = repoCourse();
	for (const lesson of course.lessons) {
		for (const [step, s] of lesson.steps.entries()) {
			const exercise = s.kind === 'exercise' ? course.exercises.get(s.exercise) : undefined;
			if (
				exercise?.kind !== 'single-choice' ||
				step + 1 >= lesson.steps.length ||
				!reachableWithRight(lesson, step)
			)
				continue;
			return {lesson, step, exercise, answerIndex: exercise.choices.findIndex((c) => c.id === exercise.answer)};
		}
	}
	throw new Error('no single-choice step reachable with Right');
}

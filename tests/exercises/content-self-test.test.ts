/**
 * Keeps the repository's exercises honest as they are written: for every exercise the reference
 * answer passes, and every listed wrong answer fails with its own targeted feedback shown.
 */
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {loadCourse} from '../../src/content/course-loader.js';
import {answerFromReference} from '../../src/exercises/answer.js';
import {checkAnswer} from '../../src/exercises/check-answer.js';
import {exerciseProblems} from '../../src/exercises/exercise-problems.js';

const LESSONS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'lessons');
const course = loadCourse({lessonDirs: [LESSONS]});
const exercises = [...course.exercises.values()];

describe('every exercise in lessons/ grades as its author meant', () => {
	it('the repository has exercises to check', () => {
		expect(exercises.length).toBeGreaterThan(0);
	});

	it.each(exercises.map((ex) => [ex.id, ex] as const))('%s', (_id, ex) => {
		expect(exerciseProblems(ex), 'semantic problems').toEqual([]);
		const reference = checkAnswer(ex, answerFromReference(ex, ex.answer));
		expect(
			reference.checks.filter((c) => !c.passed),
			'reference answer',
		).toEqual([]);
		expect(reference.correct).toBe(true);
		for (const [i, wrong] of ex.wrong.entries()) {
			const phrasings = [
				answerFromReference(ex, wrong.answer),
				...(wrong.match ?? []).map((text) => ({kind: 'text' as const, text})),
			];
			for (const answer of phrasings) {
				const result = checkAnswer(ex, answer);
				expect(result.malformed, `wrong[${i}] is malformed: ${result.feedback}`).toBe(false);
				expect(result.correct, `wrong[${i}] is accepted`).toBe(false);
				expect(result.feedback, `wrong[${i}] does not get its feedback`).toContain(wrong.feedback.trim());
			}
		}
	});
});

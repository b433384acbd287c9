import {describe, expect, it} from 'vitest';
import {emptyProgress, type ProgressData} from '../../src/progress/progress-data.js';
import {
	recordAttempt,
	recordHint,
	recordPrediction,
	recordReveal,
	reset,
	saveDraft,
	visitStep,
	type ProgressUpdate,
} from '../../src/progress/progress-updates.js';

const T1 = '2025-01-01T10:00:00.000Z';
const T2 = '2025-01-01T11:00:00.000Z';
const T3 = '2025-01-01T12:00:00.000Z';

/** Applies updates in order, each at its own time; fails the test on an error value. */
function run(steps: readonly [ProgressUpdate, string][], start: ProgressData = emptyProgress()): ProgressData {
	let data = start;
	for (const [update, at] of steps) {
		const result = update(data, at);
		if (!result.ok) throw new Error(result.error);
		data = result.data;
	}
	return data;
}

describe('visitStep', () => {
	it('moves the current step, raises the furthest step and sets the resume point', () => {
		const data = run([
			[visitStep('pause', 3, 6), T1],
			[visitStep('pause', 1, 6), T2],
		]);
		expect(data.lessons.pause).toEqual({currentStep: 1, furthestStep: 3, completed: false, updatedAt: T2});
		expect(data.last).toEqual({lessonId: 'pause', step: 1, at: T2});
	});

	it('completes the lesson on its last step and keeps it completed when going back', () => {
		const data = run([
			[visitStep('pause', 5, 6), T1],
			[visitStep('pause', 0, 6), T2],
		]);
		expect(data.lessons.pause).toMatchObject({completed: true, completedAt: T1, currentStep: 0, furthestStep: 5});
	});

	it('refuses a step outside the lesson without changing anything', () => {
		const before = emptyProgress();
		for (const [step, count] of [
			[6, 6],
			[-1, 6],
			[1.5, 6],
			[0, 0],
		]) {
			const result = visitStep('pause', step, count)(before, T1);
			expect(result.ok).toBe(false);
		}
		expect(before).toEqual(emptyProgress());
	});
});

describe('exercise records', () => {
	it('counts attempts, keeps correct once reached, and stamps first, last and correct times', () => {
		const data = run([
			[recordAttempt('pause-ip', {correct: false, answer: 'a'}), T1],
			[recordAttempt('pause-ip', {correct: true, answer: 'b'}), T2],
			[recordAttempt('pause-ip', {correct: false, answer: 'c'}), T3],
		]);
		expect(data.exercises['pause-ip']).toEqual({
			attempts: 3,
			correct: true,
			hintsUsed: 0,
			revealed: false,
			firstAttemptAt: T1,
			lastAttemptAt: T3,
			correctAt: T2,
			lastAnswer: 'c',
		});
	});

	it('keeps the highest hint count and records a reveal', () => {
		const data = run([
			[recordHint('pause-ip', 2), T1],
			[recordHint('pause-ip', 1), T2],
			[recordReveal('pause-ip'), T3],
		]);
		expect(data.exercises['pause-ip']).toMatchObject({hintsUsed: 2, revealed: true, attempts: 0});
	});

	it('keeps the first prediction only', () => {
		const data = run([
			[recordPrediction('ps-in-pod', 'a', false), T1],
			[recordPrediction('ps-in-pod', 'b', true), T2],
		]);
		expect(data.predictions['ps-in-pod']).toEqual({choice: 'a', correct: false, at: T1});
	});

	it('saves a draft and removes it when emptied', () => {
		const saved = run([[saveDraft('two-containers', 'kind: Pod\n'), T1]]);
		expect(saved.drafts['two-containers']).toEqual({text: 'kind: Pod\n', at: T1});
		expect(run([[saveDraft('two-containers', ''), T2]], saved).drafts).toEqual({});
	});

	it('rejects unusable ids as error values', () => {
		const result = recordAttempt('__proto__', {correct: true})(emptyProgress(), T1);
		expect(result).toEqual({ok: false, error: 'exerciseId must be a non-empty id, got "__proto__"'});
	});
});

describe('reset', () => {
	const full = run([
		[visitStep('container', 4, 5), T1],
		[visitStep('pause', 2, 6), T1],
		[recordAttempt('pause-ip', {correct: true}), T1],
		[recordPrediction('pause-ps', 'a', true), T1],
		[saveDraft('pause-ps', 'x'), T1],
		[recordAttempt('sum-requests', {correct: false}), T1],
	]);

	it('all: empty progress', () => {
		expect(run([[reset({all: true}), T2]], full)).toEqual(emptyProgress());
	});

	it('lesson: the lesson, its exercises and the resume point if it pointed there', () => {
		const data = run([[reset({lesson: 'pause', exerciseIds: ['pause-ip', 'pause-ps']}), T2]], full);
		expect(Object.keys(data.lessons)).toEqual(['container']);
		expect(Object.keys(data.exercises)).toEqual(['sum-requests']);
		expect(data.predictions).toEqual({});
		expect(data.drafts).toEqual({});
		expect(data.last).toBeUndefined();
	});

	it('exercise: that exercise only', () => {
		const data = run([[reset({exercise: 'pause-ip'}), T2]], full);
		expect(Object.keys(data.exercises)).toEqual(['sum-requests']);
		expect(Object.keys(data.lessons)).toEqual(['container', 'pause']);
		expect(data.last?.lessonId).toBe('pause');
	});

	it('never modifies its input', () => {
		const copy = structuredClone(full);
		run([[reset({lesson: 'pause', exerciseIds: ['pause-ip']}), T2]], full);
		expect(full).toEqual(copy);
	});
});

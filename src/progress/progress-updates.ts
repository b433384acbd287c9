/**
 * The changes a learner's actions make to progress, as pure functions: data in, new data out
 * (the input is never modified). The store runs them on the file's current contents under a
 * lock, which is what lets two open windows merge their work.
 */
import {
	MAX_STORED_MANIFEST_CHARS,
	emptyExerciseProgress,
	emptyProgress,
	isUsableId,
	type ExerciseProgress,
	type ProgressData,
} from './progress-data.js';
import {storableAnswer} from './progress-migration.js';

export type UpdateResult =
	{readonly ok: true; readonly data: ProgressData} | {readonly ok: false; readonly error: string};

export type ResetScope =
	| {readonly all: true}
	/** A lesson's step progress plus everything recorded for its exercises. */
	| {readonly lesson: string; readonly exerciseIds: readonly string[]}
	| {readonly exercise: string};

/** One change to apply; `at` is the ISO time it happened. */
export type ProgressUpdate = (data: ProgressData, at: string) => UpdateResult;

function badId(what: string, id: unknown): UpdateResult {
	return {ok: false, error: `${what} must be a non-empty id, got ${JSON.stringify(id)}`};
}

function isCount(value: number): boolean {
	return Number.isSafeInteger(value) && value >= 0;
}

function withExercise(data: ProgressData, exerciseId: string, change: (e: ExerciseProgress) => void): UpdateResult {
	if (!isUsableId(exerciseId)) return badId('exerciseId', exerciseId);
	const next = structuredClone(data);
	const exercise = next.exercises[exerciseId] ?? emptyExerciseProgress();
	change(exercise);
	next.exercises[exerciseId] = exercise;
	return {ok: true, data: next};
}

/** The learner is on `step` (0-based) of a lesson with `stepCount` steps. */
export function visitStep(lessonId: string, step: number, stepCount: number): ProgressUpdate {
	return (data, at) => {
		if (!isUsableId(lessonId)) return badId('lessonId', lessonId);
		if (!Number.isSafeInteger(stepCount) || stepCount < 1) {
			return {ok: false, error: `stepCount must be a whole number >= 1, got ${stepCount}`};
		}
		if (!isCount(step) || step >= stepCount) {
			return {ok: false, error: `step must be a whole number from 0 to ${stepCount - 1}, got ${step}`};
		}
		const next = structuredClone(data);
		const before = next.lessons[lessonId];
		const reachedEnd = step === stepCount - 1;
		const completed = (before?.completed ?? false) || reachedEnd;
		next.lessons[lessonId] = {
			currentStep: step,
			furthestStep: Math.max(before?.furthestStep ?? 0, step),
			completed,
			updatedAt: at,
		};
		const completedAt = before?.completedAt ?? (reachedEnd && !before?.completed ? at : undefined);
		if (completedAt !== undefined) next.lessons[lessonId].completedAt = completedAt;
		next.last = {lessonId, step, at};
		return {ok: true, data: next};
	};
}

export interface Attempt {
	readonly correct: boolean;
	/** The learner's answer; kept (shortened, see storableAnswer) so the exercise shows it again. Must be JSON data. */
	readonly answer?: unknown;
}

export function recordAttempt(exerciseId: string, attempt: Attempt): ProgressUpdate {
	return (data, at) =>
		withExercise(data, exerciseId, (exercise) => {
			exercise.attempts += 1;
			exercise.firstAttemptAt ??= at;
			exercise.lastAttemptAt = at;
			if (attempt.correct && !exercise.correct) {
				exercise.correct = true;
				exercise.correctAt = at;
			}
			if (attempt.answer === undefined) return;
			const stored = storableAnswer(attempt.answer);
			if (stored === undefined) delete exercise.lastAnswer;
			else exercise.lastAnswer = structuredClone(stored);
		});
}

/** `hintsShown` is how many hints are on screen now; the record keeps the highest. */
export function recordHint(exerciseId: string, hintsShown: number): ProgressUpdate {
	return (data) => {
		if (!isCount(hintsShown))
			return {ok: false, error: `hintsShown must be a whole number >= 0, got ${hintsShown}`};
		return withExercise(data, exerciseId, (exercise) => {
			exercise.hintsUsed = Math.max(exercise.hintsUsed, hintsShown);
		});
	};
}

export function recordReveal(exerciseId: string): ProgressUpdate {
	return (data) =>
		withExercise(data, exerciseId, (exercise) => {
			exercise.revealed = true;
		});
}

/** A predict exercise's commitment; the first one stands (see Prediction). */
export function recordPrediction(exerciseId: string, choice: string, correct: boolean): ProgressUpdate {
	return (data, at) => {
		if (!isUsableId(exerciseId)) return badId('exerciseId', exerciseId);
		if (data.predictions[exerciseId]) return {ok: true, data};
		const next = structuredClone(data);
		next.predictions[exerciseId] = {choice, correct, at};
		return {ok: true, data: next};
	};
}

/** Saves unsubmitted text for an exercise (up to the manifest limit); an empty text removes the draft. */
export function saveDraft(exerciseId: string, text: string): ProgressUpdate {
	return (data, at) => {
		if (!isUsableId(exerciseId)) return badId('exerciseId', exerciseId);
		const next = structuredClone(data);
		if (text === '') delete next.drafts[exerciseId];
		else next.drafts[exerciseId] = {text: text.slice(0, MAX_STORED_MANIFEST_CHARS), at};
		return {ok: true, data: next};
	};
}

function forgetExercise(data: ProgressData, exerciseId: string): void {
	delete data.exercises[exerciseId];
	delete data.predictions[exerciseId];
	delete data.drafts[exerciseId];
}

export function reset(scope: ResetScope): ProgressUpdate {
	return (data) => {
		if ('all' in scope) return {ok: true, data: emptyProgress()};
		const next = structuredClone(data);
		if ('exercise' in scope) {
			if (!isUsableId(scope.exercise)) return badId('exercise', scope.exercise);
			forgetExercise(next, scope.exercise);
			return {ok: true, data: next};
		}
		if (!isUsableId(scope.lesson)) return badId('lesson', scope.lesson);
		delete next.lessons[scope.lesson];
		for (const id of scope.exerciseIds) forgetExercise(next, id);
		if (next.last?.lessonId === scope.lesson) delete next.last;
		return {ok: true, data: next};
	};
}

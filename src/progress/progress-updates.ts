/**
 * The changes a learner's actions make to progress. Each change is plain JSON data (a
 * ProgressChange), so the store can append it to the journal (progress-journal.ts) as it is and
 * replay it later; applying one is a pure function: data in, new data out, the input never
 * modified. The store runs them on the file's current contents under a lock, which is what lets
 * two open windows merge their work.
 *
 * A change replaces the entries it touches instead of modifying them, and copies only the
 * records it touches (a page turn copies `lessons`, never the answers in `exercises`), so its
 * cost does not grow with what the rest of the progress holds. applyInPlace is the same change
 * on data the caller owns, for replaying a journal without a copy per record.
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

/** One change as data: what the journal holds, one per line (with the time it happened). */
export type ProgressChange =
	| {readonly op: 'visit'; readonly lesson: string; readonly step: number; readonly steps: number}
	| {
			readonly op: 'attempt';
			readonly exercise: string;
			readonly correct: boolean;
			/** Already shortened by storableChange; absent: the last answer is left as it was. */
			readonly answer?: unknown;
			/** The answer was too large to keep at all: the last one is forgotten. */
			readonly dropAnswer?: true;
	  }
	| {readonly op: 'hint'; readonly exercise: string; readonly shown: number}
	| {readonly op: 'reveal'; readonly exercise: string}
	| {readonly op: 'predict'; readonly exercise: string; readonly choice: string; readonly correct: boolean}
	| {readonly op: 'draft'; readonly exercise: string; readonly text: string}
	| {readonly op: 'reset'; readonly scope: ResetScope};

/** One change to apply; `at` is the ISO time it happened. */
export type ProgressUpdate = (data: ProgressData, at: string) => UpdateResult;

function badId(what: string, id: unknown): string {
	return `${what} must be a non-empty id, got ${JSON.stringify(id)}`;
}

function isCount(value: number): boolean {
	return Number.isSafeInteger(value) && value >= 0;
}

/** The change as it is kept: the answer or draft cut to what the file stores, so a journal line stays bounded. */
export function storableChange(change: ProgressChange): ProgressChange {
	if (change.op === 'attempt' && change.answer !== undefined) {
		const stored = storableAnswer(change.answer);
		const {answer: _answer, ...rest} = change;
		return stored === undefined ? {...rest, dropAnswer: true} : {...rest, answer: stored};
	}
	if (change.op === 'draft' && change.text.length > MAX_STORED_MANIFEST_CHARS)
		return {...change, text: change.text.slice(0, MAX_STORED_MANIFEST_CHARS)};
	return change;
}

/** Why the change cannot apply (a bad id or number), or undefined; checked before anything is touched. */
function refusal(change: ProgressChange): string | undefined {
	switch (change.op) {
		case 'visit': {
			if (!isUsableId(change.lesson)) return badId('lessonId', change.lesson);
			const {step, steps} = change;
			if (!Number.isSafeInteger(steps) || steps < 1) return `stepCount must be a whole number >= 1, got ${steps}`;
			if (!isCount(step) || step >= steps)
				return `step must be a whole number from 0 to ${steps - 1}, got ${step}`;
			return undefined;
		}
		case 'hint':
			if (!isCount(change.shown)) return `hintsShown must be a whole number >= 0, got ${change.shown}`;
			return isUsableId(change.exercise) ? undefined : badId('exerciseId', change.exercise);
		case 'reset': {
			const {scope} = change;
			if ('all' in scope) return undefined;
			if ('exercise' in scope) return isUsableId(scope.exercise) ? undefined : badId('exercise', scope.exercise);
			return isUsableId(scope.lesson) ? undefined : badId('lesson', scope.lesson);
		}
		default:
			return isUsableId(change.exercise) ? undefined : badId('exerciseId', change.exercise);
	}
}

function editExercise(data: ProgressData, exerciseId: string, change: (e: ExerciseProgress) => void): void {
	const exercise = {...(data.exercises[exerciseId] ?? emptyExerciseProgress())};
	change(exercise);
	data.exercises[exerciseId] = exercise;
}

function forgetExercise(data: ProgressData, exerciseId: string): void {
	delete data.exercises[exerciseId];
	delete data.predictions[exerciseId];
	delete data.drafts[exerciseId];
}

/** Applies an already checked change to `data`, replacing (never modifying) the entries it touches. */
function edit(data: ProgressData, change: ProgressChange, at: string): void {
	switch (change.op) {
		case 'visit': {
			const {lesson: lessonId, step, steps} = change;
			const before = data.lessons[lessonId];
			const reachedEnd = step === steps - 1;
			const completedAt = before?.completedAt ?? (reachedEnd && !before?.completed ? at : undefined);
			data.lessons[lessonId] = {
				currentStep: step,
				furthestStep: Math.max(before?.furthestStep ?? 0, step),
				completed: (before?.completed ?? false) || reachedEnd,
				updatedAt: at,
				...(completedAt === undefined ? {} : {completedAt}),
			};
			data.last = {lessonId, step, at};
			return;
		}
		case 'attempt':
			editExercise(data, change.exercise, (exercise) => {
				exercise.attempts += 1;
				exercise.firstAttemptAt ??= at;
				exercise.lastAttemptAt = at;
				if (change.correct && !exercise.correct) {
					exercise.correct = true;
					exercise.correctAt = at;
				}
				if (change.dropAnswer) delete exercise.lastAnswer;
				else if (change.answer !== undefined) {
					const stored = storableAnswer(change.answer);
					if (stored === undefined) delete exercise.lastAnswer;
					else exercise.lastAnswer = structuredClone(stored);
				}
			});
			return;
		case 'hint':
			editExercise(data, change.exercise, (exercise) => {
				exercise.hintsUsed = Math.max(exercise.hintsUsed, change.shown);
			});
			return;
		case 'reveal':
			editExercise(data, change.exercise, (exercise) => {
				exercise.revealed = true;
			});
			return;
		case 'predict':
			data.predictions[change.exercise] = {choice: change.choice, correct: change.correct, at};
			return;
		case 'draft':
			if (change.text === '') delete data.drafts[change.exercise];
			else data.drafts[change.exercise] = {text: change.text.slice(0, MAX_STORED_MANIFEST_CHARS), at};
			return;
		case 'reset': {
			const {scope} = change;
			if ('all' in scope) {
				Object.assign(data, emptyProgress());
				delete data.last;
			} else if ('exercise' in scope) forgetExercise(data, scope.exercise);
			else {
				delete data.lessons[scope.lesson];
				for (const id of scope.exerciseIds) forgetExercise(data, id);
				if (data.last?.lessonId === scope.lesson) delete data.last;
			}
			return;
		}
	}
}

/** Changes that leave the data exactly as it is. */
function changesNothing(data: ProgressData, change: ProgressChange): boolean {
	// The first prediction stands (see Prediction).
	return change.op === 'predict' && data.predictions[change.exercise] !== undefined;
}

/** Applies `change` to data the caller owns; returns why it was refused (and then changes nothing). */
export function applyInPlace(data: ProgressData, change: ProgressChange, at: string): string | undefined {
	const refused = refusal(change);
	if (refused !== undefined) return refused;
	if (!changesNothing(data, change)) edit(data, change, at);
	return undefined;
}

/** The records a change may touch: the only ones copied. */
function touched(change: ProgressChange): readonly (keyof Omit<ProgressData, 'version' | 'last'>)[] {
	switch (change.op) {
		case 'visit':
			return ['lessons'];
		case 'predict':
			return ['predictions'];
		case 'draft':
			return ['drafts'];
		case 'reset':
			return 'all' in change.scope ? [] : ['lessons', 'exercises', 'predictions', 'drafts'];
		default:
			return ['exercises'];
	}
}

/** Applies `change` without modifying `data`: the result shares every record the change does not touch. */
export function applyChange(data: ProgressData, change: ProgressChange, at: string): UpdateResult {
	const refused = refusal(change);
	if (refused !== undefined) return {ok: false, error: refused};
	if (changesNothing(data, change)) return {ok: true, data};
	const next: ProgressData = {...data};
	for (const key of touched(change)) (next as unknown as Record<string, unknown>)[key] = {...data[key]};
	edit(next, change, at);
	return {ok: true, data: next};
}

function update(change: ProgressChange): ProgressUpdate {
	return (data, at) => applyChange(data, change, at);
}

/** The learner is on `step` (0-based) of a lesson with `stepCount` steps. */
export function visitStep(lessonId: string, step: number, stepCount: number): ProgressUpdate {
	return update({op: 'visit', lesson: lessonId, step, steps: stepCount});
}

export interface Attempt {
	readonly correct: boolean;
	/** The learner's answer; kept (shortened, see storableAnswer) so the exercise shows it again. Must be JSON data. */
	readonly answer?: unknown;
}

export function attemptChange(exerciseId: string, attempt: Attempt): ProgressChange {
	return {
		op: 'attempt',
		exercise: exerciseId,
		correct: attempt.correct,
		...(attempt.answer === undefined ? {} : {answer: attempt.answer}),
	};
}

export function recordAttempt(exerciseId: string, attempt: Attempt): ProgressUpdate {
	return update(attemptChange(exerciseId, attempt));
}

/** `hintsShown` is how many hints are on screen now; the record keeps the highest. */
export function recordHint(exerciseId: string, hintsShown: number): ProgressUpdate {
	return update({op: 'hint', exercise: exerciseId, shown: hintsShown});
}

export function recordReveal(exerciseId: string): ProgressUpdate {
	return update({op: 'reveal', exercise: exerciseId});
}

/** A predict exercise's commitment; the first one stands (see Prediction). */
export function recordPrediction(exerciseId: string, choice: string, correct: boolean): ProgressUpdate {
	return update({op: 'predict', exercise: exerciseId, choice, correct});
}

/** Saves unsubmitted text for an exercise (up to the manifest limit); an empty text removes the draft. */
export function saveDraft(exerciseId: string, text: string): ProgressUpdate {
	return update({op: 'draft', exercise: exerciseId, text});
}

export function reset(scope: ResetScope): ProgressUpdate {
	return update({op: 'reset', scope});
}

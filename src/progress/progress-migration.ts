/**
 * Turns whatever JSON the progress file held into the current ProgressData. A bad field is
 * repaired where the rest of its entry still means something (`attempts: "two"` beside
 * `correct: true` keeps the exercise solved), and an entry with nothing usable is dropped; each
 * with a warning naming the field, so one bad entry never costs the rest of the learner's
 * progress. Every warning means the next save would lose something, so the store keeps a copy of
 * the file first. A file from a newer pod-tutor is refused, never rewritten:
 * downgrading it would silently throw away whatever the newer format added.
 */
import {
	PROGRESS_VERSION,
	emptyProgress,
	isUsableId,
	type Draft,
	type ExerciseProgress,
	type LessonProgress,
	type Prediction,
	type ProgressData,
	type ResumePoint,
	MAX_STORED_MANIFEST_CHARS,
	MAX_STORED_TEXT_CHARS,
} from './progress-data.js';

export type MigrationResult =
	| {readonly ok: true; readonly data: ProgressData; readonly warnings: string[]}
	/** damaged: not progress data at all; newer: written by a newer pod-tutor. */
	| {readonly ok: false; readonly problem: 'damaged' | 'newer'; readonly error: string};

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
	return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function optionalString(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}

/** Runs `read` on each entry of the record at `field`; an entry it rejects is dropped with a warning. */
function readRecord<T>(
	data: Fields,
	field: string,
	warnings: string[],
	read: (entry: Fields, repaired: (note: string) => void) => T | string,
): Record<string, T> {
	const out: Record<string, T> = {};
	const record = data[field];
	if (record === undefined) return out;
	if (!isFields(record)) {
		warnings.push(
			`${field}: expected an object, found ${describe(record)}; that part of the progress was ignored.`,
		);
		return out;
	}
	for (const [id, entry] of Object.entries(record)) {
		if (!isUsableId(id)) {
			warnings.push(`${field}: the key ${JSON.stringify(id)} is not a usable id; its entry was dropped.`);
			continue;
		}
		const repaired = (note: string) => void warnings.push(`${field}.${id}.${note}`);
		const result = isFields(entry) ? read(entry, repaired) : `expected an object, found ${describe(entry)}`;
		if (typeof result === 'string') {
			warnings.push(`${field}.${id}: ${result}; the entry was dropped.`);
			continue;
		}
		out[id] = result;
	}
	return out;
}

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'string') return `the text ${JSON.stringify(value.slice(0, 40))}`;
	return `${typeof value} ${JSON.stringify(value)}`;
}

function readLessonV1(entry: Fields, at: string, repaired: (note: string) => void): LessonProgress | string {
	const {currentStep, completed, updatedAt, completedAt} = entry;
	let {furthestStep} = entry;
	if (furthestStep !== undefined && !isCount(furthestStep)) {
		repaired(`furthestStep: expected a whole number >= 0, found ${describe(furthestStep)}; it was dropped.`);
		furthestStep = undefined;
	}
	let step: number;
	if (isCount(currentStep)) step = currentStep;
	else if (isCount(furthestStep) || completed === true) {
		step = isCount(furthestStep) ? furthestStep : 0;
		repaired(
			`currentStep: expected a whole number >= 0, found ${describe(currentStep)}; the lesson reopens at step ${step + 1}.`,
		);
	} else return `currentStep must be a whole number >= 0, found ${describe(currentStep)}`;
	const lesson: LessonProgress = {
		currentStep: step,
		furthestStep: Math.max(step, isCount(furthestStep) ? furthestStep : 0),
		completed: completed === true,
		updatedAt: optionalString(updatedAt) ?? at,
	};
	const doneAt = optionalString(completedAt);
	if (doneAt !== undefined && lesson.completed) lesson.completedAt = doneAt;
	return lesson;
}

function readExerciseV1(entry: Fields, repaired: (note: string) => void): ExerciseProgress | string {
	const {correct, revealed, firstAttemptAt, lastAttemptAt, correctAt, lastAnswer} = entry;
	let {attempts, hintsUsed} = entry;
	if (attempts !== undefined && !isCount(attempts)) {
		// A solved exercise was attempted at least once; the count itself is lost.
		const kept = correct === true ? 1 : 0;
		repaired(
			`attempts: expected a whole number >= 0, found ${describe(attempts)}; counted as ${kept}, the rest of the entry was kept.`,
		);
		attempts = kept;
	}
	if (hintsUsed !== undefined && !isCount(hintsUsed)) {
		repaired(
			`hintsUsed: expected a whole number >= 0, found ${describe(hintsUsed)}; counted as 0, the rest of the entry was kept.`,
		);
		hintsUsed = 0;
	}
	const exercise: ExerciseProgress = {
		attempts: (attempts as number | undefined) ?? 0,
		correct: correct === true,
		hintsUsed: (hintsUsed as number | undefined) ?? 0,
		revealed: revealed === true,
	};
	const first = optionalString(firstAttemptAt);
	const last = optionalString(lastAttemptAt);
	const right = optionalString(correctAt);
	if (first !== undefined) exercise.firstAttemptAt = first;
	if (last !== undefined) exercise.lastAttemptAt = last;
	if (right !== undefined && exercise.correct) exercise.correctAt = right;
	if (lastAnswer !== undefined) {
		const stored = storableAnswer(lastAnswer);
		if (stored !== lastAnswer) repaired('lastAnswer: larger than pod-tutor keeps; it was shortened.');
		if (stored !== undefined) exercise.lastAnswer = stored;
	}
	return exercise;
}

/**
 * An answer as the file keeps it (see MAX_STORED_TEXT_CHARS): the same object when it fits, a
 * shortened copy of a long text or manifest, nothing for anything else that is too large.
 */
export function storableAnswer(answer: unknown): unknown {
	if (typeof answer === 'string')
		return answer.length > MAX_STORED_MANIFEST_CHARS ? answer.slice(0, MAX_STORED_MANIFEST_CHARS) : answer;
	if (!isFields(answer)) return JSON.stringify(answer)?.length > MAX_STORED_TEXT_CHARS ? undefined : answer;
	if (answer.kind === 'text' && typeof answer.text === 'string') {
		return answer.text.length > MAX_STORED_TEXT_CHARS
			? {...answer, text: answer.text.slice(0, MAX_STORED_TEXT_CHARS), shortened: true}
			: answer;
	}
	if (answer.kind === 'manifest' && typeof answer.source === 'string') {
		const origin =
			typeof answer.origin === 'string' ? answer.origin.slice(0, MAX_STORED_TEXT_CHARS) : answer.origin;
		if (answer.source.length <= MAX_STORED_MANIFEST_CHARS && origin === answer.origin) return answer;
		return {...answer, origin, source: answer.source.slice(0, MAX_STORED_MANIFEST_CHARS), shortened: true};
	}
	return JSON.stringify(answer).length > MAX_STORED_TEXT_CHARS ? undefined : answer;
}

function readPrediction(entry: Fields, at: string): Prediction | string {
	if (typeof entry.choice !== 'string') return `choice must be text, found ${describe(entry.choice)}`;
	return {choice: entry.choice, correct: entry.correct === true, at: optionalString(entry.at) ?? at};
}

function readDraft(entry: Fields, at: string, repaired: (note: string) => void): Draft | string {
	if (typeof entry.text !== 'string') return `text must be text, found ${describe(entry.text)}`;
	let text = entry.text;
	if (text.length > MAX_STORED_MANIFEST_CHARS) {
		repaired(`text: longer than ${MAX_STORED_MANIFEST_CHARS} characters; it was shortened.`);
		text = text.slice(0, MAX_STORED_MANIFEST_CHARS);
	}
	return {text, at: optionalString(entry.at) ?? at};
}

function readResumePoint(value: unknown, at: string, warnings: string[]): ResumePoint | undefined {
	if (value === undefined) return undefined;
	if (isFields(value) && isUsableId(value.lessonId) && isCount(value.step)) {
		return {lessonId: value.lessonId, step: value.step, at: optionalString(value.at) ?? at};
	}
	warnings.push(`last: expected {lessonId, step, at}, found ${describe(value)}; the resume point was dropped.`);
	return undefined;
}

function migrateV1(raw: Fields, at: string, warnings: string[]): ProgressData {
	const data = emptyProgress();
	data.lessons = readRecord(raw, 'lessons', warnings, (entry, repaired) => readLessonV1(entry, at, repaired));
	data.exercises = readRecord(raw, 'exercises', warnings, readExerciseV1);
	data.predictions = readRecord(raw, 'predictions', warnings, (entry) => readPrediction(entry, at));
	data.drafts = readRecord(raw, 'drafts', warnings, (entry, repaired) => readDraft(entry, at, repaired));
	const last = readResumePoint(raw.last, at, warnings);
	if (last) data.last = last;
	return data;
}

/**
 * Version 0 is the draft format of early builds (no `version` field, or `version: 0`):
 * lessons[id] = {step, done}, exercises[id] = {tries, solved, hints}, and `lastLesson`.
 * It had no timestamps, so migrated entries carry the time of the migration.
 */
function migrateV0(raw: Fields, at: string, warnings: string[]): ProgressData {
	const data = emptyProgress();
	data.lessons = readRecord(raw, 'lessons', warnings, (entry) => {
		if (!isCount(entry.step)) return `step must be a whole number >= 0, found ${describe(entry.step)}`;
		const lesson: LessonProgress = {
			currentStep: entry.step,
			furthestStep: entry.step,
			completed: entry.done === true,
			updatedAt: at,
		};
		return lesson;
	});
	data.exercises = readRecord(raw, 'exercises', warnings, (entry) => {
		if (entry.tries !== undefined && !isCount(entry.tries)) {
			return `tries must be a whole number >= 0, found ${describe(entry.tries)}`;
		}
		const exercise: ExerciseProgress = {
			attempts: entry.tries ?? 0,
			correct: entry.solved === true,
			hintsUsed: isCount(entry.hints) ? entry.hints : 0,
			revealed: false,
		};
		return exercise;
	});
	const lastLesson = raw.lastLesson;
	if (lastLesson !== undefined) {
		const lesson = isUsableId(lastLesson) ? data.lessons[lastLesson] : undefined;
		if (isUsableId(lastLesson)) {
			data.last = {lessonId: lastLesson, step: lesson?.currentStep ?? 0, at};
		} else {
			warnings.push(
				`lastLesson: expected a lesson id, found ${describe(lastLesson)}; the resume point was dropped.`,
			);
		}
	}
	return data;
}

/**
 * Brings parsed progress JSON to the current version. `at` stamps entries that had no time
 * of their own (default: now).
 */
export function migrateProgress(raw: unknown, at: string = new Date().toISOString()): MigrationResult {
	if (!isFields(raw)) {
		return {ok: false, problem: 'damaged', error: `the file holds ${describe(raw)}, not progress data`};
	}
	const version = raw.version ?? 0;
	const warnings: string[] = [];
	if (version === 0) return {ok: true, data: migrateV0(raw, at, warnings), warnings};
	if (version === PROGRESS_VERSION) return {ok: true, data: migrateV1(raw, at, warnings), warnings};
	if (isCount(version) && version > PROGRESS_VERSION) {
		return {
			ok: false,
			problem: 'newer',
			error:
				`it was written by a newer pod-tutor (format version ${version}; this one reads up to ${PROGRESS_VERSION}). ` +
				'It was left untouched and nothing will be saved until pod-tutor is updated.',
		};
	}
	return {ok: false, problem: 'damaged', error: `its version is ${describe(version)}, which no pod-tutor ever wrote`};
}

/**
 * What `pod-tutor submit` hands in, and how `pod-tutor report` reads it back. Building a
 * submission is pure (course + progress in, JSON data out); reading one treats the file as
 * hostile: another student may have written it. Every field is checked and copied into a fresh
 * object, every text is cut to a length and later printed only through the sanitiser.
 */
import type {Course} from '../content/types.js';
import type {ProgressData} from '../progress/progress-data.js';
import {buildProgressReport, type LessonState} from '../progress/progress-report.js';

export const SUBMISSION_FORMAT = 'pod-tutor-submission';
export const SUBMISSION_VERSION = 1;
/** A real submission of the whole course is a few tens of KiB. */
export const MAX_SUBMISSION_BYTES = 1024 * 1024;

export interface SubmittedLesson {
	readonly id: string;
	readonly title: string;
	readonly state: LessonState;
	readonly steps: number;
	readonly stepReached: number;
	readonly completedAt?: string;
}

export interface SubmittedExercise {
	readonly id: string;
	readonly lesson: string;
	readonly kind: string;
	readonly attempts: number;
	readonly correct: boolean;
	readonly hintsUsed: number;
	readonly revealed: boolean;
	/**
	 * Seconds from the first attempt to the right one (or to the last one when never right).
	 * The tutor records when answers are given, not how long a learner reads, so this is the
	 * time spent trying, not the time spent on the page.
	 */
	readonly secondsSpent: number;
	readonly firstAttemptAt?: string;
	readonly correctAt?: string;
}

export interface Submission {
	readonly format: typeof SUBMISSION_FORMAT;
	readonly version: typeof SUBMISSION_VERSION;
	/** The student's user label (the same one live mode puts on their objects). */
	readonly user: string;
	/** The numeric user id that wrote it; `report` compares it with the file's owner. */
	readonly uid?: number;
	readonly submittedAt: string;
	readonly lessons: readonly SubmittedLesson[];
	readonly exercises: readonly SubmittedExercise[];
}

function seconds(from: string | undefined, to: string | undefined): number {
	if (!from || !to) return 0;
	const ms = Date.parse(to) - Date.parse(from);
	return Number.isFinite(ms) && ms > 0 ? Math.round(ms / 1000) : 0;
}

export function buildSubmission(
	course: Course,
	progress: ProgressData,
	user: string,
	at: string,
	uid?: number,
): Submission {
	const report = buildProgressReport(course, progress, '');
	const lessons = report.lessons.map((l): SubmittedLesson => {
		const completedAt = progress.lessons[l.id]?.completedAt;
		return {
			id: l.id,
			title: l.title,
			state: l.state,
			steps: l.steps,
			stepReached: l.stepReached,
			...(completedAt ? {completedAt} : {}),
		};
	});
	const exercises = [...course.exercises.values()].map((ex): SubmittedExercise => {
		const record = progress.exercises[ex.id];
		const end = record?.correctAt ?? record?.lastAttemptAt;
		return {
			id: ex.id,
			lesson: ex.lesson,
			kind: ex.kind,
			attempts: record?.attempts ?? 0,
			correct: record?.correct ?? false,
			hintsUsed: record?.hintsUsed ?? 0,
			revealed: record?.revealed ?? false,
			secondsSpent: seconds(record?.firstAttemptAt, end),
			...(record?.firstAttemptAt ? {firstAttemptAt: record.firstAttemptAt} : {}),
			...(record?.correctAt ? {correctAt: record.correctAt} : {}),
		};
	});
	return {
		format: SUBMISSION_FORMAT,
		version: SUBMISSION_VERSION,
		user,
		...(uid !== undefined ? {uid} : {}),
		submittedAt: at,
		lessons,
		exercises,
	};
}

export type ReadSubmission =
	{readonly ok: true; readonly submission: Submission} | {readonly ok: false; readonly error: string};

const MAX_TEXT = 200;
const MAX_ENTRIES = 2000;
/** A count above this is not a learner's (a year of one attempt a second is 3e7). */
const MAX_COUNT = 1e7;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
const STATES: readonly LessonState[] = ['done', 'in-progress', 'not-started'];

class Invalid extends Error {}

function object(value: unknown, where: string): Record<string, unknown> {
	if (value === null || typeof value !== 'object' || Array.isArray(value))
		throw new Invalid(`${where} is not an object`);
	return value as Record<string, unknown>;
}

function text(value: unknown, where: string): string {
	if (typeof value !== 'string' || value.length === 0 || value.length > MAX_TEXT)
		throw new Invalid(`${where} is not a text of 1-${MAX_TEXT} characters`);
	return value;
}

function id(value: unknown, where: string): string {
	const t = text(value, where);
	if (!ID.test(t)) throw new Invalid(`${where} is not an id (letters, digits, '.', '_', '-')`);
	return t;
}

function count(value: unknown, where: string): number {
	if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > MAX_COUNT)
		throw new Invalid(`${where} is not a whole number from 0 to ${MAX_COUNT}`);
	return value;
}

function flag(value: unknown, where: string): boolean {
	if (typeof value !== 'boolean') throw new Invalid(`${where} is not true or false`);
	return value;
}

function time(value: unknown, where: string): string {
	const t = text(value, where);
	if (!/^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(t) || !Number.isFinite(Date.parse(t)))
		throw new Invalid(`${where} is not an ISO time`);
	return t;
}

function optional<T>(value: unknown, read: (v: unknown, where: string) => T, where: string): T | undefined {
	return value === undefined ? undefined : read(value, where);
}

function list(value: unknown, where: string): unknown[] {
	if (!Array.isArray(value) || value.length > MAX_ENTRIES)
		throw new Invalid(`${where} is not a list of at most ${MAX_ENTRIES} entries`);
	return value;
}

/** Checks a parsed file field by field; the result holds only what was checked. */
export function readSubmission(value: unknown): ReadSubmission {
	try {
		const root = object(value, 'the file');
		if (root.format !== SUBMISSION_FORMAT) throw new Invalid(`format is not "${SUBMISSION_FORMAT}"`);
		if (root.version !== SUBMISSION_VERSION) throw new Invalid(`version is not ${SUBMISSION_VERSION}`);
		const lessons = list(root.lessons, 'lessons').map((item, i): SubmittedLesson => {
			const l = object(item, `lessons[${i}]`);
			const state = l.state as LessonState;
			if (!STATES.includes(state)) throw new Invalid(`lessons[${i}].state is not one of ${STATES.join(', ')}`);
			const completedAt = optional(l.completedAt, time, `lessons[${i}].completedAt`);
			return {
				id: id(l.id, `lessons[${i}].id`),
				title: text(l.title, `lessons[${i}].title`),
				state,
				steps: count(l.steps, `lessons[${i}].steps`),
				stepReached: count(l.stepReached, `lessons[${i}].stepReached`),
				...(completedAt ? {completedAt} : {}),
			};
		});
		const exercises = list(root.exercises, 'exercises').map((item, i): SubmittedExercise => {
			const e = object(item, `exercises[${i}]`);
			const firstAttemptAt = optional(e.firstAttemptAt, time, `exercises[${i}].firstAttemptAt`);
			const correctAt = optional(e.correctAt, time, `exercises[${i}].correctAt`);
			return {
				id: id(e.id, `exercises[${i}].id`),
				lesson: id(e.lesson, `exercises[${i}].lesson`),
				kind: id(e.kind, `exercises[${i}].kind`),
				attempts: count(e.attempts, `exercises[${i}].attempts`),
				correct: flag(e.correct, `exercises[${i}].correct`),
				hintsUsed: count(e.hintsUsed, `exercises[${i}].hintsUsed`),
				revealed: flag(e.revealed, `exercises[${i}].revealed`),
				secondsSpent: count(e.secondsSpent, `exercises[${i}].secondsSpent`),
				...(firstAttemptAt ? {firstAttemptAt} : {}),
				...(correctAt ? {correctAt} : {}),
			};
		});
		const uid = optional(root.uid, count, 'uid');
		return {
			ok: true,
			submission: {
				format: SUBMISSION_FORMAT,
				version: SUBMISSION_VERSION,
				user: id(root.user, 'user'),
				...(uid !== undefined ? {uid} : {}),
				submittedAt: time(root.submittedAt, 'submittedAt'),
				lessons,
				exercises,
			},
		};
	} catch (error) {
		if (error instanceof Invalid) return {ok: false, error: error.message};
		throw error;
	}
}

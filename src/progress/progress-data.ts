/**
 * What the progress file holds (format version 1). Plain JSON data: every timestamp is an ISO
 * 8601 string, every record is keyed by a lesson or exercise id from the course.
 * docs/PROGRESS.md describes the file for people; this is the same shape for the program.
 */

export const PROGRESS_VERSION = 1;

/**
 * What one answer may cost in the file. Progress is rewritten whole on every save, so its size
 * is what every page turn pays: a typed answer is kept to a few KB (enough to show it again), a
 * manifest to the checker's own limit (MAX_MANIFEST_BYTES in src/exercises/manifest-yaml.ts,
 * which this module does not import to keep js-yaml out of the store), a draft likewise.
 */
export const MAX_STORED_TEXT_CHARS = 2048;
export const MAX_STORED_MANIFEST_CHARS = 1024 * 1024;
/**
 * A file larger than this was not written by pod-tutor's own saves (90 exercises, 9 of them manifests,
 * at their caps stay below it); it is moved aside instead of parsed, so it cannot slow every command.
 */
export const MAX_PROGRESS_FILE_BYTES = 32 * 1024 * 1024;

export interface LessonProgress {
	/** 0-based index of the step the learner is on; where the lesson reopens. */
	currentStep: number;
	/** Highest step index ever reached; going back never lowers it. */
	furthestStep: number;
	/** True once the last step was reached; stays true when the learner goes back. */
	completed: boolean;
	updatedAt: string;
	completedAt?: string;
}

export interface ExerciseProgress {
	attempts: number;
	/** True once any attempt was correct; a later wrong attempt does not take it back. */
	correct: boolean;
	/** How many hints the learner has seen (the highest count shown). */
	hintsUsed: number;
	/** The learner asked to see the answer. */
	revealed: boolean;
	firstAttemptAt?: string;
	lastAttemptAt?: string;
	correctAt?: string;
	/** The most recent answer, as the checker got it, so reopening the exercise shows it again. */
	lastAnswer?: unknown;
}

/**
 * A predict exercise's commitment: the choice made before the command's output was shown.
 * Only the first one is kept, because that is the learner's real prediction.
 */
export interface Prediction {
	choice: string;
	correct: boolean;
	at: string;
}

/** Unsubmitted work, e.g. a manifest being edited, kept so quitting never loses it. */
export interface Draft {
	text: string;
	at: string;
}

/** Where the app resumes. */
export interface ResumePoint {
	lessonId: string;
	step: number;
	at: string;
}

export interface ProgressData {
	version: typeof PROGRESS_VERSION;
	lessons: Record<string, LessonProgress>;
	exercises: Record<string, ExerciseProgress>;
	predictions: Record<string, Prediction>;
	drafts: Record<string, Draft>;
	last?: ResumePoint;
}

export function emptyProgress(): ProgressData {
	return {version: PROGRESS_VERSION, lessons: {}, exercises: {}, predictions: {}, drafts: {}};
}

export function emptyExerciseProgress(): ExerciseProgress {
	return {attempts: 0, correct: false, hintsUsed: 0, revealed: false};
}

/**
 * Ids become object keys in the file; `__proto__` as a key would change an object's prototype
 * instead of adding an entry when the data is rebuilt, so it is never accepted.
 */
export function isUsableId(id: unknown): id is string {
	return typeof id === 'string' && id.length > 0 && id.length <= 200 && id !== '__proto__';
}

import type {Course, Lesson} from '../content/types.js';
import type {CheckResult} from '../exercises/check-answer.js';
import type {ProgressData} from '../progress/progress-data.js';

/**
 * The tutor's state and every change to it, as plain data and a pure reducer: the Ink
 * components only draw this state and send these actions (tests/tutor/tutor-state.test.ts).
 */
export interface Size {
	readonly columns: number;
	readonly rows: number;
}

/** Below this the layout cannot work; the tutor says so instead of drawing a broken screen. */
export const MIN_SIZE: Size = {columns: 60, rows: 16};

export type View =
	| {readonly name: 'home'; readonly cursor: number}
	| {readonly name: 'reader'; readonly lessonId: string; readonly step: number; readonly scroll: number};

/** This session's state of one exercise (what the learner sees); the saved record is in progress. */
export interface ExerciseSession {
	readonly hintsShown: number;
	readonly result?: CheckResult;
	readonly revealed: boolean;
}

export interface TutorState {
	readonly course: Course;
	readonly view: View;
	readonly help: boolean;
	readonly size: Size;
	readonly progress: ProgressData;
	readonly sessions: Readonly<Record<string, ExerciseSession>>;
	/** A one-line message (a warning about the progress file, a save that failed). */
	readonly notice?: string;
}

export type Action =
	| {readonly type: 'resize'; readonly size: Size}
	| {readonly type: 'toggleHelp'}
	| {readonly type: 'moveCursor'; readonly delta: number}
	| {readonly type: 'open'; readonly lessonId: string; readonly step?: number}
	| {readonly type: 'home'}
	| {readonly type: 'step'; readonly delta: number}
	| {readonly type: 'scroll'; readonly delta: number; readonly max: number}
	| {readonly type: 'progress'; readonly progress: ProgressData}
	| {readonly type: 'hint'; readonly exerciseId: string; readonly hintCount: number}
	| {readonly type: 'checked'; readonly exerciseId: string; readonly result: CheckResult}
	| {readonly type: 'reveal'; readonly exerciseId: string}
	| {readonly type: 'notice'; readonly text: string | undefined};

export function lessonById(course: Course, id: string): Lesson | undefined {
	return course.lessons.find((l) => l.id === id);
}

const EMPTY_SESSION: ExerciseSession = {hintsShown: 0, revealed: false};

export function sessionOf(state: TutorState, exerciseId: string): ExerciseSession {
	return state.sessions[exerciseId] ?? EMPTY_SESSION;
}

function clamp(value: number, low: number, high: number): number {
	return Math.max(low, Math.min(high, value));
}

/** Where the tutor opens: a named lesson, else the step the learner left, else the home screen. */
export function initialView(course: Course, progress: ProgressData, lessonId?: string): View {
	if (lessonId) {
		const lesson = lessonById(course, lessonId);
		if (lesson) {
			const saved = progress.lessons[lesson.id]?.currentStep ?? 0;
			return {name: 'reader', lessonId: lesson.id, step: clamp(saved, 0, lesson.steps.length - 1), scroll: 0};
		}
	}
	const last = progress.last;
	const lesson = last && lessonById(course, last.lessonId);
	if (last && lesson) return {name: 'reader', lessonId: lesson.id, step: clamp(last.step, 0, lesson.steps.length - 1), scroll: 0};
	const firstOpen = course.lessons.findIndex((l) => !progress.lessons[l.id]?.completed);
	return {name: 'home', cursor: Math.max(0, firstOpen)};
}

export function initialState(course: Course, progress: ProgressData, size: Size, lessonId?: string, notice?: string): TutorState {
	const sessions: Record<string, ExerciseSession> = {};
	return {course, view: initialView(course, progress, lessonId), help: false, size, progress, sessions, notice};
}

function withSession(state: TutorState, id: string, change: Partial<ExerciseSession>): TutorState {
	return {...state, sessions: {...state.sessions, [id]: {...sessionOf(state, id), ...change}}};
}

export function tutorReducer(state: TutorState, action: Action): TutorState {
	switch (action.type) {
		case 'resize':
			return {...state, size: action.size};
		case 'toggleHelp':
			return {...state, help: !state.help};
		case 'moveCursor': {
			if (state.view.name !== 'home' || state.course.lessons.length === 0) return state;
			const cursor = clamp(state.view.cursor + action.delta, 0, state.course.lessons.length - 1);
			return cursor === state.view.cursor ? state : {...state, view: {...state.view, cursor}};
		}
		case 'open': {
			const lesson = lessonById(state.course, action.lessonId);
			if (!lesson) return state;
			const saved = state.progress.lessons[lesson.id]?.currentStep ?? 0;
			const step = clamp(action.step ?? saved, 0, lesson.steps.length - 1);
			return {...state, help: false, notice: undefined, view: {name: 'reader', lessonId: lesson.id, step, scroll: 0}};
		}
		case 'home': {
			const index = state.view.name === 'reader' ? state.course.lessons.findIndex((l) => l.id === (state.view as {lessonId: string}).lessonId) : 0;
			return {...state, help: false, view: {name: 'home', cursor: Math.max(0, index)}};
		}
		case 'step': {
			if (state.view.name !== 'reader') return state;
			const lesson = lessonById(state.course, state.view.lessonId);
			if (!lesson) return state;
			const step = state.view.step + action.delta;
			if (step >= lesson.steps.length) {
				// Past the last step: back to the list, on the next lesson.
				const index = state.course.lessons.indexOf(lesson);
				return {...state, view: {name: 'home', cursor: Math.min(index + 1, state.course.lessons.length - 1)}};
			}
			const next = clamp(step, 0, lesson.steps.length - 1);
			return next === state.view.step ? state : {...state, notice: undefined, view: {...state.view, step: next, scroll: 0}};
		}
		case 'scroll': {
			if (state.view.name !== 'reader') return state;
			const from = Math.min(state.view.scroll, Math.max(0, action.max));
			const scroll = clamp(from + action.delta, 0, Math.max(0, action.max));
			return scroll === state.view.scroll ? state : {...state, view: {...state.view, scroll}};
		}
		case 'progress':
			return {...state, progress: action.progress};
		case 'hint': {
			const session = sessionOf(state, action.exerciseId);
			if (session.hintsShown >= action.hintCount) return state;
			return withSession(state, action.exerciseId, {hintsShown: session.hintsShown + 1});
		}
		case 'checked': {
			// Scroll to the end so the feedback is in view; the layout clamps it to the last page.
			const next = withSession(state, action.exerciseId, {result: action.result});
			return next.view.name === 'reader' ? {...next, view: {...next.view, scroll: Number.MAX_SAFE_INTEGER}} : next;
		}
		case 'reveal': {
			const attempted = sessionOf(state, action.exerciseId).result !== undefined || (state.progress.exercises[action.exerciseId]?.attempts ?? 0) > 0;
			if (!attempted) return {...state, notice: 'Try an answer first: the solution opens after one attempt.'};
			const next = withSession(state, action.exerciseId, {revealed: true});
			return next.view.name === 'reader' ? {...next, view: {...next.view, scroll: Number.MAX_SAFE_INTEGER}} : next;
		}
		case 'notice':
			return {...state, notice: action.text};
	}
}

export type LessonStatus = 'done' | 'in-progress' | 'not-started';

export function lessonStatus(lesson: Lesson, progress: ProgressData): LessonStatus {
	const record = progress.lessons[lesson.id];
	if (record?.completed) return 'done';
	const exerciseIds = lesson.steps.flatMap((s) => (s.kind === 'exercise' ? [s.exercise] : []));
	if (record && (record.furthestStep > 0 || record.currentStep > 0)) return 'in-progress';
	if (exerciseIds.some((id) => (progress.exercises[id]?.attempts ?? 0) > 0)) return 'in-progress';
	return 'not-started';
}

import type {Course, Exercise, Lesson} from '../content/types.js';
import type {CheckResult} from '../exercises/check-answer.js';
import type {ProgressData} from '../progress/progress-data.js';
import {initialInput, type WidgetInput} from './widget-state.js';
import type {Effect} from './tutor-effects.js';

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
	| {
			readonly name: 'reader';
			readonly lessonId: string;
			readonly step: number;
			readonly scroll: number;
			/** A text exercise's field was left with Esc (h, s, q work); absent: typing goes into it. */
			readonly fieldLeft?: boolean;
	  };

/** The live actions that run in the background; one of each at a time. */
export type LiveAction = 'createPod' | 'shell' | 'liveCheck' | 'liveDiagram';

/** This session's state of one exercise (what the learner sees); the saved record is in progress. */
export interface ExerciseSession {
	readonly hintsShown: number;
	readonly result?: CheckResult;
	readonly revealed: boolean;
	/** What the learner has done in the widget (highlight, ticks, order, typed text), kept across help and resizes. */
	readonly input?: WidgetInput;
	/**
	 * A predict exercise's first choice this session, known at once: the saved prediction arrives
	 * with the store's answer, after the command pane may already have run the observation.
	 */
	readonly prediction?: string;
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
	/** The tools live mode found (kubectl, crictl, podman); empty offline or while detection runs. */
	readonly liveTools: readonly string[];
	/** Live actions under way: a second press of the same key does not start another. */
	readonly busy: readonly LiveAction[];
	/** The real lesson Pod drawn over a diagram step (v), for the step (`lesson:step`) it belongs to. */
	readonly liveDrawing?: {readonly step: string; readonly lines: readonly string[]};
	/** What the app still has to do (save progress, run the editor...), taken by its effect runner in order. */
	readonly outbox: readonly Effect[];
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
	| {
			readonly type: 'checked';
			readonly exerciseId: string;
			readonly result: CheckResult;
			readonly prediction?: string;
	  }
	| {readonly type: 'reveal'; readonly exerciseId: string}
	| {readonly type: 'notice'; readonly text: string | undefined}
	| {readonly type: 'input'; readonly exerciseId: string; readonly input: WidgetInput}
	| {readonly type: 'fieldLeft'; readonly left: boolean}
	| {readonly type: 'liveTools'; readonly tools: readonly string[]}
	| {readonly type: 'busy'; readonly action: LiveAction; readonly on: boolean}
	| {readonly type: 'liveDrawing'; readonly drawing: TutorState['liveDrawing']}
	| {readonly type: 'taken'; readonly count: number};

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
	if (last && lesson)
		return {name: 'reader', lessonId: lesson.id, step: clamp(last.step, 0, lesson.steps.length - 1), scroll: 0};
	const firstOpen = course.lessons.findIndex((l) => !progress.lessons[l.id]?.completed);
	return {name: 'home', cursor: Math.max(0, firstOpen)};
}

/**
 * The state the app starts from; the first frame (src/tutor/first-frame.ts) is drawn from the same
 * state. A learner resuming inside a lesson has the visit saved first thing.
 */
export function initialState(
	course: Course,
	progress: ProgressData,
	size: Size,
	lessonId?: string,
	notice?: string,
): TutorState {
	const sessions: Record<string, ExerciseSession> = {};
	const view = initialView(course, progress, lessonId);
	const state: TutorState = {
		course,
		view,
		help: false,
		size,
		progress,
		sessions,
		notice,
		liveTools: [],
		busy: [],
		outbox: [],
	};
	const visit = visitEffect(state);
	return visit ? {...state, outbox: [visit]} : state;
}

/** Saving where the learner is: due whenever the reader's lesson or step changes. */
export function visitEffect(state: TutorState): Effect | undefined {
	if (state.view.name !== 'reader') return undefined;
	const lesson = lessonById(state.course, state.view.lessonId);
	return lesson
		? {type: 'saveVisit', lessonId: lesson.id, step: state.view.step, steps: lesson.steps.length}
		: undefined;
}

/** Whether the learner has attempted this exercise, in this session or an earlier one. */
export function hasAttempted(state: TutorState, exerciseId: string): boolean {
	return (
		sessionOf(state, exerciseId).result !== undefined || (state.progress.exercises[exerciseId]?.attempts ?? 0) > 0
	);
}

/** The widget's input: as the learner left it this session, else from the saved last answer. */
export function inputOf(state: TutorState, exercise: Exercise): WidgetInput | undefined {
	return sessionOf(state, exercise.id).input ?? initialInput(exercise, state.progress);
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
			return {
				...state,
				help: false,
				notice: undefined,
				liveDrawing: undefined,
				view: {name: 'reader', lessonId: lesson.id, step, scroll: 0},
			};
		}
		case 'home': {
			const index =
				state.view.name === 'reader'
					? state.course.lessons.findIndex((l) => l.id === (state.view as {lessonId: string}).lessonId)
					: 0;
			return {...state, help: false, liveDrawing: undefined, view: {name: 'home', cursor: Math.max(0, index)}};
		}
		case 'step': {
			if (state.view.name !== 'reader') return state;
			const lesson = lessonById(state.course, state.view.lessonId);
			if (!lesson) return state;
			const step = state.view.step + action.delta;
			if (step >= lesson.steps.length) {
				// Past the last step: back to the list, on the next lesson.
				const index = state.course.lessons.indexOf(lesson);
				const cursor = Math.min(index + 1, state.course.lessons.length - 1);
				return {...state, liveDrawing: undefined, view: {name: 'home', cursor}};
			}
			const next = clamp(step, 0, lesson.steps.length - 1);
			if (next === state.view.step) return state;
			return {
				...state,
				notice: undefined,
				liveDrawing: undefined,
				view: {name: 'reader', lessonId: lesson.id, step: next, scroll: 0},
			};
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
			const prediction = sessionOf(state, action.exerciseId).prediction ?? action.prediction;
			const next = withSession(state, action.exerciseId, {result: action.result, prediction});
			return next.view.name === 'reader'
				? {...next, view: {...next.view, scroll: Number.MAX_SAFE_INTEGER}}
				: next;
		}
		case 'reveal': {
			if (!hasAttempted(state, action.exerciseId))
				return {...state, notice: 'Try an answer first: the solution opens after one attempt.'};
			const next = withSession(state, action.exerciseId, {revealed: true});
			return next.view.name === 'reader'
				? {...next, view: {...next.view, scroll: Number.MAX_SAFE_INTEGER}}
				: next;
		}
		case 'notice':
			return {...state, notice: action.text};
		case 'input':
			return withSession(state, action.exerciseId, {input: action.input});
		case 'fieldLeft':
			if (state.view.name !== 'reader' || Boolean(state.view.fieldLeft) === action.left) return state;
			return {...state, view: {...state.view, fieldLeft: action.left || undefined}};
		case 'liveTools':
			return action.tools.join(' ') === state.liveTools.join(' ') ? state : {...state, liveTools: action.tools};
		case 'busy': {
			const busy = state.busy.filter((b) => b !== action.action);
			return {...state, busy: action.on ? [...busy, action.action] : busy};
		}
		case 'liveDrawing':
			return {...state, liveDrawing: action.drawing};
		case 'taken':
			return {...state, outbox: state.outbox.slice(action.count)};
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

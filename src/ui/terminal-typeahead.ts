import type {StepContext} from '../render/step-lines.js';
import type {TextStyle} from '../render/text-style.js';
import {firstFrame} from '../tutor/first-frame.js';
import {intentFor, type KeyPress} from '../tutor/keymap.js';
import {currentLesson, isTooSmall, keyContext, readerFrame, readerText} from '../tutor/screen.js';
import {tutorReducer, type Action, type Size, type TutorState} from '../tutor/tutor-state.js';
import {KEY} from './terminal-input.js';

/** A step the learner was on before Ink took over: saved then, as the app saves every step it shows. */
export interface Visit {
	readonly lessonId: string;
	readonly step: number;
	readonly stepCount: number;
}

/** The key sequences of terminal-input.ts as the keymap names them. */
function keyPressOf(sequence: string): KeyPress {
	switch (sequence) {
		case KEY.up:
			return {input: '', upArrow: true};
		case KEY.down:
			return {input: '', downArrow: true};
		case KEY.left:
			return {input: '', leftArrow: true};
		case KEY.right:
			return {input: '', rightArrow: true};
		case KEY.pageUp:
			return {input: '', pageUp: true};
		case KEY.pageDown:
			return {input: '', pageDown: true};
		case KEY.enter:
			return {input: '\r', return: true};
		case KEY.escape:
			return {input: '', escape: true};
		case KEY.backspace:
			return {input: '', backspace: true};
		default: {
			const code = sequence.length === 1 ? sequence.charCodeAt(0) : 0;
			if (code >= 1 && code <= 26) return {input: String.fromCharCode(code + 96), ctrl: true};
			return {input: sequence};
		}
	}
}

/**
 * The move a key makes on a screen that holds no widget state (the lesson list, a text or diagram
 * step, help), or undefined where only the full app knows what to do (quitting, exercises,
 * command steps, anything that saves or runs something).
 */
export function earlyAction(
	state: TutorState,
	sequence: string,
	style: TextStyle,
	drawDiagram: StepContext['drawDiagram'],
): Action | undefined {
	if (isTooSmall(state)) return undefined;
	const key = keyPressOf(sequence);
	if (state.help) {
		const intent = intentFor(key, ['reader']);
		return intent === 'help' || intent === 'back' ? {type: 'toggleHelp'} : undefined;
	}
	const context = keyContext(state);
	const intent = intentFor(key, [context]);
	const view = state.view;
	if (view.name === 'home') {
		if (intent === 'up' || intent === 'down') return {type: 'moveCursor', delta: intent === 'up' ? -1 : 1};
		if (intent === 'open') {
			const lesson = state.course.lessons[view.cursor];
			return lesson ? {type: 'open', lessonId: lesson.id} : undefined;
		}
		return intent === 'help' ? {type: 'toggleHelp'} : undefined;
	}
	if (context !== 'reader') return undefined;
	switch (intent) {
		case 'next':
			return {type: 'step', delta: 1};
		case 'previous':
			return {type: 'step', delta: -1};
		case 'help':
			return {type: 'toggleHelp'};
		case 'back':
			return {type: 'home'};
		case 'up':
		case 'down': {
			const max = readerFrame(state, style, readerText(state, style, drawDiagram), 0).maxScroll;
			return {type: 'scroll', delta: intent === 'up' ? -1 : 1, max};
		}
		default:
			return undefined;
	}
}

/**
 * Answers keys from the first frame on, while Ink loads: the same reducer and the same text
 * screens as the app, so what it draws is what the app would draw. The first key it cannot answer
 * (and every key after it, to keep their order) waits for the app.
 */
export class Typeahead {
	private waiting: string[] = [];
	private readonly visits: Visit[] = [];
	/** Keys answered here, before Ink (the benchmark reports it). */
	answered = 0;
	/** The last notice shown here, if any. */
	noticed: string | undefined;

	constructor(
		private current: TutorState,
		private readonly style: TextStyle,
		private readonly drawDiagram: StepContext['drawDiagram'],
		private readonly draw: (lines: readonly string[]) => void,
	) {}

	get state(): TutorState {
		return this.current;
	}

	/** Keys for the app, in the order they were typed. */
	get queued(): readonly string[] {
		return this.waiting;
	}

	/** Steps shown meanwhile, oldest first. */
	get visited(): readonly Visit[] {
		return this.visits;
	}

	take(sequence: string): void {
		const action =
			this.waiting.length > 0 ? undefined : earlyAction(this.current, sequence, this.style, this.drawDiagram);
		if (!action) {
			this.waiting.push(sequence);
			return;
		}
		this.answered++;
		this.apply(action);
	}

	resize(size: Size): void {
		this.apply({type: 'resize', size});
	}

	/** A one-line message in place of the footer (Ctrl+Z where it cannot suspend); the app keeps showing it. */
	notice(text: string): void {
		this.noticed = text;
		this.apply({type: 'notice', text});
	}

	private apply(action: Action): void {
		const next = tutorReducer(this.current, action);
		if (next === this.current) return;
		const before = this.current.view;
		this.current = next;
		const view = next.view;
		if (
			view.name === 'reader' &&
			(before.name !== 'reader' || before.lessonId !== view.lessonId || before.step !== view.step)
		) {
			const lesson = currentLesson(next);
			if (lesson) this.visits.push({lessonId: view.lessonId, step: view.step, stepCount: lesson.steps.length});
		}
		this.draw(firstFrame(next, this.style, this.drawDiagram));
	}
}

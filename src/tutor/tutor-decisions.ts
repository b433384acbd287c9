import type {Exercise} from '../content/types.js';
import type {Answer} from '../exercises/answer.js';
import {checkAnswer, type CheckResult} from '../exercises/check-answer.js';
import {intentFor, type Intent, type KeyPress} from './keymap.js';
import type {StepContext} from '../render/step-lines.js';
import type {TextStyle} from '../render/text-style.js';
import {
	currentExercise,
	currentStep,
	keyContexts,
	paneCommand,
	readerScreen,
	stepKey,
	type ScreenLimits,
} from './screen.js';
import type {Effect} from './tutor-effects.js';
import {
	hasAttempted,
	inputOf,
	sessionOf,
	tutorReducer,
	visitEffect,
	type Action,
	type LiveAction,
	type TutorState,
} from './tutor-state.js';
import {
	choiceRows,
	moveChoice,
	orderingReducer,
	textFieldReducer,
	toggleChoice,
	type WidgetInput,
} from './widget-state.js';

/**
 * What every key means, as a pure function: (state, intent) to the next state and the effects
 * to perform (save progress, run a command, open the editor). The Ink app only sends intents
 * here and runs the effects (src/ui/use-tutor-effects.ts); tests/tutor/tutor-decisions.test.ts
 * drives it without Ink.
 */
export interface Decision {
	readonly state: TutorState;
	readonly effects: readonly Effect[];
}

/** Everything the app's reducer takes: a key, an intent, an answer from the editor, or a plain action. */
export type TutorEvent =
	| Action
	| {readonly type: 'key'; readonly key: KeyPress; readonly limits: ScreenLimits}
	| {readonly type: 'intent'; readonly intent: Intent; readonly text?: string; readonly limits: ScreenLimits}
	| {readonly type: 'answer'; readonly exerciseId: string; readonly answer: Answer}
	| {readonly type: 'liveChecked'; readonly exerciseId: string; readonly result: CheckResult; readonly pod?: string};

const NO_LIMITS: ScreenLimits = {maxScroll: 0, pageRows: 1};

function just(state: TutorState, ...effects: Effect[]): Decision {
	return {state, effects};
}

function act(state: TutorState, action: Action): Decision {
	return just(tutorReducer(state, action));
}

/** Whether Enter moves on: the exercise was answered right, or its solution shown. */
function settled(state: TutorState, exercise: Exercise): boolean {
	const session = sessionOf(state, exercise.id);
	return Boolean(session.result?.correct || session.revealed);
}

/** Checks an answer, shows the verdict, and saves the attempt (and a predict exercise's first prediction). */
export function decideAnswer(state: TutorState, exercise: Exercise, given: Answer): Decision {
	const result = checkAnswer(exercise, given);
	const prediction = exercise.kind === 'predict' && given.kind === 'choice' ? given.selected[0] : undefined;
	const next = tutorReducer(state, {type: 'checked', exerciseId: exercise.id, result, prediction});
	if (result.malformed) return just(next);
	const effects: Effect[] = [];
	if (exercise.kind === 'predict' && given.kind === 'choice' && !state.progress.predictions[exercise.id]) {
		effects.push({
			type: 'recordPrediction',
			exerciseId: exercise.id,
			choice: given.selected[0],
			correct: result.correct,
		});
	}
	effects.push({type: 'recordAttempt', exerciseId: exercise.id, correct: result.correct, answer: given});
	return {state: next, effects};
}

function withInput(state: TutorState, exercise: Exercise, input: WidgetInput): Decision {
	return act(state, {type: 'input', exerciseId: exercise.id, input});
}

/** Enter on an exercise: choose, tick, check, or (once settled) move on. */
function decideCheck(state: TutorState, exercise: Exercise, input: WidgetInput | undefined): Decision {
	const done = settled(state, exercise);
	const next = (): Decision => act(state, {type: 'step', delta: 1});
	switch (exercise.kind) {
		case 'single-choice':
		case 'predict': {
			if (done) return next();
			const cursor = input?.kind === 'choice' ? input.cursor : 0;
			return decideAnswer(state, exercise, {kind: 'choice', selected: [exercise.choices[cursor].id]});
		}
		case 'multiple-choice': {
			if (input?.kind !== 'choice') return just(state);
			if (input.cursor < exercise.choices.length)
				return withInput(state, exercise, toggleChoice(input, exercise.choices[input.cursor].id));
			if (done) return next();
			return decideAnswer(state, exercise, {kind: 'choice', selected: input.selected});
		}
		case 'ordering': {
			if (done) return next();
			if (input?.kind !== 'order') return just(state);
			const dropped = withInput(state, exercise, {kind: 'order', ...orderingReducer(input, {type: 'drop'})});
			return decideAnswer(dropped.state, exercise, {kind: 'order', order: input.order});
		}
		case 'free-text':
		case 'quantity': {
			const value = input?.kind === 'text' ? input.value : '';
			if (value.trim() === '') return done ? next() : just(state);
			return decideAnswer(state, exercise, {kind: 'text', text: value});
		}
		case 'manifest':
			return done ? next() : just(state, {type: 'edit', exerciseId: exercise.id});
	}
}

/** A live action, unless one of its kind is already under way. */
function live(state: TutorState, action: LiveAction, extra: {exerciseId?: string; step?: string} = {}): Decision {
	if (state.busy.includes(action)) return just(state);
	return just(tutorReducer(state, {type: 'busy', action, on: true}), {type: 'live', action, ...extra});
}

function scroll(state: TutorState, delta: number, limits: ScreenLimits): Decision {
	return act(state, {type: 'scroll', delta, max: limits.maxScroll});
}

/** What an intent does on the current screen. `text` is what was typed, for a text field. */
export function decide(state: TutorState, intent: Intent, text = '', limits: ScreenLimits = NO_LIMITS): Decision {
	if (intent === 'quit') return just(state, {type: 'exit'});
	if (state.help) return intent === 'help' ? act(state, {type: 'toggleHelp'}) : just(state);
	const view = state.view;
	const contexts = keyContexts(state);
	const exercise = currentExercise(state);
	const input = exercise ? inputOf(state, exercise) : undefined;
	const pane = paneCommand(state) !== undefined;
	switch (intent) {
		case 'help':
			return act(state, {type: 'toggleHelp'});
		case 'back':
			return view.name === 'home' ? just(state, {type: 'exit'}) : act(state, {type: 'home'});
		case 'up':
		case 'down': {
			const delta = intent === 'up' ? -1 : 1;
			if (view.name === 'home') return act(state, {type: 'moveCursor', delta});
			if (pane) return just(state, {type: 'pane', intent, step: stepKey(state)});
			if (exercise && input?.kind === 'choice')
				return withInput(state, exercise, moveChoice(input, delta, choiceRows(exercise)));
			if (exercise && input?.kind === 'order')
				return withInput(state, exercise, {kind: 'order', ...orderingReducer(input, {type: 'move', delta})});
			return scroll(state, delta, limits);
		}
		case 'pageUp':
		case 'pageDown':
			if (pane) return just(state, {type: 'pane', intent, step: stepKey(state)});
			return scroll(state, (intent === 'pageUp' ? -1 : 1) * Math.max(1, limits.pageRows - 1), limits);
		case 'open':
			if (view.name !== 'home' || !state.course.lessons[view.cursor]) return just(state);
			return act(state, {type: 'open', lessonId: state.course.lessons[view.cursor].id});
		case 'next':
			return act(state, {type: 'step', delta: 1});
		case 'previous':
			return act(state, {type: 'step', delta: -1});
		case 'hint': {
			if (!exercise) return just(state);
			const next = tutorReducer(state, {type: 'hint', exerciseId: exercise.id, hintCount: exercise.hints.length});
			if (next === state) return just(state);
			return just(next, {
				type: 'recordHint',
				exerciseId: exercise.id,
				shown: sessionOf(next, exercise.id).hintsShown,
			});
		}
		case 'solution': {
			if (!exercise) return just(state);
			const next = tutorReducer(state, {type: 'reveal', exerciseId: exercise.id});
			return hasAttempted(state, exercise.id)
				? just(next, {type: 'recordReveal', exerciseId: exercise.id})
				: just(next);
		}
		case 'edit':
			return exercise?.kind === 'manifest' ? just(state, {type: 'edit', exerciseId: exercise.id}) : just(state);
		case 'check':
			return exercise ? decideCheck(state, exercise, input) : just(state);
		case 'editField':
			return act(state, {type: 'fieldLeft', left: false});
		case 'leaveField':
			return act(state, {type: 'fieldLeft', left: true});
		case 'type':
		case 'caretLeft':
		case 'caretRight':
		case 'erase': {
			if (!exercise || input?.kind !== 'text' || !contexts.includes('field')) return just(state);
			const action =
				intent === 'type'
					? ({type: 'type', text} as const)
					: intent === 'erase'
						? ({type: 'erase'} as const)
						: ({type: 'move', delta: intent === 'caretLeft' ? -1 : 1} as const);
			const field = textFieldReducer(input, action);
			return field === input ? just(state) : withInput(state, exercise, {kind: 'text', ...field});
		}
		case 'grab':
			return exercise && input?.kind === 'order'
				? withInput(state, exercise, {kind: 'order', ...orderingReducer(input, {type: 'grab'})})
				: just(state);
		case 'run':
		case 'cancel':
		case 'wrap':
		case 'scrollLeft':
		case 'scrollRight':
			return pane ? just(state, {type: 'pane', intent, step: stepKey(state)}) : just(state);
		case 'createPod':
		case 'shell':
			return live(state, intent);
		case 'liveCheck':
			return exercise?.kind === 'manifest' ? live(state, 'liveCheck', {exerciseId: exercise.id}) : just(state);
		case 'liveDiagram': {
			if (currentStep(state)?.kind !== 'diagram') return just(state);
			const here = stepKey(state);
			if (state.liveDrawing?.step === here) return act(state, {type: 'liveDrawing', drawing: undefined});
			return live(state, 'liveDiagram', {step: here});
		}
	}
}

/** A real Pod checked by live mode: a verdict to show and record, or (nothing checked) the reason. */
function decideLiveChecked(state: TutorState, exerciseId: string, result: CheckResult, pod?: string): Decision {
	if (result.malformed) return act(state, {type: 'notice', text: result.feedback});
	const next = tutorReducer(tutorReducer(state, {type: 'notice', text: undefined}), {
		type: 'checked',
		exerciseId,
		result,
	});
	return just(next, {type: 'recordAttempt', exerciseId, correct: result.correct, answer: {kind: 'live', pod}});
}

function sameLocation(a: TutorState, b: TutorState): boolean {
	if (a.view.name !== 'reader' || b.view.name !== 'reader') return a.view.name === b.view.name;
	return a.view.lessonId === b.view.lessonId && a.view.step === b.view.step;
}

function decideEvent(state: TutorState, event: TutorEvent): Decision {
	switch (event.type) {
		case 'key': {
			const intent = intentFor(event.key, keyContexts(state));
			return intent ? decide(state, intent, event.key.input, event.limits) : just(state);
		}
		case 'intent':
			return decide(state, event.intent, event.text, event.limits);
		case 'answer': {
			const exercise = state.course.exercises.get(event.exerciseId);
			return exercise ? decideAnswer(state, exercise, event.answer) : just(state);
		}
		case 'liveChecked':
			return decideLiveChecked(state, event.exerciseId, event.result, event.pod);
		default:
			return act(state, event);
	}
}

/**
 * The app's reducer: decides, queues the effects in the outbox, and saves the position whenever
 * the learner lands on another step.
 */
export function tutorAppReducer(state: TutorState, event: TutorEvent): TutorState {
	const decision = decideEvent(state, event);
	const visit = sameLocation(state, decision.state) ? undefined : visitEffect(decision.state);
	const effects = visit ? [...decision.effects, visit] : decision.effects;
	if (effects.length === 0) return decision.state;
	return {...decision.state, outbox: [...decision.state.outbox, ...effects]};
}

/** Effects that can wait in the outbox until the app is up: saving and recording. */
const DEFERRABLE = new Set<Effect['type']>([
	'saveVisit',
	'recordAttempt',
	'recordPrediction',
	'recordHint',
	'recordReveal',
]);

/**
 * A key typed before Ink is up (the first frame's typeahead): the next state, with what it saves
 * queued in the outbox for the app, or undefined when the key needs the app at once (the command
 * pane, the editor, live mode, quitting) and waits for it, with every key after it.
 */
export function earlyKey(
	state: TutorState,
	key: KeyPress,
	style: TextStyle,
	drawDiagram: StepContext['drawDiagram'],
): TutorState | undefined {
	const onReader = state.view.name === 'reader' && !state.help;
	const limits = onReader ? readerScreen(state, style, drawDiagram).limits : NO_LIMITS;
	const next = tutorAppReducer(state, {type: 'key', key, limits});
	return next.outbox.slice(state.outbox.length).every((e) => DEFERRABLE.has(e.type)) ? next : undefined;
}

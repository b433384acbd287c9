/** The tutor's decisions without Ink: state in, next state and effects out. */
import {describe, expect, it} from 'vitest';
import type {
	MultipleChoiceExercise,
	OrderingExercise,
	PredictExercise,
	SingleChoiceExercise,
} from '../../src/content/types.js';
import {emptyProgress} from '../../src/progress/progress-data.js';
import {drawDiagramStep} from '../../src/render/diagram-step.js';
import type {TextStyle} from '../../src/render/text-style.js';
import type {Intent} from '../../src/tutor/keymap.js';
import {isTooSmall, keyContext, readerScreen, screenLines} from '../../src/tutor/screen.js';
import {decide, earlyKey, tutorAppReducer} from '../../src/tutor/tutor-decisions.js';
import {initialState, inputOf, sessionOf, tutorReducer, type TutorState} from '../../src/tutor/tutor-state.js';
import {findExerciseStep, repoCourse} from './course-fixture.js';

const ascii: TextStyle = {charset: 'ascii', attributes: false, color: false};
const LIMITS = {maxScroll: 20, pageRows: 6};

function at(kind: Parameters<typeof findExerciseStep>[0]) {
	const found = findExerciseStep(kind);
	const start = initialState(repoCourse(), emptyProgress(), {columns: 80, rows: 24}, found.lesson.id);
	return {
		...found,
		state: tutorReducer({...start, outbox: []}, {type: 'open', lessonId: found.lesson.id, step: found.step}),
	};
}

/** Presses intents one after another through the app's reducer. */
function press(state: TutorState, ...intents: Intent[]): TutorState {
	return intents.reduce((s, intent) => tutorAppReducer(s, {type: 'intent', intent, limits: LIMITS}), state);
}

describe('answering', () => {
	it('checks the highlighted choice and queues the attempt, not a save of anything else', () => {
		const {state, exercise} = at('single-choice');
		const single = exercise as SingleChoiceExercise;
		const right = single.choices.findIndex((c) => c.id === single.answer);
		const moved = press(state, ...Array.from({length: right}, (): Intent => 'down'));
		const decision = decide(moved, 'check');
		expect(sessionOf(decision.state, single.id).result?.correct).toBe(true);
		expect(decision.effects).toEqual([
			{
				type: 'recordAttempt',
				exerciseId: single.id,
				correct: true,
				answer: {kind: 'choice', selected: [single.answer]},
			},
		]);
		// Settled: Enter moves on instead of answering again.
		const next = decide(decision.state, 'check');
		expect(next.effects).toEqual([]);
		expect(next.state.view).toMatchObject({step: (state.view as {step: number}).step + 1});
	});

	it("records a predict exercise's first prediction with the attempt", () => {
		const {state, exercise} = at('predict');
		const decision = decide(state, 'check');
		const predict = exercise as PredictExercise;
		expect(decision.effects.map((e) => e.type)).toEqual(['recordPrediction', 'recordAttempt']);
		expect(decision.effects[0]).toMatchObject({exerciseId: predict.id, choice: predict.choices[0].id});
	});

	it('ticks choices with Enter and checks them on the last row', () => {
		const {state, exercise} = at('multiple-choice');
		const multi = exercise as MultipleChoiceExercise;
		const ticked = press(state, 'check', 'down', 'check');
		expect(inputOf(ticked, multi)).toMatchObject({selected: [multi.choices[0].id, multi.choices[1].id]});
		const onCheck = press(ticked, ...multi.choices.map((): Intent => 'down'));
		const decision = decide(onCheck, 'check');
		expect(decision.effects[0]).toMatchObject({
			type: 'recordAttempt',
			answer: {kind: 'choice', selected: [multi.choices[0].id, multi.choices[1].id]},
		});
	});

	it('carries a picked-up item, and checks the order with it put down', () => {
		const {state, exercise} = at('ordering');
		const items = (exercise as OrderingExercise).items.map((i) => i.id);
		const carried = press(state, 'grab', 'down', 'down');
		expect(inputOf(carried, exercise)).toEqual({
			kind: 'order',
			order: [items[1], items[2], items[0], ...items.slice(3)],
			cursor: 2,
			held: true,
		});
		const checked = press(carried, 'check');
		expect(inputOf(checked, exercise)).toMatchObject({held: false});
		expect(checked.outbox[0]).toMatchObject({
			type: 'recordAttempt',
			answer: {kind: 'order', order: [items[1], items[2], items[0], ...items.slice(3)]},
		});
	});

	it('types into a text field through the keymap, and Enter with an empty field checks nothing', () => {
		const {state, exercise} = at('free-text');
		expect(keyContext(state)).toBe('field');
		expect(decide(state, 'check').effects).toEqual([]);
		const typed = ['k', 'e', 'r', 'n', 'e', 'l'].reduce(
			(s, ch) => tutorAppReducer(s, {type: 'key', key: {input: ch}, limits: LIMITS}),
			state,
		);
		expect(inputOf(typed, exercise)).toEqual({kind: 'text', value: 'kernel', caret: 6});
		expect(decide(typed, 'check').effects[0]).toMatchObject({
			type: 'recordAttempt',
			answer: {kind: 'text', text: 'kernel'},
		});
		const left = tutorAppReducer(typed, {type: 'key', key: {input: '', escape: true}, limits: LIMITS});
		expect(keyContext(left)).toBe('textfield');
		expect(
			tutorAppReducer(left, {type: 'key', key: {input: 'h'}, limits: LIMITS}).sessions[exercise.id].hintsShown,
		).toBe(1);
	});

	it('asks the editor for a manifest, and records what came back from it as an answer', () => {
		const {state, exercise} = at('manifest');
		expect(decide(state, 'check').effects).toEqual([{type: 'edit', exerciseId: exercise.id}]);
		const answered = tutorAppReducer(state, {
			type: 'answer',
			exerciseId: exercise.id,
			answer: {kind: 'manifest', source: exercise.answer as string, origin: 'editor'},
		});
		expect(sessionOf(answered, exercise.id).result?.correct).toBe(true);
		expect(answered.outbox).toEqual([expect.objectContaining({type: 'recordAttempt', correct: true})]);
	});
});

describe('hints and solutions', () => {
	it('saves each new hint, and nothing once every hint is shown', () => {
		const {state, exercise} = at('single-choice');
		let s = state;
		for (let i = 1; i <= exercise.hints.length; i++) {
			const d = decide(s, 'hint');
			expect(d.effects).toEqual([{type: 'recordHint', exerciseId: exercise.id, shown: i}]);
			s = d.state;
		}
		expect(decide(s, 'hint')).toEqual({state: s, effects: []});
	});

	it('opens the solution only after an attempt, from this session or an earlier one', () => {
		const {state, exercise} = at('single-choice');
		const refused = decide(state, 'solution');
		expect(refused.effects).toEqual([]);
		expect(refused.state.notice).toContain('after one attempt');
		const earlier = {
			...state,
			progress: {
				...state.progress,
				exercises: {[exercise.id]: {attempts: 2, correct: false, hintsUsed: 0, revealed: false, updatedAt: ''}},
			},
		};
		expect(decide(earlier, 'solution').effects).toEqual([{type: 'recordReveal', exerciseId: exercise.id}]);
	});
});

describe('moving and scrolling', () => {
	it('saves the position whenever the learner lands on another step, and only then', () => {
		const {state, lesson, step} = at('single-choice');
		const moved = press(state, 'next');
		expect(moved.outbox).toEqual([
			{type: 'saveVisit', lessonId: lesson.id, step: step + 1, steps: lesson.steps.length},
		]);
		expect(press(state, 'hint').outbox.filter((e) => e.type === 'saveVisit')).toEqual([]);
	});

	it('starts with the visit saved when the tutor resumes inside a lesson', () => {
		const {lesson} = at('single-choice');
		const progress = {...emptyProgress(), last: {lessonId: lesson.id, step: 2, at: ''}};
		expect(initialState(repoCourse(), progress, {columns: 80, rows: 24}).outbox).toEqual([
			{type: 'saveVisit', lessonId: lesson.id, step: 2, steps: lesson.steps.length},
		]);
		expect(initialState(repoCourse(), emptyProgress(), {columns: 80, rows: 24}).outbox).toEqual([]);
	});

	it('pages by the rows the layout shows, not by a guess from the window height', () => {
		const {lesson} = at('single-choice');
		const text = lesson.steps.findIndex((s) => s.kind === 'text');
		const state = tutorReducer(initialState(repoCourse(), emptyProgress(), {columns: 80, rows: 24}), {
			type: 'open',
			lessonId: lesson.id,
			step: text,
		});
		const {limits} = readerScreen(state, ascii, drawDiagramStep);
		const paged = tutorAppReducer(state, {
			type: 'intent',
			intent: 'pageDown',
			limits: {maxScroll: 100, pageRows: limits.pageRows},
		});
		expect(paged.view).toMatchObject({scroll: limits.pageRows - 1});
	});

	it('sends the command pane its keys, and only on a screen with a pane', () => {
		const lesson = repoCourse().lessons.find((l) => l.steps.some((s) => s.kind === 'command'))!;
		const state = tutorReducer(initialState(repoCourse(), emptyProgress(), {columns: 80, rows: 24}), {
			type: 'open',
			lessonId: lesson.id,
			step: lesson.steps.findIndex((s) => s.kind === 'command'),
		});
		const step = `${lesson.id}:${lesson.steps.findIndex((s) => s.kind === 'command')}`;
		for (const intent of ['run', 'cancel', 'up', 'pageDown'] as const)
			expect(decide(state, intent).effects).toEqual([{type: 'pane', intent, step}]);
		expect(decide(at('manifest').state, 'run').effects).toEqual([]);
	});
});

describe('live actions', () => {
	it('starts one of each at a time: a second p while the first runs does nothing', () => {
		const lesson = repoCourse().lessons.find((l) => l.steps.some((s) => s.kind === 'command'))!;
		const state = tutorReducer(initialState(repoCourse(), emptyProgress(), {columns: 80, rows: 24}), {
			type: 'open',
			lessonId: lesson.id,
			step: lesson.steps.findIndex((s) => s.kind === 'command'),
		});
		const first = decide(state, 'createPod');
		expect(first.effects).toEqual([{type: 'live', action: 'createPod'}]);
		expect(decide(first.state, 'createPod').effects).toEqual([]);
		const done = tutorReducer(first.state, {type: 'busy', action: 'createPod', on: false});
		expect(decide(done, 'createPod').effects).toHaveLength(1);
	});

	it('shows why nothing was checked when live mode could not read a Pod, and records nothing', () => {
		const {state, exercise} = at('manifest');
		const result = {id: exercise.id, correct: false, malformed: true, feedback: 'No cluster here.', checks: []};
		const next = tutorAppReducer(state, {type: 'liveChecked', exerciseId: exercise.id, result});
		expect(next.notice).toBe('No cluster here.');
		expect(next.outbox).toEqual([]);
	});
});

describe('help and a too-small window keep the widget state (#14.4)', () => {
	it('keeps the highlight, ticks, order and typed text through help, and through a too-small window', () => {
		for (const [kind, intents] of [
			['single-choice', ['down', 'down']],
			['multiple-choice', ['check', 'down']],
			['ordering', ['grab', 'down']],
		] as const) {
			const {state, exercise} = at(kind);
			const worked = press(state, ...intents);
			const before = inputOf(worked, exercise);
			const throughHelp = press(press(worked, 'help'), 'help');
			expect(inputOf(throughHelp, exercise), kind).toEqual(before);
			const small = tutorAppReducer(worked, {type: 'resize', size: {columns: 40, rows: 10}});
			expect(isTooSmall(small)).toBe(true);
			const back = tutorAppReducer(small, {type: 'resize', size: {columns: 80, rows: 24}});
			expect(inputOf(back, exercise), kind).toEqual(before);
			expect(screenLines(back, ascii, drawDiagramStep).join('\n')).toEqual(
				screenLines(worked, ascii, drawDiagramStep).join('\n'),
			);
		}
	});
});

describe('keys typed before Ink is up', () => {
	it('are decided by the same reducer, their saves queued for the app; a key that needs the app waits', () => {
		const start = initialState(repoCourse(), emptyProgress(), {columns: 80, rows: 24});
		const opened = earlyKey(start, {input: '\r', return: true}, ascii, drawDiagramStep)!;
		const lesson = repoCourse().lessons[0];
		expect(opened.view).toMatchObject({name: 'reader', lessonId: lesson.id, step: 0});
		expect(opened.outbox).toEqual([{type: 'saveVisit', lessonId: lesson.id, step: 0, steps: lesson.steps.length}]);
		expect(earlyKey(start, {input: 'c', ctrl: true}, ascii, drawDiagramStep)).toBeUndefined();
		const command = repoCourse().lessons.find((l) => l.steps.some((s) => s.kind === 'command'))!;
		const onCommand = tutorReducer(start, {
			type: 'open',
			lessonId: command.id,
			step: command.steps.findIndex((s) => s.kind === 'command'),
		});
		expect(earlyKey(onCommand, {input: '\r', return: true}, ascii, drawDiagramStep)).toBeUndefined();
	});
});

import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {render} from 'ink-testing-library';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {openProgressStore, type ProgressStore} from '../../src/progress/progress-store.js';
import type {TextStyle} from '../../src/render/text-style.js';
import {initialState} from '../../src/tutor/tutor-state.js';
import {TutorApp} from '../../src/ui/tutor-app.js';
import {frameWhere, frameWith, KEYS, press} from '../helpers/ink-app.js';
import {waitFor} from '../helpers/wait-for.js';
import {findExerciseStep, repoCourse} from '../tutor/course-fixture.js';

const ascii: TextStyle = {charset: 'ascii', attributes: false, color: false};

let dir: string;
let store: ProgressStore;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'pod-tutor-ui-'));
	store = openProgressStore({POD_TUTOR_CONFIG_DIR: dir}).store;
});

afterEach(() => {
	rmSync(dir, {recursive: true, force: true});
});

function start(lessonId?: string) {
	const state = initialState(repoCourse(), store.data(), {columns: 80, rows: 24}, lessonId);
	return render(<TutorApp initial={state} style={ascii} store={store} handOver={() => ({exitCode: 0})} env={{}} />);
}

/** The saved record of an exercise, once the app's effect runner has written it. */
function savedRecord(
	exerciseId: string,
	test: (record: {attempts?: number; hintsUsed?: number; revealed?: boolean}) => boolean,
	what: string,
) {
	return waitFor(() => store.refresh().exercises[exerciseId] ?? {}, test, what);
}

/** The lesson opened at an exercise of this kind. */
function atExercise(kind: Parameters<typeof findExerciseStep>[0]) {
	const found = findExerciseStep(kind);
	store.visitStep(found.lesson.id, found.step, found.lesson.steps.length);
	return {...found, app: start(found.lesson.id)};
}

describe('TutorApp', () => {
	it('opens the highlighted lesson from the home screen and saves where the learner is', async () => {
		const course = repoCourse();
		const app = start();
		await frameWith(app, 'lessons done');
		await press(
			app,
			KEYS.down,
			(f) => f.includes(`> [ ]  2. ${course.lessons[1].title}`),
			'the cursor on lesson 2',
		);
		await press(app, KEYS.enter, (f) => f.includes(`step 1/${course.lessons[1].steps.length}`), 'lesson 2, step 1');
		await press(app, KEYS.right, (f) => f.includes(`step 2/${course.lessons[1].steps.length}`), 'step 2');
		const last = await waitFor(
			() => store.refresh().last,
			(l) => l?.step === 1,
			'the saved position',
		);
		expect(last).toMatchObject({lessonId: course.lessons[1].id, step: 1});
		app.unmount();
	});

	it('checks a wrong choice with its targeted feedback, gives hints, then reveals the solution', async () => {
		const {exercise, app} = atExercise('single-choice');
		if (exercise.kind !== 'single-choice') throw new Error('fixture');
		await frameWith(app, 'Choose one:');
		const wrong = exercise.wrong[0];
		const index = exercise.choices.findIndex((c) => c.id === wrong.answer);
		const rows = Array.from({length: index}, () => KEYS.down);
		await press(app, [...rows, KEYS.enter], (f) => f.includes('[not yet]'), 'the wrong-answer verdict');
		const firstWords = wrong.feedback.split(/\s+/).slice(0, 4).join(' ');
		expect(app.lastFrame()!.replace(/\s+/g, ' ')).toContain(firstWords);
		await savedRecord(exercise.id, (r) => r.attempts === 1, 'the attempt saved');
		expect(store.refresh().exercises[exercise.id].correct).toBe(false);
		await press(app, 'h', (f) => f.includes(`Hint 1/${exercise.hints.length}`), 'the first hint');
		await savedRecord(exercise.id, (r) => r.hintsUsed === 1, 'the hint saved');
		await press(app, 's', (f) => f.includes('Solution:'), 'the solution');
		await savedRecord(exercise.id, (r) => r.revealed === true, 'the reveal saved');
		app.unmount();
	});

	it('does not reveal a solution before the first attempt', async () => {
		const {app} = atExercise('single-choice');
		await frameWith(app, 'Choose one:');
		await press(app, 's', (f) => f.includes('after one attempt'), 'the refusal');
		expect(app.lastFrame()).not.toContain('Solution:');
		app.unmount();
	});

	it('takes a typed quantity, checks it by value, and keeps h and s typeable in the field', async () => {
		const {exercise, app} = atExercise('quantity');
		if (exercise.kind !== 'quantity') throw new Error('fixture');
		await frameWith(app, 'Quantity:');
		await press(app, `h${exercise.answer}`, (f) => f.includes(`h${exercise.answer}`), 'h typed into the field');
		expect(app.lastFrame()).not.toContain('Hint 1/');
		await press(
			app,
			KEYS.backspace,
			(f) => f.includes(`h${exercise.answer.slice(0, -1)}_`),
			'the last character erased',
		);
		await press(
			app,
			exercise.answer.slice(-1),
			(f) => f.includes(`h${exercise.answer}_`),
			'the last character typed back',
		);
		// The caret to just after the h, then erase it.
		const lefts = Array.from({length: exercise.answer.length}, () => KEYS.left);
		await press(
			app,
			[...lefts, KEYS.backspace],
			(f) => f.includes(`> |${exercise.answer}`),
			'the h erased, the caret before the answer',
		);
		await press(app, KEYS.enter, (f) => f.includes('[right]'), 'the verdict');
		await savedRecord(exercise.id, (r) => r.attempts === 1, 'the attempt saved');
		expect(store.refresh().exercises[exercise.id].correct).toBe(true);
		await press(app, KEYS.escape, (f) => f.includes('i type'), 'the field left (the footer offers i)');
		await press(app, 'h', (f) => f.includes('Hint 1/'), 'a hint once the field is left');
		app.unmount();
	});

	it('reorders items with Space and the arrows, then checks the order', async () => {
		const {exercise, app} = atExercise('ordering');
		if (exercise.kind !== 'ordering') throw new Error('fixture');
		await frameWhere(
			app,
			(f) => f.includes('Put in order:') && f.includes('Space pick up'),
			'the ordering exercise, its footer saying Space',
		);
		// Move the item that belongs first to the top: pick it up and carry it.
		const from = exercise.items.findIndex((i) => i.id === exercise.answer[0]);
		const firstItem = exercise.items[from];
		const keys = [
			...Array.from({length: from}, () => KEYS.down),
			KEYS.space,
			...Array.from({length: from}, () => KEYS.up),
			KEYS.space,
		];
		await press(
			app,
			keys,
			(f) => f.includes(`1. ${firstItem.text.slice(0, 20)}`),
			'the first item moved to the top',
		);
		await press(app, KEYS.enter, (f) => f.includes('[right]') || f.includes('[not yet]'), 'the verdict');
		await savedRecord(exercise.id, (r) => r.attempts === 1, 'the attempt saved');
		app.unmount();
	});

	it('opens the help overlay with ? and closes it with q', async () => {
		const app = start();
		await frameWith(app, 'lessons done');
		await press(app, '?', (f) => f.includes('Keys') && f.includes('show or hide this help'), 'the help');
		await press(app, 'q', (f) => f.includes('lessons done'), 'the home screen again');
		app.unmount();
	});
});

describe('help and a too-small window keep what the learner did in a widget', () => {
	it('keeps the choice highlight: Enter after closing help answers the highlighted choice, not the first', async () => {
		const {exercise, app} = atExercise('single-choice');
		if (exercise.kind !== 'single-choice') throw new Error('fixture');
		await frameWith(app, 'Choose one:');
		const third = exercise.choices[2];
		await press(
			app,
			[KEYS.down, KEYS.down],
			(f) => f.includes(`> ( ) ${third.text.slice(0, 15)}`),
			'the third choice highlighted',
		);
		await press(app, '?', (f) => f.includes('show or hide this help'), 'the help');
		await press(app, '?', (f) => f.includes('Choose one:'), 'the exercise again');
		expect(app.lastFrame()).toContain(`> ( ) ${third.text.slice(0, 15)}`);
		await press(app, KEYS.enter, (f) => f.includes('[right]') || f.includes('[not yet]'), 'the verdict');
		await savedRecord(exercise.id, (r) => r.attempts === 1, 'the attempt saved');
		expect(store.refresh().exercises[exercise.id].lastAnswer).toEqual({kind: 'choice', selected: [third.id]});
		app.unmount();
	});

	it('keeps typed text through help (after leaving the field) and through a too-small window', async () => {
		const {app} = atExercise('free-text');
		await frameWith(app, 'Answer:');
		await press(app, 'a shared network', (f) => f.includes('a shared network_'), 'the typed text');
		// Esc and ? sent together would read as one Meta+? chord, as a terminal would send them.
		await press(app, KEYS.escape, (f) => f.includes('i type'), 'the field left');
		await press(app, '?', (f) => f.includes('show or hide this help'), 'the help');
		await press(app, 'q', (f) => f.includes('  a shared network'), 'the text again');
		// A window too small, then large again: the reducer keeps the text, the frame shows it.
		const {rerenderSize} = resizable(app);
		rerenderSize(40, 10);
		await frameWith(app, 'Terminal too small');
		rerenderSize(80, 24);
		await frameWith(app, '  a shared network');
		app.unmount();
	});
});

/** ink-testing-library's stdout has a fixed size; a resize is the event the app listens to, with new numbers. */
function resizable(app: ReturnType<typeof render>) {
	const stdout = app.stdout as unknown as {columns: number; rows: number; emit(event: string): void};
	return {
		rerenderSize(columns: number, rows: number) {
			Object.defineProperty(stdout, 'columns', {value: columns, configurable: true});
			Object.defineProperty(stdout, 'rows', {value: rows, configurable: true});
			stdout.emit('resize');
		},
	};
}

describe('TutorApp without live mode', () => {
	it('explains on the notice line why c cannot check a real Pod, and records nothing', async () => {
		const {exercise, app} = atExercise('manifest');
		await frameWith(app, 'Write a manifest:');
		await press(
			app,
			'c',
			(f) => /No cluster, CRI runtime or podman is usable here|no live Pod to check/.test(f),
			'the reason on the notice line',
		);
		expect(app.lastFrame()).not.toContain('[not yet]');
		expect(store.refresh().exercises[exercise.id]?.attempts ?? 0).toBe(0);
		app.unmount();
	});
});

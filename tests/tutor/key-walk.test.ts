/**
 * Every key of every binding, pressed on a screen where it applies: the keymap sends it to its
 * intent, the decision does something (a new state or an effect), and the help overlay lists it.
 * A key the table binds but no screen reaches, or one help promises that does nothing, fails here.
 */
import {describe, expect, it} from 'vitest';
import type {OrderingExercise, StepKind} from '../../src/content/types.js';
import {emptyProgress} from '../../src/progress/progress-data.js';
import {drawDiagramStep} from '../../src/render/diagram-step.js';
import type {TextStyle} from '../../src/render/text-style.js';
import {
	BINDINGS,
	displayKey,
	effectiveBindings,
	footer,
	footerIntents,
	intentFor,
	type KeyContext,
	type KeyName,
	type KeyPress,
} from '../../src/tutor/keymap.js';
import {helpLines, keyContexts, readerScreen} from '../../src/tutor/screen.js';
import {decide} from '../../src/tutor/tutor-decisions.js';
import {initialState, tutorReducer, type Action, type TutorState} from '../../src/tutor/tutor-state.js';
import {findExerciseStep, repoCourse} from './course-fixture.js';

const ascii: TextStyle = {charset: 'ascii', attributes: false, color: false};
/** Room to scroll both ways, so Up and Down both move. */
const LIMITS = {maxScroll: 10, pageRows: 5};

function run(state: TutorState, ...actions: Action[]): TutorState {
	return actions.reduce(tutorReducer, state);
}

function fresh(): TutorState {
	return {...initialState(repoCourse(), emptyProgress(), {columns: 80, rows: 24}), outbox: []};
}

/** A step of this kind that is neither the first nor the last of its lesson, scrolled half-way. */
function atStep(kind: StepKind): TutorState {
	for (const lesson of repoCourse().lessons) {
		const step = lesson.steps.findIndex((s, i) => s.kind === kind && i > 0 && i < lesson.steps.length - 1);
		if (step > 0)
			return run(fresh(), {type: 'open', lessonId: lesson.id, step}, {type: 'scroll', delta: 5, max: 10});
	}
	throw new Error(`no ${kind} step in the middle of a lesson`);
}

function atExercise(kind: Parameters<typeof findExerciseStep>[0], ...actions: Action[]): TutorState {
	const {lesson, step} = findExerciseStep(kind);
	return run(fresh(), {type: 'open', lessonId: lesson.id, step}, {type: 'scroll', delta: 5, max: 10}, ...actions);
}

function withInput(state: TutorState, input: Extract<Action, {type: 'input'}>['input']): TutorState {
	const view = state.view as {lessonId: string; step: number};
	const step = repoCourse().lessons.find((l) => l.id === view.lessonId)!.steps[view.step] as {exercise: string};
	return run(state, {type: 'input', exerciseId: step.exercise, input});
}

const ordering = findExerciseStep('ordering').exercise as OrderingExercise;

/** One screen per key context, in a state where every key of it has something to do. */
const SCREENS: Record<string, () => TutorState> = {
	home: () => run(fresh(), {type: 'moveCursor', delta: 1}),
	reader: () => atStep('text'),
	diagram: () => atStep('diagram'),
	command: () => atStep('command'),
	choice: () => withInput(atExercise('single-choice'), {kind: 'choice', cursor: 1, selected: []}),
	multi: () => withInput(atExercise('multiple-choice'), {kind: 'choice', cursor: 1, selected: []}),
	ordering: () =>
		withInput(atExercise('ordering'), {
			kind: 'order',
			order: ordering.items.map((i) => i.id),
			cursor: 1,
			held: false,
		}),
	textfield: () => atExercise('free-text', {type: 'fieldLeft', left: true}),
	field: () => withInput(atExercise('free-text'), {kind: 'text', value: 'ab', caret: 1}),
	manifest: () => atExercise('manifest'),
	help: () => run(atStep('text'), {type: 'toggleHelp'}),
};

/** The key press a terminal reports for a key name of the table. */
function pressOf(name: KeyName): KeyPress {
	const named: Record<string, KeyPress> = {
		up: {input: '', upArrow: true},
		down: {input: '', downArrow: true},
		left: {input: '', leftArrow: true},
		right: {input: '', rightArrow: true},
		pgup: {input: '', pageUp: true},
		pgdn: {input: '', pageDown: true},
		enter: {input: '\r', return: true},
		esc: {input: '', escape: true},
		backspace: {input: '', delete: true},
		space: {input: ' '},
		'ctrl+c': {input: 'c', ctrl: true},
		char: {input: 'x'},
	};
	return named[name] ?? {input: name};
}

function folded(lines: readonly string[]): string {
	return lines.join('\n').replace(/\s+/g, ' ');
}

describe('every binding of every context', () => {
	const walked = new Set<string>();
	for (const [name, make] of Object.entries(SCREENS)) {
		it(`${name}: the screen is in that context, and each of its keys is handled and shown in help`, () => {
			const state = make();
			const contexts = keyContexts(state);
			expect(contexts[0]).toBe(name);
			const help = state.help
				? folded([...helpLines(state, ascii), footer(contexts, true)])
				: folded(helpLines(run(state, {type: 'toggleHelp'}), ascii));
			const limits = state.view.name === 'reader' && !state.help ? LIMITS : {maxScroll: 0, pageRows: 1};
			for (const {binding, keys} of effectiveBindings(contexts)) {
				for (const key of keys) {
					const where = `${name}: ${key} (${binding.intent})`;
					const press = pressOf(key);
					expect(intentFor(press, contexts), where).toBe(binding.intent);
					const decision = decide(state, binding.intent, press.input, limits);
					expect(decision.state !== state || decision.effects.length > 0, `${where} does nothing`).toBe(true);
					if (!state.help) expect(help, `${where} is not in help`).toContain(`${displayKey(key, true)}`);
					if (!state.help) expect(help, where).toContain(binding.help.replace(/\s+/g, ' '));
					for (const context of binding.contexts) walked.add(`${context} ${key}`);
				}
			}
		});
	}

	it('leaves no key of the table unreached: each is pressed on some screen above', () => {
		for (const binding of BINDINGS) {
			for (const key of binding.keys) {
				const reached = binding.contexts.some((c) => walked.has(`${c} ${key}`));
				expect(reached, `${key} for ${binding.intent} in ${binding.contexts.join(', ')}`).toBe(true);
			}
		}
	});

	it('puts in each footer only keys that work there, the widget key first', () => {
		for (const [name, make] of Object.entries(SCREENS)) {
			const contexts = keyContexts(make());
			const working = new Set(effectiveBindings(contexts).map((e) => e.binding.intent));
			for (const intent of footerIntents(contexts)) expect(working.has(intent), `${name}: ${intent}`).toBe(true);
		}
		expect(footer(keyContexts(SCREENS.ordering()), true)).toMatch(/^Space pick up/);
		expect(footer(keyContexts(SCREENS.choice()), true)).toMatch(/^Enter choose/);
		expect(footer(keyContexts(SCREENS.manifest()), true)).toMatch(/^e edit/);
		expect(footer(keyContexts(SCREENS.field()), true)).toMatch(/^Enter check {2}Esc leave field/);
	});

	it('shows the footer on the screen itself, fitted to the narrowest window', () => {
		for (const [name, make] of Object.entries(SCREENS)) {
			const state = make();
			if (state.help || state.view.name !== 'reader') continue;
			const narrow = run(state, {type: 'resize', size: {columns: 60, rows: 16}});
			const last = readerScreen(narrow, ascii, drawDiagramStep).frame.footer.at(-1) ?? '';
			expect(last.length, name).toBeLessThanOrEqual(60);
			expect(last, name).toContain(footer(keyContexts(narrow), true).split('  ')[0]);
		}
	});

	it('keeps h, s, q and ? as text while a field takes typing, and Esc leaves it', () => {
		const contexts: KeyContext[] = keyContexts(SCREENS.field());
		for (const key of ['h', 's', 'q', '?', 'j']) expect(intentFor({input: key}, contexts), key).toBe('type');
		expect(intentFor({input: '', escape: true}, contexts)).toBe('leaveField');
		expect(intentFor({input: 'c', ctrl: true}, contexts)).toBe('quit');
	});
});

import React from 'react';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {render} from 'ink-testing-library';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {openProgressStore, type ProgressStore} from '../../src/progress/progress-store.js';
import type {TextStyle} from '../../src/render/text-style.js';
import {initialState} from '../../src/tutor/tutor-state.js';
import {TutorApp} from '../../src/ui/tutor-app.js';
import {findExerciseStep, repoCourse} from '../tutor/course-fixture.js';

const ascii: TextStyle = {charset: 'ascii', attributes: false, color: false};
const enter = '\r';
const arrowDown = '\u001B[B';
const arrowRight = '\u001B[C';
const escape = '\u001B';

let dir: string;
let store: ProgressStore;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'pod-tutor-ui-'));
	store = openProgressStore({POD_TUTOR_CONFIG_DIR: dir}).store;
});

afterEach(() => {
	rmSync(dir, {recursive: true, force: true});
});

/** Waits until the last frame satisfies the condition (Ink renders asynchronously). */
async function frameWhere(lastFrame: () => string | undefined, test: (frame: string) => boolean, what: string): Promise<string> {
	const deadline = Date.now() + 3000;
	for (;;) {
		const frame = lastFrame() ?? '';
		if (test(frame)) return frame;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last frame:\n${frame}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

function start(lessonId?: string) {
	const state = initialState(repoCourse(), store.data(), {columns: 80, rows: 24}, lessonId);
	return render(<TutorApp initial={state} style={ascii} store={store} handOver={() => ({exitCode: 0})} />);
}

describe('TutorApp', () => {
	it('opens the highlighted lesson from the home screen and saves where the learner is', async () => {
		const course = repoCourse();
		const app = start();
		await frameWhere(app.lastFrame, (f) => f.includes('lessons done'), 'the home screen');
		app.stdin.write(arrowDown);
		await frameWhere(app.lastFrame, (f) => f.includes(`> [ ]  2. ${course.lessons[1].title}`), 'the cursor on lesson 2');
		app.stdin.write(enter);
		await frameWhere(app.lastFrame, (f) => f.includes(`2. ${course.lessons[1].title}`) && f.includes(`step 1/${course.lessons[1].steps.length}`), 'lesson 2, step 1');
		app.stdin.write(arrowRight);
		await frameWhere(app.lastFrame, (f) => f.includes(`step 2/${course.lessons[1].steps.length}`), 'step 2');
		// The position is saved in an effect after the frame is drawn.
		await frameWhere(() => JSON.stringify(store.refresh().last), (last) => last.includes(`"step":1`), 'the saved position');
		expect(store.refresh().last).toMatchObject({lessonId: course.lessons[1].id, step: 1});
		app.unmount();
	});

	it('checks a wrong choice with its targeted feedback, gives hints, then reveals the solution', async () => {
		const {lesson, step, exercise} = findExerciseStep('single-choice');
		if (exercise.kind !== 'single-choice') throw new Error('fixture');
		store.visitStep(lesson.id, step, lesson.steps.length);
		const app = start(lesson.id);
		await frameWhere(app.lastFrame, (f) => f.includes('Choose one:'), 'the exercise');
		const wrong = exercise.wrong[0];
		const index = exercise.choices.findIndex((c) => c.id === wrong.answer);
		for (let i = 0; i < index; i++) app.stdin.write(arrowDown);
		await new Promise((resolve) => setTimeout(resolve, 50));
		app.stdin.write(enter);
		const firstWords = wrong.feedback.split(/\s+/).slice(0, 4).join(' ');
		await frameWhere(app.lastFrame, (f) => f.includes('[not yet]'), 'the wrong-answer verdict');
		expect(app.lastFrame()!.replace(/\s+/g, ' ')).toContain(firstWords);
		expect(store.refresh().exercises[exercise.id]).toMatchObject({attempts: 1, correct: false});
		app.stdin.write('h');
		await frameWhere(app.lastFrame, (f) => f.includes(`Hint 1/${exercise.hints.length}`), 'the first hint');
		expect(store.refresh().exercises[exercise.id].hintsUsed).toBe(1);
		app.stdin.write('s');
		await frameWhere(app.lastFrame, (f) => f.includes('Solution:'), 'the solution');
		expect(store.refresh().exercises[exercise.id].revealed).toBe(true);
		app.unmount();
	});

	it('does not reveal a solution before the first attempt', async () => {
		const {lesson, step} = findExerciseStep('single-choice');
		store.visitStep(lesson.id, step, lesson.steps.length);
		const app = start(lesson.id);
		await frameWhere(app.lastFrame, (f) => f.includes('Choose one:'), 'the exercise');
		app.stdin.write('s');
		await frameWhere(app.lastFrame, (f) => f.includes('solution opens after one attempt'), 'the refusal');
		expect(app.lastFrame()).not.toContain('Solution:');
		app.unmount();
	});

	it('takes a typed quantity, checks it by value, and keeps h and s typeable in the field', async () => {
		const {lesson, step, exercise} = findExerciseStep('quantity');
		if (exercise.kind !== 'quantity') throw new Error('fixture');
		store.visitStep(lesson.id, step, lesson.steps.length);
		const app = start(lesson.id);
		await frameWhere(app.lastFrame, (f) => f.includes('Quantity:'), 'the quantity field');
		app.stdin.write(exercise.answer);
		await frameWhere(app.lastFrame, (f) => f.includes(exercise.answer), 'the typed answer');
		app.stdin.write(enter);
		await frameWhere(app.lastFrame, (f) => f.includes('[right]'), 'the verdict');
		expect(store.refresh().exercises[exercise.id]).toMatchObject({attempts: 1, correct: true});
		app.stdin.write(escape);
		await frameWhere(app.lastFrame, (f) => f.includes('Enter or i: type in the field'), 'the field left');
		app.stdin.write('h');
		await frameWhere(app.lastFrame, (f) => f.includes('Hint 1/'), 'a hint once the field is left');
		app.unmount();
	});

	it('reorders items with Space and the arrows, then checks the order', async () => {
		const {lesson, step, exercise} = findExerciseStep('ordering');
		if (exercise.kind !== 'ordering') throw new Error('fixture');
		store.visitStep(lesson.id, step, lesson.steps.length);
		const app = start(lesson.id);
		await frameWhere(app.lastFrame, (f) => f.includes('Put in order:'), 'the ordering exercise');
		// Move the item that belongs first to the top: pick it up and carry it.
		const shown = exercise.items.map((i) => i.id);
		const from = shown.indexOf(exercise.answer[0]);
		for (let i = 0; i < from; i++) app.stdin.write(arrowDown);
		await new Promise((resolve) => setTimeout(resolve, 30));
		app.stdin.write(' ');
		await new Promise((resolve) => setTimeout(resolve, 30));
		for (let i = 0; i < from; i++) {
			app.stdin.write('\u001B[A');
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		app.stdin.write(' ');
		await new Promise((resolve) => setTimeout(resolve, 30));
		const firstItem = exercise.items.find((i) => i.id === exercise.answer[0])!;
		await frameWhere(app.lastFrame, (f) => f.includes(`1. ${firstItem.text.slice(0, 20)}`), 'the first item moved to the top');
		app.stdin.write(enter);
		await frameWhere(app.lastFrame, (f) => f.includes('[right]') || f.includes('[not yet]'), 'the verdict');
		expect(store.refresh().exercises[exercise.id].attempts).toBe(1);
		app.unmount();
	});

	it('opens the help overlay with ? and closes it with q', async () => {
		const app = start();
		await frameWhere(app.lastFrame, (f) => f.includes('lessons done'), 'the home screen');
		app.stdin.write('?');
		await frameWhere(app.lastFrame, (f) => f.includes('Keys') && f.includes('show or hide this help'), 'the help');
		app.stdin.write('q');
		await frameWhere(app.lastFrame, (f) => f.includes('lessons done'), 'the home screen again');
		app.unmount();
	});
});

describe('TutorApp without live mode', () => {
	it('explains on the notice line why c cannot check a real Pod, and records nothing', async () => {
		const {lesson, step, exercise} = findExerciseStep('manifest');
		store.visitStep(lesson.id, step, lesson.steps.length);
		const app = start(lesson.id);
		await frameWhere(app.lastFrame, (f) => f.includes('Write a manifest:'), 'the manifest exercise');
		app.stdin.write('c');
		await frameWhere(app.lastFrame, (f) => /No cluster, CRI runtime or podman is usable here|no live Pod to check/.test(f), 'the reason on the notice line');
		expect(app.lastFrame()).not.toContain('[not yet]');
		expect(store.refresh().exercises[exercise.id]?.attempts ?? 0).toBe(0);
		app.unmount();
	});
});

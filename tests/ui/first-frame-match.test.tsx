/**
 * The frame printed before Ink loads (src/tutor/first-frame.ts) is the frame Ink then draws, for
 * every kind of screen: the two come from the same text functions, and this keeps it so.
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {render} from 'ink-testing-library';
import {afterAll, describe, expect, it} from 'vitest';
import type {ExerciseKind, StepKind} from '../../src/content/types.js';
import {openProgressStore} from '../../src/progress/progress-store.js';
import {drawDiagramStep} from '../../src/render/diagram-step.js';
import type {TextStyle} from '../../src/render/text-style.js';
import {firstFrame} from '../../src/tutor/first-frame.js';
import {initialState, tutorReducer, type TutorState} from '../../src/tutor/tutor-state.js';
import {TutorApp} from '../../src/ui/tutor-app.js';
import {frameWhere} from '../helpers/ink-app.js';
import {findExerciseStep, repoCourse} from '../tutor/course-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'pod-tutor-first-frame-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));
const store = openProgressStore({POD_TUTOR_CONFIG_DIR: dir}).store;
const ascii: TextStyle = {charset: 'ascii', attributes: false, color: false};

function home(size: {columns: number; rows: number}): TutorState {
	return initialState(repoCourse(), store.data(), size);
}

function atStep(size: {columns: number; rows: number}, kind: StepKind): TutorState {
	const lesson = repoCourse().lessons.find((l) => l.steps.some((s) => s.kind === kind))!;
	return tutorReducer(home(size), {type: 'open', lessonId: lesson.id, step: lesson.steps.findIndex((s) => s.kind === kind)});
}

function atExercise(size: {columns: number; rows: number}, kind: ExerciseKind): TutorState {
	const {lesson, step} = findExerciseStep(kind);
	return tutorReducer(home(size), {type: 'open', lessonId: lesson.id, step});
}

const KINDS: ExerciseKind[] = ['single-choice', 'multiple-choice', 'ordering', 'free-text', 'quantity', 'manifest', 'predict'];

function screens(size: {columns: number; rows: number}): Array<[string, TutorState]> {
	return [
		['home', home(size)],
		['help', tutorReducer(home(size), {type: 'toggleHelp'})],
		['too small', home({columns: 40, rows: 10})],
		['text step', atStep(size, 'text')],
		['diagram step', atStep(size, 'diagram')],
		...KINDS.map((kind): [string, TutorState] => [kind, atExercise(size, kind)]),
	];
}

const trimmed = (text: string) => text.split('\n').map((l) => l.trimEnd());

describe('the first frame is the frame Ink draws', () => {
	for (const size of [{columns: 80, rows: 24}, {columns: 60, rows: 16}]) {
		it(`at ${size.columns}x${size.rows}, for home, help, too small, text, diagram and every exercise kind`, async () => {
			for (const [name, state] of screens(size)) {
				const expected = trimmed(firstFrame(state, ascii, drawDiagramStep, {}).join('\n'));
				const app = render(<TutorApp initial={state} style={ascii} store={store} handOver={() => ({exitCode: 0})} env={{}} />);
				const drawn = await frameWhere(app, (f) => f !== '', `the ${name} screen`);
				expect(trimmed(drawn), name).toEqual(expected);
				app.unmount();
			}
		});
	}
});

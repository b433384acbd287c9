import {EventEmitter} from 'node:events';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {render} from 'ink';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {EXERCISE_KINDS} from '../../src/content/types.js';
import type {ProgressData} from '../../src/progress/progress-data.js';
import {openProgressStore, type ProgressStore} from '../../src/progress/progress-store.js';
import {drawDiagramStep} from '../../src/render/diagram-step.js';
import type {TextStyle} from '../../src/render/text-style.js';
import {firstFrame} from '../../src/tutor/first-frame.js';
import {initialState, tutorReducer, type Size, type TutorState} from '../../src/tutor/tutor-state.js';
import {FrameWriter, loadTokenizer} from '../../src/ui/frame-writer.js';
import {InkStdin} from '../../src/ui/terminal-input.js';
import {TutorApp} from '../../src/ui/tutor-app.js';
import {findExerciseStep, repoCourse} from '../tutor/course-fixture.js';
import {lazyDetection} from '../../src/live/lazy-detection.js';

// As the tutor starts: live mode is looked for only when the learner asks (never, here).
const notAskedFor = lazyDetection(async () => undefined);

/**
 * The frame drawn before Ink loads must be the frame Ink then draws: otherwise the screen jumps
 * when Ink takes over, and the first key lands on a different layout. Compared for every kind of
 * screen, with the real Ink in the mode the tutor runs it (debug: every write a whole frame).
 */
class Terminal extends EventEmitter {
	writes: string[] = [];
	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}
	write(data: string) {
		this.writes.push(data);
		return true;
	}
}

const styles: Record<string, TextStyle> = {
	unicode: {charset: 'unicode', attributes: true, color: true},
	ascii: {charset: 'ascii', attributes: false, color: false},
};
const SIZES: Size[] = [
	{columns: 80, rows: 24},
	{columns: 60, rows: 16},
];

let dir: string;
let store: ProgressStore;
/** Progress as a new learner has it; the app saves visits to the store, the states do not see them. */
let empty: ProgressData;

beforeAll(async () => {
	await loadTokenizer();
	dir = mkdtempSync(join(tmpdir(), 'pod-tutor-first-frame-'));
	store = openProgressStore({POD_TUTOR_CONFIG_DIR: dir}).store;
	empty = store.data();
});

afterAll(() => {
	rmSync(dir, {recursive: true, force: true});
});

/** Every kind of screen: home, each step kind, each exercise kind, help, too small. */
function screens(size: Size): Array<[string, TutorState]> {
	const course = repoCourse();
	const base = initialState(course, empty, size);
	const at = (lessonId: string, step: number): TutorState => tutorReducer(base, {type: 'open', lessonId, step});
	const out: Array<[string, TutorState]> = [['home', base]];
	for (const kind of ['text', 'code', 'diagram', 'command'] as const) {
		const lesson = course.lessons.find((l) => l.steps.some((s) => s.kind === kind));
		if (lesson)
			out.push([
				`${kind} step`,
				at(
					lesson.id,
					lesson.steps.findIndex((s) => s.kind === kind),
				),
			]);
	}
	for (const kind of EXERCISE_KINDS) {
		const {lesson, step} = findExerciseStep(kind);
		out.push([`${kind} exercise`, at(lesson.id, step)]);
	}
	out.push(['help on home', tutorReducer(base, {type: 'toggleHelp'})]);
	out.push(['help in a lesson', tutorReducer(out[1][1], {type: 'toggleHelp'})]);
	out.push(['too small', tutorReducer(base, {type: 'resize', size: {columns: 40, rows: 10}})]);
	return out;
}

async function inkFrame(state: TutorState, style: TextStyle): Promise<string> {
	const terminal = new Terminal(state.size.columns, state.size.rows);
	const app = render(
		<TutorApp
			initial={state}
			style={style}
			store={store}
			handOver={() => ({exitCode: 0})}
			liveReady={notAskedFor}
		/>,
		{
			stdout: terminal as unknown as NodeJS.WriteStream,
			stdin: new InkStdin() as unknown as NodeJS.ReadStream,
			debug: true,
			patchConsole: false,
			exitOnCtrlC: false,
		},
	);
	app.unmount();
	await new Promise((resolve) => setImmediate(resolve));
	// Ink's contract in debug mode, which frame-writer.ts relies on: every write is a whole frame,
	// text and SGR attributes only (no cursor moves, no erasing).
	for (const write of terminal.writes.filter((w) => !/^(?:\u001B\[\?[0-9;]*[hl])+$/.test(w))) {
		expect(write.replace(/\u001B\[[0-9;]*m/g, '')).not.toMatch(/\u001B/);
	}
	return terminal.writes[0];
}

/** What the terminal shows for a frame (the writer's cells), so equal screens compare equal. */
function shown(lines: readonly string[], size: Size): string {
	const terminal = new Terminal(size.columns, size.rows);
	const writer = new FrameWriter(terminal);
	// A screen that is not blank, so the frame goes through the cell model (on a blank screen rows are
	// sent as they are, and two encodings of the same attributes would compare unequal).
	writer.draw(['\u0000']);
	terminal.writes = [];
	writer.draw(lines);
	return terminal.writes.join('');
}

describe('the first frame is the frame Ink draws', () => {
	for (const size of SIZES) {
		for (const [name, style] of Object.entries(styles)) {
			it(`every kind of screen at ${size.columns}x${size.rows}, ${name}`, async () => {
				const differ: string[] = [];
				for (const [screen, state] of screens(size)) {
					const ink = await inkFrame(state, style);
					const early = firstFrame(state, style, drawDiagramStep);
					if (shown(early, size) !== shown(ink.split('\n'), size))
						differ.push(`${screen}:\n${early.join('\n')}\n--- Ink:\n${ink}`);
				}
				expect(differ).toEqual([]);
			});
		}
	}
});

/**
 * Two windows of one student: what one saves shows up in the other without a restart. Both are
 * real TutorApps on real progress stores over the same folder; the second window's save is a
 * real file replacement that the first one sees through the file system.
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {render} from 'ink-testing-library';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {openProgressStore} from '../../src/progress/progress-store.js';
import {watchProgressFile} from '../../src/progress/progress-watch.js';
import type {TextStyle} from '../../src/render/text-style.js';
import {initialState} from '../../src/tutor/tutor-state.js';
import {TutorApp} from '../../src/ui/tutor-app.js';
import {waitFor} from '../helpers/wait-for.js';
import {repoCourse} from '../tutor/course-fixture.js';

const ascii: TextStyle = {charset: 'ascii', attributes: false, color: false};
let dir: string;
let unmount: (() => void) | undefined;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'pod-tutor-windows-'));
});
afterEach(() => {
	unmount?.();
	rmSync(dir, {recursive: true, force: true});
});

describe('two windows of the same student', () => {
	it('the first window shows what the second one saved, without a restart', async () => {
		const course = repoCourse();
		const first = openProgressStore({POD_TUTOR_CONFIG_DIR: dir}).store;
		// Something saved already, so the folder exists, as on any day but the very first.
		const someExercise = [...course.exercises.keys()][0];
		first.recordHint(someExercise, 1);
		const app = render(
			<TutorApp
				initial={initialState(course, first.data(), {columns: 80, rows: 24})}
				style={ascii}
				store={first}
				handOver={() => ({exitCode: 0})}
			/>,
		);
		unmount = app.unmount;
		const home = await waitFor(
			() => app.lastFrame() ?? '',
			(f) => f.includes('lessons done'),
			'the home screen',
		);
		expect(home).toContain(`0/${course.lessons.length} lessons done`);

		const second = openProgressStore({POD_TUTOR_CONFIG_DIR: dir}).store;
		const lesson = course.lessons[0];
		expect(second.visitStep(lesson.id, lesson.steps.length - 1, lesson.steps.length).ok).toBe(true);
		await waitFor(
			() => app.lastFrame() ?? '',
			(f) => f.includes(`1/${course.lessons.length} lessons done`),
			"the other window's finished lesson",
		);
	});

	it('calls back once per save, and not after it is stopped', async () => {
		const store = openProgressStore({POD_TUTOR_CONFIG_DIR: dir}).store;
		store.visitStep('a', 0, 2);
		let calls = 0;
		const stop = watchProgressFile(store.file, () => (calls += 1));
		const other = openProgressStore({POD_TUTOR_CONFIG_DIR: dir}).store;
		other.visitStep('a', 1, 2);
		await waitFor(
			() => calls,
			(n) => n >= 1,
			'the change',
		);
		stop();
		// A second watcher, started before the next save, shows when that save has been seen.
		let seen = 0;
		const stopSecond = watchProgressFile(store.file, () => (seen += 1));
		other.visitStep('b', 1, 2);
		await waitFor(
			() => seen,
			(n) => n >= 1,
			'the next save, seen by the second watcher',
		);
		stopSecond();
		expect(calls).toBe(1);
	});
});

/**
 * A predict exercise observed for real in the app, without podman: the backend's "podman" is node
 * itself, printing a pid link per container, so the app's keys, the pane and the reading are the
 * real ones and nothing depends on a container runtime (tests/live runs the same with podman).
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {render} from 'ink-testing-library';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {LivePod} from '../../src/live/backend.js';
import type {LiveContext} from '../../src/live/live-context.js';
import {PodmanBackend} from '../../src/live/podman-backend.js';
import {SCENARIOS} from '../../src/live/scenario-catalog.js';
import {currentUserLabel, tutorLabels} from '../../src/live/tutor-labels.js';
import {openProgressStore, type ProgressStore} from '../../src/progress/progress-store.js';
import {ok} from '../../src/result.js';
import {initialState} from '../../src/tutor/tutor-state.js';
import {TutorApp} from '../../src/ui/tutor-app.js';
import {frameWhere, KEYS} from '../helpers/ink-app.js';
import {waitFor} from '../helpers/wait-for.js';
import {repoCourse} from '../tutor/course-fixture.js';

/** What each container's `readlink /proc/self/ns/pid` prints here: two pid namespaces. */
const LINKS = {app: 'pid:[4026532254]', 'log-shipper': 'pid:[4026532256]'};

/**
 * Only podman, as on these machines: no kubectl. Its "podman" is node, printing the pid link of
 * the container named in the arguments; the web-app Pod is already there, running and labelled.
 */
function podmanOnly(): LiveContext {
	const backend = new PodmanBackend({user: currentUserLabel(), binary: process.execPath});
	const pod: LivePod = {
		name: 'web-app',
		labels: tutorLabels(currentUserLabel()),
		containers: [
			{name: 'app', image: 'busybox', state: 'running', mounts: []},
			{name: 'log-shipper', image: 'busybox', state: 'running', mounts: []},
		],
		manifest: {},
	};
	backend.getPod = async () => ok(pod);
	const script = `const links = ${JSON.stringify(LINKS)};
const name = process.argv.slice(1).find((a) => a.startsWith('web-app-'));
console.log(links[name.slice('web-app-'.length)]);`;
	backend.argvFor = (args) => ({file: process.execPath, args: ['-e', script, ...args]});
	return {
		backends: {podman: backend},
		reports: [],
		values: {pod: 'web-app', namespace: 'pod-tutor', container: 'app', image: 'busybox:1.36'},
	};
}

let dir: string;
let store: ProgressStore;
let unmount: (() => void) | undefined;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'pod-tutor-observe-'));
	store = openProgressStore({POD_TUTOR_CONFIG_DIR: dir}).store;
});

afterEach(() => {
	unmount?.();
	rmSync(dir, {recursive: true, force: true});
});

/** The app opened at ns-pid-predict (observed with kubectl, or with podman where there is no kubectl). */
function atPidPredict(live: {live?: LiveContext; liveReady?: Promise<LiveContext | undefined>}) {
	return atPredict('ns-pid-predict', live);
}

function atPredict(exerciseId: string, live: {live?: LiveContext; liveReady?: Promise<LiveContext | undefined>}) {
	const course = repoCourse();
	const lesson = course.lessons.find((l) => l.steps.some((s) => s.kind === 'exercise' && s.exercise === exerciseId))!;
	const step = lesson.steps.findIndex((s) => s.kind === 'exercise' && s.exercise === exerciseId);
	store.visitStep(lesson.id, step, lesson.steps.length);
	const state = initialState(course, store.data(), {columns: 100, rows: 30}, lesson.id);
	const app = render(
		<TutorApp
			initial={state}
			style={{charset: 'ascii', attributes: false, color: false}}
			store={store}
			handOver={() => ({exitCode: 0})}
			env={{}}
			{...live}
		/>,
	);
	unmount = app.unmount;
	return app;
}

describe('a predict exercise observed for real in the app', () => {
	it('shows the command pane for a kubectl observation when only podman is here, and runs it with podman', async () => {
		const app = atPidPredict({live: podmanOnly()});
		await frameWhere(app, (f) => f.includes('Predict, then observe:'), 'the predict exercise');
		// The first choice, "same": a wrong prediction.
		app.stdin.write(KEYS.enter);
		const ready = await frameWhere(app, (f) => f.includes('ready to run with'), 'the pane, ready to run');
		expect(ready).not.toContain('recorded output');
		app.stdin.write(KEYS.enter);
		const done = await frameWhere(app, (f) => f.includes('done in'), 'the finished run');
		expect(done).toContain(LINKS['log-shipper']);
		// The pane wraps long lines anywhere: compared without the white space.
		expect(done.replace(/\s+/g, '')).toContain(
			`This does not agree with your prediction (same): line 1 "${LINKS['log-shipper']}" differs from "${LINKS.app}", which app printed just before, so it shows different.`.replace(
				/\s+/g,
				'',
			),
		);
	});

	it('loses no key: Enter to predict and Enter to run, pressed before the pane is drawn, run the command', async () => {
		const app = atPidPredict({live: podmanOnly()});
		await frameWhere(app, (f) => f.includes('Predict, then observe:'), 'the predict exercise');
		// Both keys before React draws again: the second is decided on the state the first made,
		// where the pane is there (tutor-decisions), and reaches the pane once it listens.
		app.stdin.write(KEYS.enter);
		app.stdin.write(KEYS.enter);
		const done = await frameWhere(app, (f) => f.includes('done in'), 'the finished run');
		expect(done).toContain('This does not agree with your prediction (same)');
		const saved = await waitFor(
			() => store.refresh().predictions['ns-pid-predict'],
			(p) => p !== undefined,
			'the saved prediction',
		);
		expect(saved).toMatchObject({choice: 'same', correct: false});
	});

	it('loses no key while detection is still looking: Enter runs once it answers', async () => {
		let answer: (context: LiveContext | undefined) => void = () => {};
		const liveReady = new Promise<LiveContext | undefined>((resolve) => {
			answer = resolve;
		});
		const app = atPidPredict({liveReady});
		await frameWhere(app, (f) => f.includes('Predict, then observe:'), 'the predict exercise');
		app.stdin.write(KEYS.enter);
		await frameWhere(app, (f) => f.includes('Enter: run it for real'), 'the pane, before detection');
		app.stdin.write(KEYS.enter);
		await frameWhere(app, (f) => f.includes('Looking for kubectl, crictl and podman first...'), 'the wait');
		answer(podmanOnly());
		const done = await frameWhere(app, (f) => f.includes('done in'), 'the finished run');
		expect(done).toContain(LINKS['log-shipper']);
		expect(done).toContain('This does not agree with your prediction (same)');
	});

	it('init-waiting, which podman 4.3 cannot make: one line says why, over the sample output labelled as such', async () => {
		const app = atPredict('init-status-second', {live: podmanOnly()});
		await frameWhere(app, (f) => f.includes('Predict, then observe:'), 'the predict exercise');
		app.stdin.write(KEYS.enter);
		const frame = await frameWhere(app, (f) => f.includes('Not run here:'), 'the fallback');
		const flat = frame.replace(/\s+/g, '');
		expect(flat).toContain(
			`Not run here: ${SCENARIOS['init-waiting'].cannot.podman}. This is the sample output.`.replace(/\s+/g, ''),
		);
		expect(frame).toContain('sample output, exit code 0');
		expect(frame).toContain('Init:1/2');
		expect(frame).not.toContain('ready to run');
	});
});

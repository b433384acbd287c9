/**
 * The tutor's live keys against real podman (run .ci/live-setup.sh first): `p` creates the lesson
 * Pod, `c` checks the learner's real Pod for a manifest exercise, in the app as a learner uses it.
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import yaml from 'js-yaml';
import {render} from 'ink-testing-library';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {ManifestExercise} from '../../src/content/types.js';
import {runCommand} from '../../src/live/command-runner.js';
import {liveContextFrom, type LiveContext} from '../../src/live/live-context.js';
import {PodmanBackend} from '../../src/live/podman-backend.js';
import {currentUserLabel, tutorLabels} from '../../src/live/tutor-labels.js';
import {checkLiveExercise, createLessonPod, LESSON_POD, lessonPodDiagram} from '../../src/live/tutor-live-actions.js';
import {openProgressStore, type ProgressStore} from '../../src/progress/progress-store.js';
import {initialState, type TutorState} from '../../src/tutor/tutor-state.js';
import {TutorApp} from '../../src/ui/tutor-app.js';
import {frameWhere} from '../helpers/ink-app.js';
import {waitFor as waitForValue} from '../helpers/wait-for.js';
import {repoCourse} from '../tutor/course-fixture.js';

const image = process.env.POD_TUTOR_LIVE_IMAGE ?? 'localhost/busybox:tutor';
const user = currentUserLabel();
const backend = new PodmanBackend({user});
let live: LiveContext;
const exercise = repoCourse().exercises.get('storage-shared-emptydir') as ManifestExercise;
const podName = exercise.live!.pod;

async function removePods() {
	await runCommand({
		file: 'podman',
		args: ['pod', 'rm', '--force', '--ignore', '--time', '0', LESSON_POD.pod, podName],
		timeoutMs: 120_000,
	});
}

/** The exercise's reference answer (or a broken copy), runnable with the local busybox image. */
function learnerPod(shared: boolean): Record<string, unknown> {
	const pod = yaml.load(exercise.answer) as {
		metadata: Record<string, unknown>;
		spec: {containers: Array<Record<string, unknown>>};
	};
	pod.metadata.labels = tutorLabels(user);
	const [app, shipper] = pod.spec.containers;
	Object.assign(app, {
		image,
		command: ['/bin/sh', '-c', 'while true; do date >> /var/log/app/app.log; sleep 2; done'],
	});
	Object.assign(shipper, {
		image,
		command: ['/bin/sh', '-c', 'while true; do cat /logs/app.log > /dev/null; sleep 2; done'],
	});
	if (!shared) delete shipper.volumeMounts;
	return pod;
}

async function untilRunning(name: string) {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const pod = await backend.getPod(name);
		if (pod.ok && pod.value.containers.length > 0 && pod.value.containers.every((c) => c.state === 'running'))
			return;
		if (Date.now() > deadline)
			throw new Error(`${name} did not start: ${pod.ok ? JSON.stringify(pod.value.containers) : pod.error}`);
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
}

/** The tutor rendered in-process, and a wait for a text on its frame (each wait up to limitMs). */
function renderTutor(
	state: TutorState,
	store: ProgressStore,
	live: {live?: LiveContext; liveReady?: Promise<LiveContext | undefined>},
	limitMs = 30_000,
) {
	const app = render(
		<TutorApp
			initial={state}
			style={{charset: 'ascii', attributes: false, color: false}}
			store={store}
			handOver={() => ({exitCode: 0})}
			{...live}
		/>,
	);
	const waitFor = (text: string) => frameWhere(app, (f) => f.includes(text), JSON.stringify(text), limitMs);
	return {app, waitFor};
}

beforeAll(async () => {
	await removePods();
	const report = await backend.detect();
	expect(report.usable).toBe(true);
	live = liveContextFrom([{report, backend}], {...LESSON_POD, namespace: 'pod-tutor', image});
});

afterAll(removePods);

describe('live keys of the tutor with real podman', () => {
	it('leaves alone a Pod of the same name that the tutor did not create', async () => {
		await runCommand({file: 'podman', args: ['pod', 'create', '--name', LESSON_POD.pod], timeoutMs: 60_000});
		const outcome = await createLessonPod(live);
		expect(outcome.ok).toBe(false);
		expect(outcome.message).toBe(
			`A Pod named ${LESSON_POD.pod} already exists and the tutor did not create it for ${user}; it is left alone. Remove or rename it, then press p again.`,
		);
		expect((await backend.getPod(LESSON_POD.pod)).ok).toBe(true);
		await removePods();
	});

	it('creates the lesson Pod, labelled so cleanup can remove it, and a second p finds it', async () => {
		const outcome = await createLessonPod(live);
		expect(outcome).toEqual({
			ok: true,
			message: `Created Pod ${LESSON_POD.pod} with podman (labelled: pod-tutor cleanup removes it).`,
		});
		const pod = await backend.getPod(LESSON_POD.pod);
		expect(pod.ok && pod.value.labels).toMatchObject(tutorLabels(user));
		const again = await createLessonPod(live);
		expect(again).toEqual({
			ok: true,
			message: `Pod ${LESSON_POD.pod} is already running with podman (x: a shell in it, v on a diagram step: draw it).`,
		});
	});

	it('in the app, p pressed twice before detection answers creates the Pod once', async () => {
		await removePods();
		const dir = mkdtempSync(join(tmpdir(), 'pod-tutor-live-p-'));
		try {
			const store = openProgressStore({POD_TUTOR_CONFIG_DIR: dir}).store;
			const course = repoCourse();
			const lesson = course.lessons.find((l) => l.steps.some((s) => s.kind === 'command'))!;
			const step = lesson.steps.findIndex((s) => s.kind === 'command');
			store.visitStep(lesson.id, step, lesson.steps.length);
			const state = initialState(course, store.data(), {columns: 80, rows: 24}, lesson.id);
			let answer: (context: LiveContext | undefined) => void = () => {};
			const liveReady = new Promise<LiveContext | undefined>((resolve) => {
				answer = resolve;
			});
			const {app, waitFor} = renderTutor(state, store, {liveReady}, 60_000);
			await waitFor(`step ${step + 1}/`);
			app.stdin.write('p');
			await waitFor('Looking for kubectl, crictl and podman first...');
			app.stdin.write('p');
			answer(live);
			await waitFor(`Created Pod ${LESSON_POD.pod} with podman`);
			// The second p came while the first was under way, so it queued nothing (the reducer's busy
			// mark, tests/tutor/tutor-decisions.test.ts): there is no later attempt to wait for.
			const pods = await runCommand({
				file: 'podman',
				args: ['pod', 'ps', '--filter', `name=^${LESSON_POD.pod}$`, '--format', '{{.Name}}'],
				timeoutMs: 60_000,
			});
			expect(pods.stdout.trim().split('\n')).toEqual([LESSON_POD.pod]);
			app.unmount();
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});

	it('draws the real lesson Pod with the namespace inodes measured in it', async () => {
		await untilRunning(LESSON_POD.pod);
		const drawn = await lessonPodDiagram(live, 100, 'ascii');
		if (!drawn.ok) throw new Error(drawn.message);
		expect(drawn.lines[0]).toMatch(/^Pod web-app as podman sees it/);
		const text = drawn.lines.join('\n');
		// Inode numbers as /proc/PID/ns shows them, measured in the infra, app and sidecar processes.
		expect(text).toMatch(/\b40265\d{5}\b/);
		expect(text).toMatch(/pause|infra/);
		for (const line of drawn.lines) expect(line.length).toBeLessThanOrEqual(100);
	});

	// The pane shows for a kubectl observation where only podman is (tests/ui/tutor-app-observe.test.tsx).
	it("runs a predict exercise's command for real once the prediction is made, and reads it against the prediction", async () => {
		const course = repoCourse();
		// ns-pid-predict observes with kubectl, or with podman (which these machines have) in the web-app scenario.
		const lesson = course.lessons.find((l) =>
			l.steps.some((st) => st.kind === 'exercise' && st.exercise === 'ns-pid-predict'),
		)!;
		const step = lesson.steps.findIndex((st) => st.kind === 'exercise' && st.exercise === 'ns-pid-predict');
		const dir = mkdtempSync(join(tmpdir(), 'pod-tutor-predict-'));
		try {
			const store = openProgressStore({POD_TUTOR_CONFIG_DIR: dir}).store;
			store.visitStep(lesson.id, step, lesson.steps.length);
			const state = initialState(course, store.data(), {columns: 80, rows: 24}, lesson.id);
			const {app, waitFor} = renderTutor(state, store, {live}, 120_000);
			await waitFor('Predict, then observe:');
			// The first choice, "same": the wrong prediction, so the reading must say it does not agree.
			app.stdin.write('\r');
			await waitFor('ready to run with podman');
			expect(app.lastFrame()).not.toContain('recorded output');
			// Pressed at once, as a learner would: the pane must not drop it while it gets ready.
			app.stdin.write('\r');
			await waitFor('done in');
			// log-shipper's link, read against app's measured just before in the same run (the pane
			// wraps long lines anywhere: read without the white space).
			const frame = app.lastFrame()!.replace(/\s+/g, '');
			expect(frame).toMatch(
				/Measuredjustbefore,inapp\(podmanexecweb-app-appreadlink\/proc\/self\/ns\/pid\):"pid:\[\d+\]"/,
			);
			expect(frame).toMatch(
				/Thisdoesnotagreewithyourprediction\(same\):line1"pid:\[\d+\]"differsfrom"pid:\[\d+\]",whichappprintedjustbefore,soitshowsdifferent\./,
			);
			await waitForValue(
				() => store.refresh().predictions['ns-pid-predict'],
				(p) => p !== undefined,
				'the saved prediction',
			);
			app.unmount();
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});

	it('checks a wrong real Pod, then the right one, with the exercise rules', async () => {
		await backend.createPod(learnerPod(false));
		await untilRunning(podName);
		const wrong = await checkLiveExercise(exercise, live);
		expect(wrong.correct).toBe(false);
		expect(wrong.feedback).toContain('log-shipper');
		await runCommand({file: 'podman', args: ['pod', 'rm', '--force', '--time', '0', podName], timeoutMs: 120_000});

		await backend.createPod(learnerPod(true));
		await untilRunning(podName);
		const right = await checkLiveExercise(exercise, live);
		expect(right).toMatchObject({correct: true, malformed: false});
		expect(right.checks.map((c) => c.name)).toContain('container app running');
	});

	it('in the app, c on the exercise checks the real Pod and records the attempt', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'pod-tutor-live-app-'));
		try {
			const store = openProgressStore({POD_TUTOR_CONFIG_DIR: dir}).store;
			const lesson = repoCourse().lessons.find((l) => l.id === exercise.lesson)!;
			const step = lesson.steps.findIndex((s) => s.kind === 'exercise' && s.exercise === exercise.id);
			store.visitStep(lesson.id, step, lesson.steps.length);
			const state = initialState(repoCourse(), store.data(), {columns: 80, rows: 24}, lesson.id);
			const {app, waitFor} = renderTutor(state, store, {live});
			await waitFor('Write a manifest:');
			app.stdin.write('c');
			await waitFor('[right]');
			expect(app.lastFrame()).toContain(`Your real Pod ${podName} (read with podman) passes every check.`);
			// The attempt is saved by the app's effect runner just after the verdict is drawn.
			const saved = await waitForValue(
				() => store.refresh().exercises[exercise.id],
				(r) => r?.attempts === 1,
				'the saved attempt',
			);
			expect(saved).toMatchObject({attempts: 1, correct: true});
			app.unmount();
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});
});

describe('reset --all with real podman', () => {
	it('forgets progress and deletes the tutor-labelled Pods, leaving unlabelled ones alone', async () => {
		const {runReset} = await import('../../src/commands/reset.js');
		const dir = mkdtempSync(join(tmpdir(), 'pod-tutor-reset-'));
		const mine = `learner-own-reset-${process.pid}`;
		try {
			await removePods();
			expect((await createLessonPod(live)).ok).toBe(true);
			await runCommand({file: 'podman', args: ['pod', 'create', '--name', mine], timeoutMs: 60_000});
			const out: string[] = [];
			const io = {
				stdout: (t: string) => void out.push(t),
				stderr: (t: string) => void out.push(t),
				stdin: process.stdin,
				interactive: false,
				env: {...process.env, POD_TUTOR_CONFIG_DIR: dir},
				cwd: process.cwd(),
			};
			const code = await runReset(['--all', '--yes'], io, {
				lessonDirs: [`${process.cwd()}/lessons`],
				configDir: dir,
				ascii: true,
				noColor: true,
			});
			expect(out.join('')).toContain(`podman: deleted ${LESSON_POD.pod}`);
			expect(code).toBe(0);
			expect((await backend.getPod(LESSON_POD.pod)).ok).toBe(false);
			const left = await runCommand({file: 'podman', args: ['pod', 'exists', mine], timeoutMs: 60_000});
			expect(left.exitCode).toBe(0);
		} finally {
			await runCommand({
				file: 'podman',
				args: ['pod', 'rm', '--force', '--ignore', '--time', '0', mine],
				timeoutMs: 60_000,
			});
			rmSync(dir, {recursive: true, force: true});
		}
	});
});

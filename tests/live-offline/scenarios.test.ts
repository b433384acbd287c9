/**
 * Scenarios without a cluster: the catalogue matches its manifests, kubectl scenarios reach their
 * state on Pod objects recorded in the API's shape, crictl steps fall back honestly, the
 * validator refuses steps that could not show what they are about, and prose fills placeholders.
 */
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import yaml from 'js-yaml';
import {describe, expect, it} from 'vitest';
import type {CommandSpec} from '../../src/content/types.js';
import {validateExercise} from '../../src/content/exercise-validator.js';
import {FieldReader} from '../../src/content/field-reader.js';
import {validateLesson} from '../../src/content/lesson-validator.js';
import {checkAnswer} from '../../src/exercises/check-answer.js';
import type {RunRequest} from '../../src/live/command-runner.js';
import {CrictlBackend} from '../../src/live/crictl-backend.js';
import {KubectlBackend} from '../../src/live/kubectl-backend.js';
import {findDeciding} from '../../src/live/output-reading.js';
import {SCENARIOS} from '../../src/live/scenario-catalog.js';
import {preparedManifest, prepareScenario, readScenarioManifest} from '../../src/live/scenario-run.js';
import {planStep, shownArgs} from '../../src/live/step-plan.js';
import {repoCourse} from '../tutor/course-fixture.js';
import {resultOf} from './recorded-exec.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/kubectl/', import.meta.url));
const fixture = (name: string) => readFileSync(`${FIXTURES}${name}`, 'utf8');

/** kubectl answering from Pod objects recorded in the API's shape; `create` is remembered. */
function recordedCluster(files: Record<string, string>, asked: string[][] = []) {
	return async (request: RunRequest) => {
		asked.push([...request.args]);
		const args = request.args.filter(
			(a) => !a.startsWith('--request-timeout') && a !== '--namespace' && a !== 'pod-tutor',
		);
		const key = args.join(' ');
		for (const [pattern, file] of Object.entries(files))
			if (key.startsWith(pattern)) return resultOf({stdout: fixture(file), stderr: '', exitCode: 0});
		if (args[0] === 'get')
			return resultOf({
				stdout: '',
				stderr: `Error from server (NotFound): pods "${args[2]}" not found\n`,
				exitCode: 1,
			});
		throw new Error(`not recorded: kubectl ${key}`);
	};
}

describe('the scenario catalogue', () => {
	it.each(Object.values(SCENARIOS))('$name: its manifest names the same object', async (scenario) => {
		const manifest = await readScenarioManifest(scenario.name);
		if (!manifest.ok) throw new Error(manifest.error);
		expect(manifest.value.kind).toBe(scenario.kind);
		expect((manifest.value.metadata as {name: string}).name).toBe(scenario.object);
	});

	it("the prepared manifest carries the tutor's labels, on a Deployment's Pods too, and the lesson image", async () => {
		const manifest = await readScenarioManifest('web-api-deployment');
		if (!manifest.ok) throw new Error(manifest.error);
		const prepared = preparedManifest(manifest.value, {
			user: 'ada',
			image: 'mirror.local/busybox:1.36',
			namespace: 'pod-tutor',
		}) as any;
		expect(prepared.metadata.labels).toMatchObject({
			'app.kubernetes.io/managed-by': 'pod-tutor',
			'pod-tutor/user': 'ada',
			app: 'web-api',
		});
		expect(prepared.metadata.namespace).toBe('pod-tutor');
		expect(prepared.spec.template.metadata.labels).toMatchObject({'pod-tutor/user': 'ada', app: 'web-api'});
		expect(prepared.spec.selector.matchLabels).toEqual({app: 'web-api'});
		expect(prepared.spec.template.spec.containers[0].image).toBe('mirror.local/busybox:1.36');
	});
});

describe('kubectl scenarios on recorded API objects', () => {
	const backend = (files: Record<string, string>, asked?: string[][]) =>
		new KubectlBackend({namespace: 'pod-tutor', user: 'root', exec: recordedCluster(files, asked)});

	it("init-waiting: the tutor's Pod with migrate running is the state the step is about", async () => {
		const asked: string[][] = [];
		const ready = await prepareScenario(
			backend({'get pod web-app-init -o json': 'get-pod-web-app-init.json'}, asked),
			SCENARIOS['init-waiting'],
			{target: {user: 'root', image: 'busybox:1.36'}, pollMs: 1},
		);
		expect(ready.ok).toBe(true);
		// Found, labelled for this user: nothing is created again.
		expect(asked.some((a) => a.includes('create'))).toBe(false);
	});

	it('crash-loop: reached once app waits in CrashLoopBackOff', async () => {
		const ready = await prepareScenario(
			backend({'get pod web-app-crashloop -o json': 'get-pod-web-app-crashloop.json'}),
			SCENARIOS['crash-loop'],
			{target: {user: 'root', image: 'busybox:1.36'}, pollMs: 1},
		);
		expect(ready.ok).toBe(true);
	});

	it('kill-restart, then kill-restarted: app running, then running again with one restart in the same Pod', async () => {
		const options = {target: {user: 'root', image: 'busybox:1.36'}, pollMs: 1};
		const before = backend({'get pod web-app-kill -o json': 'get-pod-web-app-kill.json'});
		expect((await prepareScenario(before, SCENARIOS['kill-restart'], options)).ok).toBe(true);
		// Before the kill, the restarted state is not there: a bounded wait that says so.
		const early = await prepareScenario(before, {...SCENARIOS['kill-restarted'], waitSeconds: 0}, options);
		expect(early.ok).toBe(false);
		const after = backend({'get pod web-app-kill -o json': 'get-pod-web-app-kill-restarted.json'});
		const ready = await prepareScenario(after, SCENARIOS['kill-restarted'], options);
		if (!ready.ok) throw new Error(ready.error);
		expect(ready.value.map((p) => [p.name, p.ip])).toEqual([['web-app-kill', '10.244.0.7']]);
	});

	it('web-api-deployment: three Pods of the Deployment running', async () => {
		const ready = await prepareScenario(
			backend({'get pods -l app=web-api -o json': 'get-pods-app-web-api.json'}),
			SCENARIOS['web-api-deployment'],
			{target: {user: 'root', image: 'busybox:1.36'}, pollMs: 1},
		);
		if (!ready.ok) throw new Error(ready.error);
		expect(ready.value.map((p) => p.name)).toEqual([
			'web-api-6d4cf56db6-2xkqp',
			'web-api-6d4cf56db6-9hz7w',
			'web-api-6d4cf56db6-tcvbm',
		]);
	});

	it('a state that does not come: a bounded wait and a message saying what was wanted and what is there', async () => {
		const scenario = {...SCENARIOS['crash-loop'], waitSeconds: 0};
		const ready = await prepareScenario(
			backend({'get pod web-app-crashloop -o json': 'get-pod-web-app.json'}),
			scenario,
			{target: {user: 'root', image: 'busybox:1.36'}, pollMs: 1},
		);
		expect(ready.ok).toBe(false);
		if (!ready.ok)
			expect(ready.error).toBe(
				'web-app-crashloop did not reach "container app in CrashLoopBackOff" within 0 s; now: app running, log-shipper running',
			);
	});

	it('a Pod of that name the tutor did not make is left alone', async () => {
		const foreign = fixture('get-pod-web-app.json').replace(
			'"pod-tutor/user": "root"',
			'"pod-tutor/user": "someone-else"',
		);
		const exec = async (request: RunRequest) =>
			request.args.includes('create')
				? Promise.reject(new Error('must not create'))
				: resultOf({stdout: foreign, stderr: '', exitCode: 0});
		const ready = await prepareScenario(
			new KubectlBackend({namespace: 'pod-tutor', user: 'root', exec}),
			SCENARIOS['web-app'],
			{target: {user: 'root', image: 'busybox:1.36'}},
		);
		expect(ready.ok).toBe(false);
		if (!ready.ok)
			expect(ready.error).toMatch(
				/^a Pod named web-app is already there and the tutor did not create it for root; it is left alone/,
			);
	});
});

describe('steps without a backend that can make their scenario', () => {
	it('crictl alone (a node, no cluster here): the recorded output, because crictl makes no Pods', () => {
		const step = repoCourse()
			.lessons.flatMap((l) => l.steps)
			.find((s) => s.kind === 'command' && s.tool === 'crictl') as CommandSpec;
		const plan = planStep(step, {backends: {crictl: new CrictlBackend()}, reports: [], values: {}});
		expect(plan).toEqual({
			kind: 'recorded',
			reason: 'crictl reads the Pods a kubelet made and never makes one itself, and no cluster is usable here to make web-app',
		});
	});

	it('every recorded output shows what its step teaches, read as the tutor reads a real one', () => {
		const course = repoCourse();
		for (const exercise of course.exercises.values()) {
			if (exercise.kind !== 'predict') continue;
			expect(
				findDeciding(exercise.observe.recorded.output, exercise.observe, exercise.observe.recorded.compared)
					?.answer,
				exercise.id,
			).toBe(exercise.answer);
		}
	});
});

describe('the validator refuses a step that cannot show what it is about', () => {
	const lesson = (step: Record<string, unknown>) => {
		const reader = new FieldReader();
		validateLesson(
			{
				id: 'x',
				title: 'X',
				summary: 'x',
				steps: [{kind: 'command', tool: 'kubectl', recorded: {output: 'web-app   2/2   Running\n'}, ...step}],
			},
			reader,
		);
		return reader.problems.map((p) => `${p.path}: ${p.message}`);
	};

	it('no scenario', () => {
		expect(lesson({args: ['get', 'pod', '{pod}'], expect: 'Running'})).toEqual([
			expect.stringMatching(
				/^steps\[0\]\.scenario: missing: the Pod this command runs against, one of web-app, /,
			),
		]);
	});

	it('a listing command that does not name its Pod (crictl ps shows every container on the node)', () => {
		expect(lesson({tool: 'crictl', args: ['ps'], scenario: 'web-app', expect: 'Running'})).toEqual([
			expect.stringMatching(/^steps\[0\]\.args: the command does not name the scenario's Pod/),
		]);
	});

	it('a recorded output with no line that shows the point', () => {
		expect(lesson({args: ['get', 'pod', '{pod}'], scenario: 'web-app', expect: 'Init:1/2'})).toEqual([
			'steps[0].expect: no line of the recorded output matches /Init:1/2/: the command cannot show what the step is about',
		]);
	});

	it('a step whose state comes from an earlier step, without that step before it', () => {
		expect(lesson({args: ['get', 'pod', '{pod}'], scenario: 'kill-restarted', expect: 'Running'})).toEqual([
			'steps[0].scenario: the state of kill-restarted comes from a command on the scenario kill-restart: put such a step before this one',
		]);
	});

	it('a podman way for a scenario podman cannot make', () => {
		expect(
			lesson({
				args: ['get', 'pod', '{pod}'],
				scenario: 'qos-burstable',
				expect: 'Running',
				podman: {args: ['inspect', '{pod}']},
			}),
		).toEqual([expect.stringMatching(/^steps\[0\]\.podman: the scenario qos-burstable cannot run with podman/)]);
	});

	it('a predict exercise whose recorded output does not decide the taught answer', () => {
		const doc = yaml.load(
			readFileSync(fileURLToPath(new URL('../../exercises/qos/res-qos-predict.yaml', import.meta.url)), 'utf8'),
		) as any;
		doc.observe.recorded.output = 'BestEffort';
		const reader = new FieldReader();
		validateExercise(doc, 'qos', 'res-qos-predict.yaml', reader);
		expect(reader.problems.map((p) => `${p.path}: ${p.message}`)).toContain(
			'observe.decide: the recorded output shows "c" (line 1), not the answer "b": the command cannot show the answer',
		);
	});
});

describe('placeholders in prose', () => {
	it("are filled as in the command line: the scenario's Pod, never a raw {pod}", () => {
		const course = repoCourse();
		for (const exercise of course.exercises.values()) {
			if (exercise.kind !== 'predict') continue;
			const feedback = checkAnswer(exercise, {kind: 'choice', selected: [exercise.choices[0].id]}).feedback;
			expect(feedback, exercise.id).not.toMatch(/\{(pod|container|namespace|image)\}/);
		}
		const observe = (course.exercises.get('ns-pid-predict') as {observe: CommandSpec}).observe;
		expect(shownArgs(observe).join(' ')).toBe('exec web-app -c log-shipper -- readlink /proc/self/ns/pid');
	});
});

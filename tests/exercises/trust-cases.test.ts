/**
 * The cases of issue #9 ("What was found") that are not an example in an exercise file, and the
 * verdict each must give. The rest are examples in their exercises (course-examples.test.ts).
 */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadCourse} from '../../src/content/course-loader.js';
import type {Exercise, FreeTextExercise, QuantityExercise} from '../../src/content/types.js';
import {checkAnswer} from '../../src/exercises/check-answer.js';
import {parseCommand, sameCommand} from '../../src/exercises/command-match.js';
import {parseDuration} from '../../src/k8s/duration.js';
import {fixtureExercise} from './fixture-course.js';

const course = loadCourse({lessonDirs: [join(import.meta.dirname, '..', '..', 'lessons')]});
function exercise(id: string): Exercise {
	const ex = course.exercises.get(id);
	if (!ex) throw new Error(`no exercise ${id}`);
	return ex;
}
const text = (t: string) => ({kind: 'text' as const, text: t});
const manifest = (source: string) => ({kind: 'manifest' as const, source, origin: 'pod.yaml'});

describe('lists: exactly these items, in any order', () => {
	const ex = fixtureExercise('namespaces-list', 'free-text');
	it.each([
		'net, uts, ipc',
		'ipc uts net',
		'NET/UTS/IPC',
		'the network, hostname (uts) and ipc namespaces',
		'uts; ipc & net',
	])('accepts %s', (answer) => {
		expect(checkAnswer(ex, text(answer)).correct).toBe(true);
	});
	it('names the missing and the extra items', () => {
		const result = checkAnswer(ex, text('net, uts and pid'));
		expect(result.correct).toBe(false);
		expect(result.checks[0].message).toBe('you left out ipc; pid is not shared by default');
	});
	it('names words that are no item at all', () => {
		expect(checkAnswer(ex, text('net uts ipc cgroup')).checks[0].message).toBe(
			'cgroup is not one of the items asked for',
		);
	});
	it('gives a listed mistake its feedback', () => {
		expect(checkAnswer(ex, text('pid, ipc, uts and net')).feedback).toBe(ex.wrong[0].feedback);
	});
});

describe('free text generalises', () => {
	const gloss: FreeTextExercise = {
		...fixtureExercise('why-pause', 'free-text'),
		answer: 'the CRI runtime',
		accept: [],
		synonyms: [],
	};
	it('leaves out a parenthetical gloss', () => {
		expect(checkAnswer(gloss, text('the CRI runtime (containerd or CRI-O)')).correct).toBe(true);
	});
	it('matches whole words, never substrings', () => {
		const pod = exercise('pod-smallest-unit');
		expect(checkAnswer(pod, text('podcast')).correct).toBe(false);
		expect(checkAnswer(pod, text('the Pod')).correct).toBe(true);
	});
	it('together-interview: a contradiction makes an answer with every key point wrong, and says which', () => {
		const ex = exercise('together-interview');
		const answer =
			'A container is the smallest deployable unit ... each container has its own IP. ' + (ex.answer as string);
		const result = checkAnswer(ex, text(answer));
		expect(result.correct).toBe(false);
		expect(result.checks.find((check) => check.name === 'no contradiction')?.message).toBe(
			'says "container is the smallest deployable unit", which the lesson shows is not so',
		);
	});
	it('together-interview: words of two sentences, or far apart, make no contradiction', () => {
		const ex = exercise('together-interview');
		const answer = `${ex.answer as string} Each container has its own pid namespace, the Pod one IP. Each container has its own. IP is shared.`;
		expect(checkAnswer(ex, text(answer)).correct).toBe(true);
	});
	it('together-interview: a negated contradiction is no contradiction', () => {
		const ex = exercise('together-interview');
		expect(
			checkAnswer(ex, text(`The containers do not each have their own IP. ${ex.answer as string}`)).correct,
		).toBe(true);
	});
});

describe('commands are compared as commands', () => {
	const same = (a: string, b: string) => sameCommand(parseCommand(a)!, parseCommand(b)!);
	it('flags in any order, short or long, with = or a space', () => {
		expect(same('crictl pods -v', 'crictl pods --verbose')).toBe(true);
		expect(same('sudo crictl pods -o json', 'crictl pods --output=json')).toBe(true);
		expect(
			same('kubectl get pods -n kube-system -o wide', 'kubectl get pods --output wide --namespace=kube-system'),
		).toBe(true);
		expect(same('kubectl exec -it web -- sh', 'kubectl exec -i -t web -- sh')).toBe(true);
		expect(same('$ nsenter -t 42 -n ip addr', 'nsenter --net --target 42 ip addr')).toBe(true);
	});
	it('flags that only say how to reach the runtime or cluster are left out', () => {
		expect(same('crictl -r unix:///run/containerd/containerd.sock pods', 'crictl pods')).toBe(true);
		expect(same('crictl --timeout 5s pods -v', 'crictl pods --verbose')).toBe(true);
		expect(same('kubectl --context lab get pods', 'kubectl get pods')).toBe(true);
	});
	it('a different subcommand or flag is a different command', () => {
		expect(same('crictl ps', 'crictl pods')).toBe(false);
		expect(same('crictl ps -a', 'crictl ps')).toBe(false);
		expect(same('kubectl get pods -n a', 'kubectl get pods -n b')).toBe(false);
	});
});

describe('durations and quantities', () => {
	it('300s = 5m = 5 minutes = 300, and 5m is never 0.005', () => {
		const seconds = (t: string) => {
			const parsed = parseDuration(t);
			return parsed.ok ? Number(parsed.value.num) / Number(parsed.value.den) : Number.NaN;
		};
		expect(['300', '300s', '5m', '5 minutes', '5m0s', '4m 60s', '300 seconds'].map(seconds)).toEqual([
			300, 300, 300, 300, 300, 300, 300,
		]);
		expect(seconds('1h30m')).toBe(5400);
		expect(parseDuration('-5m')).toEqual({ok: false, error: '"-5m" is negative; a duration cannot be below zero'});
		expect(parseDuration('5 fortnights').ok).toBe(false);
	});
	it('refuses a negative quantity as an answer', () => {
		const result = checkAnswer(exercise('res-sum-simple'), text('-1Mi'));
		expect(result).toMatchObject({correct: false, malformed: true});
		expect(result.feedback).toBe('"-1Mi" is negative; a resource amount cannot be below zero');
	});
	it('names the unit of the wrong resource instead of converting it', () => {
		const cpu = exercise('container-cpu-limit') as QuantityExercise;
		const result = checkAnswer(cpu, text('500Mi'));
		expect(result).toMatchObject({correct: false, malformed: false});
		expect(result.checks[0].message).toBe(
			'Mi is a unit of memory (bytes); CPU is counted in cores, such as 1.5, or millicores, such as 1500m',
		);
		expect(checkAnswer(exercise('res-sum-simple'), text('320m')).checks[0].message).toContain(
			'm (milli) is the unit of CPU millicores',
		);
	});
});

describe('manifests: the API server first, then the lesson', () => {
	const pod = exercise('pod-two-containers');
	it('no rule message prints a literal \\n', () => {
		const ex = exercise('storage-shared-emptydir');
		const result = checkAnswer(
			ex,
			manifest(
				'apiVersion: v1\nkind: Pod\nmetadata: {name: app-logs}\nspec:\n  containers:\n    - {name: app, image: busybox}\n    - {name: log-shipper, image: busybox}\n',
			),
		);
		for (const check of result.checks) expect(check.message).not.toContain('\\n');
	});
	it.each([
		[
			'a container with no image',
			'  containers:\n    - {name: app, image: busybox}\n    - {name: log-shipper}\n',
			'spec.containers[1].image: missing: every container needs an image',
		],
		[
			'an init container with no image',
			'  initContainers:\n    - {name: setup}\n  containers:\n    - {name: app, image: busybox}\n    - {name: log-shipper, image: busybox}\n',
			'spec.initContainers[0].image: missing',
		],
		[
			'duplicate names across lists',
			'  initContainers:\n    - {name: app, image: busybox}\n  containers:\n    - {name: app, image: busybox}\n    - {name: log-shipper, image: busybox}\n',
			'the name "app" is already used by',
		],
		[
			'a mount of an undeclared volume',
			'  containers:\n    - {name: app, image: busybox, volumeMounts: [{name: data, mountPath: /d}]}\n    - {name: log-shipper, image: busybox}\n',
			'mounts volume "data", which spec.volumes does not declare',
		],
		[
			'shareProcessNamespace with hostPID',
			'  shareProcessNamespace: true\n  hostPID: true\n  containers:\n    - {name: app, image: busybox}\n    - {name: log-shipper, image: busybox}\n',
			'shareProcessNamespace and hostPID cannot both be true',
		],
		[
			'a port out of range',
			'  containers:\n    - {name: app, image: busybox, ports: [{containerPort: 70000}]}\n    - {name: log-shipper, image: busybox}\n',
			'70000 is not a port',
		],
		[
			'the same port twice in one container',
			'  containers:\n    - {name: app, image: busybox, ports: [{containerPort: 80}, {containerPort: 80}]}\n    - {name: log-shipper, image: busybox}\n',
			'app lists containerPort 80/TCP twice',
		],
		[
			'a limit below its request',
			'  containers:\n    - {name: app, image: busybox, resources: {requests: {memory: 2Gi}, limits: {memory: 1Gi}}}\n    - {name: log-shipper, image: busybox}\n',
			'the memory request 2Gi is above the limit 1Gi',
		],
		[
			'a negative quantity',
			'  containers:\n    - {name: app, image: busybox, resources: {requests: {cpu: -1}}}\n    - {name: log-shipper, image: busybox}\n',
			'-1 is negative',
		],
		[
			'a container name that is no DNS label',
			'  containers:\n    - {name: App_1, image: busybox}\n    - {name: log-shipper, image: busybox}\n',
			'"App_1" is not a valid name',
		],
		[
			'a number where text belongs (the OpenAPI schema)',
			'  containers:\n    - {name: app, image: 3}\n    - {name: log-shipper, image: busybox}\n',
			'spec.containers[0].image: must be text (a string), not 3',
		],
	])('refuses %s, with field path and line', (_what, spec, message) => {
		const result = checkAnswer(
			pod,
			manifest(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-app\nspec:\n${spec}`),
		);
		expect(result.correct).toBe(false);
		const refusal = result.checks.find(
			(check) => check.name.startsWith('API server') && check.message.includes(message),
		);
		expect(refusal, JSON.stringify(result.checks)).toBeDefined();
		expect(refusal!.message).toMatch(/^line \d+, spec\./);
		expect(result.feedback.startsWith('The API server would refuse this manifest:')).toBe(true);
	});
	it('refuses a Deployment under apiVersion v1', () => {
		const result = checkAnswer(
			exercise('scale-write-deployment'),
			manifest('apiVersion: v1\nkind: Deployment\nmetadata: {name: web-api}\nspec: {replicas: 3}\n'),
		);
		expect(result.checks[0]).toEqual({
			name: 'API server: apiVersion',
			passed: false,
			message: 'line 1, apiVersion: a Deployment is served as apiVersion apps/v1, not "v1"',
		});
	});
});

describe('feedback goes to the closest listed mistake only', () => {
	it('patterns-native-sidecar: in both lists is not "without restartPolicy"', () => {
		const ex = exercise('patterns-native-sidecar');
		const both =
			'apiVersion: v1\nkind: Pod\nmetadata: {name: app-with-sidecar}\nspec:\n  initContainers:\n    - {name: log-shipper, image: busybox, restartPolicy: Always}\n  containers:\n    - {name: app, image: busybox}\n    - {name: log-shipper, image: busybox}\n';
		const result = checkAnswer(ex, manifest(both));
		expect(result.feedback).not.toContain('Without');
		expect(result.feedback).toContain('log-shipper is listed in both containers and initContainers');
	});
	it('debug-share-pid: "true" in quotes is told to drop the quotes, not where the field goes', () => {
		const ex = exercise('debug-share-pid');
		const quoted = (ex.answer as string).replace('shareProcessNamespace: true', 'shareProcessNamespace: "true"');
		const result = checkAnswer(ex, manifest(quoted));
		expect(result.feedback).toContain('without quotes');
		expect(result.feedback).not.toContain('beside');
	});
});

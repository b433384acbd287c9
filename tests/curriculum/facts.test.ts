import {describe, expect, test} from 'vitest';
import {allClaims, claimsOfLesson, lessonById, sentences} from './curriculum-course.js';
import {RIGHT_CLAIMS, WRONG_CLAIMS, wrongClaimsIn} from './fact-detectors.js';

/** Sentences in the shape of the seeds' mistakes (see FACTS.md); each detector must catch its own. */
const MISTAKES: ReadonlyArray<readonly [string, string]> = [
	['containers called the smallest deployable unit', 'Containers are the smallest deployable units in Kubernetes.'],
	['containers called the smallest deployable unit', 'In Kubernetes the smallest deployable unit is a container.'],
	["a Pod's request called the plain sum of its containers", "The Pod's total resource consumption is the sum of its containers."],
	["a Pod's request called the plain sum of its containers", 'The scheduler sees a request that is simply the sum of the requests of all containers.'],
	['pid or mnt called Pod-level (shared) namespaces', 'The pid,mnt ns is shown on a Kubernetes pod.'],
	['pid or mnt called Pod-level (shared) namespaces', 'The pause container holds the pid and mnt namespaces for the Pod.'],
	['pid or mnt called Pod-level (shared) namespaces', 'By default, the containers of a Pod share one pid namespace.'],
	['"Kubernetes adds the pause container" (the CRI runtime creates the sandbox)', 'Kubernetes adds a `pause` container to your pod.'],
	['the kubelet restarting containers unconditionally', 'When a container crashes, the kubelet restarts the failed container.'],
	['"Kubernetes restarted your Pod" (the container restarted, the Pod stayed)', 'Kubernetes automatically restarted your pod.'],
	['"Kubernetes restarted your Pod" (the container restarted, the Pod stayed)', 'After the crash the Pod was restarted on the same node.'],
];

/** Correct sentences close to the mistakes; no detector may fire on them. */
const CORRECT: readonly string[] = [
	'A Pod is the smallest deployable unit; a container is never scheduled on its own.',
	'A container is not the smallest deployable unit in Kubernetes.',
	'Effective Pod request = overhead + max(sum of app and sidecar requests, largest init request).',
	'With no init containers and no overhead, the request is the sum of the containers: 250m.',
	'The sandbox holds net, uts and ipc; each container has its own pid and mnt.',
	'Setting shareProcessNamespace: true shares the pid namespace between containers.',
	'With a shared pid namespace the sandbox holds pid as well as net, uts and ipc.',
	'The CRI runtime creates the pause container when the kubelet calls RunPodSandbox.',
	'If restartPolicy allows it, the kubelet restarts the container with a growing back-off.',
	'The container restarted, not the Pod: the Pod kept its IP.',
];

describe('the fact detectors', () => {
	test.each(MISTAKES)('"%s" catches: %s', (name, sentence) => {
		const found = sentences(sentence).flatMap(wrongClaimsIn).map((c) => c.name);
		expect(found).toContain(name);
	});

	test.each(CORRECT)('no false alarm on: %s', (sentence) => {
		expect(sentences(sentence).flatMap(wrongClaimsIn).map((c) => c.name)).toEqual([]);
	});

	test('every wrong claim has a sample mistake', () => {
		const sampled = new Set(MISTAKES.map(([name]) => name));
		expect(WRONG_CLAIMS.map((c) => c.name).filter((n) => !sampled.has(n))).toEqual([]);
	});
});

describe('the corrections in FACTS.md hold in every lesson and exercise', () => {
	const claims = allClaims();

	test('there is course text to search', () => {
		expect(claims.length).toBeGreaterThan(100);
	});

	for (const wrong of WRONG_CLAIMS) {
		test(`nothing claims ${wrong.name}`, () => {
			const offending = claims.flatMap((claim) =>
				sentences(claim.text)
					.filter((s) => wrongClaimsIn(s).includes(wrong))
					.map((s) => `${claim.where}: "${s}" (say instead: ${wrong.correction})`),
			);
			expect(offending).toEqual([]);
		});
	}
});

describe('each lesson states the facts of its topic', () => {
	for (const right of RIGHT_CLAIMS) {
		test(`${right.lesson}: ${right.name}`, () => {
			expect(lessonById(right.lesson), `lesson "${right.lesson}" is missing or broken`).toBeDefined();
			const all = claimsOfLesson(right.lesson).flatMap((c) => sentences(c.text));
			const stated = all.some((s) => right.all.every((p) => p.test(s)));
			expect(stated, `no sentence of lesson "${right.lesson}" matches ${right.all.map(String).join(' and ')}`).toBe(true);
		});
	}
});

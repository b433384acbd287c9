import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {
	allClaims,
	claimsOfLesson,
	curriculum,
	lessonById,
	LESSON_DIR,
	REPO_ROOT,
	sentences,
} from './curriculum-course.js';
import {RIGHT_CLAIMS, WRONG_CLAIMS, wrongClaimsIn} from './fact-detectors.js';

/** Sentences in the shape of the seeds' mistakes (see FACTS.md); each detector must catch its own. */
const MISTAKES: ReadonlyArray<readonly [string, string]> = [
	['containers called the smallest deployable unit', 'Containers are the smallest deployable units in Kubernetes.'],
	['containers called the smallest deployable unit', 'In Kubernetes the smallest deployable unit is a container.'],
	[
		"a Pod's request called the plain sum of its containers",
		"The Pod's total resource consumption is the sum of its containers.",
	],
	[
		"a Pod's request called the plain sum of its containers",
		'The scheduler sees a request that is simply the sum of the requests of all containers.',
	],
	['pid or mnt called Pod-level (shared) namespaces', 'The pid,mnt ns is shown on a Kubernetes pod.'],
	[
		'pid or mnt called Pod-level (shared) namespaces',
		'The pause container holds the pid and mnt namespaces for the Pod.',
	],
	['pid or mnt called Pod-level (shared) namespaces', 'By default, the containers of a Pod share one pid namespace.'],
	[
		'"Kubernetes adds the pause container" (the CRI runtime creates the sandbox)',
		'Kubernetes adds a `pause` container to your pod.',
	],
	[
		'the kubelet restarting containers unconditionally',
		'When a container crashes, the kubelet restarts the failed container.',
	],
	[
		'"Kubernetes restarted your Pod" (the container restarted, the Pod stayed)',
		'Kubernetes automatically restarted your pod.',
	],
	[
		'"Kubernetes restarted your Pod" (the container restarted, the Pod stayed)',
		'After the crash the Pod was restarted on the same node.',
	],
	// Issue 11: what the course itself said before the instructor's review.
	[
		"the effective request's init term without the sidecars listed before it",
		'Effective Pod request = overhead + max(sum of app and sidecar requests, largest init request).',
	],
	[
		"the effective request's init term without the sidecars listed before it",
		'B: the largest request of any single regular init container (they run one at a time).',
	],
	[
		"the effective request's init term without the sidecars listed before it",
		'Regular init containers run one at a time, so only the largest of them counts.',
	],
	['READY said to count only app containers', 'READY counts app containers only; kubectl never lists pause.'],
	['READY said to count only app containers', 'READY in `kubectl get pods` counts only your containers.'],
	[
		'the grace period said to start after preStop or SIGTERM',
		'The kubelet then runs preStop, sends SIGTERM to PID 1, and waits up to terminationGracePeriodSeconds.',
	],
	[
		'the grace period said to start after preStop or SIGTERM',
		'Deletion: preStop, SIGTERM, up to 30s of grace, then SIGKILL.',
	],
	[
		'pause said to keep the namespaces alive on every runtime',
		'pause kept the net namespace alive, so the IP is unchanged.',
	],
	[
		'pause said to keep the namespaces alive on every runtime',
		"Its job is to keep the Pod's shared namespaces alive.",
	],
	[
		'"seven namespace kinds" (Linux has eight, time included)',
		'Seven namespace kinds matter for containers: pid, mnt, net, uts, ipc, user and cgroup.',
	],
	[
		'containers said to be root inside and unprivileged outside by default',
		'`user`: user and group IDs (root inside, unprivileged outside)',
	],
	[
		'init containers said to run to completion without saying "regular"',
		'Containers that run one after another, to completion, before the app containers start.',
	],
	[
		'init containers said to run to completion without saying "regular"',
		'Init containers run to completion sequentially.',
	],
	[
		"containerd's pause image named only by sandbox_image",
		'The pause image is the runtime setting (`sandbox_image` in containerd, `pause_image` in CRI-O).',
	],
	[
		'a stock nginx said to serve /stub_status',
		"The exporter reads nginx's status page at http://localhost:80/stub_status.",
	],
	['eviction order stated by QoS class alone', 'BestEffort Pods are evicted first, Guaranteed ones last.'],
	[
		'eviction order stated by QoS class alone',
		'QoS: Guaranteed, Burstable, BestEffort; BestEffort is evicted first.',
	],
	[
		'every replacement Pod said to get a new name (StatefulSets keep it)',
		'If the node fails, a controller such as a Deployment creates a new Pod, with a new name and usually a new IP.',
	],
];

/** Correct sentences close to the mistakes; no detector may fire on them. */
const CORRECT: readonly string[] = [
	'A Pod is the smallest deployable unit; a container is never scheduled on its own.',
	'A container is not the smallest deployable unit in Kubernetes.',
	'With no init containers and no overhead, the request is the sum of the containers: 250m.',
	'The sandbox holds net, uts and ipc; each container has its own pid and mnt.',
	'Setting shareProcessNamespace: true shares the pid namespace between containers.',
	'With a shared pid namespace the sandbox holds pid as well as net, uts and ipc.',
	'The CRI runtime creates the pause container when the kubelet calls RunPodSandbox.',
	'If restartPolicy allows it, the kubelet restarts the container with a growing back-off.',
	'The container restarted, not the Pod: the Pod kept its IP.',
	'B: for each regular init container, its request plus those of the sidecars listed before it; the largest of these.',
	'READY counts the app containers plus any started native sidecars.',
	'At once the grace period starts counting; preStop and then SIGTERM run inside it.',
	'The sandbox keeps the namespaces alive; with containerd, pause does it by sleeping in them.',
	'Linux has eight kinds of namespace.',
	'In one of its own, a process can be root inside and an unprivileged user ID outside.',
	'Regular init containers run one after another, to completion.',
	'containerd 1.x reads `sandbox_image`, containerd 2.x reads `sandbox` under `pinned_images`.',
	'A stock nginx:1.27 does not serve that page: its configuration must turn stub_status on.',
	'A BestEffort Pod requested nothing, so it is first in line.',
	"A Deployment's replacement gets a new name; a StatefulSet's reuses the old one.",
];

describe('the fact detectors', () => {
	test.each(MISTAKES)('"%s" catches: %s', (name, sentence) => {
		const found = sentences(sentence)
			.flatMap(wrongClaimsIn)
			.map((c) => c.name);
		expect(found).toContain(name);
	});

	test.each(CORRECT)('no false alarm on: %s', (sentence) => {
		expect(
			sentences(sentence)
				.flatMap(wrongClaimsIn)
				.map((c) => c.name),
		).toEqual([]);
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
			expect(
				stated,
				`no sentence of lesson "${right.lesson}" matches ${right.all.map(String).join(' and ')}`,
			).toBe(true);
		});
	}
});

/**
 * Every YAML file the course teaches from, specs and manifest answers included: text the claim
 * search skips. `examples/` folders are left out: they hold what learners might answer, not course text.
 */
function courseFiles(): string[] {
	const walk = (dir: string): string[] =>
		readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
			if (e.isDirectory()) return e.name === 'examples' ? [] : walk(join(dir, e.name));
			return e.name.endsWith('.yaml') ? [join(dir, e.name)] : [];
		});
	return [...walk(LESSON_DIR), ...walk(join(REPO_ROOT, 'exercises'))];
}

describe('manifests in the course follow FACTS.md too', () => {
	test('nslookup always names a Service in full (busybox 1.36 mishandles search domains)', () => {
		const short = courseFiles().flatMap((file) =>
			readFileSync(file, 'utf8')
				.split('\n')
				.flatMap((line, i) =>
					[...line.matchAll(/\bnslookup\s+([\w.-]+)/g)]
						.filter((m) => !/\.svc\.cluster\.local\.?$/.test(m[1]))
						.map(() => `${file}:${i + 1}: ${line.trim()}`),
				),
		);
		expect(short).toEqual([]);
	});

	test('the check above would catch a short name', () => {
		expect(/\.svc\.cluster\.local\.?$/.test('db')).toBe(false);
		expect([...'until nslookup db; do sleep 2; done'.matchAll(/\bnslookup\s+([\w.-]+)/g)].map((m) => m[1])).toEqual(
			['db'],
		);
	});
});

describe('the namespace kinds agree across the course', () => {
	const KINDS = ['pid', 'mnt', 'net', 'uts', 'ipc', 'user', 'cgroup', 'time'];

	test('lesson 2 lists the eight kinds, and says eight', () => {
		const lesson = lessonById('namespaces');
		const first = lesson?.steps[0];
		expect(first?.kind).toBe('text');
		const body = first?.kind === 'text' ? first.body : '';
		const listed = [...body.matchAll(/^\s*- `([a-z]+)`:/gm)].map((m) => m[1]);
		expect(listed).toEqual(KINDS);
		expect(body).toMatch(/\beight kinds\b/);
	});

	test('ns-kinds names the same eight in its explanation', () => {
		const explanation = curriculum().exercises.get('ns-kinds')?.explanation ?? '';
		expect(KINDS.filter((k) => !new RegExp(`\\b${k}\\b`).test(explanation))).toEqual([]);
	});
});

/**
 * Real Pods with real podman: run .ci/live-setup.sh first (as root). The image is
 * POD_TUTOR_LIVE_IMAGE, by default the locally built localhost/busybox:tutor.
 */
import {afterAll, describe, expect, it} from 'vitest';
import {runCommand} from '../../src/live/command-runner.js';
import {webAppPod} from '../../src/live/lesson-pods.js';
import {checkLivePod} from '../../src/live/live-check.js';
import {PodmanBackend} from '../../src/live/podman-backend.js';
import {currentUserLabel, MANAGED_BY_KEY, tutorLabels, USER_KEY} from '../../src/live/tutor-labels.js';
import {waitFor} from '../helpers/wait-for.js';

const image = process.env.POD_TUTOR_LIVE_IMAGE ?? 'localhost/busybox:tutor';
const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const user = currentUserLabel();
const backend = new PodmanBackend({user});

const liveRules = [
	{rule: 'min-containers', count: 2},
	{rule: 'container', name: 'app'},
	{rule: 'container', name: 'log-shipper'},
	{rule: 'shared-emptydir', containers: ['app', 'log-shipper']},
];

async function podman(...args: string[]) {
	const result = await runCommand({file: 'podman', args, timeoutMs: 120_000});
	if (result.outcome !== 'exited' || result.exitCode !== 0)
		throw new Error(`podman ${args.join(' ')}: ${result.stderr}`);
	return result.stdout;
}

async function labelledPods(): Promise<string[]> {
	const out = await podman(
		'pod',
		'ps',
		'--filter',
		`label=${USER_KEY}=${user}`,
		'--filter',
		`label=${MANAGED_BY_KEY}=pod-tutor`,
		'--format',
		'{{.Name}}',
	);
	return out.split('\n').filter(Boolean);
}

/** Polls podman (a process per probe, so every 200 ms) until the probe gives a value. */
async function waitUntil<T>(probe: () => Promise<T | undefined>, what: string, ms = 30_000): Promise<T> {
	return (await waitFor(probe, (value) => value !== undefined, what, ms, 200)) as T;
}

describe('podman backend against real podman', () => {
	const good = `tutor-web-${run}`;
	const wrong = `tutor-wrong-${run}`;
	const mine = `learner-own-${run}`;

	afterAll(async () => {
		await runCommand({
			file: 'podman',
			args: ['pod', 'rm', '--force', '--ignore', '--time', '0', good, wrong, mine],
			timeoutMs: 120_000,
		});
	});

	it('detects podman', async () => {
		const report = await backend.detect();
		expect(report).toMatchObject({tool: 'podman', installed: true, usable: true});
		expect(report.version).toMatch(/^\d+\.\d+/);
	});

	it('runs the web-app Pod: the sidecar writes, the app serves it on localhost', async () => {
		const created = await backend.createPod(webAppPod({name: good, image, user}));
		if (!created.ok) throw new Error(created.error);
		const page = await waitUntil(async () => {
			const r = await runCommand({
				file: 'podman',
				args: ['exec', `${good}-log-shipper`, '/bin/wget', '-qO-', 'http://localhost:8080/'],
				timeoutMs: 20_000,
			});
			return r.exitCode === 0 && r.stdout.trim() !== '' ? r.stdout : undefined;
		}, 'the app to serve the page the sidecar wrote');
		expect(page).toMatch(/\d{2}:\d{2}:\d{2}/);
	});

	it('reads the Pod: infra container, IP, both containers running with PIDs', async () => {
		const pod = await backend.getPod(good);
		if (!pod.ok) throw new Error(pod.error);
		expect(pod.value.labels).toEqual(tutorLabels(user));
		expect(pod.value.sandbox?.pid).toBeGreaterThan(0);
		expect(pod.value.ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
		expect(pod.value.containers.map((c) => [c.name, c.state])).toEqual([
			['app', 'running'],
			['log-shipper', 'running'],
		]);
		expect(pod.value.containers.every((c) => (c.pid ?? 0) > 0)).toBe(true);
	});

	it('measures real namespaces: app, sidecar and infra share net, uts, ipc; each has its own pid and mnt', async () => {
		const pod = await backend.getPod(good);
		if (!pod.ok) throw new Error(pod.error);
		const measured = await backend.readNamespaces(pod.value);
		if (!measured.ok) throw new Error(measured.error);
		const {sandbox, containers} = measured.value;
		const app = containers.app;
		const sidecar = containers['log-shipper'];
		for (const type of ['net', 'uts', 'ipc'] as const) {
			expect(app[type]).toMatch(new RegExp(`^${type}:\\[\\d+\\]$`));
			expect(sidecar[type]).toBe(app[type]);
			expect(sandbox?.[type]).toBe(app[type]);
		}
		for (const type of ['pid', 'mnt'] as const) {
			expect(new Set([app[type], sidecar[type], sandbox?.[type]]).size).toBe(3);
		}
	});

	it('passes the live exercise with the reference Pod', async () => {
		const result = await checkLivePod(backend, good, liveRules);
		expect(result.checks.filter((c) => !c.passed)).toEqual([]);
		expect(result.correct).toBe(true);
	});

	it('fails the live exercise for a Pod whose containers do not share a volume and whose sidecar crashes', async () => {
		const manifest = webAppPod({name: wrong, image, user}) as {
			spec: {containers: Record<string, unknown>[]; volumes: unknown[]};
		};
		manifest.spec.volumes = [
			{name: 'app-data', emptyDir: {}},
			{name: 'shipper-data', emptyDir: {}},
		];
		manifest.spec.containers[0].volumeMounts = [{name: 'app-data', mountPath: '/data'}];
		manifest.spec.containers[1].volumeMounts = [{name: 'shipper-data', mountPath: '/data'}];
		manifest.spec.containers[1].command = ['/bin/sh', '-c', 'date > /missing/dir/index.html'];
		(manifest as Record<string, unknown>).spec = {...manifest.spec, restartPolicy: 'Never'};
		const created = await backend.createPod(manifest);
		if (!created.ok) throw new Error(created.error);
		const result = await waitUntil(async () => {
			const r = await checkLivePod(backend, wrong, liveRules);
			return r.checks.some((c) => c.name === 'container log-shipper running' && !c.passed) ? r : undefined;
		}, 'the broken sidecar to stop');
		expect(result.correct).toBe(false);
		const failed = result.checks.filter((c) => !c.passed).map((c) => c.name);
		expect(failed).toContain('shared-emptydir containers=app,log-shipper');
		expect(failed).toContain('container log-shipper running');
		expect(failed).not.toContain('container app running');
	});

	it('cleanup removes every labelled Pod of this user and leaves an unlabelled Pod alone', async () => {
		await podman('pod', 'create', '--name', mine);
		const refused = await backend.deletePod(mine);
		expect(refused).toEqual({
			ok: false,
			error: `the Pod ${mine} was not created by the tutor for ${user}; leaving it alone`,
		});
		expect(await labelledPods()).toEqual(expect.arrayContaining([good, wrong]));
		const removed = await backend.cleanup();
		if (!removed.ok) throw new Error(removed.error);
		expect(removed.value).toEqual(expect.arrayContaining([good, wrong]));
		expect(await labelledPods()).toEqual([]);
		expect((await podman('pod', 'exists', mine)) === '').toBe(true);
		const volumes = await podman('volume', 'ls', '--format', '{{.Name}}');
		expect(volumes.split('\n').filter((v) => v.includes(run))).toEqual([]);
	});
});

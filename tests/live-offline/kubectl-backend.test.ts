import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {createServer, type Server, type Socket} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {RunRequest} from '../../src/live/command-runner.js';
import {checkLivePod} from '../../src/live/live-check.js';
import {KubectlBackend} from '../../src/live/kubectl-backend.js';
import {resultOf} from './recorded-exec.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/kubectl/', import.meta.url));
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const kubectlPath = '/usr/bin/kubectl';
const home = mkdtempSync(join(tmpdir(), 'pod-tutor-kube-'));

function kubeconfig(name: string, server: string, context = 'kind-tutor'): string {
	const file = join(home, `${name}.yaml`);
	writeFileSync(
		file,
		[
			'apiVersion: v1',
			'kind: Config',
			'clusters:',
			`- cluster: {server: "${server}", insecure-skip-tls-verify: true}`,
			'  name: c',
			'contexts:',
			'- context: {cluster: c, user: u}',
			`  name: ${context}`,
			`current-context: ${context}`,
			'users:',
			'- name: u',
			'  user: {token: not-a-real-token}',
			'',
		].join('\n'),
	);
	return file;
}

/** A backend whose kubectl answers `get pod NAME` with a recorded Pod object. */
function recordedPods(asked: RunRequest[] = []) {
	return async (request: RunRequest) => {
		asked.push(request);
		const at = request.args.indexOf('pod');
		const name = request.args[at + 1];
		if (request.args.includes('get') && at !== -1) {
			try {
				return resultOf({stdout: fixture(`get-pod-${name}.json`), stderr: '', exitCode: 0});
			} catch {
				return resultOf({
					stdout: '',
					stderr: `Error from server (NotFound): pods "${name}" not found\n`,
					exitCode: 1,
				});
			}
		}
		throw new Error(`unexpected: ${request.args.join(' ')}`);
	};
}

describe('kubectl backend on recorded Pod objects', () => {
	it('reads containers, states, IP and the emptyDir mounts', async () => {
		const asked: RunRequest[] = [];
		const backend = new KubectlBackend({namespace: 'pod-tutor', user: 'root', exec: recordedPods(asked)});
		const pod = await backend.getPod('web-app');
		if (!pod.ok) throw new Error(pod.error);
		expect(pod.value).toMatchObject({name: 'web-app', namespace: 'pod-tutor', ip: '10.244.0.7', status: 'Running'});
		expect(pod.value.containers.map((c) => [c.name, c.state])).toEqual([
			['app', 'running'],
			['log-shipper', 'running'],
		]);
		expect(pod.value.sandbox).toBeUndefined();
		expect(asked[0].args).toEqual([
			'--request-timeout=10s',
			'--namespace',
			'pod-tutor',
			'get',
			'pod',
			'web-app',
			'-o',
			'json',
		]);
	});

	it('passes the live check for the running Pod and fails it for the crash-looping one', async () => {
		const backend = new KubectlBackend({namespace: 'pod-tutor', user: 'root', exec: recordedPods()});
		const rules = [
			{rule: 'min-containers', count: 2},
			{rule: 'shared-emptydir', containers: ['app', 'log-shipper']},
		];
		const good = await checkLivePod(backend, 'web-app', rules);
		expect(good.checks.filter((c) => !c.passed)).toEqual([]);
		expect(good.correct).toBe(true);
		const broken = await checkLivePod(backend, 'web-app-broken', rules);
		expect(broken.correct).toBe(false);
		expect(broken.checks.filter((c) => !c.passed).map((c) => c.message)).toEqual([
			'log-shipper is waiting (CrashLoopBackOff): look at its logs before checking again',
		]);
		const missing = await checkLivePod(backend, 'no-such-pod', rules);
		expect(missing).toMatchObject({
			correct: false,
			error: 'there is no Pod no-such-pod in the namespace pod-tutor',
		});
	});
});

describe('kubectl backend against the real kubectl binary', () => {
	const env = (extra: Record<string, string>) => ({PATH: process.env.PATH ?? '', HOME: home, ...extra});
	let hanging: Server;
	const sockets: Socket[] = [];
	let hangingPort = 0;
	let closedPort = 0;

	beforeAll(async () => {
		hanging = createServer((socket) => {
			// Accept and never answer: the TLS handshake never completes.
			sockets.push(socket);
		});
		await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
		hangingPort = (hanging.address() as {port: number}).port;
		const probe = createServer();
		await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
		closedPort = (probe.address() as {port: number}).port;
		await new Promise<void>((resolve) => probe.close(() => resolve()));
	});

	afterAll(async () => {
		for (const socket of sockets) socket.destroy();
		await new Promise<void>((resolve) => hanging.close(() => resolve()));
	});

	it('with no kubeconfig: no current context, and says how to set one', async () => {
		const backend = new KubectlBackend({
			namespace: 'pod-tutor',
			user: 'root',
			binary: kubectlPath,
			env: env({KUBECONFIG: join(home, 'none.yaml')}),
		});
		const report = await backend.detect();
		expect(report).toMatchObject({installed: true, usable: false, problem: 'no current context'});
		expect(report.version).toMatch(/^v1\./);
		expect(report.nextStep).toBe('run `kubectl config use-context NAME` or point KUBECONFIG at your cluster');
	});

	it('with a server on a closed port: connection refused', async () => {
		const file = kubeconfig('refused', `https://127.0.0.1:${closedPort}`);
		const backend = new KubectlBackend({
			namespace: 'pod-tutor',
			user: 'root',
			binary: kubectlPath,
			env: env({KUBECONFIG: file}),
		});
		const report = await backend.detect();
		expect(report).toMatchObject({
			usable: false,
			context: 'kind-tutor',
			local: true,
			problem: `the API server 127.0.0.1:${closedPort} refused the connection`,
		});
		const pod = await backend.getPod('web-app');
		expect(pod.ok).toBe(false);
		if (!pod.ok) expect(pod.error).toMatch(/refused the connection — start the cluster/);
	});

	it('with a server that never answers: gives up within --request-timeout', async () => {
		const file = kubeconfig('hang', `https://127.0.0.1:${hangingPort}`);
		const backend = new KubectlBackend({
			namespace: 'pod-tutor',
			user: 'root',
			binary: kubectlPath,
			env: env({KUBECONFIG: file}),
			requestTimeoutSeconds: 2,
		});
		const started = Date.now();
		const pod = await backend.getPod('web-app');
		const elapsed = Date.now() - started;
		expect(pod.ok).toBe(false);
		if (!pod.ok)
			expect(pod.error).toBe(
				'kubectl get pod web-app: the API server did not answer within 2 s — check that the cluster is up and reachable from here (VPN? firewall?)',
			);
		// kubectl alone would retry discovery five times (10 s); the runner stops it at the limit + 5 s.
		expect(elapsed).toBeLessThan(8000);
	});

	it('does not contact a context that does not look local until the learner confirms it', async () => {
		const remote = kubeconfig('remote', `https://127.0.0.1:${hangingPort}`, 'prod-eu');
		// The name decides nothing on its own: a server on 127.0.0.1 counts as local. Make it look remote:
		const remoteFile = remote.replace('remote.yaml', 'remote-far.yaml');
		writeFileSync(
			remoteFile,
			readFileSync(remote, 'utf8').replace(`127.0.0.1:${hangingPort}`, 'kube.example.invalid:6443'),
		);
		const asked: string[][] = [];
		const exec = async (request: RunRequest) => {
			asked.push([...request.args]);
			const {runCommand} = await import('../../src/live/command-runner.js');
			return runCommand(request);
		};
		const backend = new KubectlBackend({
			namespace: 'pod-tutor',
			user: 'root',
			binary: kubectlPath,
			env: env({KUBECONFIG: remoteFile}),
			exec,
		});
		const report = await backend.detect();
		expect(report).toMatchObject({local: false, usable: false, needsConfirmation: true, context: 'prod-eu'});
		expect(report.nextStep).toMatch(/confirm once with `--context prod-eu`/);
		expect(asked.some((args) => args.includes('--raw'))).toBe(false);

		const confirmed = new KubectlBackend({
			namespace: 'pod-tutor',
			user: 'root',
			binary: kubectlPath,
			env: env({KUBECONFIG: remoteFile}),
			confirmedContexts: ['prod-eu'],
			requestTimeoutSeconds: 1,
		});
		const after = await confirmed.detect();
		expect(after.needsConfirmation).toBeUndefined();
		expect(after.usable).toBe(false);
	});
});

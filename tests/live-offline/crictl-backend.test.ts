import {describe, expect, it} from 'vitest';
import type {RunRequest} from '../../src/live/command-runner.js';
import {CrictlBackend} from '../../src/live/crictl-backend.js';
import {alwaysExec, loadRecordings, recordedExec, recordedProcLinks} from './recorded-exec.js';

const recordings = loadRecordings();
const get = (name: string) => {
	const r = recordings.get(name);
	if (!r) throw new Error(`fixture ${name} missing`);
	return r;
};
const denied = async (path: string): Promise<string> => {
	throw Object.assign(new Error(`EACCES: ${path}`), {code: 'EACCES'});
};

describe('crictl backend on recorded crictl output', () => {
	it('detects crictl and the runtime from `crictl version`', async () => {
		const report = await new CrictlBackend({exec: recordedExec(recordings.values())}).detect();
		expect(report.usable).toBe(true);
		expect(report.version).toBe('crictl 0.1.0, containerd 1.6.20~ds1');
	});

	it('reads the web-app Pod: sandbox, IP, both containers with PIDs and the shared emptyDir', async () => {
		const asked: RunRequest[] = [];
		const pod = await new CrictlBackend({exec: recordedExec(recordings.values(), asked)}).getPod('web-app');
		if (!pod.ok) throw new Error(pod.error);
		expect(pod.value.ip).toBe('10.88.7.5');
		expect(pod.value.namespace).toBe('pod-tutor');
		expect(pod.value.sandbox).toMatchObject({pid: 13907, image: 'localhost/podman-pause:4.3.1-0'});
		expect(pod.value.containers.map((c) => [c.name, c.state, c.pid])).toEqual([
			['app', 'running', 13954],
			['log-shipper', 'running', 13983],
		]);
		expect(pod.value.manifest).toMatchObject({
			kind: 'Pod',
			spec: {volumes: [{name: 'shared-data', emptyDir: {}}]},
		});
		const app = (
			pod.value.manifest.spec as {containers: {name: string; command: string[]; volumeMounts: unknown[]}[]}
		).containers[0];
		expect(app.command).toEqual(['/bin/busybox', 'httpd', '-f', '-p', '8080', '-h', '/data']);
		expect(app.volumeMounts).toEqual([{name: 'shared-data', mountPath: '/data'}]);
		expect(asked.every((r) => r.file === 'crictl' && r.timeoutMs > 0)).toBe(true);
	});

	it('measures namespaces from /proc on the node, pause included', async () => {
		const backend = new CrictlBackend({exec: recordedExec(recordings.values()), readLink: recordedProcLinks()});
		const pod = await backend.getPod('web-app');
		if (!pod.ok) throw new Error(pod.error);
		const ns = await backend.readNamespaces(pod.value);
		if (!ns.ok) throw new Error(ns.error);
		const {sandbox, containers} = ns.value;
		for (const type of ['net', 'uts', 'ipc'] as const) {
			expect(containers.app[type]).toBe(sandbox?.[type]);
			expect(containers['log-shipper'][type]).toBe(sandbox?.[type]);
		}
		for (const type of ['pid', 'mnt'] as const) {
			const values = new Set([sandbox?.[type], containers.app[type], containers['log-shipper'][type]]);
			expect(values.size).toBe(3);
		}
	});

	it('falls back to readlink inside each container when /proc cannot be read', async () => {
		const asked: RunRequest[] = [];
		const backend = new CrictlBackend({exec: recordedExec(recordings.values(), asked), readLink: denied});
		const pod = await backend.getPod('web-app');
		if (!pod.ok) throw new Error(pod.error);
		const ns = await backend.readNamespaces(pod.value);
		if (!ns.ok) throw new Error(ns.error);
		expect(ns.value.sandbox).toBeUndefined();
		expect(ns.value.containers.app.net).toBe(get('exec-app-readlink-net').stdout.trim());
		expect(ns.value.containers.app.net).toBe(ns.value.containers['log-shipper'].net);
		expect(ns.value.containers.app.pid).not.toBe(ns.value.containers['log-shipper'].pid);
		expect(asked.some((r) => r.args[0] === 'exec')).toBe(true);
	});

	it("reports an unknown sandbox id with crictl's own NotFound", async () => {
		const backend = new CrictlBackend({exec: alwaysExec(get('inspectp-missing'))});
		const pod = await backend.getPod('web-app');
		expect(pod.ok).toBe(false);
		if (!pod.ok) expect(pod.error).toMatch(/does not know that Pod sandbox/);
	});

	it('says there is no CRI socket and how to point at one', async () => {
		const report = await new CrictlBackend({
			exec: alwaysExec(get('no-socket')),
			endpoint: 'unix:///run/nonexistent.sock',
		}).detect();
		expect(report).toMatchObject({installed: true, usable: false});
		expect(report.problem).toBe('no CRI socket at /run/nonexistent.sock');
		expect(report.nextStep).toMatch(/CONTAINER_RUNTIME_ENDPOINT/);
	});

	it("says the socket is root's when permission is denied", async () => {
		const report = await new CrictlBackend({exec: alwaysExec(get('not-root'))}).detect();
		expect(report.usable).toBe(false);
		expect(report.problem).toBe('permission denied on the CRI socket /run/containerd/containerd.sock');
		expect(report.nextStep).toMatch(/sudo/);
	});

	it('reports a missing crictl binary with how to get it', async () => {
		const report = await new CrictlBackend({binary: 'crictl-not-installed-here'}).detect();
		expect(report).toMatchObject({installed: false, usable: false, problem: 'crictl is not installed'});
	});
});

describe('interactive shell argv', () => {
	it('addresses the container by id for crictl and by name for kubectl', async () => {
		const {shellArgv} = await import('../../src/live/interactive-argv.js');
		const {KubectlBackend} = await import('../../src/live/kubectl-backend.js');
		const backend = new CrictlBackend({exec: recordedExec(recordings.values())});
		const pod = await backend.getPod('web-app');
		if (!pod.ok) throw new Error(pod.error);
		expect(shellArgv(backend, pod.value, 'app')).toEqual({
			ok: true,
			value: {
				file: 'crictl',
				args: ['exec', '-it', '84fb4717cd2bf85ed52d5f6c1ea9c4626ad631acd347c3f31050bf131a7989d4', '/bin/sh'],
			},
		});
		const kubectl = new KubectlBackend({namespace: 'pod-tutor', user: 'root', context: 'kind-x'});
		expect(shellArgv(kubectl, pod.value, 'log-shipper')).toEqual({
			ok: true,
			value: {
				file: 'kubectl',
				args: [
					'--request-timeout=10s',
					'--context',
					'kind-x',
					'--namespace',
					'pod-tutor',
					'exec',
					'-it',
					'web-app',
					'-c',
					'log-shipper',
					'--',
					'/bin/sh',
				],
			},
		});
		expect(shellArgv(backend, pod.value, 'db')).toEqual({
			ok: false,
			error: 'the Pod web-app has no container db (it has app, log-shipper)',
		});
	});
});

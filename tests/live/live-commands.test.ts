/** doctor, diagram --live and cleanup, run as the CLI runs them, against real podman. */
import {PassThrough} from 'node:stream';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import type {CommandIO, GlobalOptions} from '../../src/commands/command-io.js';
import {runCleanup} from '../../src/commands/cleanup.js';
import {runLiveDiagram} from '../../src/commands/diagram-live.js';
import {runDoctor} from '../../src/commands/doctor.js';
import {runCommand} from '../../src/live/command-runner.js';
import {webAppPod} from '../../src/live/lesson-pods.js';
import {PodmanBackend} from '../../src/live/podman-backend.js';
import {currentUserLabel} from '../../src/live/tutor-labels.js';

const image = process.env.POD_TUTOR_LIVE_IMAGE ?? 'localhost/busybox:tutor';
const user = currentUserLabel();
const name = `tutor-diagram-${process.pid.toString(36)}${Date.now().toString(36)}`;
const configDir = mkdtempSync(join(tmpdir(), 'pod-tutor-config-'));
const options: GlobalOptions = {lessonDirs: [], configDir, ascii: true, noColor: true};

function capture(): {io: CommandIO; out: () => string; err: () => string} {
	let out = '';
	let err = '';
	return {
		io: {
			stdout: (t) => (out += t),
			stderr: (t) => (err += t),
			stdin: new PassThrough(),
			interactive: false,
			env: {...process.env, KUBECONFIG: join(configDir, 'no-kubeconfig')},
			cwd: process.cwd(),
		},
		out: () => out,
		err: () => err,
	};
}

describe('live commands with real podman', () => {
	afterAll(async () => {
		await runCommand({
			file: 'podman',
			args: ['pod', 'rm', '--force', '--ignore', '--time', '0', name],
			timeoutMs: 120_000,
		});
	});

	it('doctor --json reports podman ready and kubectl without a context', async () => {
		const c = capture();
		const code = await runDoctor(['--json'], c.io, options);
		expect(code).toBe(0);
		const report = JSON.parse(c.out()) as {usable: string[]; backends: {tool: string; problem?: string}[]};
		expect(report.usable).toContain('podman');
		expect(report.backends.find((b) => b.tool === 'kubectl')?.problem).toBe('no current context');
	});

	it('diagram --live draws the real Pod with the infra container and its measured namespaces', async () => {
		const created = await new PodmanBackend({user}).createPod(webAppPod({name, image, user}));
		if (!created.ok) throw new Error(created.error);
		const c = capture();
		const code = await runLiveDiagram(
			['--live', name, '--backend', 'podman', '--width', '100', '--ascii'],
			c.io,
			options,
		);
		expect(c.err()).toBe('');
		expect(code).toBe(0);
		const out = c.out();
		expect(out).toMatch(new RegExp(`Pod ${name} as podman sees it, IP \\d+\\.\\d+\\.\\d+\\.\\d+`));
		for (const type of ['net', 'uts', 'ipc']) expect(out).toMatch(new RegExp(`${type} shared by all 3: \\d+`));
		for (const type of ['pid', 'mnt']) expect(out).toContain(`${type} private: 3 different inodes`);
		expect(out).toContain('PID 1: /bin/httpd -f -p');
		expect(out).toContain('log-shipper');
	});

	it('cleanup says what it deletes and deletes the labelled Pod', async () => {
		const c = capture();
		const code = await runCleanup(['--backend', 'podman'], c.io, options);
		expect(code).toBe(0);
		expect(c.out()).toContain(
			`podman: deleting Pods labelled app.kubernetes.io/managed-by=pod-tutor,pod-tutor/user=${user}`,
		);
		expect(c.out()).toContain(`podman: deleted ${name}`);
		const exists = await runCommand({file: 'podman', args: ['pod', 'exists', name], timeoutMs: 30_000});
		expect(exists.exitCode).toBe(1);
	});
});

import {mkdtempSync, symlinkSync, writeFileSync} from 'node:fs';
import {createServer, type Socket} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {runCleanup} from '../../src/commands/cleanup.js';
import {runDoctor} from '../../src/commands/doctor.js';
import {runLiveDiagram} from '../../src/commands/diagram-live.js';
import type {CommandIO, GlobalOptions} from '../../src/commands/command-io.js';

// A PATH holding only the real kubectl: podman and crictl are "not installed", whatever this machine has.
const dir = mkdtempSync(join(tmpdir(), 'pod-tutor-doctor-'));
const bin = join(dir, 'bin');
symlinkSync('/usr/bin/kubectl', join(dir, 'kubectl'));
const options: GlobalOptions = {lessonDirs: [], configDir: join(dir, 'config'), ascii: true, noColor: true};

function capture(kubeconfig = join(bin, 'none')) {
	let out = '';
	let err = '';
	const io: CommandIO = {
		stdout: (t) => (out += t),
		stderr: (t) => (err += t),
		stdin: new PassThrough(),
		interactive: false,
		env: {PATH: dir, HOME: dir, KUBECONFIG: kubeconfig},
		cwd: dir,
	};
	return {io, out: () => out, err: () => err};
}

describe('doctor, cleanup and diagram --live with nothing usable', () => {
	it('doctor lists every backend with its next step and exits 1', async () => {
		const c = capture();
		expect(await runDoctor([], c.io, options)).toBe(1);
		const out = c.out();
		expect(out).toMatch(/^kubectl +not usable v1\.\d+\S*: no current context$/m);
		expect(out).toContain('next: run `kubectl config use-context NAME` or point KUBECONFIG at your cluster');
		expect(out).toMatch(/^crictl +not installed$/m);
		expect(out).toMatch(/^podman +not installed$/m);
		expect(out).toContain('next: install podman');
		expect(out).toContain('every command step shows its recorded output, labelled as recorded');
	});

	it('doctor --json gives the same reports as data', async () => {
		const c = capture();
		await runDoctor(['--json'], c.io, options);
		const json = JSON.parse(c.out()) as {
			usable: string[];
			namespace: string;
			backends: {tool: string; installed: boolean}[];
		};
		expect(json.usable).toEqual([]);
		expect(json.namespace).toBe('pod-tutor');
		expect(json.backends.map((b) => [b.tool, b.installed])).toEqual([
			['kubectl', true],
			['crictl', false],
			['podman', false],
		]);
	});

	it('rejects unknown arguments with the usage', async () => {
		const c = capture();
		expect(await runDoctor(['--jsn'], c.io, options)).toBe(2);
		expect(c.err()).toContain('doctor: unknown argument --jsn');
	});

	it('cleanup refuses crictl and says why nothing can be deleted', async () => {
		const c = capture();
		expect(await runCleanup(['--backend', 'crictl'], c.io, options)).toBe(2);
		const d = capture();
		expect(await runCleanup([], d.io, options)).toBe(1);
		expect(d.err()).toContain('kubectl: no current context');
	});

	it('diagram --live explains that there is no live backend', async () => {
		const c = capture();
		expect(await runLiveDiagram(['--live', 'web-app'], c.io, options)).toBe(1);
		expect(c.err()).toContain('no live backend is available');
		const u = capture();
		expect(await runLiveDiagram(['--live'], u.io, options)).toBe(2);
		expect(u.err()).toContain('--live needs the name of a Pod');
	});
});

describe('doctor with an API server that accepts connections and never answers', () => {
	it('gives up within 8 s in total and names the server', async () => {
		const sockets: Socket[] = [];
		// A real socket: it accepts, so the TLS handshake starts and never completes.
		const silent = createServer((socket) => void sockets.push(socket));
		await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
		const port = (silent.address() as {port: number}).port;
		const file = join(dir, 'silent.yaml');
		writeFileSync(
			file,
			[
				'apiVersion: v1',
				'kind: Config',
				'clusters:',
				`- cluster: {server: "https://127.0.0.1:${port}", insecure-skip-tls-verify: true}`,
				'  name: c',
				'contexts:',
				'- context: {cluster: c, user: u}',
				'  name: kind-tutor',
				'current-context: kind-tutor',
				'users:',
				'- name: u',
				'  user: {token: not-a-real-token}',
				'',
			].join('\n'),
		);
		try {
			const c = capture(file);
			expect(await runDoctor(['--backend', 'kubectl', '--json'], c.io, options)).toBe(1);
			const json = JSON.parse(c.out()) as {backends: {problem: string; durationMs: number}[]};
			expect(json.backends[0].problem).toMatch(
				new RegExp(`^the API server https://127\\.0\\.0\\.1:${port} did not answer within [1-8] s$`),
			);
			// The bound, measured by doctor itself: the whole detection, every kubectl call together.
			expect(json.backends[0].durationMs).toBeLessThanOrEqual(8000);
			const text = capture(file);
			await runDoctor(['--backend', 'kubectl'], text.io, options);
			expect(text.out()).toContain(`not usable`);
			expect(text.out()).toContain(`the API server https://127.0.0.1:${port} did not answer within`);
		} finally {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => silent.close(() => resolve()));
		}
	}, 30_000);
});

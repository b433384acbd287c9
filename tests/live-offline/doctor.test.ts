import {mkdtempSync, symlinkSync} from 'node:fs';
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

function capture() {
	let out = '';
	let err = '';
	const io: CommandIO = {stdout: (t) => (out += t), stderr: (t) => (err += t), stdin: new PassThrough(), interactive: false, env: {PATH: dir, HOME: dir, KUBECONFIG: join(bin, 'none')}, cwd: dir};
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
		const json = JSON.parse(c.out()) as {usable: string[]; namespace: string; backends: {tool: string; installed: boolean}[]};
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

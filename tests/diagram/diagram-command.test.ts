import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Readable} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {diagramCommand} from '../../src/commands/diagram.js';
import {EXIT_OK, EXIT_USAGE, type CommandIO, type GlobalOptions} from '../../src/commands/command-io.js';
import {textWidth} from '../../src/diagram/text-line.js';

const dir = mkdtempSync(join(tmpdir(), 'pod-tutor-diagram-'));
const options: GlobalOptions = {lessonDirs: [], ascii: false, noColor: false};

function file(name: string, text: string): string {
	writeFileSync(join(dir, name), text);
	return name;
}

async function run(
	args: string[],
	{stdin = '', env = {LANG: 'en_US.UTF-8'} as NodeJS.ProcessEnv, global = options} = {},
) {
	let out = '';
	let err = '';
	const io: CommandIO = {
		stdout: (t) => (out += t),
		stderr: (t) => (err += t),
		stdin: Readable.from([stdin]),
		interactive: false,
		env,
		cwd: dir,
	};
	const code = await diagramCommand(args, io, global);
	return {code, out, err};
}

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web-app
spec:
  containers:
    - name: app
      image: my-app:1.0.0
      ports:
        - containerPort: 8080
`;

describe('pod-tutor diagram', () => {
	it('draws a Pod at 80 columns with box drawing when the locale is UTF-8', async () => {
		const r = await run([file('pod.yaml', POD)]);
		expect(r.code).toBe(EXIT_OK);
		expect(r.err).toBe('');
		expect(r.out).toContain('┌─ Pod web-app');
		expect(r.out).not.toMatch(/\u001B/);
		for (const line of r.out.split('\n')) expect(textWidth(line)).toBeLessThanOrEqual(80);
	});

	it('switches to ASCII with --ascii, the global option, or a non-UTF-8 locale', async () => {
		for (const r of [
			await run(['--ascii', 'pod.yaml']),
			await run(['pod.yaml'], {global: {...options, ascii: true}}),
			await run(['pod.yaml'], {env: {LANG: 'C'}}),
		]) {
			expect(r.code).toBe(EXIT_OK);
			expect(r.out).toMatch(/^[\x20-\x7e\n]*$/);
			expect(r.out).toContain('+- Pod web-app');
		}
	});

	it('honours --width and --view', async () => {
		const narrow = await run(['pod.yaml', '--width', '40']);
		expect(Math.max(...narrow.out.split('\n').map(textWidth))).toBeLessThanOrEqual(40);
		const compose = await run(['pod.yaml', '--view=compose', '--width=100']);
		expect(compose.out).toContain('Docker Compose');
		expect(compose.out).toContain('others use app:8080');
		const docker = await run(['pod.yaml', '--view', 'docker']);
		expect(docker.out).toContain('docker container');
	});

	it('prints prose with --describe', async () => {
		const r = await run(['pod.yaml', '--describe']);
		expect(r.code).toBe(EXIT_OK);
		expect(r.out).toContain('Its sandbox, the pause container, holds the net, uts and ipc namespaces');
		expect(r.out).not.toContain('┌');
	});

	it('reads standard input for -', async () => {
		const r = await run(['-'], {stdin: POD});
		expect(r.code).toBe(EXIT_OK);
		expect(r.out).toContain('Pod web-app');
	});

	it('draws one diagram per Pod spec in a multi-document file and notes skipped kinds', async () => {
		const multi = `${POD}---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports: [{port: 80}]
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-api
spec:
  template:
    spec:
      containers:
        - name: api
          image: my-api:2.0.0
`;
		const r = await run([file('multi.yaml', multi)]);
		expect(r.code).toBe(EXIT_OK);
		expect(r.out).toContain('Pod web-app');
		expect(r.out).toContain('Pod of Deployment web-api');
		expect(r.err).toBe('multi.yaml: document 2: Service web skipped: it has no Pod spec to draw\n');
	});

	it.each([
		['not YAML', 'bad.yaml', 'kind: Pod\nspec: [unclosed\n', /^bad\.yaml: line \d+: not valid YAML: /],
		[
			'no Pod spec',
			'svc.yaml',
			'kind: Service\nmetadata: {name: web}\n',
			/^svc\.yaml: no Pod spec to draw \(found: Service web\)/,
		],
		[
			'a container without an image',
			'noimage.yaml',
			'kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: app\n      image: x\n    - name: log\n',
			/^noimage\.yaml: spec\.containers\[1\] \(log\): no image/,
		],
		[
			'a malformed quantity',
			'quantity.yaml',
			'kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: app\n      image: x\n      resources: {requests: {memory: 128MB}}\n',
			/^quantity\.yaml: spec\.containers\[0\] \(app\)\.resources\.requests\.memory: .*did you mean/,
		],
	])('refuses %s with one line naming the file, exit 2', async (_what, name, text, message) => {
		const r = await run([file(name, text)]);
		expect(r.code).toBe(EXIT_USAGE);
		expect(r.out).toBe('');
		expect(r.err).toMatch(message);
		expect(r.err.trim().split('\n')).toHaveLength(1);
		expect(r.err).not.toMatch(/\n\s+at /);
	});

	it('refuses a missing file', async () => {
		const r = await run(['nowhere.yaml']);
		expect(r).toEqual({code: EXIT_USAGE, out: '', err: 'nowhere.yaml: no such file\n'});
	});

	it.each([
		[['pod.yaml', '--width', '30'], '--width 30: too narrow; the diagram needs at least 40 columns'],
		[['pod.yaml', '--width', 'wide'], '--width wide: give a whole number of columns'],
		[['pod.yaml', '--width'], '--width needs a number'],
		[['pod.yaml', '--view', 'venn'], '--view venn: choose pod, docker or compose'],
		[['pod.yaml', '--colour'], '--colour: unknown option'],
		[[], 'which manifest?'],
	])('rejects bad arguments: %j', async (args, message) => {
		const r = await run(args);
		expect(r.code).toBe(EXIT_USAGE);
		expect(r.err).toContain(message);
		expect(r.out).toBe('');
	});
});

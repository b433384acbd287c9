/**
 * Hostile input to the built CLI: terminal escape strings in every place that echoes input, huge
 * answers, devices, FIFOs, producers that pause, signals during a read. Nothing may crash, hang,
 * or reach the terminal raw.
 */
import {spawn} from 'node:child_process';
import {execFileSync} from 'node:child_process';
import {mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {cli, expectNothingRaw, learnerEnv, root, started, tempDir, type Run} from './built-cli.js';

/** From issue #13: retitle the window, write the clipboard (OSC 52), clear the screen; then C1 CSI, SGR and DCS. */
const ESCAPES = [
	'\u001b]0;PWNED\u0007\u001b]52;c;UFdORUQ=\u0007\u001b[2J',
	'\u009b2J\u009b31m\u009d0;PWNED\u009c',
	'\u001b[31m\u001bP+q\u001b\\\u001b[0m\r\u007f',
];
const VISIBLE_ESC = '\\u001b';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web-app
spec:
  containers:
    - name: app
      image: busybox:1.36
    - name: log-shipper
      image: busybox:1.36
`;

function expectUsage(run: Run): void {
	expect(run.code, run.stderr).toBe(2);
	expectNothingRaw(run);
}

describe.each(ESCAPES.map((text, i) => ({text, i})))('escape string $i', ({text}) => {
	const shown = text.includes('\u001b') ? VISIBLE_ESC : '\\u009b';

	it('in a choice answer, a quantity, a free-text answer: echoed visibly, never raw', async () => {
		const choice = await cli(['check', 'container-process', text]);
		expectUsage(choice);
		const quantity = await cli(['check', 'patterns-effective-cpu', `5${text}`]);
		expectNothingRaw(quantity);
		expect(quantity.stdout + quantity.stderr).toContain(shown);
		const free = await cli(['check', 'patterns-adapter', `a sidecar${text}`]);
		expect([0, 1]).toContain(free.code);
		expectNothingRaw(free);
	});

	it('in an unknown exercise id, lesson id, command, option and --file path', async () => {
		for (const args of [
			['check', `nosuch${text}`],
			['show', `nosuch${text}`],
			[`nosuch${text}`],
			['list', `--bogus${text}`],
			['check', 'pod-two-containers', '--file', `/tmp/none${text}.yaml`],
		]) {
			const run = await cli(args);
			expectUsage(run);
			expect(run.stderr).toContain(shown);
		}
	});

	it('in the --lessons folder, existing or not', async () => {
		const missing = await cli(['--lessons', `/nope${text}`, 'list']);
		expectUsage(missing);
		const pack = tempDir('escape-pack');
		const odd = path.join(pack, `lessons${text.replace(/\//g, '')}`);
		mkdirSync(odd);
		const run = await cli(['validate', odd]);
		expect(run.code).toBe(1);
		expectNothingRaw(run);
		expect(run.stdout).toContain('holds no lesson files');
	});

	it('in --json output: valid JSON, the answer kept exactly, C1 escaped; --json usage errors sanitised', async () => {
		const run = await cli(['check', 'patterns-effective-cpu', `5${text}`, '--json']);
		expectNothingRaw(run);
		const parsed = JSON.parse(run.stdout);
		expect(parsed.feedback).toContain(`5${text}`);
		expect(parsed.saved).toBe(false);
		const usage = await cli(['check', 'container-process', text, '--json']);
		expectUsage(usage);
	});

	it('in lesson content from a pack: list, show and validate', async () => {
		const pack = tempDir('content-pack');
		mkdirSync(path.join(pack, 'lessons'));
		mkdirSync(path.join(pack, 'exercises'));
		const quoted = JSON.stringify(text);
		writeFileSync(
			path.join(pack, 'lessons', 'evil.yaml'),
			`id: evil\ntitle: ${quoted}\nsummary: ${quoted}\nsources: [https://kubernetes.io/docs/concepts/workloads/pods/]\nsteps:\n  - kind: text\n    title: ${quoted}\n    body: ${quoted}\n`,
		);
		for (const args of [
			['--lessons', pack, 'list'],
			['--lessons', pack, 'show', 'evil'],
			['validate', pack],
		]) {
			const run = await cli(args);
			expectNothingRaw(run);
		}
	});
});

describe('huge and odd answers', () => {
	it('a 1 MB free-text answer is judged and stored in a few KB', async () => {
		const config = tempDir('big-answer');
		const parts = Array.from({length: 16}, () => 'sidecar '.repeat(8192));
		const run = await cli(['check', 'patterns-adapter', ...parts], {config});
		expect([0, 1]).toContain(run.code);
		expectNothingRaw(run);
		const stored = readFileSync(path.join(config, 'progress.json'), 'utf8');
		expect(stored.length).toBeLessThan(4 * 1024);
		expect(JSON.parse(stored).exercises['patterns-adapter'].attempts).toBe(1);
	});

	it('a 1 MB quantity and a manifest over the limit are refused with a message', async () => {
		const quantity = await cli([
			'check',
			'patterns-effective-cpu',
			...Array.from({length: 16}, () => '9'.repeat(65536)),
		]);
		expect([1, 2]).toContain(quantity.code);
		expectNothingRaw(quantity);
		const dir = tempDir('big-manifest');
		const big = path.join(dir, 'big.yaml');
		writeFileSync(big, `${POD}# ${'x'.repeat(1024 * 1024)}\n`);
		const file = await cli(['check', 'pod-two-containers', '--file', big]);
		expectUsage(file);
		expect(file.stderr).toContain('larger than 1 MiB');
		const piped = await cli(['check', 'pod-two-containers', '--file', '-'], {
			input: `${POD}# ${'x'.repeat(2 * 1024 * 1024)}\n`,
		});
		expectUsage(piped);
		expect(piped.stderr).toContain('cannot read stdin: it is larger than 1 MiB');
	});

	it('/dev/zero, a folder and a FIFO with no writer are refused by name, never read', async () => {
		const dir = tempDir('odd-files');
		const fifo = path.join(dir, 'pod.fifo');
		execFileSync('mkfifo', [fifo]);
		for (const [file, why] of [
			['/dev/zero', 'it is a device'],
			[dir, 'it is a folder'],
			[fifo, 'it is a named pipe (FIFO)'],
		]) {
			const run = await cli(['check', 'pod-two-containers', '--file', file]);
			expectUsage(run);
			expect(run.stderr).toContain(`cannot read ${file}: ${why}`);
		}
		const diagram = await cli(['diagram', '/dev/zero']);
		expectUsage(diagram);
		expect(diagram.stderr).toContain('it is a device');
	});

	it('a producer that pauses mid-manifest is waited for (the pipe from issue #13)', async () => {
		const dir = tempDir('pausing');
		writeFileSync(path.join(dir, 'pod.yaml'), POD);
		const config = tempDir('pausing-config');
		// The shell pipeline the issue reproduced with: 60 bytes, a pause, the rest.
		const run = await new Promise<Run>((resolve) => {
			const child = spawn(
				'bash',
				[
					'-c',
					`(head -c 60 pod.yaml; sleep 0.3; tail -c +61 pod.yaml) | "${process.execPath}" "${path.join(root, 'bin/pod-tutor.js')}" check pod-two-containers --file -`,
				],
				{cwd: dir, env: learnerEnv(config)},
			);
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (c) => (stdout += c));
			child.stderr.on('data', (c) => (stderr += c));
			child.on('close', (code, signal) => resolve({code, signal, stdout, stderr}));
		});
		expect(run.stderr).not.toContain('EAGAIN');
		expect(run.code, run.stderr).toBe(0);
		expect(run.stdout).toContain('Right.');
	});

	it('SIGTERM ends a check that is waiting for stdin', async () => {
		const {child, done} = started(['check', 'pod-two-containers', '--file', '-'], {input: () => undefined});
		// Wait until the process has started and gone idle on the read: its CPU time stops growing.
		let last = -1;
		let still = 0;
		while (still < 3) {
			await new Promise((resolve) => setImmediate(resolve));
			let ticks: number;
			try {
				const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
				ticks = Number(fields[11]) + Number(fields[12]);
			} catch {
				break;
			}
			await new Promise((resolve) => setTimeout(resolve, 50));
			still = ticks === last ? still + 1 : 0;
			last = ticks;
		}
		child.kill('SIGTERM');
		const run = await done;
		expect(run.signal === 'SIGTERM' || run.code === 143, `code ${run.code} signal ${run.signal}`).toBe(true);
		expectNothingRaw(run);
		expect(statSync(root).isDirectory()).toBe(true);
	});
});

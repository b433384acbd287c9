import {describe, expect, it} from 'vitest';
import {expandPlaceholders, runCommand, startCommand} from '../../src/live/command-runner.js';
import {waitFor} from '../helpers/wait-for.js';

const node = process.execPath;

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

describe('command runner with real child processes', () => {
	it('runs an argument array without a shell and returns exit code and both streams', async () => {
		const result = await runCommand({
			file: node,
			args: [
				'-e',
				'process.stdout.write(process.argv[1]); process.stderr.write("warn"); process.exit(3)',
				'$(echo not-expanded); *',
			],
			timeoutMs: 10_000,
		});
		expect(result).toMatchObject({
			outcome: 'exited',
			exitCode: 3,
			stdout: '$(echo not-expanded); *',
			stderr: 'warn',
		});
	});

	it('reports a binary that does not exist', async () => {
		const result = await runCommand({file: 'pod-tutor-no-such-tool', args: [], timeoutMs: 5000});
		expect(result.outcome).toBe('not-found');
		expect(result.error).toBe('pod-tutor-no-such-tool was not found on this machine (not on PATH)');
	});

	it('streams output as it comes, before the command has ended', async () => {
		// Deterministic: the child prints a line and then runs until cancelled, so the line can only
		// have been passed on while it runs (chunk boundaries between lines depend on the load).
		const pieces: string[] = [];
		const handle = startCommand({
			file: node,
			args: ['-e', 'console.log("line 0"); setInterval(Function.prototype, 1000)'],
			timeoutMs: 10_000,
			onOutput: (stream, text) => pieces.push(`${stream}:${text}`),
		});
		await waitFor(
			() => pieces.join(''),
			(text) => text === 'stdout:line 0\n',
			'the first line while the command runs',
		);
		handle.cancel();
		expect((await handle.done).outcome).toBe('cancelled');
	});

	it('cancel kills the whole process group, grandchildren included', async () => {
		const script = `
			const {spawn} = require('node:child_process');
			const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {stdio: 'ignore'});
			console.log(child.pid);
			process.on('SIGTERM', () => {});  // ignores the polite request: SIGKILL must follow
			setInterval(() => {}, 1000);`;
		let grandchild = 0;
		const running = startCommand({
			file: node,
			args: ['-e', script],
			timeoutMs: 60_000,
			killGraceMs: 300,
			onOutput: (_stream, text) => {
				grandchild = Number(text.trim());
			},
		});
		await waitFor(
			() => grandchild,
			(pid) => pid > 0,
			"the grandchild's pid",
		);
		expect(alive(grandchild)).toBe(true);
		running.cancel();
		const result = await running.done;
		expect(result.outcome).toBe('cancelled');
		await waitFor(
			() => alive(grandchild),
			(up) => !up,
			'the grandchild gone',
		);
	});

	it('stops a command that hangs when its timeout passes', async () => {
		const result = await runCommand({file: node, args: ['-e', 'setInterval(() => {}, 1000)'], timeoutMs: 300});
		expect(result.outcome).toBe('timed-out');
		expect(result.error).toMatch(/gave no answer within 0.3 s/);
		expect(result.durationMs).toBeLessThan(5000);
	});

	it('keeps the last part of 10 MB of output and says how much was cut', async () => {
		const script =
			'const line = "x".repeat(99) + "\\n"; let out = ""; for (let i = 0; i < 100000; i++) out += line; out += "THE END\\n"; process.stdout.write(out);';
		const result = await runCommand({
			file: node,
			args: ['-e', script],
			timeoutMs: 30_000,
			maxOutputChars: 256 * 1024,
		});
		expect(result.exitCode).toBe(0);
		expect(result.stdout.length).toBeLessThanOrEqual(256 * 1024);
		expect(result.stdout.endsWith('THE END\n')).toBe(true);
		expect(result.cut.stdout + Buffer.byteLength(result.stdout)).toBe(100000 * 100 + 8);
		expect(result.stdout.startsWith('x'.repeat(99) + '\n')).toBe(true);
	});

	it('strips escape sequences a program prints', async () => {
		const script =
			'process.stdout.write("\\u001b]0;owned\\u0007\\u001b[2J\\u001b[Hclean\\u001b[31m text\\u001b[0m\\n")';
		const result = await runCommand({file: node, args: ['-e', script], timeoutMs: 10_000});
		expect(result.stdout).toBe('clean text\n');
	});
});

describe('placeholders', () => {
	const values = {pod: 'web-app', namespace: 'pod-tutor', container: 'app', image: 'busybox:1.36'};

	it('fills the four known placeholders', () => {
		expect(
			expandPlaceholders(['exec', '{pod}', '-c', '{container}', '-n', '{namespace}', '--image={image}'], values),
		).toEqual({
			ok: true,
			args: ['exec', 'web-app', '-c', 'app', '-n', 'pod-tutor', '--image=busybox:1.36'],
		});
	});

	it('refuses an unknown placeholder, naming the argument', () => {
		const result = expandPlaceholders(['logs', '{podname}'], values);
		expect(result).toEqual({
			ok: false,
			error: 'args[1] "{podname}" uses {podname}, which is not a placeholder; only {pod} {namespace} {container} {image} are',
		});
	});

	it("leaves braces that are not placeholders alone, such as kubectl's jsonpath", () => {
		const result = expandPlaceholders(['get', 'pod', '{pod}', '-o', 'jsonpath={.status.podIP}'], values);
		expect(result).toEqual({ok: true, args: ['get', 'pod', values.pod, '-o', 'jsonpath={.status.podIP}']});
		expect(expandPlaceholders(['{pod'], values)).toEqual({ok: true, args: ['{pod']});
	});

	it('refuses a placeholder with no value', () => {
		expect(expandPlaceholders(['logs', '{pod}'], {})).toEqual({
			ok: false,
			error: 'args[1] "{pod}" needs a value for {pod}, and none is set',
		});
	});
});

/**
 * Runs the built CLI (dist/, built once by tests/global-setup.ts) as a separate process, the way
 * a learner's shell does, and checks that nothing it prints could act on a terminal.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, expect} from 'vitest';

export const root = new URL('../../', import.meta.url).pathname;
export const bin = path.join(root, 'bin/pod-tutor.js');

const temps: string[] = [];
afterAll(() => {
	for (const dir of temps.splice(0)) rmSync(dir, {recursive: true, force: true});
});

export function tempDir(prefix: string): string {
	const dir = mkdtempSync(path.join(tmpdir(), `pod-tutor-faults-${prefix}-`));
	temps.push(dir);
	return dir;
}

export interface Run {
	readonly code: number | null;
	readonly signal: NodeJS.Signals | null;
	readonly stdout: string;
	readonly stderr: string;
}

export interface RunOptions {
	readonly config?: string;
	readonly cwd?: string;
	readonly env?: NodeJS.ProcessEnv;
	/** Written to stdin, then stdin is closed; a function gets the child to feed it itself. */
	readonly input?: string | ((child: ChildProcess) => void);
}

export function learnerEnv(config: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {...process.env, LANG: 'C.UTF-8', POD_TUTOR_CONFIG_DIR: config, ...extra};
	for (const key of ['CI', 'LC_ALL', 'LC_CTYPE', 'NO_COLOR', 'POD_TUTOR_DEBUG']) delete env[key];
	return env;
}

export function started(args: readonly string[], options: RunOptions = {}): {child: ChildProcess; done: Promise<Run>} {
	const config = options.config ?? tempDir('config');
	const child = spawn(process.execPath, [bin, ...args], {
		cwd: options.cwd ?? root,
		env: options.env ?? learnerEnv(config),
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	const out: Buffer[] = [];
	const err: Buffer[] = [];
	child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
	child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
	child.stdin!.on('error', () => undefined);
	if (typeof options.input === 'function') options.input(child);
	else child.stdin!.end(options.input ?? '');
	const done = new Promise<Run>((resolve) => {
		child.on('close', (code, signal) =>
			resolve({
				code,
				signal,
				stdout: Buffer.concat(out).toString('utf8'),
				stderr: Buffer.concat(err).toString('utf8'),
			}),
		);
	});
	return {child, done};
}

export function cli(args: readonly string[], options: RunOptions = {}): Promise<Run> {
	return started(args, options).done;
}

/** C0 controls but tab and newline, DEL and C1: what could move a cursor, retitle or talk to a terminal. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;

export function expectNothingRaw(run: Run): void {
	const where = (text: string) => {
		const at = text.search(RAW_CONTROL);
		return at < 0 ? '' : JSON.stringify(text.slice(Math.max(0, at - 40), at + 20));
	};
	expect(where(run.stdout), 'a raw control character on stdout').toBe('');
	expect(where(run.stderr), 'a raw control character on stderr').toBe('');
	expect(run.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
}

/**
 * Answers backend commands from recorded output (tests/fixtures/crictl: NAME.cmd, .out, .err,
 * .rc), as the real tool printed it. A command nobody recorded fails the test loudly.
 */
import {readdirSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import type {Exec} from '../../src/live/backend.js';
import type {RunRequest, RunResult} from '../../src/live/command-runner.js';

export const CRICTL_FIXTURES = fileURLToPath(new URL('../fixtures/crictl/', import.meta.url));

export interface Recording {
	readonly name: string;
	readonly args: readonly string[];
	readonly stdout: string;
	readonly stderr: string;
	readonly exitCode: number;
}

export function loadRecordings(dir: string = CRICTL_FIXTURES): Map<string, Recording> {
	const recordings = new Map<string, Recording>();
	for (const file of readdirSync(dir).filter((f) => f.endsWith('.cmd'))) {
		const name = file.slice(0, -4);
		const line = readFileSync(`${dir}${file}`, 'utf8').replace(/#.*$/s, '').trim();
		const [, ...args] = line.split(/\s+/);
		recordings.set(name, {
			name,
			args,
			stdout: readFileSync(`${dir}${name}.out`, 'utf8'),
			stderr: readFileSync(`${dir}${name}.err`, 'utf8'),
			exitCode: Number(readFileSync(`${dir}${name}.rc`, 'utf8').trim()),
		});
	}
	return recordings;
}

export function resultOf(recording: Pick<Recording, 'stdout' | 'stderr' | 'exitCode'>): RunResult {
	return {
		outcome: 'exited',
		exitCode: recording.exitCode,
		signal: null,
		stdout: recording.stdout,
		stderr: recording.stderr,
		cut: {stdout: 0, stderr: 0},
		durationMs: 1,
	};
}

/** Looks each command up by its exact arguments; records what was asked. */
export function recordedExec(recordings: Iterable<Recording>, asked: RunRequest[] = []): Exec {
	const byArgs = new Map<string, Recording>();
	for (const r of recordings) byArgs.set(r.args.join(' '), r);
	return async (request) => {
		asked.push(request);
		const recording = byArgs.get(request.args.join(' '));
		if (!recording) throw new Error(`no recording for: ${request.file} ${request.args.join(' ')}`);
		return resultOf(recording);
	};
}

/** Every command gets the same recorded answer (a runtime that is down answers everything alike). */
export function alwaysExec(recording: Recording): Exec {
	return async () => resultOf(recording);
}

/** /proc/PID/ns links as node-proc-ns.txt recorded them on the node. */
export function recordedProcLinks(dir: string = CRICTL_FIXTURES): (path: string) => Promise<string> {
	const links = new Map<string, string>();
	for (const line of readFileSync(`${dir}node-proc-ns.txt`, 'utf8').split('\n')) {
		const pid = /pid=(\d+)/.exec(line)?.[1];
		if (!pid || line.startsWith('#')) continue;
		for (const match of line.matchAll(/(net|uts|ipc|pid|mnt)=(\w+:\[\d+\])/g))
			links.set(`/proc/${pid}/ns/${match[1]}`, match[2]);
	}
	return async (path) => {
		const link = links.get(path);
		if (link === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), {code: 'ENOENT'});
		return link;
	};
}

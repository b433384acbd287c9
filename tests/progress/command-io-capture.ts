/** A CommandIO that records what a subcommand prints, with a stdin the test can type into. */
import {PassThrough} from 'node:stream';
import type {CommandIO, GlobalOptions} from '../../src/commands/command-io.js';

export interface CapturedIO {
	readonly io: CommandIO;
	readonly stdin: PassThrough;
	stdout(): string;
	stderr(): string;
}

export function captureIO(env: NodeJS.ProcessEnv, interactive: boolean): CapturedIO {
	const out: string[] = [];
	const err: string[] = [];
	const stdin = new PassThrough();
	return {
		io: {
			stdout: (t) => void out.push(t),
			stderr: (t) => void err.push(t),
			stdin,
			interactive,
			env,
			cwd: process.cwd(),
		},
		stdin,
		stdout: () => out.join(''),
		stderr: () => err.join(''),
	};
}

export const fixtureCourse = new URL('../fixtures/progress/course', import.meta.url).pathname;

export function optionsFor(configDir?: string): GlobalOptions {
	return {lessonDirs: [fixtureCourse], configDir, ascii: false, noColor: false};
}

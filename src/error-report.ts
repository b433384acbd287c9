import {chmodSync, mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {sanitiseTerminalText} from './text/terminal-sanitiser.js';
import {progressDirectory} from './progress/progress-path.js';

/** Where the details of the last unexpected failure go, beside the learner's progress. */
export const ERROR_FILE_NAME = 'last-error.log';

/**
 * Writes what a developer needs about a failure nobody handled (the stack, versions, the
 * command) to a file only the learner can read, and returns its path; undefined when it cannot
 * be written (the message on screen then says how to see the details instead).
 */
export function saveErrorDetails(error: unknown, env: NodeJS.ProcessEnv = process.env): string | undefined {
	try {
		const dir = progressDirectory(env);
		mkdirSync(dir, {recursive: true, mode: 0o700});
		const file = join(dir, ERROR_FILE_NAME);
		const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
		const text = [
			`time: ${new Date().toISOString()}`,
			`node: ${process.version} ${process.platform} ${process.arch}`,
			`argv: ${JSON.stringify(process.argv.slice(2))}`,
			`terminal: TERM=${env.TERM ?? ''} ${process.stdout.columns ?? '?'}x${process.stdout.rows ?? '?'}`,
			'',
			stack,
			'',
		].join('\n');
		writeFileSync(file, text, {mode: 0o600});
		// The mode of writeFileSync applies only to a new file.
		chmodSync(file, 0o600);
		return file;
	} catch {
		return undefined;
	}
}

/** A message fit for one line on the learner's terminal: control characters shown, not obeyed. */
export function oneLine(message: string): string {
	return sanitiseTerminalText(message)
		.replace(/\s*\n\s*/g, ' ')
		.slice(0, 300);
}

/**
 * The start of plain mode: whether it is wanted (--plain, the learner's remembered choice,
 * TERM=dumb), and `pod-tutor [lesson-id]` run as plain lines instead of the full-screen tutor.
 */
import {createInterface} from 'node:readline';
import {type CommandIO, type GlobalOptions} from '../commands/command-io.js';
import {readTutorArguments} from '../commands/tutor-arguments.js';
import {readFileBounded} from '../files/bounded-read.js';
import type {LabConfig} from '../lab/lab-config.js';
import {labNotice} from '../lab/lab-live.js';
import {PlainTutor, type ReadLine} from './plain-tutor.js';
import {detectTextStyle} from './text-style.js';

/** Lines from a stream (a terminal in its ordinary line mode, or a pipe); no echo or cursor codes of our own. */
export function streamLines(input: NodeJS.ReadableStream): {readLine: ReadLine; close: () => void} {
	const rl = createInterface({input, terminal: false, crlfDelay: Infinity});
	const queued: string[] = [];
	let waiting: ((line: string | undefined) => void) | undefined;
	let ended = false;
	rl.on('line', (line) => {
		if (waiting) {
			const give = waiting;
			waiting = undefined;
			give(line);
		} else queued.push(line);
	});
	rl.on('close', () => {
		ended = true;
		waiting?.(undefined);
		waiting = undefined;
	});
	const readLine: ReadLine = () => {
		if (queued.length > 0) return Promise.resolve(queued.shift());
		if (ended) return Promise.resolve(undefined);
		return new Promise((resolve) => {
			waiting = resolve;
		});
	};
	return {readLine, close: () => rl.close()};
}

const MAX_MANIFEST_BYTES = 256 * 1024;

export async function runPlainTutor(
	lessonId: string | undefined,
	rest: readonly string[],
	io: CommandIO,
	options: GlobalOptions,
	lab?: LabConfig,
): Promise<number> {
	const args = await readTutorArguments(lessonId, rest, io, options);
	if (!args.ok) return args.exitCode;
	const {course} = args;
	const {openProgressStore} = await import('../progress/progress-store.js');
	const opened = openProgressStore(io.env);
	const notice = [opened.warning, labNotice(lab)].filter(Boolean).join(' ');
	// Never attributes or colour: a screen reader would read the codes, a dumb terminal print them.
	const style = detectTextStyle(io.env, false, options.ascii, true);
	const columns = (process.stdout.isTTY && process.stdout.columns) || 80;
	const input = streamLines(io.stdin);
	try {
		return await new PlainTutor({
			course,
			store: opened.store,
			style,
			width: Math.max(40, Math.min(columns, 100)),
			readLine: input.readLine,
			write: io.stdout,
			lessonId,
			notice: notice || undefined,
			readText: (path) => {
				// Standard input is the conversation itself here; a manifest comes from a file.
				const read = readFileBounded(path, {limit: MAX_MANIFEST_BYTES});
				if (read.ok) return read.text;
				throw Object.assign(new Error(read.reason), {code: read.code});
			},
		}).run();
	} finally {
		input.close();
	}
}

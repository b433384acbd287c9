/**
 * The start of plain mode: whether it is wanted (--plain, the learner's remembered choice,
 * TERM=dumb), and `pod-tutor [lesson-id]` run as plain lines instead of the full-screen tutor.
 */
import {createInterface} from 'node:readline';
import {EXIT_USAGE, type CommandIO, type GlobalOptions} from '../commands/command-io.js';
import {loadCourseFast} from '../content/course-cache.js';
import {readBounded, type LabConfig} from '../lab/lab-config.js';
import {labNotice} from '../lab/lab-live.js';
import {parseLiveOptions} from '../live/live-options.js';
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
	const live = parseLiveOptions(rest);
	if (!live.ok) {
		io.stderr(`pod-tutor: ${live.error}\n`);
		return EXIT_USAGE;
	}
	if (live.rest.length > 0) {
		io.stderr(`pod-tutor: unexpected argument "${live.rest[0]}". Run pod-tutor --help for the commands.\n`);
		return EXIT_USAGE;
	}
	const course = await loadCourseFast(options.lessonDirs);
	if (lessonId && !course.lessons.some((l) => l.id === lessonId)) {
		io.stderr(
			`pod-tutor: no lesson or command "${lessonId}". Lessons: ${course.lessons.map((l) => l.id).join(', ')}. ` +
				'Run pod-tutor --help for the commands.\n',
		);
		return EXIT_USAGE;
	}
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
				const read = readBounded(path, MAX_MANIFEST_BYTES);
				if (read.kind === 'text') return read.text;
				throw Object.assign(new Error(read.kind === 'missing' ? 'no such file' : read.message), {
					code: read.kind === 'missing' ? 'ENOENT' : undefined,
				});
			},
		}).run();
	} finally {
		input.close();
	}
}

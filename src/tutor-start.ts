import {setFlagsFromString} from 'node:v8';
import {EXIT_OK, type CommandIO, type GlobalOptions} from './commands/command-io.js';
import {readTutorArguments} from './commands/tutor-arguments.js';
import {labLiveMode, labNotice, withLabEnv} from './lab/lab-live.js';
import {readProgressSnapshot} from './progress/progress-snapshot.js';
import {drawDiagramStep} from './render/diagram-step.js';
import {detectTextStyle} from './render/text-style.js';
import {plainLesson} from './render/plain-lesson.js';
import {firstFrame} from './tutor/first-frame.js';
import {initialState, lessonById} from './tutor/tutor-state.js';
import {loadTokenizer} from './ui/frame-writer.js';
import {SUSPEND_UNAVAILABLE, withTerminal} from './ui/terminal-session.js';
import {Typeahead} from './ui/terminal-typeahead.js';

/** V8 settings for the interactive tutor, applied once its first frame is on the screen. */
export const TUTOR_V8_FLAGS =
	'--semi-space-growth-factor=1 --no-turbofan --no-maglev --no-wasm-dynamic-tiering --no-wasm-tier-up --no-sparkplug';

/**
 * What start-app.tsx needs, biggest blocks apart: the frame writer's tokenizer (first: the
 * typeahead's frames diff cells with it), React, Yoga's WebAssembly, Ink (with its reconciler).
 */
const INK_PARTS = [loadTokenizer, () => import('react'), () => import('yoga-layout'), () => import('ink')];

/**
 * `pod-tutor [lesson-id]`. On a terminal: draw the first frame straight away from plain modules,
 * then load Ink and the progress store (the slow part) and let the app take over the screen.
 * Without a terminal: print the current lesson as text and point to `pod-tutor check`.
 */
export async function runTutor(
	lessonId: string | undefined,
	rest: readonly string[],
	io: CommandIO,
	options: GlobalOptions,
): Promise<number> {
	const args = await readTutorArguments(lessonId, rest, io, options);
	if (!args.ok) return args.exitCode;
	const {course, live} = args;
	const read = readProgressSnapshot(io.env);
	const configNotice = labNotice(options.lab);
	const snapshot = configNotice ? {...read, warning: [read.warning, configNotice].filter(Boolean).join(' ')} : read;
	if (!io.interactive) {
		if (snapshot.warning) io.stderr(`pod-tutor: ${snapshot.warning}\n`);
		const style = detectTextStyle(io.env, false, options.ascii, true);
		const state = initialState(course, snapshot.data, {columns: 80, rows: 24}, lessonId);
		const id =
			state.view.name === 'reader'
				? state.view.lessonId
				: (course.lessons.find((l) => !snapshot.data.lessons[l.id]?.completed)?.id ?? course.lessons[0]?.id);
		const lesson = id ? lessonById(course, id) : undefined;
		if (!lesson) {
			io.stderr('pod-tutor: no lessons could be loaded. Run pod-tutor validate to see why.\n');
			return 1;
		}
		io.stdout(plainLesson(lesson, course, 80, style, drawDiagramStep).join('\n') + '\n');
		io.stdout(
			`\n(Not a terminal, so the lesson is printed as text. Answer exercises with pod-tutor ` +
				`check <exercise-id> <answer>; run pod-tutor in a terminal for the interactive tutor.)\n`,
		);
		return EXIT_OK;
	}
	const style = detectTextStyle(io.env, true, options.ascii, options.noColor);
	// A terminal that reports no size (0x0, or none) is taken as 80x24.
	const size = {columns: process.stdout.columns || 80, rows: process.stdout.rows || 24};
	const state = initialState(course, snapshot.data, size, lessonId, snapshot.warning);
	const frame = firstFrame(state, style, drawDiagramStep);
	return withTerminal({stdin: process.stdin, stdout: process.stdout}, async (terminal) => {
		terminal.writer.draw(frame);
		// From the first frame on, keys are answered by the same reducer and text screens the app
		// uses; what needs the app waits for it, in order (terminal-typeahead.ts).
		const typeahead = new Typeahead(state, style, drawDiagramStep, (lines) => terminal.writer.draw(lines));
		terminal.setConsumer((sequence) => typeahead.take(sequence));
		terminal.onSuspendRefused(() => typeahead.notice(SUSPEND_UNAVAILABLE));
		const onResize = () => typeahead.resize({columns: terminal.writer.columns, rows: terminal.writer.rows});
		terminal.writer.on('resize', onResize);
		// From here on the tutor is an interactive program whose work per key is a few ms; V8's
		// machinery for long-running hot code only costs memory. Set only now, because the start-up
		// work above is faster with the defaults (docs/PERFORMANCE.md has the measurements):
		// - keep the young generation at its first size instead of letting it double (several MB);
		//   V8 reads this each time it would grow the space, so setting it late takes effect;
		// - JavaScript stays in the interpreter (no optimising or baseline compiler): their code and
		//   compile zones cost ~4 MB, and a key's few ms of work did not get measurably slower;
		// - run Yoga's WebAssembly (Ink's layout engine, loaded just below) with the baseline
		//   compiler only: tiering its hot functions up compiles them on a worker thread with
		//   ~8 MB of transient memory, a spike seen the first time a lesson step is laid out.
		setFlagsFromString(TUTOR_V8_FLAGS);
		// Ink's parts one at a time with the event loop free between them: evaluating a module graph
		// blocks the thread, so a key typed meanwhile waits for one part, not for all of them.
		for (const part of INK_PARTS) {
			await part();
			await new Promise((resolve) => setImmediate(resolve));
		}
		const {startApp} = await import('./ui/start-app.js');
		terminal.writer.off('resize', onResize);
		if (!terminal.active) return EXIT_OK;
		return startApp({
			course,
			lessonId,
			style,
			notice: snapshot.warning,
			progressSeed: read.disk ? {data: read.data, disk: read.disk} : undefined,
			typeahead,
			terminal,
			live,
			configDir: options.configDir,
			liveMode: labLiveMode(options.lab),
			liveEnv: withLabEnv(io.env, options.lab),
		});
	});
}

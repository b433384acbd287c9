import React from 'react';
import {render} from 'ink';
import type {Course} from '../content/types.js';
import {openProgressStore} from '../progress/progress-store.js';
import type {TextStyle} from '../render/text-style.js';
import {initialState, type Size} from '../tutor/tutor-state.js';
import {runInTerminal} from './terminal-handover.js';
import {cancelAllCommands} from '../live/command-runner.js';
import {detectBackends} from '../live/detect-backends.js';
import {lazyDetection, type LiveMode} from '../live/lazy-detection.js';
import {liveContextFrom, type LiveContext} from '../live/live-context.js';
import type {LiveOptions} from '../live/live-options.js';
import {LESSON_POD} from '../live/tutor-live-actions.js';
import {FrameWriter} from './frame-writer.js';
import {fullCollection, QuietCollector} from './quiet-collector.js';
import {CLEAR_HOME, LEAVE_SCREEN} from './terminal-screen.js';
import {TutorApp} from './tutor-app.js';

export interface StartOptions {
	readonly course: Course;
	readonly lessonId?: string;
	readonly style: TextStyle;
	readonly size: Size;
	readonly notice?: string;
	/** What the first frame put on the screen, so Ink's first frame sends only the differences. */
	readonly firstFrame: readonly string[];
	readonly live: LiveOptions;
	/** lazy (default): detect on the learner's first live request; on: right after the first frame; off: never (lab config). */
	readonly liveMode?: LiveMode;
	readonly configDir?: string;
}


/**
 * Loaded after the first frame is on screen: opens the progress store (conf) and hands the
 * screen to Ink. Resolves with the exit code once the learner quits; the terminal is restored.
 */
export async function startApp(options: StartOptions): Promise<number> {
	const opened = openProgressStore(process.env);
	const notice = opened.warning ?? options.notice;
	// The window may have been resized while Ink was loading: take the size now, and if it changed,
	// forget the first frame so the first Ink frame is drawn whole on a cleared screen.
	const size = {columns: process.stdout.columns || options.size.columns, rows: process.stdout.rows || options.size.rows};
	const resized = size.columns !== options.size.columns || size.rows !== options.size.rows;
	const initial = initialState(options.course, opened.store.data(), size, options.lessonId, notice);
	let instance: ReturnType<typeof render> | undefined;
	if (resized) process.stdout.write(CLEAR_HOME);
	const writer = new FrameWriter(process.stdout, resized ? [] : options.firstFrame);
	const collect = fullCollection();
	const collector = collect ? new QuietCollector({collect}) : undefined;
	if (collector) writer.on('frame', () => collector.activity());
	const handOver = (argv: readonly string[]) => {
		const result = runInTerminal(argv, {stdin: process.stdin, stdout: process.stdout});
		writer.redraw();
		return result;
	};
	const restore = () => process.stdout.write(LEAVE_SCREEN);
	// A dropped SSH connection or a kill: progress is already saved with every change.
	const onSignal = () => {
		instance?.unmount();
		restore();
		process.exit(0);
	};
	process.once('SIGHUP', onSignal);
	process.once('SIGTERM', onSignal);
	// Which of kubectl, crictl and podman can run here is found only when the learner asks for
	// live mode (Enter on a command step, a live key) or the lab config turns it on: on a shared
	// lab machine, starting podman for every student leaves a process and files behind each.
	const app = (live?: LiveContext) => <TutorApp initial={initial} style={options.style} store={opened.store} handOver={handOver} live={live} liveReady={detection} />;
	const detection = lazyDetection(async () => {
		const detected = await detectBackends({live: options.live, configDir: options.configDir});
		const context = liveContextFrom(detected, {...LESSON_POD, namespace: options.live.namespace, image: options.live.image});
		if (Object.keys(context.backends).length === 0) return undefined;
		instance?.rerender(app(context));
		return context;
	}, options.liveMode ?? 'lazy');
	instance = render(app(), {
		stdout: writer as unknown as NodeJS.WriteStream,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	if ((options.liveMode ?? 'lazy') === 'on') void Promise.resolve(detection);
	try {
		await instance.waitUntilExit();
	} finally {
		cancelAllCommands();
		writer.dispose();
		collector?.dispose();
		restore();
		process.off('SIGHUP', onSignal);
		process.off('SIGTERM', onSignal);
	}
	return 0;
}

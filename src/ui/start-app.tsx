import React from 'react';
import {render} from 'ink';
import type {Course} from '../content/types.js';
import {openProgressStore, type ProgressStoreOptions} from '../progress/progress-store.js';
import type {TextStyle} from '../render/text-style.js';
import {initialState} from '../tutor/tutor-state.js';
import {runInTerminal} from './terminal-handover.js';
import {detectBackends} from '../live/detect-backends.js';
import {lazyDetection, type LiveMode} from '../live/lazy-detection.js';
import {liveContextFrom, type LiveContext} from '../live/live-context.js';
import type {LiveOptions} from '../live/live-options.js';
import {LESSON_POD} from '../live/tutor-live-actions.js';
import {fullCollection, QuietCollector} from './quiet-collector.js';
import {InkStdin} from './terminal-input.js';
import {SUSPEND_UNAVAILABLE, type TerminalSession} from './terminal-session.js';
import type {Typeahead} from './terminal-typeahead.js';
import {TutorApp} from './tutor-app.js';

export interface StartOptions {
	readonly course: Course;
	readonly lessonId?: string;
	readonly style: TextStyle;
	readonly notice?: string;
	/** The first frame's read of the progress, for the store to start from (see ProgressStoreOptions.seed). */
	readonly progressSeed?: ProgressStoreOptions['seed'];
	/** The owner of the terminal: its writer already shows the first frame. */
	readonly terminal: TerminalSession;
	/** The keys answered before Ink was ready: where the learner is now, and the keys still to answer. */
	readonly typeahead: Typeahead;
	readonly live: LiveOptions;
	/** lazy (default): detect on the learner's first live request; on: right after the first frame; off: never (lab config). */
	readonly liveMode?: LiveMode;
	readonly configDir?: string;
	/** The environment for the tools (KUBECONFIG from the lab config). @default process.env */
	readonly liveEnv?: NodeJS.ProcessEnv;
}

/**
 * Anything a component throws ends the session as a failure (the terminal owner restores the
 * terminal and cli.ts says what happened in one line) instead of Ink drawing its stack trace.
 */
class Failure extends React.Component<
	{onError: (error: unknown) => void; children: React.ReactNode},
	{failed: boolean}
> {
	override state = {failed: false};

	static getDerivedStateFromError(): {failed: boolean} {
		return {failed: true};
	}

	override componentDidCatch(error: unknown): void {
		this.props.onError(error);
	}

	override render(): React.ReactNode {
		return this.state.failed ? null : this.props.children;
	}
}

/** Messages from outside React for the app's notice line; one shown before the app listens waits for it. */
class Notices {
	private listener: ((text: string) => void) | undefined;
	private pending: string | undefined;

	show(text: string): void {
		if (this.listener) this.listener(text);
		else this.pending = text;
	}

	readonly subscribe = (listener: (text: string) => void): (() => void) => {
		this.listener = listener;
		if (this.pending !== undefined) listener(this.pending);
		this.pending = undefined;
		return () => {
			if (this.listener === listener) this.listener = undefined;
		};
	};
}

/**
 * Loaded after the first frame is on screen: opens the progress store (conf) and hands the
 * screen to Ink. Resolves with the exit code once the learner quits.
 */
export async function startApp(options: StartOptions): Promise<number> {
	const {terminal, typeahead} = options;
	const opened = openProgressStore(process.env, {seed: options.progressSeed});
	const notice = opened.warning ?? options.notice;
	// Where the learner went while Ink loaded is where the app starts, with what the store holds now.
	for (const visit of typeahead.visited) opened.store.visitStep(visit.lessonId, visit.step, visit.stepCount);
	const fresh = initialState(options.course, opened.store.data(), typeahead.state.size, options.lessonId, notice);
	const initial = {
		...fresh,
		view: typeahead.state.view,
		help: typeahead.state.help,
		notice: typeahead.noticed ?? fresh.notice,
	};
	const writer = terminal.writer;
	const collect = fullCollection();
	const collector = collect ? new QuietCollector({collect}) : undefined;
	const onFrame = () => collector?.activity();
	writer.on('frame', onFrame);
	const handOver = (argv: readonly string[]) => terminal.lend(() => runInTerminal(argv));
	const stdin = new InkStdin();
	for (const sequence of typeahead.queued) stdin.push(sequence);
	terminal.setConsumer((sequence) => stdin.push(sequence));
	const notices = new Notices();
	terminal.onSuspendRefused(() => notices.show(SUSPEND_UNAVAILABLE));
	// Which of kubectl, crictl and podman can run here is found only when the learner asks for
	// live mode (Enter on a command step, a live key) or the lab config turns it on: on a shared
	// lab machine, starting podman for every student leaves a process and files behind each.
	const liveMode = options.liveMode ?? 'lazy';
	const detection = lazyDetection(async () => {
		const detected = await detectBackends({live: options.live, configDir: options.configDir, env: options.liveEnv});
		const context = liveContextFrom(detected, {
			...LESSON_POD,
			namespace: options.live.namespace,
			image: options.live.image,
		});
		if (Object.keys(context.backends).length === 0) return undefined;
		if (terminal.active) instance.rerender(app(context));
		return context;
	}, liveMode);
	const app = (live?: LiveContext) => (
		<Failure onError={(error) => terminal.fail(error)}>
			<TutorApp
				initial={initial}
				style={options.style}
				store={opened.store}
				handOver={handOver}
				live={live}
				liveReady={detection}
				notices={notices.subscribe}
			/>
		</Failure>
	);
	// Debug mode: Ink writes every frame whole, as text, and leaves the cursor alone; the writer
	// sends only what changed, and the terminal session owns the cursor (frame-writer.ts).
	const instance = render(app(), {
		stdout: writer as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	terminal.onInterrupt(() => instance.unmount());
	// For the benchmark (scripts/bench/start-stamps.mjs reads it): when Ink took over, and how
	// many keys had been answered before it and were left for it.
	performance.mark('pod-tutor:ink', {detail: {answeredEarly: typeahead.answered, queued: typeahead.queued.length}});
	if (liveMode === 'on') void Promise.resolve(detection);
	try {
		await instance.waitUntilExit();
	} finally {
		writer.off('frame', onFrame);
		collector?.dispose();
	}
	return 0;
}

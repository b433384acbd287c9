/**
 * One command step. Live: shows the exact command line, Enter runs it, output streams into a
 * scrollable pane with a spinner and the elapsed time, Esc stops it (the whole process group).
 * Offline (no backend for the step's tool): the recorded output, labelled as recorded.
 */
import {Box, Text, useInput} from 'ink';
import {useLayoutEffect, useRef} from 'react';
import {recordedName, type CommandSpec} from '../../content/types.js';
import {offlineReason, type LiveContext} from '../../live/live-context.js';
import {shownArgs} from '../../live/step-plan.js';
import {sanitiseTerminalText} from '../../text/terminal-sanitiser.js';
import {intentFor, type Intent} from '../../tutor/keymap.js';
import {
	commandLine,
	cutLine,
	formatElapsed,
	recordedPaneText,
	sidewaysOutput,
	visibleLines,
	wideOutputHint,
	wrapOutput,
} from '../../tutor/command-pane-state.js';
import type {IntentChannel} from '../intent-channel.js';
import {useCommandRun} from './use-command-run.js';

export interface CommandPaneProps {
	readonly command: CommandSpec;
	readonly live: LiveContext | undefined;
	/** Detection, started on the first Enter when nothing asked for live mode before (lazy). */
	readonly liveReady?: PromiseLike<LiveContext | undefined>;
	/** The learner's prediction, on a predict exercise: the real output is read against it. */
	readonly prediction?: string;
	readonly width: number;
	/** Rows for the whole pane, output included. */
	readonly height: number;
	/** Called when the learner is finished with the step (Enter after the output is shown). */
	readonly onDone?: () => void;
	/** @default true */
	readonly isActive?: boolean;
	/**
	 * The pane's keys, decided by the app (run, stop, scroll, wrap). The pane takes the channel
	 * in a layout effect, not a passive one: a key pressed between its first frame and a passive
	 * effect would be lost. Without a channel the pane reads the keyboard itself, through the keymap.
	 */
	readonly intents?: IntentChannel;
	/** The step (`lesson:step`) this pane takes the channel's intents for. */
	readonly step?: string;
	/**
	 * Colour allowed: TextStyle.color, the one terminal reading (off under NO_COLOR, --no-color, TERM=dumb).
	 * @default false
	 */
	readonly color?: boolean;
	/** The terminal has no Unicode: lines are cut with "...". */
	readonly ascii?: boolean;
}

const SPINNER = ['|', '/', '-', '\\'];
/** Rows the pane uses besides the output: command line, status line, hint. */
const CHROME_ROWS = 3;

export function CommandPane(props: CommandPaneProps) {
	const {command, live, width} = props;
	const color = props.color ?? false;
	const run = useCommandRun(command, {live, liveReady: props.liveReady, prediction: props.prediction});
	const {state} = run;
	const outputRows = Math.max(1, props.height - CHROME_ROWS);
	// Nothing can run: no live mode at all, or it answered and this step cannot run here.
	const known = run.plan?.kind === 'recorded' ? run.plan.reason : undefined;
	const offline = (!live && !props.liveReady) || known !== undefined || state.phase === 'recorded';
	const reason = state.phase === 'recorded' ? state.message : (known ?? `no ${command.tool} here`);
	// A reason other than "no kubectl here" gets a line of its own above the recorded output: the status line is short.
	const name = recordedName(command.recorded);
	const why = offline && (live || props.liveReady) ? `Not run here: ${reason}. This is the ${name}.\n\n` : '';
	// Before live mode is looked for, the recorded output is there to read; Enter runs it for real.
	const lazyIdle = !offline && !live && state.phase === 'idle';
	const body = offline || lazyIdle ? why + sanitiseTerminalText(command.recorded.output) : state.output;
	const text =
		state.verdict && state.verdict.length > 0
			? `${body}${body.endsWith('\n') || body === '' ? '' : '\n'}\n${state.verdict.join('\n')}`
			: body;
	const room = Math.max(10, width - 2);
	const sideways = state.wrap ? undefined : sidewaysOutput(text, room, state.scrollX);
	const lines = sideways ? sideways.lines : wrapOutput(text, room);
	// Ink may hand a key to the handler of an earlier render; refs give it the current values.
	const current = useRef({maxBack: 0, maxX: 0, phase: state.phase, offline});
	const now = {
		maxBack: Math.max(0, lines.length - outputRows),
		maxX: Math.max(0, (sideways?.widest ?? 0) - room),
		phase: state.phase,
		offline,
	};
	// A layout effect runs in the same commit that writes the frame: no key is read in between.
	useLayoutEffect(() => {
		current.current = now;
	});

	const onIntent = (intent: Intent) => {
		const {maxBack, maxX, phase, offline} = current.current;
		if (intent === 'wrap') return run.toggleWrap();
		if (intent === 'scrollLeft') return run.scrollSideways(-Math.floor(room / 2), maxX);
		if (intent === 'scrollRight') return run.scrollSideways(Math.floor(room / 2), maxX);
		if (intent === 'up') return run.scroll(1, maxBack);
		if (intent === 'down') return run.scroll(-1, maxBack);
		if (intent === 'pageUp') return run.scroll(outputRows, maxBack);
		if (intent === 'pageDown') return run.scroll(-outputRows, maxBack);
		if (intent === 'cancel' && (phase === 'running' || phase === 'preparing')) return run.cancel();
		if (intent === 'run') {
			if (offline || phase === 'done' || phase === 'refused') return props.onDone?.();
			if (phase === 'idle') return run.start();
		}
	};
	const {intents} = props;
	// Taken in a layout effect (see `intents`): in the commit that draws the pane, before any key
	// can be read; given back when this pane goes away, unless another took it.
	const handler = useRef(onIntent);
	useLayoutEffect(() => {
		handler.current = onIntent;
	});
	const {step} = props;
	useLayoutEffect(() => intents?.listen((intent) => handler.current(intent), step), [intents, step]);
	useInput(
		(input, key) => {
			const intent = intentFor({...key, input}, ['command']);
			if (intent) handler.current(intent);
		},
		{isActive: (props.isActive ?? true) && !intents},
	);

	const shownLine = run.argv
		? commandLine(run.argv.file, run.argv.args)
		: commandLine(command.tool, shownArgs(command));
	const view = visibleLines(lines, outputRows, state.scrollBack);
	const wideHint = wideOutputHint(text, room, state.wrap);

	let status: string;
	let hint: string;
	if (offline || lazyIdle) {
		({status, hint} = recordedPaneText(command.tool, command.recorded.exitCode, lazyIdle, wideHint, name));
		if (why) status = `${name}, exit code ${command.recorded.exitCode}`;
		if (offline && !why && reason !== `no ${command.tool} here`)
			status = `${name} (${reason}), exit code ${command.recorded.exitCode}`;
		// "no kubectl here" only where kubectl is missing (detection's report says so); before
		// detection the pane claims nothing, and installed-without-a-cluster says that.
		else if (offline && !why)
			status = `${offlineReason(command.tool, live, name)}, exit code ${command.recorded.exitCode}`;
	} else if (state.phase === 'idle') {
		status = run.expandError
			? `cannot run: ${run.expandError}`
			: live
				? `ready to run with ${run.argv?.file ?? command.tool}`
				: 'ready to run for real';
		hint = live
			? 'Enter: run it (nothing runs until you press Enter)'
			: 'Enter: run it for real (looks for kubectl, crictl and podman first)';
	} else if (state.phase === 'preparing') {
		status = state.message ?? 'getting ready...';
		hint = 'Esc: stop';
	} else if (state.phase === 'running') {
		status = `${SPINNER[Math.floor(state.elapsedMs / 100) % SPINNER.length]} running ${formatElapsed(state.elapsedMs)}`;
		hint = 'Esc: stop it';
	} else if (state.phase === 'refused') {
		status = `not run: ${state.message ?? ''}`;
		hint = 'Enter: continue';
	} else {
		const how =
			state.outcome === 'exited'
				? `exit code ${state.exitCode}`
				: state.outcome === 'cancelled'
					? 'stopped by you'
					: (state.message ?? state.outcome ?? '');
		status = `done in ${formatElapsed(state.elapsedMs)}, ${how}`;
		hint = `Enter: continue, Up/Down: scroll${wideHint}`;
	}

	return (
		<Box flexDirection="column" width={width}>
			<Text>{cutLine(`$ ${shownLine}`, width, props.ascii)}</Text>
			<Box flexDirection="column" height={outputRows}>
				{view.above > 0 && <Text dimColor={color}>(up: {view.above} more lines)</Text>}
				{(view.above > 0 ? view.lines.slice(1) : view.lines).map((line, i) => (
					<Text key={i}>{line === '' ? ' ' : line}</Text>
				))}
			</Box>
			<Text
				color={
					!color
						? undefined
						: offline || lazyIdle
							? 'yellow'
							: state.phase === 'done' && state.exitCode !== 0
								? 'red'
								: undefined
				}
			>
				{cutLine(status, width, props.ascii)}
			</Text>
			<Text dimColor={color}>{cutLine(hint, width, props.ascii)}</Text>
		</Box>
	);
}

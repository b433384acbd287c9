/**
 * One command step. Live: shows the exact command line, Enter runs it, output streams into a
 * scrollable pane with a spinner and the elapsed time, Esc stops it (the whole process group).
 * Offline (no backend for the step's tool): the recorded output, labelled as recorded.
 */
import {Box, Text, useInput} from 'ink';
import {useEffect, useLayoutEffect, useRef} from 'react';
import type {CommandSpec} from '../../content/types.js';
import {offlineReason, type LiveContext} from '../../live/live-context.js';
import {sanitiseTerminalText} from '../../text/terminal-sanitiser.js';
import {intentFor, type Intent} from '../../tutor/keymap.js';
import type {IntentChannel} from '../intent-channel.js';
import {commandLine, cutLine, formatElapsed, visibleLines, wrapOutput} from '../../tutor/command-pane-state.js';
import {useCommandRun} from './use-command-run.js';

export interface CommandPaneProps {
	readonly command: CommandSpec;
	readonly live: LiveContext | undefined;
	readonly width: number;
	/** Rows for the whole pane, output included. */
	readonly height: number;
	/** Called when the learner is finished with the step (Enter after the output is shown). */
	readonly onDone?: () => void;
	/**
	 * The pane's keys, decided by the app (run, stop, scroll). Without it the pane reads the
	 * keyboard itself, through the same keymap.
	 */
	readonly intents?: IntentChannel;
	/** @default true */
	readonly isActive?: boolean;
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
	const backend = live?.backends[command.tool];
	const run = useCommandRun(command, backend, live?.values ?? {});
	const {state} = run;
	const outputRows = Math.max(1, props.height - CHROME_ROWS);
	const offline = !backend;
	const text = offline ? sanitiseTerminalText(command.recorded.output) : state.output;
	const lines = wrapOutput(text, Math.max(10, width - 2));
	const maxBack = Math.max(0, lines.length - outputRows);
	const phase = state.phase;

	const onIntent = (intent: Intent) => {
		if (intent === 'up') return run.scroll(1, maxBack);
		if (intent === 'down') return run.scroll(-1, maxBack);
		if (intent === 'pageUp') return run.scroll(outputRows, maxBack);
		if (intent === 'pageDown') return run.scroll(-outputRows, maxBack);
		if (intent === 'cancel' && phase === 'running') return run.cancel();
		if (intent === 'run') {
			if (offline || phase === 'done' || phase === 'refused') return props.onDone?.();
			if (phase === 'idle') return run.start();
		}
	};
	// The listener and Ink's input handler stay in place; each key reaches the onIntent of the
	// render on screen (a layout effect: updated before the next key can be read).
	const handler = useRef(onIntent);
	useLayoutEffect(() => {
		handler.current = onIntent;
	});
	const {intents} = props;
	useEffect(() => intents?.listen((intent) => handler.current(intent)), [intents]);
	useInput(
		(input, key) => {
			const intent = intentFor({...key, input}, ['command']);
			if (intent) handler.current(intent);
		},
		{isActive: (props.isActive ?? true) && !intents},
	);

	const failed = state.phase === 'done' && state.exitCode !== 0;
	const statusColor = !color ? undefined : offline ? 'yellow' : failed ? 'red' : undefined;
	const shownLine = run.argv ? commandLine(run.argv.file, run.argv.args) : commandLine(command.tool, command.args);
	const view = visibleLines(lines, outputRows, state.scrollBack);

	let status: string;
	let hint: string;
	if (offline) {
		status = `${offlineReason(command.tool, live)}, exit code ${command.recorded.exitCode}`;
		hint = 'Enter: continue, Up/Down: scroll';
	} else if (state.phase === 'idle') {
		status = run.expandError ? `cannot run: ${run.expandError}` : `ready to run with ${command.tool}`;
		hint = 'Enter: run it (nothing runs until you press Enter)';
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
		hint = 'Enter: continue, Up/Down: scroll';
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
			<Text color={statusColor}>{cutLine(status, width, props.ascii)}</Text>
			<Text dimColor={color}>{cutLine(hint, width, props.ascii)}</Text>
		</Box>
	);
}

/**
 * Runs a command step for real: expands its placeholders, starts it through the backend's tool,
 * collects output, and ticks (spinner, elapsed time, output refresh) only while it runs.
 */
import {useCallback, useEffect, useReducer, useRef} from 'react';
import type {CommandSpec} from '../../content/types.js';
import type {LiveBackend} from '../../live/backend.js';
import {expandPlaceholders, startCommand, type PlaceholderValues, type RunningCommand} from '../../live/command-runner.js';
import {OutputTail} from '../../live/output-tail.js';
import {initialPaneState, paneReducer, type PaneState} from '../../tutor/command-pane-state.js';

export const TICK_MS = 100;
/** Lesson commands are short; anything longer (logs -f) is stopped and its output kept. */
export const STEP_TIMEOUT_MS = 120_000;

export interface CommandRun {
	readonly state: PaneState;
	readonly argv?: {readonly file: string; readonly args: readonly string[]};
	readonly expandError?: string;
	start(): void;
	cancel(): void;
	scroll(lines: number, maxBack: number): void;
}

export function useCommandRun(command: CommandSpec, backend: LiveBackend | undefined, values: PlaceholderValues): CommandRun {
	const [state, dispatch] = useReducer(paneReducer, initialPaneState);
	const running = useRef<RunningCommand | undefined>(undefined);
	const tail = useRef<OutputTail | undefined>(undefined);
	const expanded = expandPlaceholders(command.args, values);
	const argv = backend && expanded.ok ? backend.argvFor(expanded.args) : undefined;
	const expandError = expanded.ok ? undefined : expanded.error;

	useEffect(() => {
		if (state.phase !== 'running') return;
		const timer = setInterval(() => dispatch({type: 'tick', now: Date.now(), output: tail.current?.text() ?? ''}), TICK_MS);
		return () => clearInterval(timer);
	}, [state.phase]);

	// Leaving the step stops what it started.
	useEffect(() => () => running.current?.cancel(), []);

	const start = useCallback(() => {
		if (running.current) return;
		if (expandError) {
			dispatch({type: 'refuse', message: expandError});
			return;
		}
		if (!argv) return;
		const output = new OutputTail();
		tail.current = output;
		dispatch({type: 'start', now: Date.now()});
		const handle = startCommand({
			file: argv.file,
			args: argv.args,
			timeoutMs: STEP_TIMEOUT_MS,
			onOutput: (_stream, text) => output.append(text),
		});
		running.current = handle;
		void handle.done.then((result) => {
			running.current = undefined;
			dispatch({type: 'finish', now: Date.now(), output: output.text(), outcome: result.outcome, exitCode: result.exitCode, message: result.error});
		});
	}, [argv, expandError]);

	const cancel = useCallback(() => running.current?.cancel(), []);
	const scroll = useCallback((lines: number, maxBack: number) => dispatch({type: 'scroll', lines, maxBack}), []);

	return {state, argv, expandError, start, cancel, scroll};
}

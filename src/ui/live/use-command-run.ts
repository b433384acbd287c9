/**
 * Runs a command step for real once the learner presses Enter: finds the backends (detection is
 * lazy: nothing runs a container tool before this), decides how the step runs here, creates the
 * scenario and waits for the state the step is about, runs the command, then reads its output
 * against the lesson. Ticks (spinner, elapsed time, output refresh) only while something runs.
 */
import {useCallback, useEffect, useReducer, useRef} from 'react';
import type {CommandSpec} from '../../content/types.js';
import {
	expandPlaceholders,
	startCommand,
	type PlaceholderValues,
	type RunningCommand,
} from '../../live/command-runner.js';
import type {LiveContext} from '../../live/live-context.js';
import {comparedFrom, comparisonArgv} from '../../live/comparison.js';
import {verdictFor, type Compared} from '../../live/output-reading.js';
import {prepareScenario} from '../../live/scenario-run.js';
import {planStep, scenarioValues, type StepPlan} from '../../live/step-plan.js';
import {OutputTail} from '../../live/output-tail.js';
import {currentUserLabel} from '../../live/tutor-labels.js';
import {DEFAULT_IMAGE} from '../../live/lesson-pods.js';
import {commandLine, initialPaneState, paneReducer, type PaneState} from '../../tutor/command-pane-state.js';

export const TICK_MS = 100;
/** Lesson commands are short; anything longer (logs -f) is stopped and its output kept. */
export const STEP_TIMEOUT_MS = 120_000;

export interface CommandRun {
	readonly state: PaneState;
	/** What will run (or ran): the backend's tool and its arguments. */
	readonly argv?: {readonly file: string; readonly args: readonly string[]};
	readonly expandError?: string;
	/** Known before Enter: live mode has answered and this step cannot run here. */
	readonly plan?: StepPlan;
	start(): void;
	cancel(): void;
	scroll(lines: number, maxBack: number): void;
	toggleWrap(): void;
	scrollSideways(columns: number, max: number): void;
}

export interface CommandRunOptions {
	readonly live: LiveContext | undefined;
	/** Starts detection when nothing has asked for it yet (lazy). */
	readonly liveReady?: PromiseLike<LiveContext | undefined>;
	/** The learner's prediction, on a predict exercise. */
	readonly prediction?: string;
}

function argvOf(plan: StepPlan | undefined, command: CommandSpec, values: PlaceholderValues) {
	const expanded = expandPlaceholders(
		plan?.kind === 'run' ? plan.args : command.args,
		scenarioValues(command, values),
	);
	if (!expanded.ok) return {expandError: expanded.error};
	const argv = plan?.kind === 'run' ? plan.backend.argvFor(expanded.args) : {file: command.tool, args: expanded.args};
	return {argv};
}

export function useCommandRun(command: CommandSpec, options: CommandRunOptions): CommandRun {
	const {live, liveReady, prediction} = options;
	const [state, dispatch] = useReducer(paneReducer, initialPaneState);
	const running = useRef<RunningCommand | undefined>(undefined);
	const busy = useRef(false);
	const left = useRef(false);
	const stopped = useRef(false);
	const tail = useRef<OutputTail | undefined>(undefined);
	const values = live?.values ?? {};
	const plan = live ? planStep(command, live) : undefined;
	const {argv, expandError} = argvOf(plan, command, values);

	useEffect(() => {
		if (state.phase !== 'running') return;
		const timer = setInterval(
			() => dispatch({type: 'tick', now: Date.now(), output: tail.current?.text() ?? ''}),
			TICK_MS,
		);
		return () => clearInterval(timer);
	}, [state.phase]);

	// Leaving the step stops what it started (the command, or the wait for the scenario).
	useEffect(
		() => () => {
			left.current = true;
			running.current?.cancel();
		},
		[],
	);

	const start = useCallback(() => {
		if (busy.current) return;
		if (expandError) return dispatch({type: 'refuse', message: expandError});
		busy.current = true;
		stopped.current = false;
		dispatch({
			type: 'prepare',
			message: live ? 'Getting ready...' : 'Looking for kubectl, crictl and podman first...',
		});
		const go = async () => {
			const context = live ?? (liveReady ? await liveReady : undefined);
			const chosen = planStep(command, context);
			if (chosen.kind === 'recorded') return dispatch({type: 'recorded', message: chosen.reason});
			const contextValues = context?.values ?? {};
			const prepared = await prepareScenario(chosen.maker, chosen.scenario, {
				target: {
					user: currentUserLabel(),
					image: contextValues.image ?? DEFAULT_IMAGE,
					namespace: contextValues.namespace,
				},
				progress: (message) => dispatch({type: 'prepare', message}),
				cancelled: () => left.current || stopped.current,
			});
			if (left.current) return;
			if (!prepared.ok)
				return dispatch({
					type: 'refuse',
					message: stopped.current ? 'stopped by you before the command ran' : prepared.error,
				});
			const run = argvOf(chosen, command, contextValues);
			if (!run.argv)
				return dispatch({type: 'refuse', message: run.expandError ?? 'the command could not be built'});
			// A comparing reading measures first, with the same backend, in the same run.
			let compared: Compared | undefined;
			const measurement = comparisonArgv(chosen, command, contextValues);
			if (measurement && !measurement.ok) compared = measurement.compared;
			else if (measurement) {
				const shown = commandLine(measurement.file, measurement.args);
				dispatch({type: 'prepare', message: `Measuring ${measurement.label} first: ${shown}`});
				const handle = startCommand({
					file: measurement.file,
					args: measurement.args,
					timeoutMs: STEP_TIMEOUT_MS,
				});
				running.current = handle;
				const result = await handle.done;
				running.current = undefined;
				if (left.current) return;
				if (stopped.current || result.outcome === 'cancelled')
					return dispatch({type: 'refuse', message: 'stopped by you before the command ran'});
				compared = comparedFrom(measurement.label, command, result, shown);
			}
			const output = new OutputTail();
			tail.current = output;
			dispatch({type: 'start', now: Date.now()});
			const handle = startCommand({
				file: run.argv.file,
				args: run.argv.args,
				timeoutMs: STEP_TIMEOUT_MS,
				onOutput: (_stream, text) => output.append(text),
			});
			running.current = handle;
			const result = await handle.done;
			running.current = undefined;
			const text = output.text();
			const verdict =
				result.outcome === 'exited'
					? verdictFor(text, chosen.reading, command.recorded.output, prediction, chosen.note, compared).lines
					: undefined;
			dispatch({
				type: 'finish',
				now: Date.now(),
				output: text,
				outcome: result.outcome,
				exitCode: result.exitCode,
				message: result.error,
				verdict,
			});
		};
		void go()
			.catch((error: unknown) =>
				dispatch({type: 'refuse', message: error instanceof Error ? error.message : String(error)}),
			)
			.finally(() => {
				busy.current = false;
			});
	}, [command, live, liveReady, prediction, expandError]);

	const cancel = useCallback(() => {
		if (running.current) running.current.cancel();
		else if (busy.current) stopped.current = true;
	}, []);
	const scroll = useCallback((lines: number, maxBack: number) => dispatch({type: 'scroll', lines, maxBack}), []);
	const toggleWrap = useCallback(() => dispatch({type: 'wrap'}), []);
	const scrollSideways = useCallback((columns: number, max: number) => dispatch({type: 'scrollX', columns, max}), []);

	return {state, argv, expandError, plan, start, cancel, scroll, toggleWrap, scrollSideways};
}

/**
 * Decides how a command step runs here: with its own tool, with podman's way of showing the same
 * thing, or not at all (the recorded output, with one line saying why).
 */
import type {CommandSpec, OutputReading} from '../content/types.js';
import type {LiveBackend} from './backend.js';
import {expandPlaceholders, type PlaceholderValues} from './command-runner.js';
import {DEFAULT_IMAGE} from './lesson-pods.js';
import {DEFAULT_NAMESPACE} from './live-options.js';
import type {LiveContext} from './live-context.js';
import {SCENARIOS, type ScenarioInfo} from './scenario-catalog.js';

export type StepPlan =
	| {
			readonly kind: 'run';
			/** Runs the command. */
			readonly backend: LiveBackend;
			/** Makes the scenario (kubectl for crictl steps: the kubelet makes the Pod crictl then sees). */
			readonly maker: LiveBackend;
			readonly scenario: ScenarioInfo;
			readonly args: readonly string[];
			readonly reading: OutputReading;
			readonly note?: string;
	  }
	| {readonly kind: 'recorded'; readonly reason: string};

/** {pod} and {container} are the scenario's; {namespace} and {image} the tutor's settings. */
export function scenarioValues(command: CommandSpec, values: PlaceholderValues): PlaceholderValues {
	const scenario = command.scenario ? SCENARIOS[command.scenario] : undefined;
	return scenario ? {...values, pod: scenario.pod, container: scenario.container} : values;
}

export function planStep(command: CommandSpec, live: LiveContext | undefined): StepPlan {
	const scenario = command.scenario ? SCENARIOS[command.scenario] : undefined;
	if (!scenario) return {kind: 'recorded', reason: 'this step names no scenario to run against'};
	const backends = live?.backends ?? {};
	const own = backends[command.tool];
	const maker = command.tool === 'crictl' ? backends.kubectl : own;
	const reasons: string[] = [];
	if (own && maker) {
		const cannot = scenario.cannot[maker.tool];
		if (!cannot) return {kind: 'run', backend: own, maker, scenario, args: command.args, reading: command};
		reasons.push(cannot);
	} else if (own && command.tool === 'crictl') {
		reasons.push(
			`${scenario.cannot.crictl ?? 'crictl makes no Pods'}, and no cluster is usable here to make ${scenario.pod}`,
		);
	}
	const podman = backends.podman;
	if (command.podman && podman && command.tool !== 'podman') {
		const cannot = scenario.cannot.podman;
		if (!cannot)
			return {
				kind: 'run',
				backend: podman,
				maker: podman,
				scenario,
				args: command.podman.args,
				reading: command.podman,
				note: command.podman.note,
			};
		reasons.push(cannot);
	}
	if (reasons.length === 0) {
		if (podman && scenario.cannot.podman) reasons.push(scenario.cannot.podman);
		else if (podman && !command.podman && command.tool !== 'podman')
			reasons.push(
				`no ${command.tool} here, and podman cannot show this: it needs a ${command.tool === 'crictl' ? 'CRI runtime' : 'cluster'}`,
			);
		else reasons.push(`no ${command.tool} here`);
	}
	return {kind: 'recorded', reason: reasons[0]};
}

/**
 * A command as prose shows it, placeholders filled as the command line fills them ({pod} is the
 * scenario's Pod; {namespace} and {image} the defaults unless the tutor's settings are given).
 */
export function shownArgs(command: CommandSpec, values: PlaceholderValues = {}): readonly string[] {
	const filled = expandPlaceholders(
		command.args,
		scenarioValues(command, {namespace: DEFAULT_NAMESPACE, image: DEFAULT_IMAGE, ...values}),
	);
	return filled.ok ? filled.args : command.args;
}

/**
 * A predict exercise's `compare`: the measurement made just before the command, in the same run
 * and with the same backend (app's pid link, for the one printed in log-shipper), for the `same` /
 * `differs` rules of `decide` to compare with (src/live/output-reading.ts).
 */
import type {CommandSpec} from '../content/types.js';
import {expandPlaceholders, type PlaceholderValues, type RunResult} from './command-runner.js';
import type {Compared} from './output-reading.js';
import {scenarioValues, type StepPlan} from './step-plan.js';

export type Measurement =
	| {readonly ok: true; readonly file: string; readonly args: readonly string[]; readonly label: string}
	| {readonly ok: false; readonly compared: Compared};

/** What to run for the plan's comparison, or undefined when its reading compares with nothing. */
export function comparisonArgv(
	plan: Extract<StepPlan, {kind: 'run'}>,
	command: CommandSpec,
	values: PlaceholderValues,
): Measurement | undefined {
	const compare = plan.reading.compare;
	if (!compare) return undefined;
	const expanded = expandPlaceholders(compare.args, scenarioValues(command, values));
	if (!expanded.ok)
		return {
			ok: false,
			compared: {label: compare.label, recorded: command.recorded.compared, problem: expanded.error},
		};
	return {ok: true, ...plan.backend.argvFor(expanded.args), label: compare.label};
}

/** The comparison as the verdict reads it, from the measurement's run; `shown` is its command line. */
export function comparedFrom(label: string, command: CommandSpec, result: RunResult, shown: string): Compared {
	const base = {label, recorded: command.recorded.compared, shown};
	if (result.outcome !== 'exited') return {...base, problem: result.error ?? result.outcome};
	if (result.exitCode !== 0)
		return {
			...base,
			problem: `exit code ${result.exitCode}${result.stderr.trim() ? `: ${result.stderr.trim()}` : ''}`,
		};
	return {...base, output: result.stdout};
}

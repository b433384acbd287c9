/**
 * Checks the learner's real Pod: the same manifest rules as the written answer, run on the Pod
 * as the backend reports it, plus what only a running Pod can show — every container running.
 */
import type {ManifestRule} from '../content/types.js';
import type {CheckItem} from '../exercises/check-answer.js';
import {ruleVerdict} from '../exercises/manifest-rules.js';
import type {LiveBackend, LivePod} from './backend.js';

export interface LiveCheckResult {
	readonly correct: boolean;
	readonly checks: readonly CheckItem[];
	/** The Pod could not be read at all (message says why); checks is then empty. */
	readonly error?: string;
	readonly pod?: LivePod;
}

export function containersRunningChecks(pod: LivePod): CheckItem[] {
	if (pod.containers.length === 0) {
		return [{name: 'containers running', passed: false, message: `the Pod ${pod.name} has no containers`}];
	}
	return pod.containers.map((container) => {
		const passed = container.state === 'running';
		const why = container.reason ? ` (${container.reason})` : '';
		return {
			name: `container ${container.name} running`,
			passed,
			message: passed
				? `${container.name} is running`
				: `${container.name} is ${container.state}${why}: look at its logs before checking again`,
		};
	});
}

export function checkPodView(pod: LivePod, rules: readonly ManifestRule[]): LiveCheckResult {
	const checks: CheckItem[] = rules.map((rule) => {
		const {name, passed, message} = ruleVerdict(rule, pod.manifest);
		return {name, passed, message};
	});
	checks.push(...containersRunningChecks(pod));
	return {correct: checks.every((c) => c.passed), checks, pod};
}

export async function checkLivePod(
	backend: LiveBackend,
	podName: string,
	rules: readonly ManifestRule[],
): Promise<LiveCheckResult> {
	const pod = await backend.getPod(podName);
	if (!pod.ok) return {correct: false, checks: [], error: pod.error};
	return checkPodView(pod.value, rules);
}

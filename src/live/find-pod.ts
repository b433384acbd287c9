/** Finds a Pod by name on whichever usable backend has it. */
import {LIVE_TOOLS} from '../content/types.js';
import type {LiveBackend, LivePod} from './backend.js';
import type {DetectedBackend} from './detect-backends.js';

export type FoundPod =
	| {readonly ok: true; readonly backend: LiveBackend; readonly pod: LivePod}
	| {readonly ok: false; readonly error: string};

/** Order tried: kubectl (the cluster), crictl (the node under it), podman. */
export async function findPod(detected: readonly DetectedBackend[], name: string): Promise<FoundPod> {
	const usable = LIVE_TOOLS.flatMap((tool) =>
		detected.filter((d) => d.report.tool === tool && d.backend).map((d) => d.backend as LiveBackend),
	);
	if (usable.length === 0) {
		const lines = detected.map(
			(d) =>
				`  ${d.report.tool}: ${d.report.problem ?? 'not usable'}${d.report.nextStep ? ` — ${d.report.nextStep}` : ''}`,
		);
		return {
			ok: false,
			error: `no live backend is available, so there is no real Pod to look at:\n${lines.join('\n')}`,
		};
	}
	const misses: string[] = [];
	for (const backend of usable) {
		const pod = await backend.getPod(name);
		if (pod.ok) return {ok: true, backend, pod: pod.value};
		misses.push(`  ${backend.tool}: ${pod.error}`);
	}
	return {ok: false, error: `no Pod named ${name} was found:\n${misses.join('\n')}`};
}

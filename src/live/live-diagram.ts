/**
 * A real Pod drawn by the diagram engine with the namespace inodes measured on it: shared by
 * `pod-tutor diagram --live` and the tutor's `v` key on diagram steps.
 */
import type {Charset} from '../diagram/text-line.js';
import {buildPodModel} from '../diagram/pod-model.js';
import {layoutPod} from '../diagram/pod-diagram.js';
import {extractPodSpecs} from '../k8s/workload.js';
import type {LiveBackend, LivePod} from './backend.js';

export async function drawLivePod(
	backend: LiveBackend,
	pod: LivePod,
	options: {readonly width: number; readonly charset: Charset; readonly color: boolean},
): Promise<{ok: true; lines: string[]} | {ok: false; error: string}> {
	const measured = await backend.readNamespaces(pod);
	const specs = extractPodSpecs(pod.manifest);
	if (!specs.ok || specs.pods.length === 0) {
		return {
			ok: false,
			error: `the Pod ${pod.name} as ${backend.tool} reports it could not be drawn: ${specs.ok ? 'no Pod spec' : specs.error}`,
		};
	}
	const model = buildPodModel(specs.pods[0], {ip: pod.ip, measured: measured.ok ? measured.value : undefined});
	if (!model.ok) return {ok: false, error: model.error};
	const lines = [
		`Pod ${pod.name} as ${backend.tool} sees it${pod.ip ? `, IP ${pod.ip}` : ''}`,
		'',
		...layoutPod(model.model, options),
		'',
	];
	// The diagram itself shows the measured inodes; say what could not be measured and why.
	if (!measured.ok) lines.push(`Namespaces could not be measured: ${measured.error}`);
	else if (!measured.value.sandbox)
		lines.push(
			`${backend.tool} does not show the pause container: only the app containers were measured, from inside.`,
		);
	return {ok: true, lines};
}

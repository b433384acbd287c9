/** Turns `kubectl get pod NAME -o json` (a Pod object as the API returns it) into a LivePod. */
import type {ContainerState, LiveContainer, LivePod} from './backend.js';
import {asArray, asNumber, asObject, asString, stringRecord, type JsonObject} from '../k8s/json-reading.js';

function stateOf(status: JsonObject | undefined): {state: ContainerState; reason?: string} {
	const state = asObject(status?.state);
	if (!state) return {state: 'unknown'};
	if (asObject(state.running)) return {state: 'running'};
	const waiting = asObject(state.waiting);
	if (waiting) return {state: 'waiting', reason: asString(waiting.reason)};
	const terminated = asObject(state.terminated);
	if (terminated) {
		const code = asNumber(terminated.exitCode);
		return {
			state: 'terminated',
			reason: asString(terminated.reason) ?? (code === undefined ? undefined : `exit code ${code}`),
		};
	}
	return {state: 'unknown'};
}

export function livePodFromKubectl(object: unknown): LivePod | undefined {
	const pod = asObject(object);
	if (!pod || pod.kind !== 'Pod') return undefined;
	const metadata = asObject(pod.metadata) ?? {};
	const spec = asObject(pod.spec) ?? {};
	const status = asObject(pod.status) ?? {};
	const statuses = new Map<string, JsonObject>();
	for (const item of [...asArray(status.containerStatuses), ...asArray(status.initContainerStatuses)]) {
		const entry = asObject(item);
		const name = asString(entry?.name);
		if (entry && name) statuses.set(name, entry);
	}
	const containersOf = (list: unknown): LiveContainer[] =>
		asArray(list).flatMap((item) => {
			const container = asObject(item);
			const name = asString(container?.name);
			if (!container || !name) return [];
			const containerStatus = statuses.get(name);
			const {state, reason} = stateOf(containerStatus);
			return [
				{
					name,
					image: asString(container.image) ?? '',
					state,
					reason,
					restartCount: asNumber(containerStatus?.restartCount),
					id: asString(containerStatus?.containerID),
					mounts: asArray(container.volumeMounts).flatMap((mount) => {
						const m = asObject(mount);
						const path = asString(m?.mountPath);
						return path ? [{volume: asString(m?.name), path}] : [];
					}),
				},
			];
		});
	const containers = containersOf(spec.containers);
	const initContainers = containersOf(spec.initContainers);
	return {
		name: asString(metadata.name) ?? '',
		namespace: asString(metadata.namespace),
		ip: asString(status.podIP),
		status: asString(status.phase),
		labels: stringRecord(metadata.labels),
		containers,
		...(initContainers.length > 0 ? {initContainers} : {}),
		manifest: {apiVersion: pod.apiVersion ?? 'v1', kind: 'Pod', metadata, spec},
	};
}

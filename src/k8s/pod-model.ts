/**
 * The one place that knows how a Pod is put together: which lists hold containers and what role
 * each list gives them, the sidecar rule, and where the Pod spec sits in each workload kind.
 * Exercises (src/exercises/pod-view.ts), diagrams (src/k8s/workload.ts, src/diagram/pod-model.ts),
 * resources (src/k8s/resources.ts) and live mode read Pods through it.
 */
import {asObject, type JsonObject} from './json-reading.js';

/** What a container is to its Pod. Ephemeral containers are added later by `kubectl debug`. */
export type ContainerRole = 'init' | 'sidecar' | 'app' | 'ephemeral';

/** The Pod spec fields that hold containers, in the order the kubelet starts them. */
export const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;
export type ContainerList = (typeof CONTAINER_LISTS)[number];

/**
 * A native sidecar is an init container with `restartPolicy: Always`: it starts in init order,
 * keeps running beside the app containers and is stopped after them.
 * https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
 */
export function isNativeSidecar(list: ContainerList, container: JsonObject | undefined): boolean {
	return list === 'initContainers' && container?.restartPolicy === 'Always';
}

/** The role a container has from the list it is in and its own restartPolicy. */
export function roleOf(list: ContainerList, container: JsonObject | undefined): ContainerRole {
	if (list === 'containers') return 'app';
	if (list === 'ephemeralContainers') return 'ephemeral';
	return isNativeSidecar(list, container) ? 'sidecar' : 'init';
}

/** Roles that keep running while the Pod serves: they share its ports and its lifetime. */
export function isLongRunning(role: ContainerRole): boolean {
	return role === 'app' || role === 'sidecar';
}

/** The role with its article, to use mid-sentence. */
export function roleWords(role: ContainerRole): string {
	switch (role) {
		case 'app':
			return 'an app container';
		case 'sidecar':
			return 'a sidecar (init container with restartPolicy: Always)';
		case 'init':
			return 'a regular init container';
		case 'ephemeral':
			return 'an ephemeral (debug) container';
	}
}

/** Where the Pod spec sits in each kind that carries one, as a field path from the object's root. */
export const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
	Pod: ['spec'],
	PodTemplate: ['template', 'spec'],
	Deployment: ['spec', 'template', 'spec'],
	ReplicaSet: ['spec', 'template', 'spec'],
	StatefulSet: ['spec', 'template', 'spec'],
	DaemonSet: ['spec', 'template', 'spec'],
	Job: ['spec', 'template', 'spec'],
	ReplicationController: ['spec', 'template', 'spec'],
	CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** The field path of the Pod spec in an object of this kind; undefined for kinds without one. */
export function podSpecPath(kind: unknown): readonly string[] | undefined {
	return typeof kind === 'string' ? POD_SPEC_PATHS[kind] : undefined;
}

/** The Pod template (metadata and spec) of a workload: the path of the spec without its last step. */
export function podTemplatePath(kind: unknown): readonly string[] | undefined {
	const path = podSpecPath(kind);
	return path && kind !== 'Pod' ? path.slice(0, -1) : undefined;
}

export function valueAtPath(root: unknown, path: readonly (string | number)[]): unknown {
	let node = root;
	for (const key of path) {
		node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
	}
	return node;
}

/** The Pod spec of a manifest of any kind that carries one, or undefined. */
export function findPodSpec(manifest: JsonObject): JsonObject | undefined {
	const path = podSpecPath(manifest.kind);
	return path ? asObject(valueAtPath(manifest, path)) : undefined;
}

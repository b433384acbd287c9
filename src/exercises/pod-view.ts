/**
 * A tolerant read-only view of a parsed manifest: the learner's YAML may have any shape, so every
 * field is looked up defensively and a missing or mistyped field reads as absent, never a throw.
 */
import type {ManifestObject} from './manifest-yaml.js';

import {asArray, asObject, asString, type JsonObject} from '../k8s/json-reading.js';
import {findPodSpec, podSpecPath, roleOf, type ContainerList, type ContainerRole} from '../k8s/pod-model.js';

export type Fields = JsonObject;
export const asFields = asObject;
export const asList = asArray;
export const asText = asString;

export type {ContainerRole} from '../k8s/pod-model.js';
export {roleWords} from '../k8s/pod-model.js';

export interface ContainerView {
	readonly name: string;
	readonly role: ContainerRole;
	/** Which list of the Pod spec holds it, and where in that list. */
	readonly list: ContainerList;
	readonly index: number;
	readonly fields: Fields;
}

export interface PodView {
	/** The whole object, for rules about the workload around the Pod (replicas, selector). */
	readonly root: Fields;
	readonly apiVersion: string | undefined;
	readonly kind: string | undefined;
	readonly metadata: Fields | undefined;
	/** The Pod spec: spec of a Pod, spec.template.spec of a workload, deeper for a CronJob. */
	readonly spec: Fields | undefined;
	/** Field path of the Pod spec from the object's root (src/k8s/pod-model.ts). */
	readonly specPath: readonly string[];
	/** App containers, then init containers (sidecars and regular ones), then ephemeral ones, in list order. */
	readonly containers: readonly ContainerView[];
}

export function viewPod(manifest: ManifestObject): PodView {
	const specPath = podSpecPath(manifest.kind) ?? ['spec'];
	const spec = findPodSpec(manifest);
	const containers: ContainerView[] = [];
	for (const list of ['containers', 'initContainers', 'ephemeralContainers'] as const) {
		for (const [index, entry] of asList(spec?.[list]).entries()) {
			const fields = asFields(entry);
			if (!fields) continue;
			containers.push({
				name: asText(fields.name) ?? `#${index + 1}`,
				role: roleOf(list, fields),
				list,
				index,
				fields,
			});
		}
	}
	return {
		root: manifest,
		apiVersion: asText(manifest.apiVersion),
		kind: asText(manifest.kind),
		metadata: asFields(manifest.metadata),
		spec,
		specPath,
		containers,
	};
}

export function findContainer(pod: PodView, name: string): ContainerView | undefined {
	return pod.containers.find((container) => container.name === name);
}

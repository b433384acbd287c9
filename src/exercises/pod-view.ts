/**
 * A tolerant read-only view of a parsed manifest: the learner's YAML may have any shape, so every
 * field is looked up defensively and a missing or mistyped field reads as absent, never a throw.
 */
import type {ManifestObject} from './manifest-yaml.js';

import {asArray, asObject, asString, type JsonObject} from '../k8s/json-reading.js';

export type Fields = JsonObject;
export const asFields = asObject;
export const asList = asArray;
export const asText = asString;

export type ContainerRole = 'app' | 'sidecar' | 'init';

export interface ContainerView {
	readonly name: string;
	readonly role: ContainerRole;
	readonly fields: Fields;
}

export interface PodView {
	readonly kind: string | undefined;
	readonly metadata: Fields | undefined;
	/** The Pod spec: spec of a Pod, spec.template.spec of a workload, deeper for a CronJob. */
	readonly spec: Fields | undefined;
	/** App containers, then init containers (sidecars and regular ones) in list order. */
	readonly containers: readonly ContainerView[];
}

function podSpecOf(manifest: ManifestObject): Fields | undefined {
	const spec = asFields(manifest.spec);
	if (manifest.kind === 'Pod') return spec;
	if (manifest.kind === 'PodTemplate') return asFields(asFields(manifest.template)?.spec);
	if (manifest.kind === 'CronJob') {
		return asFields(asFields(asFields(asFields(spec?.jobTemplate)?.spec)?.template)?.spec);
	}
	const templateSpec = asFields(asFields(spec?.template)?.spec);
	return templateSpec ?? spec;
}

/** An init container with restartPolicy Always is a native sidecar: it keeps running beside the app. */
export function isSidecar(container: Fields): boolean {
	return container.restartPolicy === 'Always';
}

export function viewPod(manifest: ManifestObject): PodView {
	const spec = podSpecOf(manifest);
	const containers: ContainerView[] = [];
	const add = (entries: unknown, roleOf: (fields: Fields) => ContainerRole) => {
		for (const [index, entry] of asList(entries).entries()) {
			const fields = asFields(entry);
			if (!fields) continue;
			containers.push({name: asText(fields.name) ?? `#${index + 1}`, role: roleOf(fields), fields});
		}
	};
	add(spec?.containers, () => 'app');
	add(spec?.initContainers, (fields) => (isSidecar(fields) ? 'sidecar' : 'init'));
	return {kind: asText(manifest.kind), metadata: asFields(manifest.metadata), spec, containers};
}

export function findContainer(pod: PodView, name: string): ContainerView | undefined {
	return pod.containers.find((container) => container.name === name);
}

/** The role with its article, to use mid-sentence. */
export function roleWords(role: ContainerRole): string {
	return role === 'app' ? 'an app container' : role === 'sidecar' ? 'a sidecar (init container with restartPolicy: Always)' : 'a regular init container';
}

/**
 * Finds the Pod spec in a Kubernetes manifest: a Pod's own `spec`, or the pod template of a
 * workload (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob), and checks the parts
 * the diagram and the resource rules rely on. Problems come back as values naming the field.
 */

export interface PortSpec {
	readonly containerPort: number;
	readonly protocol: string;
	readonly name?: string;
}

export interface MountSpec {
	readonly volume: string;
	readonly path: string;
	readonly readOnly: boolean;
}

import {POD_SPEC_PATHS, roleOf, type ContainerList, type ContainerRole} from './pod-model.js';

export type {ContainerRole} from './pod-model.js';

export interface ContainerSpec {
	readonly role: ContainerRole;
	readonly name: string;
	readonly image: string;
	readonly command: readonly string[];
	readonly args: readonly string[];
	readonly ports: readonly PortSpec[];
	readonly volumeMounts: readonly MountSpec[];
	/** Field path of the container in the document, e.g. spec.template.spec.containers[1]. */
	readonly path: string;
	/** Ephemeral containers only: the container whose pid namespace it joins. */
	readonly targetContainerName?: string;
}

export interface VolumeSpec {
	readonly name: string;
	/** The volume source's key: emptyDir, configMap, hostPath, persistentVolumeClaim ... */
	readonly type: string;
}

export interface PodSource {
	/** The manifest kind the spec came from: Pod, Deployment ... */
	readonly kind: string;
	/** The Pod's name, or the workload's name for a pod template. */
	readonly name: string;
	/** Field path of the Pod spec inside the document: spec, spec.template.spec ... */
	readonly specPath: string;
	/** The Pod spec as written, for the resource rules. */
	readonly spec: Readonly<Record<string, unknown>>;
	readonly initContainers: readonly ContainerSpec[];
	readonly containers: readonly ContainerSpec[];
	readonly ephemeralContainers: readonly ContainerSpec[];
	readonly volumes: readonly VolumeSpec[];
	readonly shareProcessNamespace: boolean;
	readonly hostNetwork: boolean;
	readonly hostPID: boolean;
	readonly hostIPC: boolean;
}

export type ExtractResult =
	| {readonly ok: true; readonly pods: readonly PodSource[]; readonly skipped: readonly string[]}
	| {readonly ok: false; readonly error: string};

class SpecProblem extends Error {}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeDoc(doc: Record<string, unknown>): string {
	const kind = typeof doc.kind === 'string' ? doc.kind : 'a document without a kind';
	const meta = isRecord(doc.metadata) ? doc.metadata : {};
	return typeof meta.name === 'string' ? `${kind} ${meta.name}` : kind;
}

/**
 * The Pod specs a parsed YAML document carries (a `List` may carry several). Kinds without a
 * pod template come back in `skipped` with a note saying why; broken specs are an error.
 */
export function extractPodSpecs(doc: unknown): ExtractResult {
	if (doc === null || doc === undefined) return {ok: true, pods: [], skipped: []};
	if (!isRecord(doc))
		return {
			ok: false,
			error: 'the document is not a mapping of fields (expected apiVersion, kind, metadata, spec)',
		};
	try {
		const pods: PodSource[] = [];
		const skipped: string[] = [];
		collect(doc, '', pods, skipped);
		return {ok: true, pods, skipped};
	} catch (error) {
		if (error instanceof SpecProblem) return {ok: false, error: error.message};
		throw error;
	}
}

function collect(doc: Record<string, unknown>, prefix: string, pods: PodSource[], skipped: string[]): void {
	const kind = doc.kind;
	if (typeof kind !== 'string' || kind === '') {
		throw new SpecProblem(`${prefix}kind: missing; write the kind of object, such as kind: Pod`);
	}
	if (kind === 'List' && Array.isArray(doc.items)) {
		doc.items.forEach((item, i) => {
			if (!isRecord(item)) throw new SpecProblem(`${prefix}items[${i}]: not a mapping of fields`);
			collect(item, `${prefix}items[${i}].`, pods, skipped);
		});
		return;
	}
	const meta = isRecord(doc.metadata) ? doc.metadata : {};
	const name = typeof meta.name === 'string' && meta.name !== '' ? meta.name : '(unnamed)';
	if (kind === 'Pod') {
		pods.push(readPodSpec(kind, name, doc.spec, `${prefix}spec`));
		return;
	}
	const path = POD_SPEC_PATHS[kind];
	if (!path) {
		skipped.push(`${describeDoc(doc)} skipped: it has no Pod spec to draw`);
		return;
	}
	let node: unknown = doc;
	for (const key of path) node = isRecord(node) ? node[key] : undefined;
	pods.push(readPodSpec(kind, name, node, prefix + path.join('.')));
}

function readPodSpec(kind: string, name: string, spec: unknown, specPath: string): PodSource {
	if (!isRecord(spec)) throw new SpecProblem(`${specPath}: missing; a ${kind} needs a Pod spec here`);
	const containers = readContainers(spec.containers, `${specPath}.containers`, 'containers');
	if (containers.length === 0) {
		throw new SpecProblem(`${specPath}.containers: empty; a Pod needs at least one container`);
	}
	const initContainers = readContainers(spec.initContainers, `${specPath}.initContainers`, 'initContainers');
	const ephemeralContainers = readContainers(
		spec.ephemeralContainers,
		`${specPath}.ephemeralContainers`,
		'ephemeralContainers',
	);
	const seen = new Map<string, string>();
	for (const c of [...initContainers, ...containers, ...ephemeralContainers]) {
		const earlier = seen.get(c.name);
		if (earlier)
			throw new SpecProblem(
				`${c.path}: the name "${c.name}" is already used by ${earlier}; container names must be unique in a Pod`,
			);
		seen.set(c.name, c.path);
	}
	return {
		kind,
		name,
		specPath,
		spec,
		initContainers,
		containers,
		ephemeralContainers,
		volumes: readVolumes(spec.volumes, `${specPath}.volumes`),
		shareProcessNamespace: readFlag(spec, 'shareProcessNamespace', specPath),
		hostNetwork: readFlag(spec, 'hostNetwork', specPath),
		hostPID: readFlag(spec, 'hostPID', specPath),
		hostIPC: readFlag(spec, 'hostIPC', specPath),
	};
}

function readFlag(spec: Record<string, unknown>, key: string, specPath: string): boolean {
	const value = spec[key];
	if (value === undefined || value === null) return false;
	if (typeof value !== 'boolean')
		throw new SpecProblem(`${specPath}.${key}: must be true or false, not ${JSON.stringify(value)}`);
	return value;
}

function readList(value: unknown, path: string): readonly unknown[] {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) throw new SpecProblem(`${path}: must be a list (each entry starting with "- ")`);
	return value;
}

function readStrings(value: unknown, path: string): string[] {
	return readList(value, path).map((item, i) => {
		if (typeof item === 'string') return item;
		if (typeof item === 'number' || typeof item === 'boolean') return String(item);
		throw new SpecProblem(`${path}[${i}]: must be a string`);
	});
}

function readContainers(value: unknown, path: string, list: ContainerList): ContainerSpec[] {
	return readList(value, path).map((entry, i) => {
		const at = `${path}[${i}]`;
		if (!isRecord(entry)) throw new SpecProblem(`${at}: must be a mapping with at least name and image`);
		const name = entry.name;
		if (typeof name !== 'string' || name.trim() === '')
			throw new SpecProblem(`${at}: no name; every container needs a name`);
		const named = `${at} (${name})`;
		const image = entry.image;
		if (typeof image !== 'string' || image.trim() === '')
			throw new SpecProblem(`${named}: no image; write the image to run, such as image: busybox:1.36`);
		const role: ContainerRole = roleOf(list, entry);
		const target = entry.targetContainerName;
		return {
			role,
			name,
			image,
			command: readStrings(entry.command, `${named}.command`),
			args: readStrings(entry.args, `${named}.args`),
			ports: readPorts(entry.ports, `${named}.ports`),
			volumeMounts: readMounts(entry.volumeMounts, `${named}.volumeMounts`),
			path: at,
			...(typeof target === 'string' && target !== '' ? {targetContainerName: target} : {}),
		};
	});
}

function readPorts(value: unknown, path: string): PortSpec[] {
	return readList(value, path).map((entry, i) => {
		const at = `${path}[${i}]`;
		if (!isRecord(entry)) throw new SpecProblem(`${at}: must be a mapping such as containerPort: 8080`);
		const port = entry.containerPort;
		if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
			throw new SpecProblem(
				`${at}.containerPort: must be a whole number from 1 to 65535, not ${JSON.stringify(port)}`,
			);
		}
		const protocol = entry.protocol === undefined ? 'TCP' : entry.protocol;
		if (protocol !== 'TCP' && protocol !== 'UDP' && protocol !== 'SCTP') {
			throw new SpecProblem(`${at}.protocol: must be TCP, UDP or SCTP, not ${JSON.stringify(protocol)}`);
		}
		return {containerPort: port, protocol, ...(typeof entry.name === 'string' ? {name: entry.name} : {})};
	});
}

function readMounts(value: unknown, path: string): MountSpec[] {
	return readList(value, path).map((entry, i) => {
		const at = `${path}[${i}]`;
		if (!isRecord(entry) || typeof entry.name !== 'string' || typeof entry.mountPath !== 'string') {
			throw new SpecProblem(`${at}: needs name (a volume from spec.volumes) and mountPath`);
		}
		return {volume: entry.name, path: entry.mountPath, readOnly: entry.readOnly === true};
	});
}

function readVolumes(value: unknown, path: string): VolumeSpec[] {
	return readList(value, path).map((entry, i) => {
		const at = `${path}[${i}]`;
		if (!isRecord(entry) || typeof entry.name !== 'string') throw new SpecProblem(`${at}: needs a name`);
		const type = Object.keys(entry).find((key) => key !== 'name') ?? 'emptyDir';
		return {name: entry.name, type};
	});
}

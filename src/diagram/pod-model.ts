/**
 * A Pod spec turned into what the diagram draws: the sandbox (pause) and every container with
 * the Linux namespaces each one holds, ports, volumes and requests. Follows the default runc
 * case (sandbox holds net, uts, ipc; every container, pause included, has its own pid and mnt)
 * and the spec fields that change it. Measured inodes from a live node can be laid on top.
 */
import {
	effectiveRequest,
	qosClass,
	requestOf,
	containerResources,
	type QosClass,
	type ResourceName,
} from '../k8s/resources.js';
import {formatQuantity, type Quantity} from '../k8s/quantity.js';
import {isLongRunning, type ContainerRole} from '../k8s/pod-model.js';
import type {ContainerSpec, PodSource, PortSpec} from '../k8s/workload.js';

export type NsName = 'net' | 'uts' | 'ipc' | 'pid' | 'mnt';
export const NS_NAMES: readonly NsName[] = ['net', 'uts', 'ipc', 'pid', 'mnt'];

/** Namespace inodes read on a node, e.g. {net: 'net:[4026532201]'} or {net: '4026532201'}. */
export type NsInodes = Partial<Record<NsName, string>>;

export interface MeasuredNamespaces {
	readonly sandbox?: NsInodes;
	readonly containers: Readonly<Record<string, NsInodes>>;
}

export interface PodModelOptions {
	readonly ip?: string;
	readonly measured?: MeasuredNamespaces;
}

/** Where a process gets a namespace from: its own, the Pod's sandbox, or the node's. */
export type NsSource = 'own' | 'pod' | 'node';

/** A box of the diagram: the sandbox, or a container in its role (src/k8s/pod-model.ts). */
export type BoxKind = 'pause' | ContainerRole;

export interface PortModel extends PortSpec {
	/** Other containers of this Pod declaring the same port and protocol. */
	readonly clashesWith: readonly string[];
}

export interface MountModel {
	readonly volume: string;
	readonly path: string;
	readonly readOnly: boolean;
}

export interface MeasuredNs {
	readonly inode: string;
	/** Other boxes (pause or container names) whose inode for this namespace is the same. */
	readonly sharedWith: readonly string[];
}

export interface ContainerModel {
	readonly kind: BoxKind;
	readonly name: string;
	readonly image: string;
	/** init and sidecar: position in spec.initContainers, counting from 1 (their start order). */
	readonly order?: number;
	readonly command: readonly string[];
	readonly args: readonly string[];
	readonly ports: readonly PortModel[];
	readonly mounts: readonly MountModel[];
	readonly namespaces: Readonly<Record<NsName, NsSource>>;
	readonly measured?: Partial<Record<NsName, MeasuredNs>>;
	readonly requests: Partial<Record<ResourceName, string>>;
	readonly limits: Partial<Record<ResourceName, string>>;
	readonly targetContainerName?: string;
}

export interface VolumeModel {
	readonly name: string;
	readonly type: string;
	readonly mounts: readonly {readonly container: string; readonly path: string; readonly readOnly: boolean}[];
}

export interface PortConflict {
	readonly port: number;
	readonly protocol: string;
	readonly containers: readonly string[];
}

/** What a measurement showed for one namespace type across the sandbox and containers. */
export interface MeasuredGroup {
	readonly ns: NsName;
	/** Each group: boxes that share one inode. */
	readonly groups: readonly {readonly inode: string; readonly members: readonly string[]}[];
}

export interface PodModel {
	readonly kind: string;
	readonly name: string;
	readonly ip?: string;
	/** Namespaces the sandbox holds and every container joins. */
	readonly podNamespaces: readonly NsName[];
	/** Namespaces taken from the node (hostNetwork, hostPID, hostIPC). */
	readonly nodeNamespaces: readonly NsName[];
	/** Namespaces each container (and pause) has for itself. */
	readonly ownNamespaces: readonly NsName[];
	readonly shareProcessNamespace: boolean;
	readonly hostNetwork: boolean;
	readonly sandbox: ContainerModel;
	readonly initContainers: readonly ContainerModel[];
	readonly containers: readonly ContainerModel[];
	readonly ephemeralContainers: readonly ContainerModel[];
	readonly volumes: readonly VolumeModel[];
	readonly portConflicts: readonly PortConflict[];
	/** Mounts of volumes that spec.volumes does not declare (the API server would refuse them). */
	readonly missingVolumes: readonly {readonly container: string; readonly volume: string}[];
	readonly effectiveRequest: Partial<Record<ResourceName, string>>;
	readonly qosClass: QosClass;
	readonly measured?: readonly MeasuredGroup[];
}

export type PodModelResult =
	{readonly ok: true; readonly model: PodModel} | {readonly ok: false; readonly error: string};

export const PAUSE_NAME = 'pause';

/** '4026532201' from 'net:[4026532201]', '/proc/1/ns/net -> net:[4026532201]' or '4026532201'. */
export function normaliseInode(value: string): string {
	const bracket = /\[(\d+)\]/.exec(value);
	if (bracket) return bracket[1];
	return value.trim();
}

function formatAmounts(amounts: Partial<Record<ResourceName, Quantity>>): Partial<Record<ResourceName, string>> {
	const out: Partial<Record<ResourceName, string>> = {};
	if (amounts.cpu) out.cpu = formatQuantity(amounts.cpu, 'cpu');
	if (amounts.memory) out.memory = formatQuantity(amounts.memory, 'memory');
	return out;
}

export function buildPodModel(pod: PodSource, options: PodModelOptions = {}): PodModelResult {
	const resources = containerResources(pod.spec);
	if (!resources.ok) return {ok: false, error: `${pod.specPath}.${resources.error}`};
	const effective: Partial<Record<ResourceName, string>> = {};
	for (const resource of ['cpu', 'memory'] as const) {
		const result = effectiveRequest(pod.spec, resource);
		if (!result.ok) return {ok: false, error: `${pod.specPath}.${result.error}`};
		const anySet = resources.value.some((c) => requestOf(c, resource).num > 0n);
		if (anySet || result.value.num > 0n) effective[resource] = formatQuantity(result.value, resource);
	}
	const qos = qosClass(pod.spec);
	if (!qos.ok) return {ok: false, error: `${pod.specPath}.${qos.error}`};

	const nodeNamespaces: NsName[] = [];
	// The runtime gives a hostNetwork Pod the node's uts namespace as well as its net namespace
	// (containerd and CRI-O both drop the UTS namespace with the network one), so the hostname is
	// the node's. https://kubernetes.io/docs/concepts/security/pod-security-standards/
	if (pod.hostNetwork) nodeNamespaces.push('net', 'uts');
	if (pod.hostIPC) nodeNamespaces.push('ipc');
	if (pod.hostPID) nodeNamespaces.push('pid');
	const podNamespaces = (['net', 'uts', 'ipc'] as NsName[]).filter((ns) => !nodeNamespaces.includes(ns));
	if (pod.shareProcessNamespace && !pod.hostPID) podNamespaces.push('pid');
	const ownNamespaces = NS_NAMES.filter((ns) => !nodeNamespaces.includes(ns) && !podNamespaces.includes(ns));
	const namespaces = Object.fromEntries(
		NS_NAMES.map((ns) => [ns, nodeNamespaces.includes(ns) ? 'node' : podNamespaces.includes(ns) ? 'pod' : 'own']),
	) as Record<NsName, NsSource>;
	// The sandbox holds the Pod's namespaces itself; for it, "pod" and "own" are the same thing.
	const sandboxNamespaces = Object.fromEntries(
		NS_NAMES.map((ns) => [ns, namespaces[ns] === 'node' ? 'node' : 'own']),
	) as Record<NsName, NsSource>;

	const longRunning = [...pod.initContainers, ...pod.containers].filter((c) => isLongRunning(c.role));
	const conflicts = findPortConflicts(longRunning);
	const byName = new Map(resources.value.map((r) => [r.name, r]));

	const measuredGroups = options.measured ? groupMeasured(options.measured) : undefined;
	const measuredFor = (
		boxName: string,
		inodes: NsInodes | undefined,
	): Partial<Record<NsName, MeasuredNs>> | undefined => {
		if (!inodes || !measuredGroups) return undefined;
		const out: Partial<Record<NsName, MeasuredNs>> = {};
		for (const group of measuredGroups) {
			const raw = inodes[group.ns];
			if (raw === undefined) continue;
			const inode = normaliseInode(raw);
			const members = group.groups.find((g) => g.inode === inode)?.members ?? [];
			out[group.ns] = {inode, sharedWith: members.filter((m) => m !== boxName)};
		}
		return out;
	};

	const toModel = (spec: ContainerSpec, order?: number): ContainerModel => {
		const res = byName.get(spec.name);
		const measured = measuredFor(spec.name, options.measured?.containers[spec.name]);
		return {
			kind: spec.role,
			name: spec.name,
			image: spec.image,
			...(order !== undefined ? {order} : {}),
			command: spec.command,
			args: spec.args,
			ports: spec.ports.map((port) => ({
				...port,
				clashesWith:
					conflicts
						.find((c) => c.port === port.containerPort && c.protocol === port.protocol)
						?.containers.filter((n) => n !== spec.name) ?? [],
			})),
			mounts: spec.volumeMounts.map((m) => ({volume: m.volume, path: m.path, readOnly: m.readOnly})),
			namespaces,
			...(measured ? {measured} : {}),
			requests: res ? formatAmounts(res.requests) : {},
			limits: res ? formatAmounts(res.limits) : {},
			...(spec.targetContainerName ? {targetContainerName: spec.targetContainerName} : {}),
		};
	};

	const sandboxMeasured = measuredFor(PAUSE_NAME, options.measured?.sandbox);
	const sandbox: ContainerModel = {
		kind: 'pause',
		name: PAUSE_NAME,
		image: 'pause image (set by the runtime)',
		command: ['/pause'],
		args: [],
		ports: [],
		mounts: [],
		namespaces: sandboxNamespaces,
		...(sandboxMeasured ? {measured: sandboxMeasured} : {}),
		requests: {},
		limits: {},
	};

	const all = [...pod.initContainers, ...pod.containers, ...pod.ephemeralContainers];
	const declared = new Set(pod.volumes.map((v) => v.name));
	const missingVolumes = all.flatMap((c) =>
		c.volumeMounts.filter((m) => !declared.has(m.volume)).map((m) => ({container: c.name, volume: m.volume})),
	);

	return {
		ok: true,
		model: {
			kind: pod.kind,
			name: pod.name,
			...(options.ip ? {ip: options.ip} : {}),
			podNamespaces,
			nodeNamespaces,
			ownNamespaces,
			shareProcessNamespace: pod.shareProcessNamespace && !pod.hostPID,
			hostNetwork: pod.hostNetwork,
			sandbox,
			initContainers: pod.initContainers.map((c, i) => toModel(c, i + 1)),
			containers: pod.containers.map((c) => toModel(c)),
			ephemeralContainers: pod.ephemeralContainers.map((c) => toModel(c)),
			volumes: pod.volumes.map((v) => ({
				name: v.name,
				type: v.type,
				mounts: all.flatMap((c) =>
					c.volumeMounts
						.filter((m) => m.volume === v.name)
						.map((m) => ({container: c.name, path: m.path, readOnly: m.readOnly})),
				),
			})),
			portConflicts: conflicts,
			missingVolumes,
			effectiveRequest: effective,
			qosClass: qos.value,
			...(measuredGroups ? {measured: measuredGroups} : {}),
		},
	};
}

/** Containers that run at the same time share the Pod's port space: a port can be bound once. */
function findPortConflicts(containers: readonly ContainerSpec[]): PortConflict[] {
	const owners = new Map<string, string[]>();
	for (const c of containers) {
		for (const port of c.ports) {
			const key = `${port.containerPort}/${port.protocol}`;
			const list = owners.get(key) ?? [];
			if (!list.includes(c.name)) list.push(c.name);
			owners.set(key, list);
		}
	}
	const out: PortConflict[] = [];
	for (const [key, names] of owners) {
		if (names.length < 2) continue;
		const [port, protocol] = key.split('/');
		out.push({port: Number(port), protocol, containers: names});
	}
	return out;
}

function groupMeasured(measured: MeasuredNamespaces): MeasuredGroup[] {
	const boxes: [string, NsInodes][] = [];
	if (measured.sandbox) boxes.push([PAUSE_NAME, measured.sandbox]);
	for (const [name, inodes] of Object.entries(measured.containers)) boxes.push([name, inodes]);
	const out: MeasuredGroup[] = [];
	for (const ns of NS_NAMES) {
		const groups: {inode: string; members: string[]}[] = [];
		for (const [name, inodes] of boxes) {
			const raw = inodes[ns];
			if (raw === undefined) continue;
			const inode = normaliseInode(raw);
			const group = groups.find((g) => g.inode === inode);
			if (group) group.members.push(name);
			else groups.push({inode, members: [name]});
		}
		if (groups.length > 0) out.push({ns, groups});
	}
	return out;
}

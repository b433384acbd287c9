/**
 * Reads crictl's JSON (`inspectp`, `ps -o json`, `inspect`, as cri-tools prints them) into a
 * LivePod. The sandbox is the pause process; crictl shows it, kubectl never does.
 */
import type {ContainerState, LiveContainer, LivePod} from './backend.js';
import {asArray, asNumber, asObject, asString, stringRecord} from '../k8s/json-reading.js';

export interface CrictlSandbox {
	readonly id: string;
	readonly name: string;
	readonly namespace?: string;
	readonly state?: string;
	readonly ip?: string;
	readonly pid?: number;
	readonly image?: string;
	readonly labels: Record<string, string>;
}

export function sandboxFromInspectp(object: unknown): CrictlSandbox | undefined {
	const root = asObject(object);
	const status = asObject(root?.status);
	const id = asString(status?.id);
	if (!root || !status || !id) return undefined;
	const metadata = asObject(status.metadata) ?? {};
	const info = asObject(root.info) ?? {};
	return {
		id,
		name: asString(metadata.name) ?? '',
		namespace: asString(metadata.namespace),
		state: asString(status.state),
		ip: asString(asObject(status.network)?.ip) || undefined,
		pid: asNumber(info.pid),
		image: asString(info.image),
		labels: stringRecord(status.labels),
	};
}

/** Container ids and names from `crictl ps -o json`. */
export function containersFromPs(object: unknown): {id: string; name: string; state?: string}[] {
	return asArray(asObject(object)?.containers).flatMap((item) => {
		const entry = asObject(item);
		const id = asString(entry?.id);
		const name = asString(asObject(entry?.metadata)?.name);
		return id && name ? [{id, name, state: asString(entry?.state)}] : [];
	});
}

function containerState(state: string | undefined): ContainerState {
	switch (state) {
		case 'CONTAINER_RUNNING':
			return 'running';
		case 'CONTAINER_CREATED':
			return 'waiting';
		case 'CONTAINER_EXITED':
			return 'terminated';
		default:
			return 'unknown';
	}
}

/** The kubelet puts an emptyDir at .../volumes/kubernetes.io~empty-dir/<volume name>. */
export function volumeNameFromHostPath(hostPath: string): {name: string; emptyDir: boolean} | undefined {
	const match = /\/volumes\/([^/]+)\/([^/]+)$/.exec(hostPath);
	if (!match) return undefined;
	return {name: match[2], emptyDir: match[1] === 'kubernetes.io~empty-dir'};
}

export interface CrictlContainer extends LiveContainer {
	readonly command: readonly string[];
	readonly hostMounts: readonly {readonly hostPath: string; readonly path: string}[];
}

export function containerFromInspect(object: unknown): CrictlContainer | undefined {
	const root = asObject(object);
	const status = asObject(root?.status);
	const name = asString(asObject(status?.metadata)?.name);
	if (!root || !status || !name) return undefined;
	const info = asObject(root.info) ?? {};
	const config = asObject(info.config) ?? {};
	const hostMounts = asArray(status.mounts).flatMap((item) => {
		const mount = asObject(item);
		const path = asString(mount?.containerPath);
		const hostPath = asString(mount?.hostPath);
		return path && hostPath ? [{hostPath, path}] : [];
	});
	const state = containerState(asString(status.state));
	const exitCode = asNumber(status.exitCode);
	return {
		name,
		id: asString(status.id),
		// The image the Pod asked for; status.image can be a resolved alias of it.
		image: asString(asObject(config.image)?.image) ?? asString(asObject(status.image)?.image) ?? '',
		state,
		reason:
			asString(status.reason) ||
			(state === 'terminated' && exitCode !== undefined ? `exit code ${exitCode}` : undefined),
		restartCount: asNumber(asObject(status.metadata)?.attempt),
		pid: asNumber(info.pid) || undefined,
		command: [...asArray(config.command), ...asArray(config.args)].filter(
			(x): x is string => typeof x === 'string',
		),
		hostMounts,
		mounts: hostMounts.map((m) => ({volume: volumeNameFromHostPath(m.hostPath)?.name, path: m.path})),
	};
}

export function livePodFromCrictl(sandbox: CrictlSandbox, containers: readonly CrictlContainer[]): LivePod {
	const volumes = new Map<string, Record<string, unknown>>();
	for (const container of containers) {
		for (const mount of container.hostMounts) {
			const volume = volumeNameFromHostPath(mount.hostPath);
			if (volume && !volumes.has(volume.name)) {
				volumes.set(
					volume.name,
					volume.emptyDir
						? {name: volume.name, emptyDir: {}}
						: {name: volume.name, hostPath: {path: mount.hostPath}},
				);
			}
		}
	}
	const ordered = [...containers].sort((a, b) => a.name.localeCompare(b.name));
	return {
		name: sandbox.name,
		namespace: sandbox.namespace,
		ip: sandbox.ip,
		status: sandbox.state,
		labels: sandbox.labels,
		sandbox: {id: sandbox.id, pid: sandbox.pid, image: sandbox.image},
		containers: ordered.map(({command: _command, hostMounts: _hostMounts, ...view}) => view),
		manifest: {
			apiVersion: 'v1',
			kind: 'Pod',
			metadata: {name: sandbox.name, namespace: sandbox.namespace, labels: sandbox.labels},
			spec: {
				containers: ordered.map((c) => ({
					name: c.name,
					image: c.image,
					command: c.command,
					volumeMounts: c.mounts.filter((m) => m.volume).map((m) => ({name: m.volume, mountPath: m.path})),
				})),
				volumes: [...volumes.values()],
			},
		},
	};
}

/** What went wrong, from crictl's stderr (its fatal line), with what to do about it. */
export function crictlProblem(stderr: string, endpoint: string | undefined): {problem: string; nextStep: string} {
	const socket = /dial unix ([^:\s"]+)/.exec(stderr)?.[1] ?? endpoint ?? 'the CRI socket';
	if (/permission denied/i.test(stderr)) {
		return {
			problem: `permission denied on the CRI socket ${socket}`,
			nextStep: 'the runtime socket belongs to root: run the tutor with sudo, or ask for access to the socket',
		};
	}
	if (/no such file or directory/i.test(stderr)) {
		return {
			problem: `no CRI socket at ${socket}`,
			nextStep:
				'start containerd or CRI-O, or point --runtime-endpoint / CONTAINER_RUNTIME_ENDPOINT at its socket (e.g. unix:///run/containerd/containerd.sock)',
		};
	}
	if (/NotFound|not found/i.test(stderr)) {
		return {
			problem: 'the runtime does not know that Pod sandbox',
			nextStep: 'list the sandboxes with `crictl pods` and use a name from there',
		};
	}
	const fatal = /level=fatal msg="(.*)"\s*$/m.exec(stderr)?.[1];
	return {
		problem: (fatal ?? stderr.trim().split('\n').pop() ?? 'crictl failed').replace(/\\"/g, '"'),
		nextStep: 'check that the runtime is running: `crictl info`',
	};
}

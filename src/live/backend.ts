/**
 * One interface over the three ways the tutor can look at real Pods: kubectl (a cluster),
 * crictl (the CRI runtime on a node) and podman (real Pods with an infra container, no cluster).
 */
import type {LiveTool} from '../content/types.js';
import type {Result} from '../result.js';
import type {RunRequest, RunResult} from './command-runner.js';

export const NS_TYPES = ['net', 'uts', 'ipc', 'pid', 'mnt'] as const;
export type NsType = (typeof NS_TYPES)[number];
/** Namespace inodes as readlink prints them, e.g. {net: 'net:[4026532177]'}. */
export type NsInodes = Partial<Record<NsType, string>>;

export interface MeasuredNamespaces {
	/** The pause/infra process, when the backend exposes it (podman, crictl; never kubectl). */
	readonly sandbox?: NsInodes;
	readonly containers: Readonly<Record<string, NsInodes>>;
}

export type ContainerState = 'running' | 'waiting' | 'terminated' | 'unknown';

export interface LiveContainer {
	readonly name: string;
	readonly image: string;
	readonly state: ContainerState;
	/** Why it is waiting/terminated (CrashLoopBackOff, Error, ...), when known. */
	readonly reason?: string;
	readonly restartCount?: number;
	readonly id?: string;
	/** Host PID of the container's first process, when the backend gives it. */
	readonly pid?: number;
	readonly mounts: readonly {readonly volume?: string; readonly path: string}[];
}

export interface LivePod {
	readonly name: string;
	readonly namespace?: string;
	readonly ip?: string;
	/** Pod phase (kubectl) or the runtime's own state word (podman, crictl). */
	readonly status?: string;
	readonly labels: Readonly<Record<string, string>>;
	readonly containers: readonly LiveContainer[];
	/** Init containers, when the backend reports them (kubectl). */
	readonly initContainers?: readonly LiveContainer[];
	readonly sandbox?: {readonly id?: string; readonly pid?: number; readonly image?: string};
	/** The Pod as a manifest-like object (apiVersion/kind/metadata/spec) for the rule checkers and the diagram. */
	readonly manifest: Record<string, unknown>;
}

export interface BackendReport {
	readonly tool: LiveTool;
	/** The binary is there and answered. */
	readonly installed: boolean;
	readonly version?: string;
	/** The cluster or runtime answered: the tutor can run this tool's steps. */
	readonly usable: boolean;
	/** kubectl only. */
	readonly context?: string;
	readonly namespace?: string;
	readonly server?: string;
	/** kubectl: the context looks like a cluster on this machine. */
	readonly local?: boolean;
	/** kubectl: a non-local context the learner has not confirmed with --context NAME. */
	readonly needsConfirmation?: boolean;
	/** crictl: the runtime endpoint used. */
	readonly endpoint?: string;
	/** What is wrong, in one line, when not usable. */
	readonly problem?: string;
	/** What the learner can do about it. */
	readonly nextStep?: string;
	readonly durationMs: number;
}

/** How backends run their tool; tests hand in recorded output through the same shape. */
export type Exec = (request: RunRequest) => Promise<RunResult>;

export interface LiveBackend {
	readonly tool: LiveTool;
	/** Values for {pod} {namespace} placeholders and the argv prefix this backend adds (context, namespace, endpoint). */
	readonly namespace?: string;
	/** Whether this tool can be used here, within the backend's own time limits. */
	detect(): Promise<BackendReport>;
	getPod(name: string): Promise<Result<LivePod>>;
	/** The Pods carrying a label selector (`app=web-api`), where the backend has controllers (kubectl). */
	listPods?(selector: string): Promise<Result<readonly LivePod[]>>;
	readNamespaces(pod: LivePod): Promise<Result<MeasuredNamespaces>>;
	/** Creates a Pod (kubectl: any object) from a manifest that already carries the tutor's labels. */
	createPod(manifest: Record<string, unknown>): Promise<Result<string>>;
	deletePod(name: string): Promise<Result<string>>;
	/** Deletes every object carrying the tutor's labels for this user; returns what was removed. */
	cleanup(): Promise<Result<readonly string[]>>;
	/** The argv a lesson command runs with: the tool's binary and the backend's own flags first. */
	argvFor(args: readonly string[]): {readonly file: string; readonly args: readonly string[]};
}

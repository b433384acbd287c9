/**
 * The Pods (and one Deployment) a command step or a predict exercise runs against. Each one's
 * manifest is lessons/specs/scenarios/<name>.yaml; this table adds what a manifest cannot say:
 * the state the step is about, how long to wait for it, and which backends cannot make it.
 * Plain data: the lesson validator reads it too.
 */
import type {LiveTool} from '../content/types.js';

/** The state a step is about; the tutor waits for it before running the step's command. */
export type ScenarioState =
	| {readonly kind: 'running'}
	| {readonly kind: 'init-running'; readonly container: string}
	| {readonly kind: 'restarted'; readonly container: string; readonly running: boolean}
	| {readonly kind: 'waiting-reason'; readonly container: string; readonly reason: string}
	| {readonly kind: 'replicas'; readonly selector: string; readonly count: number};

export interface ScenarioInfo {
	readonly name: string;
	readonly kind: 'Pod' | 'Deployment';
	/** metadata.name in the manifest. */
	readonly object: string;
	/** What {pod} stands for in the step's commands and prose. */
	readonly pod: string;
	/** What {container} stands for. */
	readonly container: string;
	readonly state: ScenarioState;
	/** The most the tutor waits for the state, in seconds. */
	readonly waitSeconds: number;
	/** Backends that cannot make this scenario, with the one line the step shows instead. */
	readonly cannot: Partial<Record<LiveTool, string>>;
	/**
	 * The state comes from an earlier step's command on this scenario (`kill 1` in app), not from
	 * the manifest: a lesson puts such a step after one on the scenario named here.
	 */
	readonly follows?: string;
}

const CRICTL = 'crictl reads the Pods a kubelet made and never makes one itself';
const NO_QOS = 'podman has no QoS classes: those are computed by Kubernetes';

function scenario(info: Omit<ScenarioInfo, 'cannot'> & {cannot?: ScenarioInfo['cannot']}): ScenarioInfo {
	return {...info, cannot: {crictl: CRICTL, ...info.cannot}};
}

export const SCENARIOS: Readonly<Record<string, ScenarioInfo>> = {
	'web-app': scenario({
		name: 'web-app',
		kind: 'Pod',
		object: 'web-app',
		pod: 'web-app',
		container: 'app',
		state: {kind: 'running'},
		waitSeconds: 90,
	}),
	'init-waiting': scenario({
		name: 'init-waiting',
		kind: 'Pod',
		object: 'web-app-init',
		pod: 'web-app-init',
		container: 'app',
		state: {kind: 'init-running', container: 'migrate'},
		waitSeconds: 90,
		// Seen with podman 4.3: `kube play` holds the Pod's lock until every init container has
		// ended, so nothing can read the Pod while migrate waits.
		cannot: {
			podman: 'podman kube play holds the Pod until every init container has ended, so the waiting state cannot be read',
		},
	}),
	'qos-burstable': scenario({
		name: 'qos-burstable',
		kind: 'Pod',
		object: 'web-app-burstable',
		pod: 'web-app-burstable',
		container: 'app',
		state: {kind: 'running'},
		waitSeconds: 90,
		cannot: {podman: NO_QOS},
	}),
	'qos-guaranteed': scenario({
		name: 'qos-guaranteed',
		kind: 'Pod',
		object: 'web-app-guaranteed',
		pod: 'web-app-guaranteed',
		container: 'app',
		state: {kind: 'running'},
		waitSeconds: 90,
		cannot: {podman: NO_QOS},
	}),
	'shared-pid': scenario({
		name: 'shared-pid',
		kind: 'Pod',
		object: 'web-app-shared-pid',
		pod: 'web-app-shared-pid',
		container: 'app',
		state: {kind: 'running'},
		waitSeconds: 90,
	}),
	'crash-once': scenario({
		name: 'crash-once',
		kind: 'Pod',
		object: 'web-app-restart',
		pod: 'web-app-restart',
		container: 'app',
		state: {kind: 'restarted', container: 'app', running: true},
		waitSeconds: 90,
	}),
	'kill-restart': scenario({
		name: 'kill-restart',
		kind: 'Pod',
		object: 'web-app-kill',
		pod: 'web-app-kill',
		container: 'app',
		state: {kind: 'running'},
		waitSeconds: 90,
	}),
	// The same Pod once the kill-restart step's `kill 1` has ended app and the runtime restarted it.
	'kill-restarted': scenario({
		name: 'kill-restart',
		kind: 'Pod',
		object: 'web-app-kill',
		pod: 'web-app-kill',
		container: 'app',
		state: {kind: 'restarted', container: 'app', running: true},
		waitSeconds: 90,
		follows: 'kill-restart',
	}),
	'crash-loop': scenario({
		name: 'crash-loop',
		kind: 'Pod',
		object: 'web-app-crashloop',
		pod: 'web-app-crashloop',
		container: 'app',
		state: {kind: 'waiting-reason', container: 'app', reason: 'CrashLoopBackOff'},
		waitSeconds: 120,
		cannot: {
			podman: "podman restarts a container without the kubelet's back-off, so there is no CrashLoopBackOff and no Pod phase",
		},
	}),
	'port-clash': scenario({
		name: 'port-clash',
		kind: 'Pod',
		object: 'two-webs',
		pod: 'two-webs',
		container: 'blue',
		state: {kind: 'restarted', container: 'green', running: false},
		waitSeconds: 90,
	}),
	'security-context': scenario({
		name: 'security-context',
		kind: 'Pod',
		object: 'sec-demo',
		pod: 'sec-demo',
		container: 'app',
		state: {kind: 'running'},
		waitSeconds: 90,
	}),
	'host-network': scenario({
		name: 'host-network',
		kind: 'Pod',
		object: 'hostnet-demo',
		pod: 'hostnet-demo',
		container: 'app',
		state: {kind: 'running'},
		waitSeconds: 90,
	}),
	'web-api-deployment': scenario({
		name: 'web-api-deployment',
		kind: 'Deployment',
		object: 'web-api',
		pod: 'web-api',
		container: 'api',
		state: {kind: 'replicas', selector: 'app=web-api', count: 3},
		waitSeconds: 120,
		cannot: {podman: 'podman has no Deployments: they are a Kubernetes controller'},
	}),
};

export const SCENARIO_NAMES = Object.keys(SCENARIOS);

/** The state in words, for "waiting for ..." and "did not reach ...". */
export function describeState(state: ScenarioState): string {
	switch (state.kind) {
		case 'running':
			return 'every container running';
		case 'init-running':
			return `init container ${state.container} running`;
		case 'restarted':
			return `container ${state.container} restarted once${state.running ? ' and running again' : ''}`;
		case 'waiting-reason':
			return `container ${state.container} in ${state.reason}`;
		case 'replicas':
			return `${state.count} Pods ${state.selector} running`;
	}
}

/**
 * The manifest rules of docs/LESSON-FORMAT.md: each one reads the parsed object (never the text),
 * declares its parameters so the content validator can check them, and explains a failure in
 * terms of the Pod the learner wrote.
 */
import {formatQuantity, parseQuantity, quantityEquals, type Quantity} from '../k8s/quantity.js';
import {effectiveRequest, qosClass} from '../k8s/resources.js';
import type {ManifestRule} from '../content/types.js';
import type {ManifestObject} from './manifest-yaml.js';
import {isLongRunning, podTemplatePath, valueAtPath} from '../k8s/pod-model.js';
import {
	asFields,
	asList,
	asText,
	findContainer,
	roleWords,
	viewPod,
	type ContainerView,
	type PodView,
} from './pod-view.js';
import {listeningPorts} from './listening-port.js';

type ParamType = 'text' | 'whole' | 'port' | 'quantity' | 'names' | 'boolean' | 'resource' | 'qos' | 'paths';

interface ParamSpec {
	readonly type: ParamType;
	readonly required: boolean;
}

type Params = Readonly<Record<string, unknown>>;

/** What a rule found: whether it passed and a sentence about the learner's Pod either way. */
export interface RuleOutcome {
	readonly passed: boolean;
	readonly message: string;
	/**
	 * The rule found one precise defect (a quoted "true", a container in both lists) whose message
	 * says more than the author's general `feedback`, so the message is shown instead of it.
	 */
	readonly exact?: boolean;
}

interface RuleSpec {
	readonly params: Readonly<Record<string, ParamSpec>>;
	readonly check: (pod: PodView, params: Params) => RuleOutcome;
}

const required = (type: ParamType): ParamSpec => ({type, required: true});
const optional = (type: ParamType): ParamSpec => ({type, required: false});
const pass = (message: string): RuleOutcome => ({passed: true, message});
const failWith = (message: string): RuleOutcome => ({passed: false, message});
const failExactly = (message: string): RuleOutcome => ({passed: false, message, exact: true});

function names(list: readonly string[]): string {
	return list.length === 0 ? 'none' : list.join(', ');
}

function mountsVolume(container: ContainerView, volume: string): boolean {
	return asList(container.fields.volumeMounts).some((mount) => asFields(mount)?.name === volume);
}

function declaredPorts(container: ContainerView): {port: number; protocol: string}[] {
	return asList(container.fields.ports).flatMap((entry) => {
		const fields = asFields(entry);
		const port = fields?.containerPort;
		if (typeof port !== 'number') return [];
		return [{port, protocol: asText(fields?.protocol) ?? 'TCP'}];
	});
}

/** Tags are optional when the rule names an image: `nginx` accepts `nginx:1.27` but not `nginx-alpine`. */
function imageMatches(actual: string, wanted: string): boolean {
	if (actual === wanted) return true;
	const wantedHasTag = /:[^/]*$/.test(wanted) || wanted.includes('@');
	if (wantedHasTag) return false;
	const repository = actual.replace(/@.*$/, '').replace(/:[^/]*$/, '');
	return repository === wanted;
}

/** The mount path each listed container must use, so the app really writes into the volume. */
type MountPaths = Readonly<Record<string, string>>;

function mountPathProblem(pod: PodView, volume: string, wanted: MountPaths | undefined): string | undefined {
	for (const [name, path] of Object.entries(wanted ?? {})) {
		const container = findContainer(pod, name);
		const mounts = asList(container?.fields.volumeMounts)
			.map(asFields)
			.filter((m) => m?.name === volume);
		const actual = mounts.map((m) => asText(m?.mountPath)).filter((p) => p !== undefined);
		if (!actual.some((p) => p.replace(/\/+$/, '') === path.replace(/\/+$/, ''))) {
			return (
				`container ${name} mounts ${volume} at ${actual.join(', ') || 'no path'}, but it reads and writes under ${path}:` +
				` mount the volume at ${path}, or its files land outside the volume`
			);
		}
	}
	return undefined;
}

function checkSharedEmptyDir(pod: PodView, params: Params): RuleOutcome {
	const volumes = asList(pod.spec?.volumes)
		.map(asFields)
		.filter((v) => v !== undefined);
	const wantedVolume = asText(params.volume);
	const listed = params.containers as readonly string[] | undefined;
	let candidates = volumes.filter((v) => asFields(v.emptyDir) !== undefined || v.emptyDir === null);
	if (wantedVolume !== undefined) {
		const named = volumes.find((v) => v.name === wantedVolume);
		if (!named) return failWith(`spec.volumes has no volume named ${wantedVolume}`);
		if (!candidates.includes(named))
			return failWith(`volume ${wantedVolume} is not an emptyDir (give it "emptyDir: {}")`);
		candidates = [named];
	}
	if (candidates.length === 0) {
		return failWith('spec.volumes has no emptyDir volume: add one, an entry "- name: shared" with "emptyDir: {}"');
	}
	if (listed) {
		const missing = listed.filter((name) => !findContainer(pod, name));
		if (missing.length > 0) return failWith(`the Pod has no container named ${names(missing)}`);
	}
	let bestFailure: {volume: string; message: string; score: number} | undefined;
	for (const volume of candidates) {
		const volumeName = asText(volume.name) ?? '(unnamed)';
		const mounters = pod.containers.filter((c) => mountsVolume(c, volumeName));
		if (listed) {
			const notMounting = listed.filter((name) => !mounters.some((c) => c.name === name));
			if (notMounting.length === 0) {
				const wrongPath = mountPathProblem(pod, volumeName, params.mountPaths as MountPaths | undefined);
				if (wrongPath) return failExactly(wrongPath);
				return pass(`emptyDir volume ${volumeName} is mounted by ${names(listed)}`);
			}
			const message =
				notMounting.length === 1
					? `container ${notMounting[0]} does not mount volume ${volumeName}`
					: `containers ${names(notMounting)} do not mount volume ${volumeName}`;
			const score = listed.length - notMounting.length;
			if (!bestFailure || score > bestFailure.score) bestFailure = {volume: volumeName, message, score};
		} else {
			if (mounters.length >= 2)
				return pass(`emptyDir volume ${volumeName} is mounted by ${names(mounters.map((c) => c.name))}`);
			const message =
				mounters.length === 0
					? `emptyDir volume ${volumeName} is declared but no container mounts it (add it to volumeMounts)`
					: `emptyDir volume ${volumeName} is mounted only by ${mounters[0].name}; mount it in a second container to share files`;
			if (!bestFailure || mounters.length > bestFailure.score)
				bestFailure = {volume: volumeName, message, score: mounters.length};
		}
	}
	return failWith(bestFailure?.message ?? 'no emptyDir volume is shared');
}

function checkNativeSidecar(pod: PodView, params: Params): RuleOutcome {
	const name = asText(params.name);
	if (name === undefined) {
		const sidecar = pod.containers.find((c) => c.role === 'sidecar');
		return sidecar
			? pass(`${sidecar.name} is a native sidecar`)
			: failWith('no init container has restartPolicy: Always, so the Pod has no native sidecar');
	}
	const entries = pod.containers.filter((c) => c.name === name);
	const container = entries.find((c) => c.list === 'initContainers') ?? entries[0];
	if (!container) return failWith(`the Pod has no container named ${name}`);
	if (entries.length > 1) {
		const lists = entries.map((c) => c.list).join(' and ');
		return failExactly(
			`${name} is listed in both ${lists}; keep only the initContainers entry` +
				' (with restartPolicy: Always) and remove it from containers',
		);
	}
	if (container.role === 'sidecar') return pass(`${name} is a native sidecar`);
	if (container.role === 'app') {
		return failWith(
			`${name} is in spec.containers; a native sidecar goes in spec.initContainers with restartPolicy: Always`,
		);
	}
	const policy = container.fields.restartPolicy;
	if (policy !== undefined) {
		return failExactly(
			`init container ${name} has restartPolicy ${JSON.stringify(policy)};` +
				' only restartPolicy: Always (spelt exactly so) makes it a native sidecar',
		);
	}
	return failWith(
		`init container ${name} has no restartPolicy: Always, so it must finish before the app starts instead of running beside it`,
	);
}

function checkDistinctPorts(pod: PodView): RuleOutcome {
	// Regular init containers have exited before the app starts, so only running containers can clash.
	const running = pod.containers.filter((c) => isLongRunning(c.role));
	const owner = new Map<string, string>();
	for (const container of running) {
		for (const {port, protocol} of declaredPorts(container)) {
			const key = `${port}/${protocol}`;
			const first = owner.get(key);
			if (first !== undefined && first !== container.name) {
				return failWith(
					`containers ${first} and ${container.name} both declare containerPort ${port}: ` +
						`they share the Pod's network namespace, so only one of them can listen on it`,
				);
			}
			owner.set(key, container.name);
		}
	}
	return pass('no two containers declare the same containerPort');
}

function checkPort(pod: PodView, params: Params): RuleOutcome {
	const name = params.container as string;
	const port = params.port as number;
	const container = findContainer(pod, name);
	if (!container) return failWith(`the Pod has no container named ${name}`);
	const ports = declaredPorts(container).map((p) => p.port);
	if (ports.includes(port)) return pass(`container ${name} declares containerPort ${port}`);
	return failWith(
		ports.length === 0
			? `container ${name} declares no ports; add "ports: [{containerPort: ${port}}]"`
			: `container ${name} declares containerPort ${ports.join(', ')}, not ${port}`,
	);
}

function checkEffectiveRequest(pod: PodView, params: Params): RuleOutcome {
	const resource = params.resource as 'cpu' | 'memory';
	const wanted = parseQuantity(String(params.equals));
	if (!wanted.ok) return failWith(`the rule's equals is not a quantity: ${wanted.error}`);
	const actual = effectiveRequest(pod.spec, resource);
	if (!actual.ok) return failWith(actual.error);
	const shown = (q: Quantity) => formatQuantity(q, resource);
	return quantityEquals(actual.value, wanted.value)
		? pass(`the Pod's effective ${resource} request is ${shown(actual.value)}`)
		: failWith(`the Pod's effective ${resource} request is ${shown(actual.value)}, not ${shown(wanted.value)}`);
}

function checkQosClass(pod: PodView, params: Params): RuleOutcome {
	const actual = qosClass(pod.spec);
	if (!actual.ok) return failWith(actual.error);
	return actual.value === params.equals
		? pass(`the Pod's QoS class is ${actual.value}`)
		: failWith(`the Pod's QoS class is ${actual.value}, not ${String(params.equals)}`);
}

function checkInitOrder(pod: PodView, params: Params): RuleOutcome {
	const wanted = params.names as readonly string[];
	const regular = pod.containers.filter((c) => c.role === 'init').map((c) => c.name);
	for (const name of wanted) {
		const container = findContainer(pod, name);
		if (!container) return failWith(`the Pod has no init container named ${name}`);
		if (container.role !== 'init')
			return failWith(`${name} is ${roleWords(container.role)}, not a regular init container`);
	}
	for (let i = 1; i < wanted.length; i += 1) {
		if (regular.indexOf(wanted[i]) < regular.indexOf(wanted[i - 1])) {
			return failWith(
				`init container ${wanted[i]} runs before ${wanted[i - 1]}; init containers run one at a time in list order, so move ${wanted[i - 1]} up`,
			);
		}
	}
	return pass(`the init containers run in the order ${wanted.join(', ')}`);
}

/** The Pod's labels: a workload's Pods get theirs from the template, which is what selectors match. */
function checkLabel(pod: PodView, params: Params): RuleOutcome {
	const key = params.key as string;
	const templatePath = podTemplatePath(pod.kind);
	const where = templatePath ? `${templatePath.join('.')}.metadata.labels` : 'metadata.labels';
	const podLabels = templatePath
		? valueAtPath(pod.root, [...templatePath, 'metadata', 'labels'])
		: pod.metadata?.labels;
	const labels = asFields(podLabels);
	if (!labels || !(key in labels)) return failWith(`${where} has no ${key} label`);
	if (params.value === undefined) return pass(`metadata.labels has ${key}`);
	return String(labels[key]) === String(params.value)
		? pass(`label ${key} is ${String(params.value)}`)
		: failWith(`label ${key} is "${String(labels[key])}", not "${String(params.value)}"`);
}

/** A helper beside the app: a second app container (classic sidecar) or a native sidecar. */
function checkHelperContainer(pod: PodView, params: Params): RuleOutcome {
	const name = params.name as string;
	const container = findContainer(pod, name);
	if (!container) return failWith(`the Pod has no container named ${name}`);
	if (isLongRunning(container.role)) {
		if (container.role === 'sidecar') return pass(`${name} is a native sidecar`);
		return pass(`${name} runs beside the app in spec.containers`);
	}
	return failWith(
		`${name} is ${roleWords(container.role)}, which stops before the app starts; a helper keeps running:` +
			' put it in spec.containers, or give it restartPolicy: Always',
	);
}

function checkListeningPort(pod: PodView, params: Params): RuleOutcome {
	const name = params.container as string;
	const container = findContainer(pod, name);
	if (!container) return failWith(`the Pod has no container named ${name}`);
	const listening = listeningPorts(asList(container.fields.command), asList(container.fields.args));
	const declared = declaredPorts(container).map((p) => p.port);
	const wanted = params.port as number | undefined;
	if (listening.length === 0) {
		return wanted === undefined
			? pass(`${name}'s command and args name no port, so its image's default is used`)
			: failWith(`${name}'s command and args do not set port ${wanted}; add it where the program takes its port`);
	}
	const quoted = listening.map((l) => l.source).join(', ');
	if (wanted !== undefined && !listening.some((l) => l.port === wanted)) {
		const ports = listening.map((l) => l.port).join(', ');
		return failExactly(`${name} is told to listen on ${ports} (${quoted}), not ${wanted}`);
	}
	const undeclared = listening.filter((l) => !declared.includes(l.port));
	if (undeclared.length > 0) {
		const has =
			declared.length === 0 ? 'declares no containerPort' : `declares containerPort ${declared.join(', ')}`;
		const ports = undeclared.map((l) => l.port).join(', ');
		const sources = undeclared.map((l) => l.source).join(', ');
		return failExactly(
			`${name} listens on ${ports} (${sources}) but ${has}: change the argument and containerPort together`,
		);
	}
	return pass(`${name} listens on ${listening.map((l) => l.port).join(', ')}, as its containerPort says`);
}

/** The workload's selector finds the Pods its template makes (the API server refuses it otherwise). */
function checkSelectorMatches(pod: PodView): RuleOutcome {
	const templatePath = podTemplatePath(pod.kind);
	if (!templatePath) {
		return failWith(
			`a ${pod.kind ?? 'manifest without a kind'} has no Pod template and no selector; write a Deployment`,
		);
	}
	const wanted = asFields(asFields(asFields(pod.root.spec)?.selector)?.matchLabels);
	if (!wanted || Object.keys(wanted).length === 0) {
		return failWith('spec.selector.matchLabels is missing: name the label the Deployment finds its Pods by');
	}
	const labels = asFields(valueAtPath(pod.root, [...templatePath, 'metadata', 'labels'])) ?? {};
	const shown = (entries: [string, unknown][]) => entries.map(([k, v]) => `${k}: ${String(v)}`).join(', ');
	const missing = Object.entries(wanted).filter(
		([key, value]) => !(key in labels) || String(labels[key]) !== String(value),
	);
	if (missing.length > 0) {
		const where = `${templatePath.join('.')}.metadata.labels`;
		return failWith(`the selector asks for ${shown(missing)}, but the template's labels (${where}) do not have it`);
	}
	return pass(`the selector matches the template's labels (${shown(Object.entries(wanted))})`);
}

export const MANIFEST_RULES: Readonly<Record<string, RuleSpec>> = {
	kind: {
		params: {equals: required('text')},
		check: (pod, p) =>
			pod.kind === p.equals
				? pass(`kind is ${pod.kind}`)
				: failWith(
						pod.kind === undefined
							? `the manifest has no kind; add "kind: ${String(p.equals)}"`
							: `kind is ${pod.kind}, not ${String(p.equals)}`,
					),
	},
	'min-containers': {
		params: {count: required('whole')},
		check: (pod, p) => {
			// A native sidecar runs for the Pod's whole life, beside the app containers: it counts.
			const running = pod.containers.filter((c) => isLongRunning(c.role));
			const sidecars = running.filter((c) => c.role === 'sidecar').length;
			const one = running.length === 1;
			const ofThem = sidecars > 0 ? ` (${sidecars} of them native sidecar${sidecars === 1 ? '' : 's'})` : '';
			const shown = `${running.length} container${one ? '' : 's'} that keep${one ? 's' : ''} running${ofThem}`;
			return running.length >= (p.count as number)
				? pass(`the Pod has ${shown}`)
				: failWith(
						`the Pod has ${shown} in spec.containers and native sidecars; it needs at least ${String(p.count)}`,
					);
		},
	},
	'helper-container': {params: {name: required('text')}, check: checkHelperContainer},
	'listening-port': {params: {container: required('text'), port: optional('port')}, check: checkListeningPort},
	'api-version': {
		params: {equals: required('text')},
		check: (pod, p) =>
			pod.apiVersion === p.equals
				? pass(`apiVersion is ${String(p.equals)}`)
				: failWith(
						pod.apiVersion === undefined
							? `the manifest has no apiVersion; a ${pod.kind ?? 'object'} here is "apiVersion: ${String(p.equals)}"`
							: `apiVersion is ${pod.apiVersion}, not ${String(p.equals)}`,
					),
	},
	replicas: {
		params: {equals: required('whole')},
		check: (pod, p) => {
			if (podTemplatePath(pod.kind) === undefined) {
				const what = pod.kind ?? 'manifest without a kind';
				return failWith(`a ${what} has no replicas; a Deployment keeps ${String(p.equals)} Pods running`);
			}
			const replicas = asFields(pod.root.spec)?.replicas;
			if (replicas === undefined) {
				return failWith(
					`spec.replicas is not set, so the ${pod.kind ?? 'workload'} runs 1 Pod; set replicas: ${String(p.equals)}`,
				);
			}
			return replicas === p.equals
				? pass(`spec.replicas is ${String(replicas)}`)
				: failExactly(`spec.replicas is ${JSON.stringify(replicas)}, not ${String(p.equals)}`);
		},
	},
	'selector-matches': {params: {}, check: checkSelectorMatches},
	container: {
		params: {name: required('text'), image: optional('text')},
		check: (pod, p) => {
			const container = findContainer(pod, p.name as string);
			if (!container) {
				const present = pod.containers.map((c) => c.name);
				return failWith(`the Pod has no container named ${String(p.name)} (it has ${names(present)})`);
			}
			const image = asText(container.fields.image);
			if (p.image !== undefined && (image === undefined || !imageMatches(image, p.image as string))) {
				return failWith(
					image === undefined
						? `container ${String(p.name)} has no image; use ${String(p.image)}`
						: `container ${String(p.name)} runs image ${image}, not ${String(p.image)}`,
				);
			}
			return pass(`container ${String(p.name)} is there`);
		},
	},
	'shared-emptydir': {
		params: {volume: optional('text'), containers: optional('names'), mountPaths: optional('paths')},
		check: checkSharedEmptyDir,
	},
	'native-sidecar': {params: {name: optional('text')}, check: checkNativeSidecar},
	'distinct-ports': {params: {}, check: checkDistinctPorts},
	port: {params: {container: required('text'), port: required('port')}, check: checkPort},
	'effective-request': {
		params: {resource: required('resource'), equals: required('quantity')},
		check: checkEffectiveRequest,
	},
	'qos-class': {params: {equals: required('qos')}, check: checkQosClass},
	'share-process-namespace': {
		params: {equals: required('boolean')},
		check: (pod, p) => {
			const raw = pod.spec?.shareProcessNamespace;
			if (typeof raw === 'string') {
				return failExactly(
					`spec.shareProcessNamespace is the string "${raw}"; write true or false without quotes`,
				);
			}
			const actual = raw === true;
			if (p.equals === true && !actual) {
				if (pod.spec?.hostPID === true) {
					return failExactly(
						"spec.hostPID: true joins the node's pid namespace, not a Pod-wide one;" +
							' set spec.shareProcessNamespace: true instead',
					);
				}
				const misplaced = pod.containers.find((c) => 'shareProcessNamespace' in c.fields);
				if (misplaced) {
					return failExactly(
						`shareProcessNamespace is set inside container ${misplaced.name};` +
							' it is a field of the Pod spec, beside containers',
					);
				}
			}
			return actual === p.equals
				? pass(`spec.shareProcessNamespace is ${String(actual)}`)
				: failWith(
						p.equals
							? 'spec.shareProcessNamespace is not true, so each container keeps its own pid namespace'
							: "spec.shareProcessNamespace is true, so every container sees the others' processes; remove it or set it to false",
					);
		},
	},
	'init-order': {params: {names: required('names')}, check: checkInitOrder},
	label: {params: {key: required('text'), value: optional('text')}, check: checkLabel},
};

export const MANIFEST_RULE_NAMES: readonly string[] = Object.keys(MANIFEST_RULES);

function paramProblem(type: ParamType, value: unknown): string | undefined {
	switch (type) {
		case 'text':
			return typeof value === 'string' && value.trim() !== '' ? undefined : 'expected a non-empty string';
		case 'whole':
			return Number.isInteger(value) && (value as number) >= 1
				? undefined
				: 'expected a whole number of at least 1';
		case 'port':
			return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 65535
				? undefined
				: 'expected a port number from 1 to 65535';
		case 'quantity': {
			if (typeof value !== 'string' && typeof value !== 'number')
				return 'expected a quantity such as 250m or 320Mi';
			const parsed = parseQuantity(value);
			return parsed.ok ? undefined : parsed.error;
		}
		case 'names':
			return Array.isArray(value) && value.length > 0 && value.every((n) => typeof n === 'string' && n !== '')
				? undefined
				: 'expected a list of container names';
		case 'boolean':
			return typeof value === 'boolean' ? undefined : 'expected true or false';
		case 'resource':
			return value === 'cpu' || value === 'memory' ? undefined : 'expected cpu or memory';
		case 'paths':
			return typeof value === 'object' &&
				value !== null &&
				!Array.isArray(value) &&
				Object.keys(value).length > 0 &&
				Object.values(value).every((path) => typeof path === 'string' && path.startsWith('/'))
				? undefined
				: 'expected a mapping of container name to absolute mount path, e.g. {app: /data}';
		case 'qos':
			return value === 'Guaranteed' || value === 'Burstable' || value === 'BestEffort'
				? undefined
				: 'expected Guaranteed, Burstable or BestEffort';
	}
}

/** Problems with one rule as an author wrote it; `at` is its field path, e.g. rules[2]. */
export function ruleProblems(rule: ManifestRule, at: string): {path: string; message: string}[] {
	const name = (rule as {rule?: unknown}).rule;
	if (typeof name !== 'string' || !(name in MANIFEST_RULES)) {
		return [
			{
				path: `${at}.rule`,
				message: `unknown rule ${JSON.stringify(name)}; known rules: ${MANIFEST_RULE_NAMES.join(', ')}`,
			},
		];
	}
	const spec = MANIFEST_RULES[name];
	const problems: {path: string; message: string}[] = [];
	for (const [param, {type, required: needed}] of Object.entries(spec.params)) {
		const value = rule[param];
		if (value === undefined || value === null) {
			if (needed) problems.push({path: `${at}.${param}`, message: `rule ${name} needs ${param}`});
			continue;
		}
		const problem = paramProblem(type, value);
		if (problem) problems.push({path: `${at}.${param}`, message: problem});
	}
	for (const key of Object.keys(rule)) {
		if (key === 'rule' || key === 'feedback' || key in spec.params) continue;
		const known = Object.keys(spec.params);
		problems.push({
			path: `${at}.${key}`,
			message: `not a parameter of rule ${name} (${known.length ? `its parameters: ${known.join(', ')}` : 'it takes none'})`,
		});
	}
	if (rule.feedback !== undefined && (typeof rule.feedback !== 'string' || rule.feedback.trim() === '')) {
		problems.push({path: `${at}.feedback`, message: 'expected a non-empty string'});
	}
	return problems;
}

function paramText(value: unknown): string {
	if (Array.isArray(value)) return value.join(',');
	if (typeof value === 'object' && value !== null)
		return Object.entries(value)
			.map(([k, v]) => `${k}:${String(v)}`)
			.join(',');
	return String(value);
}

/** A short name for a rule in results: its name and parameters, e.g. "port container=web port=8080". */
export function ruleLabel(rule: ManifestRule): string {
	const parts = Object.entries(rule)
		.filter(([key]) => key !== 'rule' && key !== 'feedback')
		.map(([key, value]) => `${key}=${paramText(value)}`);
	return [String(rule.rule), ...parts].join(' ');
}

/** Runs one rule on a parsed manifest. A rule the validator would reject fails with that reason. */
export function runRule(rule: ManifestRule, manifest: ManifestObject): RuleOutcome {
	const problems = ruleProblems(rule, 'rule');
	if (problems.length > 0)
		return failWith(`the exercise's rule is invalid (${problems[0].path}: ${problems[0].message})`);
	return MANIFEST_RULES[rule.rule].check(viewPod(manifest), rule);
}

/**
 * One rule's line in a verdict, for a written manifest and a live Pod alike: the author's
 * feedback replaces the rule's own message when the rule failed, unless that message names the
 * exact mistake (then it says more than the author's general hint).
 */
export function ruleVerdict(
	rule: ManifestRule,
	manifest: ManifestObject,
): {readonly name: string; readonly passed: boolean; readonly message: string; readonly outcome: string} {
	const outcome = runRule(rule, manifest);
	const useFeedback = !outcome.passed && !outcome.exact && typeof rule.feedback === 'string';
	const message = useFeedback
		? String(rule.feedback)
				.trim()
				.replace(/\s*\n\s*/g, ' ')
		: outcome.message;
	return {name: ruleLabel(rule), passed: outcome.passed, message, outcome: outcome.message};
}

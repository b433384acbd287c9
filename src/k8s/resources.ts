/**
 * Container requests and limits, the Pod's effective request and its QoS class, computed the way
 * the scheduler and the kubelet do. Works on the Pod spec as written in a manifest (`spec` of a
 * Pod, `spec.template.spec` of a Deployment), so exercise rules can call it on learner YAML.
 */
import {addQuantities, compareQuantities, parseQuantity, ZERO, type Quantity} from './quantity.js';

export type ResourceName = 'cpu' | 'memory';
export const RESOURCE_NAMES: readonly ResourceName[] = ['cpu', 'memory'];

import {roleOf, type ContainerRole} from './pod-model.js';

/** Ephemeral containers may not set resources, so they never appear here. */
export type ContainerKind = Exclude<ContainerRole, 'ephemeral'>;

export interface ContainerResources {
	readonly name: string;
	readonly kind: ContainerKind;
	/** Field path of the container inside the Pod spec, e.g. containers[1]. */
	readonly path: string;
	/** As written. */
	readonly requests: Partial<Record<ResourceName, Quantity>>;
	readonly limits: Partial<Record<ResourceName, Quantity>>;
}

export type ResourceResult<T> = {readonly ok: true; readonly value: T} | {readonly ok: false; readonly error: string};

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readAmounts(value: unknown, field: string): ResourceResult<Partial<Record<ResourceName, Quantity>>> {
	if (value === undefined || value === null) return {ok: true, value: {}};
	if (!isRecord(value)) return {ok: false, error: `${field}: must be a mapping such as {cpu: 250m, memory: 128Mi}`};
	const out: Partial<Record<ResourceName, Quantity>> = {};
	for (const resource of RESOURCE_NAMES) {
		const raw = value[resource];
		if (raw === undefined || raw === null) continue;
		if (typeof raw !== 'string' && typeof raw !== 'number')
			return {ok: false, error: `${field}.${resource}: must be a quantity such as 250m or 128Mi`};
		const parsed = parseQuantity(raw);
		if (!parsed.ok) return {ok: false, error: `${field}.${resource}: ${parsed.error}`};
		if (parsed.value.num < 0n)
			return {
				ok: false,
				error: `${field}.${resource}: "${parsed.value.text}" is negative; a request or limit cannot be below zero`,
			};
		out[resource] = parsed.value;
	}
	return {ok: true, value: out};
}

/**
 * The requests and limits of every init, sidecar and app container, in spec order (init
 * containers first). Ephemeral containers are left out: they may not set resources.
 */
export function containerResources(podSpec: unknown): ResourceResult<readonly ContainerResources[]> {
	if (!isRecord(podSpec)) return {ok: false, error: 'spec: missing; expected a Pod spec with containers'};
	const out: ContainerResources[] = [];
	for (const list of ['initContainers', 'containers'] as const) {
		const entries = podSpec[list];
		if (entries === undefined || entries === null) continue;
		if (!Array.isArray(entries)) return {ok: false, error: `${list}: must be a list`};
		for (const [i, entry] of entries.entries()) {
			const path = `${list}[${i}]`;
			if (!isRecord(entry)) return {ok: false, error: `${path}: must be a mapping with name and image`};
			const name = typeof entry.name === 'string' ? entry.name : '';
			const named = name ? `${path} (${name})` : path;
			const resources = entry.resources;
			if (resources !== undefined && resources !== null && !isRecord(resources)) {
				return {ok: false, error: `${named}.resources: must be a mapping with requests and/or limits`};
			}
			const requests = readAmounts(resources?.requests, `${named}.resources.requests`);
			if (!requests.ok) return requests;
			const limits = readAmounts(resources?.limits, `${named}.resources.limits`);
			if (!limits.ok) return limits;
			const kind = roleOf(list, entry) as ContainerKind;
			out.push({name, kind, path, requests: requests.value, limits: limits.value});
		}
	}
	return {ok: true, value: out};
}

/**
 * The request Kubernetes uses for a container: the request as written, or, when only a limit is
 * written, the limit (the API server defaults a missing request to the limit).
 */
export function requestOf(container: ContainerResources, resource: ResourceName): Quantity {
	return container.requests[resource] ?? container.limits[resource] ?? ZERO;
}

function max(a: Quantity, b: Quantity): Quantity {
	return compareQuantities(a, b) >= 0 ? a : b;
}

/**
 * The Pod's effective request for one resource: overhead + max(sum over app containers and native
 * sidecars, effective init request). Following the scheduler (k8s.io/component-helpers/resource,
 * PodRequests), a regular init container runs next to the sidecars declared before it, so its
 * share is its own request plus theirs; with sidecars declared after the init containers this is
 * the documented "highest init request".
 * https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#resource-sharing-within-containers
 */
export function effectiveRequest(podSpec: unknown, resource: ResourceName): ResourceResult<Quantity> {
	const listed = containerResources(podSpec);
	if (!listed.ok) return listed;
	let running = ZERO;
	let sidecarsSoFar = ZERO;
	let initPeak = ZERO;
	for (const c of listed.value) {
		const request = requestOf(c, resource);
		if (c.kind === 'app') {
			running = addQuantities(running, request);
		} else if (c.kind === 'sidecar') {
			running = addQuantities(running, request);
			sidecarsSoFar = addQuantities(sidecarsSoFar, request);
			initPeak = max(initPeak, sidecarsSoFar);
		} else {
			initPeak = max(initPeak, addQuantities(request, sidecarsSoFar));
		}
	}
	const overhead = readAmounts(isRecord(podSpec) ? podSpec.overhead : undefined, 'spec.overhead');
	if (!overhead.ok) return overhead;
	return {ok: true, value: addQuantities(overhead.value[resource] ?? ZERO, max(running, initPeak))};
}

function positive(q: Quantity | undefined): q is Quantity {
	return q !== undefined && q.num > 0n;
}

/**
 * The QoS class the kubelet gives the Pod (pkg/apis/core/helper/qos): only cpu and memory count,
 * zero amounts count as unset, init and sidecar containers count like app containers.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/
 */
export function qosClass(podSpec: unknown): ResourceResult<QosClass> {
	const listed = containerResources(podSpec);
	if (!listed.ok) return listed;
	let anySet = false;
	let guaranteed = true;
	for (const c of listed.value) {
		for (const resource of RESOURCE_NAMES) {
			const limit = c.limits[resource];
			const request = c.requests[resource] ?? limit;
			if (positive(limit) || positive(request)) anySet = true;
			if (!positive(limit) || !positive(request) || compareQuantities(limit, request) !== 0) guaranteed = false;
		}
	}
	if (!anySet) return {ok: true, value: 'BestEffort'};
	return {ok: true, value: guaranteed ? 'Guaranteed' : 'Burstable'};
}

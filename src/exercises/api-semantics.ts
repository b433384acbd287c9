/**
 * What the API server refuses that no OpenAPI schema can say: the cross-field rules of
 * k8s.io/kubernetes/pkg/apis/core/validation (and apps/validation for a Deployment). Each
 * problem names its field path, so the checker can print the line. Only the rules a learner of
 * this course can run into are here; docs/DECISIONS.md lists them.
 */
import {compareQuantities, parseQuantity} from '../k8s/quantity.js';
import {podTemplatePath, valueAtPath} from '../k8s/pod-model.js';
import type {FieldPath, ManifestObject} from './manifest-yaml.js';
import {asFields, asList, asText, viewPod, type ContainerView, type Fields} from './pod-view.js';

export interface SemanticProblem {
	readonly path: FieldPath;
	readonly message: string;
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const ENDS = 'starting and ending with a letter or digit';
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function labelProblem(name: string): string | undefined {
	if (name.length > 63) return `"${name}" is ${name.length} characters; a name here is at most 63`;
	if (!DNS1123_LABEL.test(name))
		return `"${name}" is not a valid name: use lower-case letters, digits and "-", ${ENDS}`;
	return undefined;
}

function subdomainProblem(name: string): string | undefined {
	if (name.length > 253) return `"${name}" is ${name.length} characters; an object name is at most 253`;
	if (!DNS1123_SUBDOMAIN.test(name)) {
		return `"${name}" is not a valid object name: use lower-case letters, digits, "-" and ".", ${ENDS}`;
	}
	return undefined;
}

function at(container: ContainerView, specPath: readonly string[], ...rest: (string | number)[]): FieldPath {
	return [...specPath, container.list, container.index, ...rest];
}

function checkNames(manifest: ManifestObject, problems: SemanticProblem[]): void {
	const metadata = asFields(manifest.metadata);
	const name = asText(metadata?.name);
	if (name === undefined && asText(metadata?.generateName) === undefined) {
		problems.push({path: ['metadata', 'name'], message: 'missing: every object needs metadata.name'});
	} else if (name !== undefined) {
		const problem = subdomainProblem(name);
		if (problem) problems.push({path: ['metadata', 'name'], message: problem});
	}
}

function checkContainers(pod: ReturnType<typeof viewPod>, problems: SemanticProblem[]): void {
	const specPath = pod.specPath;
	if (pod.spec === undefined) return;
	if (!pod.containers.some((c) => c.role === 'app')) {
		problems.push({
			path: [...specPath, 'containers'],
			message: 'missing: a Pod needs at least one entry in containers',
		});
	}
	const firstUse = new Map<string, ContainerView>();
	for (const container of pod.containers) {
		const name = asText(container.fields.name);
		if (name === undefined) {
			problems.push({path: at(container, specPath, 'name'), message: 'missing: every container needs a name'});
		} else {
			const problem = labelProblem(name);
			if (problem) problems.push({path: at(container, specPath, 'name'), message: problem});
			const earlier = firstUse.get(name);
			if (earlier) {
				problems.push({
					path: at(container, specPath, 'name'),
					message:
						`the name "${name}" is already used by ${earlier.list}[${earlier.index}]; names are unique across` +
						' containers, initContainers and ephemeralContainers',
				});
			} else {
				firstUse.set(name, container);
			}
		}
		const image = container.fields.image;
		if (typeof image !== 'string' || image.trim() === '') {
			const message = 'missing: every container needs an image, such as image: busybox:1.36';
			problems.push({path: at(container, specPath, 'image'), message});
		}
		const restartPolicy = container.fields.restartPolicy;
		if (restartPolicy !== undefined && container.list === 'initContainers' && restartPolicy !== 'Always') {
			const message =
				'an init container takes only restartPolicy: Always (which makes it a sidecar),' +
				` not ${JSON.stringify(restartPolicy)}`;
			problems.push({path: at(container, specPath, 'restartPolicy'), message});
		}
		if (restartPolicy !== undefined && container.list !== 'initContainers') {
			const message =
				'only init containers take a restartPolicy of their own (Always makes a native sidecar);' +
				' the Pod-wide one is spec.restartPolicy';
			problems.push({path: at(container, specPath, 'restartPolicy'), message});
		}
	}
}

function checkVolumes(pod: ReturnType<typeof viewPod>, problems: SemanticProblem[]): void {
	const specPath = pod.specPath;
	const declared = new Set<string>();
	asList(pod.spec?.volumes).forEach((entry, i) => {
		const name = asText(asFields(entry)?.name);
		if (name === undefined) return;
		const problem = labelProblem(name);
		if (problem) problems.push({path: [...specPath, 'volumes', i, 'name'], message: problem});
		if (declared.has(name)) {
			problems.push({path: [...specPath, 'volumes', i, 'name'], message: `volume "${name}" is declared twice`});
		}
		declared.add(name);
	});
	for (const container of pod.containers) {
		const seenPaths = new Set<string>();
		asList(container.fields.volumeMounts).forEach((entry, i) => {
			const mount = asFields(entry);
			const name = asText(mount?.name);
			const mountPath = asText(mount?.mountPath);
			if (name !== undefined && !declared.has(name)) {
				const names = [...declared].join(', ');
				const known = declared.size > 0 ? ` (the Pod declares ${names})` : ' (the Pod declares no volumes)';
				problems.push({
					path: at(container, specPath, 'volumeMounts', i, 'name'),
					message: `mounts volume "${name}", which spec.volumes does not declare${known}`,
				});
			}
			if (mountPath !== undefined) {
				if (seenPaths.has(mountPath)) {
					const path = at(container, specPath, 'volumeMounts', i, 'mountPath');
					problems.push({path, message: `${mountPath} is mounted twice in ${container.name}`});
				}
				seenPaths.add(mountPath);
			}
		});
	}
}

function checkPorts(pod: ReturnType<typeof viewPod>, problems: SemanticProblem[]): void {
	for (const container of pod.containers) {
		const seen = new Set<string>();
		asList(container.fields.ports).forEach((entry, i) => {
			const port = asFields(entry)?.containerPort;
			if (typeof port !== 'number') return;
			const path = at(container, pod.specPath, 'ports', i, 'containerPort');
			if (!Number.isInteger(port) || port < 1 || port > 65535) {
				problems.push({path, message: `${port} is not a port: use a whole number from 1 to 65535`});
				return;
			}
			const protocol = asText(asFields(entry)?.protocol) ?? 'TCP';
			const key = `${port}/${protocol}`;
			if (seen.has(key))
				problems.push({path, message: `${container.name} lists containerPort ${port}/${protocol} twice`});
			seen.add(key);
		});
	}
}

function checkProcessSharing(pod: ReturnType<typeof viewPod>, problems: SemanticProblem[]): void {
	if (pod.spec?.shareProcessNamespace === true && pod.spec?.hostPID === true) {
		problems.push({
			path: [...pod.specPath, 'shareProcessNamespace'],
			message:
				'shareProcessNamespace and hostPID cannot both be true:' +
				" the Pod either has its own shared pid namespace or uses the node's",
		});
	}
}

function checkResources(pod: ReturnType<typeof viewPod>, problems: SemanticProblem[]): void {
	for (const container of pod.containers) {
		const resources = asFields(container.fields.resources);
		if (!resources) continue;
		const amounts: Record<string, Record<string, ReturnType<typeof parseQuantity>>> = {};
		for (const side of ['requests', 'limits'] as const) {
			amounts[side] = {};
			for (const [resource, raw] of Object.entries(asFields(resources[side]) ?? {})) {
				if (typeof raw !== 'string' && typeof raw !== 'number') continue;
				const parsed = parseQuantity(raw);
				const path = at(container, pod.specPath, 'resources', side, resource);
				if (!parsed.ok) problems.push({path, message: parsed.error});
				else if (parsed.value.num < 0n) {
					const what = side === 'requests' ? 'request' : 'limit';
					problems.push({path, message: `${parsed.value.text} is negative; a ${what} cannot be below zero`});
				} else amounts[side][resource] = parsed;
			}
		}
		for (const [resource, limit] of Object.entries(amounts.limits)) {
			const request = amounts.requests[resource];
			if (!request?.ok || !limit.ok) continue;
			if (compareQuantities(request.value, limit.value) > 0) {
				problems.push({
					path: at(container, pod.specPath, 'resources', 'requests', resource),
					message:
						`the ${resource} request ${request.value.text} is above the limit ${limit.value.text};` +
						' a request must be less than or equal to its limit',
				});
			}
		}
	}
}

function matchLabels(selector: Fields | undefined): Record<string, unknown> | undefined {
	return asFields(selector?.matchLabels);
}

/** A workload's selector must exist (apps/v1, batch/v1 set it for you on a Job) and match its template's labels. */
function checkSelector(manifest: ManifestObject, problems: SemanticProblem[]): void {
	const templatePath = podTemplatePath(manifest.kind);
	if (!templatePath || manifest.kind === 'Job' || manifest.kind === 'CronJob' || manifest.kind === 'PodTemplate')
		return;
	const spec = asFields(manifest.spec);
	if (spec === undefined) return;
	if (asFields(valueAtPath(manifest, templatePath)) === undefined) {
		const message = `missing: a ${String(manifest.kind)} needs a Pod template here (metadata.labels and spec)`;
		problems.push({path: [...templatePath], message});
		return;
	}
	const selector = asFields(spec.selector);
	if (selector === undefined) {
		const message = `missing: a ${String(manifest.kind)} needs spec.selector.matchLabels naming its Pods' labels`;
		problems.push({path: ['spec', 'selector'], message});
		return;
	}
	const wanted = matchLabels(selector) ?? {};
	const labels = asFields(valueAtPath(manifest, [...templatePath, 'metadata', 'labels'])) ?? {};
	if (Object.keys(wanted).length === 0 && asList(selector.matchExpressions).length === 0) {
		const message = 'an empty selector would select every Pod; name at least one label in matchLabels';
		problems.push({path: ['spec', 'selector'], message});
		return;
	}
	const has = ([key, value]: [string, unknown]) => key in labels && String(labels[key]) === String(value);
	const unmatched = Object.entries(wanted).filter((entry) => !has(entry));
	if (unmatched.length > 0) {
		const asked = unmatched.map(([key, value]) => `${key}: ${String(value)}`).join(', ');
		problems.push({
			path: [...templatePath, 'metadata', 'labels'],
			message:
				`selector does not match template labels: the selector asks for ${asked},` +
				` which ${[...templatePath, 'metadata', 'labels'].join('.')} does not have`,
		});
	}
}

/** Every refusal the API server would give on top of the schema, in document order. */
export function semanticProblems(manifest: ManifestObject): SemanticProblem[] {
	const problems: SemanticProblem[] = [];
	checkNames(manifest, problems);
	const pod = viewPod(manifest);
	if (pod.spec !== undefined) {
		checkContainers(pod, problems);
		checkVolumes(pod, problems);
		checkPorts(pod, problems);
		checkProcessSharing(pod, problems);
		checkResources(pod, problems);
	}
	checkSelector(manifest, problems);
	return problems;
}

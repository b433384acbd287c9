/**
 * Makes a step's scenario exist on a real backend and waits, a bounded time, until the state the
 * step is about is there (init container running, a restart counted, the crash loop reached).
 */
import {open} from 'node:fs/promises';
import {join} from 'node:path';
import yaml from 'js-yaml';
import {packageRoot} from '../content/package-root.js';
import {asArray, asObject} from '../k8s/json-reading.js';
import {fail, ok, type Result} from '../result.js';
import type {LiveBackend, LiveContainer, LivePod} from './backend.js';
import {describeState, type ScenarioInfo, type ScenarioState} from './scenario-catalog.js';
import {carriesTutorLabels, tutorLabels} from './tutor-labels.js';

/** A scenario manifest is a few hundred bytes; anything this big is not one. */
const MAX_MANIFEST_BYTES = 64 * 1024;

export function scenarioFile(name: string, root: string = packageRoot()): string {
	return join(root, 'lessons', 'specs', 'scenarios', `${name}.yaml`);
}

export async function readScenarioManifest(name: string, root?: string): Promise<Result<Record<string, unknown>>> {
	const file = scenarioFile(name, root);
	let text: string;
	try {
		const handle = await open(file, 'r');
		try {
			const buffer = Buffer.alloc(MAX_MANIFEST_BYTES + 1);
			const {bytesRead} = await handle.read(buffer, 0, buffer.length, 0);
			if (bytesRead > MAX_MANIFEST_BYTES)
				return fail(`${file} is larger than ${MAX_MANIFEST_BYTES} bytes: not a scenario manifest`);
			text = buffer.subarray(0, bytesRead).toString('utf8');
		} finally {
			await handle.close();
		}
	} catch (error) {
		return fail(`${file} could not be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
	}
	try {
		const doc = asObject(yaml.load(text));
		return doc ? ok(doc) : fail(`${file} is not a manifest (a YAML mapping)`);
	} catch (error) {
		return fail(
			`${file} is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
		);
	}
}

export interface ScenarioTarget {
	readonly user: string;
	/** The lesson image: every container of the scenario runs it (a local mirror, busybox). */
	readonly image: string;
	/** kubectl: the tutor's namespace. */
	readonly namespace?: string;
}

/** The manifest as the tutor creates it: its labels on the object and on a Deployment's Pods, the lesson image. */
export function preparedManifest(manifest: Record<string, unknown>, target: ScenarioTarget): Record<string, unknown> {
	const copy = structuredClone(manifest);
	const metadata = (asObject(copy.metadata) ?? {}) as Record<string, unknown>;
	metadata.labels = {...(asObject(metadata.labels) ?? {}), ...tutorLabels(target.user)};
	if (target.namespace) metadata.namespace = target.namespace;
	copy.metadata = metadata;
	const spec = asObject(copy.spec);
	const template = asObject(spec?.template);
	if (template) {
		const templateMetadata = (asObject(template.metadata) ?? {}) as Record<string, unknown>;
		templateMetadata.labels = {...(asObject(templateMetadata.labels) ?? {}), ...tutorLabels(target.user)};
		template.metadata = templateMetadata;
	}
	const podSpec = asObject(template?.spec) ?? spec;
	for (const list of [podSpec?.containers, podSpec?.initContainers]) {
		for (const item of asArray(list)) {
			const container = asObject(item) as Record<string, unknown> | undefined;
			if (container) container.image = target.image;
		}
	}
	return copy;
}

export interface StateCheck {
	readonly reached: boolean;
	/** The Pod as it is now, in a few words, for "did not reach ... : now ...". */
	readonly now: string;
}

function containerNow(c: LiveContainer): string {
	const restarts = c.restartCount ? `, ${c.restartCount} restart${c.restartCount === 1 ? '' : 's'}` : '';
	return `${c.name} ${c.state}${c.reason ? ` (${c.reason})` : ''}${restarts}`;
}

/** Whether the Pods show the state; one Pod for every kind but `replicas`. */
export function checkState(state: ScenarioState, pods: readonly LivePod[]): StateCheck {
	const pod = pods[0];
	if (state.kind === 'replicas') {
		const running = pods.filter(
			(p) => p.containers.length > 0 && p.containers.every((c) => c.state === 'running'),
		).length;
		return {reached: running >= state.count, now: `${running} of ${state.count} Pods running`};
	}
	if (!pod) return {reached: false, now: 'no Pod yet'};
	const all = [...(pod.initContainers ?? []), ...pod.containers];
	const now = all.map(containerNow).join(', ') || 'no containers yet';
	const find = (name: string) => all.find((c) => c.name === name);
	switch (state.kind) {
		case 'running':
			return {reached: pod.containers.length > 0 && pod.containers.every((c) => c.state === 'running'), now};
		case 'init-running':
			return {reached: find(state.container)?.state === 'running', now};
		case 'restarted': {
			const c = find(state.container);
			return {
				reached: Boolean(c && (c.restartCount ?? 0) >= 1 && (!state.running || c.state === 'running')),
				now,
			};
		}
		case 'waiting-reason': {
			const c = find(state.container);
			return {reached: c?.state === 'waiting' && c.reason === state.reason, now};
		}
	}
}

export interface PrepareOptions {
	readonly target: ScenarioTarget;
	/** Says what is happening ("Creating Pod two-webs...", "Waiting for ..."). */
	readonly progress?: (text: string) => void;
	/** Between two looks at the Pod. */
	readonly pollMs?: number;
	/** Stops waiting early (the learner left the step). */
	readonly cancelled?: () => boolean;
	readonly readManifest?: (name: string) => Promise<Result<Record<string, unknown>>>;
}

async function lookAt(backend: LiveBackend, scenario: ScenarioInfo): Promise<Result<readonly LivePod[]>> {
	if (scenario.state.kind === 'replicas') {
		if (!backend.listPods) return fail(`${backend.tool} cannot list Pods by label`);
		return backend.listPods(scenario.state.selector);
	}
	const pod = await backend.getPod(scenario.pod);
	return pod.ok ? ok([pod.value]) : pod;
}

/** The object the scenario's Pods come from, when it exists: whether the tutor made it for this user. */
async function existing(
	backend: LiveBackend,
	scenario: ScenarioInfo,
	user: string,
): Promise<'none' | 'ours' | 'foreign'> {
	const seen = await lookAt(backend, scenario);
	if (!seen.ok || seen.value.length === 0) return 'none';
	return seen.value.every((p) => carriesTutorLabels(p.labels, user)) ? 'ours' : 'foreign';
}

/**
 * Creates the scenario unless the tutor already made it for this user, then waits for its state.
 * A Pod of the same name that the tutor did not make is left alone and the step is not run.
 */
export async function prepareScenario(
	backend: LiveBackend,
	scenario: ScenarioInfo,
	options: PrepareOptions,
): Promise<Result<readonly LivePod[]>> {
	const why = scenario.cannot[backend.tool];
	if (why) return fail(why);
	const {user} = options.target;
	const found = await existing(backend, scenario, user);
	if (found === 'foreign') {
		return fail(
			`a ${scenario.kind} named ${scenario.object} is already there and the tutor did ` +
				`not create it for ${user}; it is left alone (remove or rename it to run this step)`,
		);
	}
	if (found === 'none') {
		options.progress?.(
			`Creating ${scenario.kind} ${scenario.object} with ${backend.tool} (labelled: pod-tutor cleanup removes it)...`,
		);
		const manifest = await (options.readManifest ?? readScenarioManifest)(scenario.name);
		if (!manifest.ok) return manifest;
		const created = await backend.createPod(
			preparedManifest(manifest.value, {
				...options.target,
				namespace: backend.tool === 'kubectl' ? options.target.namespace : undefined,
			}),
		);
		if (!created.ok)
			return fail(`could not create ${scenario.kind} ${scenario.object} with ${backend.tool}: ${created.error}`);
	}
	const wanted = describeState(scenario.state);
	options.progress?.(`Waiting for ${wanted} (at most ${scenario.waitSeconds} s)...`);
	const deadline = Date.now() + scenario.waitSeconds * 1000;
	let last: StateCheck;
	for (;;) {
		if (options.cancelled?.()) return fail('stopped');
		const seen = await lookAt(backend, scenario);
		if (seen.ok) {
			last = checkState(scenario.state, seen.value);
			if (last.reached) return ok(seen.value);
		} else {
			last = {reached: false, now: seen.error};
		}
		if (Date.now() >= deadline)
			return fail(
				`${scenario.object} did not reach "${wanted}" within ${scenario.waitSeconds} s; now: ${last.now}`,
			);
		await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000));
	}
}

import {readFileSync} from 'node:fs';
import yaml from 'js-yaml';
import {extractPodSpecs} from '../../src/k8s/workload.js';
import {buildPodModel, type PodModel, type PodModelOptions} from '../../src/diagram/pod-model.js';

export const FIXTURES = new URL('../fixtures/diagram/', import.meta.url);

export function modelFromSpec(doc: unknown, options?: PodModelOptions): PodModel {
	const found = extractPodSpecs(doc);
	if (!found.ok) throw new Error(found.error);
	const built = buildPodModel(found.pods[0], options);
	if (!built.ok) throw new Error(built.error);
	return built.model;
}

export function fixtureModel(name: string, options?: PodModelOptions): PodModel {
	return modelFromSpec(yaml.load(readFileSync(new URL(`${name}.yaml`, FIXTURES), 'utf8')), options);
}

export function pod(spec: Record<string, unknown>, name = 'p'): unknown {
	return {apiVersion: 'v1', kind: 'Pod', metadata: {name}, spec};
}

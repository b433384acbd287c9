/**
 * From YAML text to finished drawings: every document carrying a Pod spec becomes one diagram
 * in the chosen view; other kinds become notes. Shared by the `diagram` command and lessons.
 */
import {loadYamlSafely} from '../content/safe-yaml.js';
import type {DiagramView} from '../content/types.js';
import {extractPodSpecs} from '../k8s/workload.js';
import {buildPodModel, type PodModel} from './pod-model.js';
import {
	describeCompose,
	describeDocker,
	describePod,
	layoutCompose,
	layoutDocker,
	layoutPod,
	type LayoutOptions,
} from './pod-diagram.js';

export interface ManifestModels {
	readonly models: readonly PodModel[];
	/** Notes about documents that carry no Pod spec, e.g. "Service web skipped: ...". */
	readonly skipped: readonly string[];
}

export type ManifestModelsResult =
	{readonly ok: true; readonly value: ManifestModels} | {readonly ok: false; readonly error: string};

/** Parses YAML (one or more documents) and builds a model for each Pod spec. */
export function modelsFromYaml(text: string): ManifestModelsResult {
	// Depth and alias limits: a spec in a lesson pack is as untrusted as a learner's manifest.
	const loaded = loadYamlSafely(text);
	if (!loaded.ok)
		return {ok: false, error: `${loaded.line === undefined ? '' : `line ${loaded.line}: `}${loaded.message}`};
	const docs = loaded.documents;
	const several = docs.length > 1;
	const models: PodModel[] = [];
	const skipped: string[] = [];
	for (const [i, doc] of docs.entries()) {
		const where = several ? `document ${i + 1}: ` : '';
		const found = extractPodSpecs(doc);
		if (!found.ok) return {ok: false, error: where + found.error};
		skipped.push(...found.skipped.map((note) => where + note));
		for (const pod of found.pods) {
			const built = buildPodModel(pod);
			if (!built.ok) return {ok: false, error: where + built.error};
			models.push(built.model);
		}
	}
	if (models.length === 0) {
		const seen =
			skipped.length > 0 ? ` (found: ${skipped.map((s) => s.replace(/ skipped:.*$/, '')).join(', ')})` : '';
		return {
			ok: false,
			error: `no Pod spec to draw${seen}; give a Pod, or a Deployment, ReplicaSet, StatefulSet, DaemonSet, Job or CronJob`,
		};
	}
	return {ok: true, value: {models, skipped}};
}

export function drawView(model: PodModel, view: DiagramView, options: LayoutOptions): string[] {
	switch (view) {
		case 'docker':
			return layoutDocker(model, options);
		case 'compose':
			return layoutCompose(model, options);
		default:
			return layoutPod(model, options);
	}
}

/** The same view in sentences, for screen readers and plain output: what drawView draws, in words. */
export function describeView(model: PodModel, view: DiagramView): string {
	switch (view) {
		case 'docker':
			return describeDocker(model);
		case 'compose':
			return describeCompose(model);
		default:
			return describePod(model);
	}
}

export {describePod};

/**
 * The structure the API server demands of a Pod, Deployment or Job, from the validators that
 * kubernetes-models (pinned in package.json) generates from the Kubernetes OpenAPI schema and
 * ships precompiled. They are imported lazily, the first time a manifest is checked, so neither
 * the first frame nor any other exercise kind pays for them (see docs/DECISIONS.md).
 */
import {valueAtPath} from '../k8s/pod-model.js';
import type {FieldPath} from './manifest-yaml.js';

/** One place where the object breaks the schema. */
export interface SchemaProblem {
	readonly path: FieldPath;
	readonly message: string;
}

interface AjvError {
	readonly instancePath: string;
	readonly keyword: string;
	readonly params: Record<string, unknown>;
}

type ValidateFunction = ((data: unknown) => boolean) & {errors?: readonly AjvError[] | null};

/** apiVersion and kind the schema knows, with the module that validates them. */
interface SchemaEntry {
	readonly apiVersion: string;
	readonly load: () => Promise<{validate: unknown}>;
}

const SCHEMAS: Readonly<Record<string, SchemaEntry>> = {
	Pod: {apiVersion: 'v1', load: () => import('kubernetes-models/_schemas/IoK8sApiCoreV1Pod')},
	Deployment: {apiVersion: 'apps/v1', load: () => import('kubernetes-models/_schemas/IoK8sApiAppsV1Deployment')},
	Job: {apiVersion: 'batch/v1', load: () => import('kubernetes-models/_schemas/IoK8sApiBatchV1Job')},
};

export const SCHEMA_KINDS: readonly string[] = Object.keys(SCHEMAS);

/** The apiVersion the API serves a kind under, for the kinds the course checks. */
export function apiVersionOf(kind: string): string | undefined {
	return SCHEMAS[kind]?.apiVersion;
}

let loaded: ReadonlyMap<string, ValidateFunction> | undefined;
let loading: Promise<void> | undefined;
let loadError: string | undefined;

/**
 * Loads the validators once; every later call returns at once. Never rejects: a broken install
 * is reported by apiSchemaProblem() and the checker says so instead of crashing.
 */
export function loadApiSchema(): Promise<void> {
	const load = async ([kind, entry]: [string, SchemaEntry]) => {
		const module = await entry.load();
		return [kind, module.validate as ValidateFunction] as const;
	};
	loading ??= Promise.all(Object.entries(SCHEMAS).map(load)).then(
		(pairs) => {
			loaded = new Map(pairs);
		},
		(error: unknown) => {
			loadError = error instanceof Error ? error.message : String(error);
		},
	);
	return loading;
}

/** True once loadApiSchema() has finished, whether or not it could load the validators. */
export function apiSchemaLoaded(): boolean {
	return loaded !== undefined || loadError !== undefined;
}

/** Why manifests cannot be checked against the schema, or undefined when they can. */
export function apiSchemaProblem(): string | undefined {
	if (loaded) return undefined;
	if (loadError !== undefined)
		return `the Kubernetes API schema could not be loaded (${loadError}); reinstall pod-tutor`;
	return 'the Kubernetes API schema was not loaded before checking (a pod-tutor bug: please report it)';
}

function pathOf(pointer: string): (string | number)[] {
	if (pointer === '') return [];
	return pointer
		.slice(1)
		.split('/')
		.map((part) => {
			const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
			return /^\d+$/.test(key) ? Number(key) : key;
		});
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
	string: 'text (a string)',
	integer: 'a whole number',
	number: 'a number',
	boolean: 'true or false',
	array: 'a list (entries starting with "- ")',
	object: 'a mapping of fields',
};

function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'a mapping';
	return typeof value === 'string' ? `the string ${JSON.stringify(value)}` : String(value);
}

function messageFor(error: AjvError, root: unknown): SchemaProblem {
	const path = pathOf(error.instancePath);
	const value = valueAtPath(root, path);
	switch (error.keyword) {
		case 'required': {
			const field = String(error.params.missingProperty);
			return {path: [...path, field], message: 'missing: the API server requires this field'};
		}
		case 'type': {
			const wanted = String(error.params.type)
				.split(',')
				.map((t) => TYPE_WORDS[t] ?? t)
				.join(' or ');
			const quoted = typeof value === 'string' && /^(true|false|\d+)$/.test(value);
			const hint = quoted ? ' (remove the quotes)' : '';
			return {path, message: `must be ${wanted}, not ${describeValue(value)}${hint}`};
		}
		case 'enum': {
			const allowed = (error.params.allowedValues as unknown[]).map(String).join(', ');
			return {path, message: `must be one of ${allowed}, not ${describeValue(value)}`};
		}
		case 'format':
			return {path, message: `${describeValue(value)} is not a valid ${String(error.params.format)}`};
		default:
			return {path, message: `is not accepted by the API schema (${error.keyword})`};
	}
}

/**
 * Where the object breaks the OpenAPI schema of its kind; undefined when the kind is not one the
 * course checks (the lesson rules then speak for it) or the schema is not loaded (apiSchemaProblem).
 */
export function schemaProblems(manifest: Record<string, unknown>): readonly SchemaProblem[] | undefined {
	if (!loaded) return undefined;
	const validate = typeof manifest.kind === 'string' ? loaded.get(manifest.kind) : undefined;
	if (!validate) return undefined;
	if (validate(manifest)) return [];
	const problems = (validate.errors ?? []).map((error) => messageFor(error, manifest));
	// The generated validators report some places twice (once per schema branch tried).
	const seen = new Set<string>();
	return problems.filter((problem) => {
		const key = `${problem.path.join('.')}\u0000${problem.message}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

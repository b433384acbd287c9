/**
 * Reading a learner's manifest safely. The text comes from an editor, a file or stdin, so it may
 * be huge, not YAML at all, or a "billion laughs" alias bomb: js-yaml shares aliased nodes by
 * reference, so loading is cheap, but anything that later walks the tree (a rule, JSON output)
 * would expand it. src/content/safe-yaml.ts walks it once with a node budget and a depth limit,
 * and refuses it before anyone else does.
 */
import yaml from 'js-yaml';
import {loadYamlSafely} from '../content/safe-yaml.js';

/** Larger than any Pod manifest a lesson asks for, small enough to parse instantly. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
/** Nodes visited when every alias is expanded; a real Pod manifest has a few hundred. */
export const MAX_MANIFEST_NODES = 100_000;

export type ManifestObject = Record<string, unknown>;

/** A field path inside a manifest, e.g. ['spec', 'containers', 1, 'name']. */
export type FieldPath = readonly (string | number)[];

export type ManifestParse =
	| {
			readonly ok: true;
			/** The first object; the only one when the learner sent what was asked. */
			readonly manifest: ManifestObject;
			/** Every object of the file, so a checker can say what else was sent. */
			readonly documents: readonly ManifestObject[];
			/** 1-based line of the deepest mapping or list on `path` in the first object, as near as known. */
			readonly lineOf: (path: FieldPath) => number | undefined;
	  }
	| {
			readonly ok: false;
			/** The whole message, starting with the origin (and line:column when known). */
			readonly error: string;
			/** The same without the origin, for callers that name the place themselves. */
			readonly detail: string;
	  };

function fail(origin: string, detail: string, where = ''): ManifestParse {
	return {
		ok: false,
		error: `${origin}${where}: ${detail}`,
		detail: where ? `line ${where.slice(1).replace(':', ', column ')}: ${detail}` : detail,
	};
}

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'boolean') return 'a true/false value';
	return `a ${typeof value} value`;
}

/** Parses one YAML mapping (a Kubernetes object). Every refusal names the origin and says what to do. */
export function parseManifest(source: string, origin: string): ManifestParse {
	const bytes = Buffer.byteLength(source, 'utf8');
	if (bytes > MAX_MANIFEST_BYTES) {
		return fail(
			origin,
			`the manifest is ${(bytes / 1024 / 1024).toFixed(1)} MB; a Pod manifest is a few KB (the limit is 1 MB)`,
		);
	}
	// CORE_SCHEMA: plain YAML types only, so a date-looking string stays a string as in kubectl.
	// loadYamlSafely: a depth and alias budget, so a hostile file is refused with its line.
	const loaded = loadYamlSafely(source, {
		schema: yaml.CORE_SCHEMA,
		maxNodes: MAX_MANIFEST_NODES,
		noun: 'manifest',
	});
	if (!loaded.ok) {
		const where = loaded.line === undefined ? '' : `:${loaded.line}${loaded.column ? `:${loaded.column}` : ''}`;
		return fail(origin, loaded.message, where);
	}
	const {documents, lines} = loaded;
	const present = documents.filter((doc) => doc !== null && doc !== undefined);
	if (present.length === 0) {
		return fail(origin, `the manifest is empty: write a Pod, starting with "apiVersion: v1" and "kind: Pod"`);
	}
	for (const [index, manifest] of present.entries()) {
		if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
			const which = present.length > 1 ? `document ${index + 1} of the file` : 'the manifest';
			return fail(
				origin,
				`${which} is ${describe(manifest)}, not a mapping: a Kubernetes object starts with keys such as "apiVersion:", "kind:" and "metadata:"`,
			);
		}
	}
	const objects = present as ManifestObject[];
	const lineOf = (path: FieldPath): number | undefined => {
		let node: unknown = objects[0];
		let line = lines.get(objects[0]);
		for (const key of path) {
			node =
				node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
			if (node === null || typeof node !== 'object') break;
			line = lines.get(node) ?? line;
		}
		return line;
	};
	return {ok: true, manifest: objects[0], documents: objects, lineOf};
}

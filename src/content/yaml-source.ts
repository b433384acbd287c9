import {loadYamlSafely} from './safe-yaml.js';

/** A parsed YAML document that can say on which line a field stands. */
export interface YamlSource {
	readonly value: unknown;
	/** 1-based line of the field at `path` (e.g. ['steps', 4, 'exercise']), as near as is known. */
	lineOf(path: readonly (string | number)[]): number | undefined;
}

export type YamlResult =
	| {readonly ok: true; readonly source: YamlSource}
	| {readonly ok: false; readonly message: string; readonly line?: number};

/** Lesson files are small; anything this big is a mistake, not a lesson. */
export const MAX_LESSON_FILE_BYTES = 512 * 1024;

/**
 * Parses one YAML document, remembering where each mapping and sequence starts (loadYamlSafely
 * maps each composed node to its first line).
 */
export function parseYamlSource(text: string): YamlResult {
	if (text.length > MAX_LESSON_FILE_BYTES) {
		return {ok: false, message: `the file is larger than ${MAX_LESSON_FILE_BYTES / 1024} KiB`};
	}
	const loaded = loadYamlSafely(text);
	if (!loaded.ok) return {ok: false, message: loaded.message, line: loaded.line};
	const {lines} = loaded;
	if (loaded.documents.length > 1) {
		return {
			ok: false,
			line: loaded.documentLines[1],
			message: `the file holds ${loaded.documents.length} YAML documents (separated by "---"); a lesson or exercise file is one document`,
		};
	}
	const value: unknown = loaded.documents[0];
	const textLines = text.split('\n');
	return {
		ok: true,
		source: {
			value,
			lineOf(path) {
				let node: unknown = value;
				let line: number | undefined = lines.get(value as object);
				for (const key of path) {
					if (node === null || typeof node !== 'object') break;
					const next: unknown = (node as Record<string | number, unknown>)[key];
					if (next !== null && typeof next === 'object' && lines.has(next)) {
						line = lines.get(next);
						node = next;
						continue;
					}
					// A scalar (or missing) field: look for "key:" among its mapping's own lines, which
					// end where a line is indented less than the mapping's first key.
					if (typeof key === 'string' && line !== undefined) {
						const pattern = new RegExp(`^\\s*(?:-\\s+)?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`);
						// A nested mapping "opens" on its parent's key line ("recorded:"); its keys start below.
						let from = line - 1;
						if (/:\s*(#.*)?$/.test(textLines[from] ?? '')) {
							from++;
							while (from < textLines.length && /^\s*(#.*)?$/.test(textLines[from])) from++;
						}
						const first = /^(\s*(?:-\s+)?)/.exec(textLines[from] ?? '')?.[1].length ?? 0;
						for (let i = from; i < textLines.length; i++) {
							const text = textLines[i];
							const indent = /^\s*/.exec(text)?.[0].length ?? 0;
							if (i > from && text.trim() !== '' && !text.trim().startsWith('#') && indent < first) break;
							if ((i === from || indent === first) && pattern.test(text)) return i + 1;
						}
					}
					return line;
				}
				return line;
			},
		},
	};
}

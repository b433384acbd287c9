/**
 * js-yaml with the limits a file from outside needs: lesson files, exercise files and diagram
 * specs all come from packs anyone can write.
 *
 * - Depth: js-yaml composes nodes recursively, so 10,000 nested `[` or indented keys end in
 *   "Maximum call stack size exceeded" with no line. Its listener reports each node as it opens,
 *   with the parser's line, so nesting is counted there and refused, with the line, long before.
 * - Size after aliases: js-yaml shares an aliased node by reference, so a "billion laughs" file
 *   loads instantly and explodes later, in whatever walks the tree (a validator, JSON output).
 *   The tree is walked once here, without recursion, with a node budget.
 * - Documents: every document's first line is kept, so "a second document" can say where.
 */
import yaml from 'js-yaml';

/** Far deeper than any lesson or Pod (about 12 levels), far shallower than the stack allows. */
export const MAX_YAML_DEPTH = 100;
/** Nodes with every alias copied out; a lesson or a Pod has a few thousand at most. */
export const MAX_YAML_NODES = 200_000;

export type SafeYaml =
	| {
			readonly ok: true;
			readonly documents: readonly unknown[];
			readonly documentLines: readonly number[];
			/** The line (from 1) each mapping and list starts on: js-yaml keeps no positions itself. */
			readonly lines: ReadonlyMap<object, number>;
	  }
	| {readonly ok: false; readonly message: string; readonly line?: number; readonly column?: number};

class TooDeep extends Error {
	constructor(readonly line: number) {
		super('too deep');
	}
}

/** Counts nodes as if every alias were copied out, without recursion; false past the budget or on a cycle. */
function withinBudget(roots: readonly unknown[], budget: number): 'ok' | 'budget' | 'cycle' {
	let visited = 0;
	// Each entry: a node, and whether its children were already pushed (then it leaves the path).
	const stack: {node: unknown; leaving: boolean}[] = roots.map((node) => ({node, leaving: false}));
	const onPath = new Set<object>();
	while (stack.length > 0) {
		const top = stack.pop()!;
		if (top.leaving) {
			onPath.delete(top.node as object);
			continue;
		}
		if (++visited > budget) return 'budget';
		const node = top.node;
		if (node === null || typeof node !== 'object') continue;
		if (onPath.has(node)) return 'cycle';
		onPath.add(node);
		stack.push({node, leaving: true});
		for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push({node: child, leaving: false});
	}
	return 'ok';
}

/** Parses every document in `text` within the limits above; never throws. */
export function loadYamlSafely(
	text: string,
	options: {
		readonly schema?: yaml.Schema;
		/** The node budget with aliases copied out (MAX_YAML_NODES unless told). */
		readonly maxNodes?: number;
		/** What the text is, in the messages: "file" unless told ("manifest"). */
		readonly noun?: string;
	} = {},
): SafeYaml {
	const maxNodes = options.maxNodes ?? MAX_YAML_NODES;
	const noun = options.noun ?? 'file';
	let depth = 0;
	const documentLines: number[] = [];
	// js-yaml's listener reports an open/close pair per node with the parser's line; the result is
	// only known at close, so each open's line waits on a stack until its node closes.
	const starts: number[] = [];
	const lines = new Map<object, number>();
	let documents: unknown[];
	try {
		documents = yaml.loadAll(text, undefined, {
			json: false,
			...(options.schema ? {schema: options.schema} : {}),
			listener(event, state) {
				if (event === 'open') {
					if (depth === 0) documentLines.push(state.line + 1);
					if (++depth > MAX_YAML_DEPTH) throw new TooDeep(state.line + 1);
					starts.push(state.line);
					return;
				}
				depth--;
				const line = starts.pop();
				const node: unknown = state.result;
				if (line !== undefined && node !== null && typeof node === 'object' && !lines.has(node))
					lines.set(node, line + 1);
			},
		});
	} catch (error) {
		if (error instanceof TooDeep) {
			return {
				ok: false,
				line: error.line,
				message: `nested more than ${MAX_YAML_DEPTH} levels deep; no lesson or Pod needs that`,
			};
		}
		const e = error as {reason?: string; mark?: {line?: number; column?: number}; message?: string};
		const line = e.mark?.line === undefined ? undefined : e.mark.line + 1;
		const column = e.mark?.column === undefined ? undefined : e.mark.column + 1;
		return {ok: false, message: `not valid YAML: ${e.reason ?? e.message ?? String(error)}`, line, column};
	}
	const walk = withinBudget(documents, maxNodes);
	if (walk === 'cycle')
		return {
			ok: false,
			message: `a YAML alias (*name) refers to a node that contains it, so the ${noun} never ends; write the values out`,
		};
	if (walk === 'budget') {
		return {
			ok: false,
			message: `YAML aliases (*name) expand the ${noun} to more than ${maxNodes} values; write the values out instead of nesting aliases`,
		};
	}
	return {ok: true, documents, documentLines, lines};
}

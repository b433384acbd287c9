/**
 * Comparing two command lines the way the tool reads them: `sudo` and a `$ ` prompt left out,
 * flags in any order, `-v` the same as `--verbose`, `--output=json` the same as `-o json`,
 * `-it` the same as `-i -t`. Positional arguments keep their order.
 */

export interface ParsedCommand {
	readonly tool: string;
	readonly positionals: readonly string[];
	/** Long flag name to value ('' for a flag without one). */
	readonly flags: ReadonlyMap<string, string>;
}

interface ToolFlags {
	/** Short letter to long name. */
	readonly short: Readonly<Record<string, string>>;
	/** Long names that take a value. */
	readonly valued: ReadonlySet<string>;
	/** Flags that choose how to reach the runtime or cluster, not what the command does: ignored. */
	readonly connection?: ReadonlySet<string>;
	/** Short letters of the connection flags, which come before the subcommand. */
	readonly globalShort?: Readonly<Record<string, string>>;
}

const TOOLS: Readonly<Record<string, ToolFlags>> = {
	crictl: {
		short: {v: 'verbose', a: 'all', q: 'quiet', o: 'output', n: 'namespace', s: 'state', l: 'latest', p: 'pod'},
		valued: new Set([
			'output',
			'namespace',
			'state',
			'pod',
			'name',
			'label',
			'id',
			'image',
			'runtime-endpoint',
			'image-endpoint',
			'timeout',
			'config',
		]),
		connection: new Set(['runtime-endpoint', 'image-endpoint', 'timeout', 'config', 'debug']),
		globalShort: {r: 'runtime-endpoint', i: 'image-endpoint', t: 'timeout', c: 'config', D: 'debug'},
	},
	kubectl: {
		short: {
			n: 'namespace',
			o: 'output',
			c: 'container',
			f: 'filename',
			l: 'selector',
			A: 'all-namespaces',
			i: 'stdin',
			t: 'tty',
			w: 'watch',
		},
		valued: new Set([
			'namespace',
			'output',
			'container',
			'filename',
			'selector',
			'image',
			'target',
			'context',
			'replicas',
			'copy-to',
			'kubeconfig',
			'cluster',
			'user',
			'request-timeout',
		]),
		connection: new Set(['context', 'kubeconfig', 'cluster', 'user', 'request-timeout']),
	},
	nsenter: {
		short: {t: 'target', n: 'net', m: 'mount', u: 'uts', i: 'ipc', p: 'pid', U: 'user', a: 'all'},
		valued: new Set(['target']),
	},
	podman: {
		short: {a: 'all', q: 'quiet', f: 'format', i: 'interactive', t: 'tty', p: 'pod'},
		valued: new Set(['format', 'pod', 'name', 'filter']),
	},
};

const NO_FLAGS: ToolFlags = {short: {}, valued: new Set()};

function tokens(text: string): string[] {
	const out: string[] = [];
	for (const match of text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) out.push(match[1] ?? match[2] ?? match[3]);
	return out;
}

/** The command's parts, or undefined when the text holds no command at all. */
export function parseCommand(text: string): ParsedCommand | undefined {
	const words = tokens(
		text
			.normalize('NFKC')
			.trim()
			.replace(/^[$#]\s*/, ''),
	);
	if (words[0] === 'sudo') {
		words.shift();
		while (words[0]?.startsWith('-')) words.shift();
	}
	const tool = words.shift()?.toLowerCase();
	if (tool === undefined) return undefined;
	const spec = TOOLS[tool] ?? NO_FLAGS;
	const positionals: string[] = [];
	const flags = new Map<string, string>();
	for (let i = 0; i < words.length; i += 1) {
		const word = words[i];
		if (word.startsWith('--') && word.length > 2) {
			const eq = word.indexOf('=');
			const name = (eq > 0 ? word.slice(2, eq) : word.slice(2)).toLowerCase();
			let value = eq > 0 ? word.slice(eq + 1) : '';
			if (eq < 0 && spec.valued.has(name) && words[i + 1] !== undefined) value = words[(i += 1)];
			flags.set(name, value);
		} else if (word.startsWith('-') && word.length > 1 && !/^-\d/.test(word)) {
			const body = word.slice(1).replace(/=.*$/, '');
			const inline = word.includes('=') ? word.slice(word.indexOf('=') + 1) : undefined;
			for (let j = 0; j < body.length; j += 1) {
				const globalName = positionals.length === 0 ? spec.globalShort?.[body[j]] : undefined;
				const name = globalName ?? (spec.short[body[j]] || body[j]);
				if (spec.valued.has(name)) {
					// -ojson, -o json and -o=json all give the value.
					const rest = body.slice(j + 1);
					const value = inline ?? (rest !== '' ? rest : words[i + 1] !== undefined ? words[(i += 1)] : '');
					flags.set(name, value);
					break;
				}
				flags.set(name, '');
			}
		} else {
			positionals.push(word);
		}
	}
	for (const name of spec.connection ?? []) flags.delete(name);
	return {tool, positionals, flags};
}

export function sameCommand(a: ParsedCommand, b: ParsedCommand): boolean {
	if (a.tool !== b.tool || a.positionals.length !== b.positionals.length) return false;
	if (!a.positionals.every((word, i) => word === b.positionals[i])) return false;
	if (a.flags.size !== b.flags.size) return false;
	return [...a.flags].every(([name, value]) => b.flags.get(name)?.toLowerCase() === value.toLowerCase());
}

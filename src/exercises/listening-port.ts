/**
 * The port a container's process will listen on, read from its command and args the way a
 * reader of the manifest would: `--port=9090`, `--metrics-port 9090`, `-p 8080` (busybox httpd),
 * `--listen=:9090`, `--web.listen-address=0.0.0.0:9090`, also inside an `sh -c "..."` script.
 * `containerPort` is only a label; this is what really binds, so the two must agree.
 */

export interface ListeningPort {
	readonly port: number;
	/** The words it was read from, e.g. "--port=8080", to quote back to the learner. */
	readonly source: string;
}

const PORT_FLAG = /^--?[a-z0-9.-]*port$/i;
const ADDRESS_FLAG = /^--?[a-z0-9.-]*(listen|addr|address|bind)[a-z0-9.-]*$/i;

function portIn(value: string, addressOnly: boolean): number | undefined {
	const match = addressOnly ? /^(?:[\w.[\]-]*):(\d{1,5})$/.exec(value) : /^(?:[\w.[\]-]*:)?(\d{1,5})$/.exec(value);
	if (!match) return undefined;
	const port = Number(match[1]);
	return port >= 1 && port <= 65535 ? port : undefined;
}

function scan(words: readonly string[], out: ListeningPort[]): void {
	for (let i = 0; i < words.length; i += 1) {
		const word = words[i];
		const eq = word.indexOf('=');
		const flag = eq > 0 ? word.slice(0, eq) : word;
		const inline = eq > 0 ? word.slice(eq + 1) : undefined;
		const isPort = PORT_FLAG.test(flag) || flag === '-p';
		const isAddress = !isPort && ADDRESS_FLAG.test(flag);
		if (!isPort && !isAddress) continue;
		const value = inline ?? words[i + 1];
		if (value === undefined) continue;
		const port = portIn(value, isAddress);
		if (port !== undefined) out.push({port, source: inline !== undefined ? word : `${word} ${value}`});
	}
}

/** Ports named in command and args; a shell script given to `sh -c` is read word by word too. */
export function listeningPorts(command: readonly unknown[], args: readonly unknown[]): ListeningPort[] {
	const isWord = (w: unknown): w is string | number => typeof w === 'string' || typeof w === 'number';
	const words = [...command, ...args].filter(isWord).map(String);
	const out: ListeningPort[] = [];
	const split = words.flatMap((word) =>
		/\s/.test(word) ? word.split(/[\s;&|'"]+/).filter((w) => w !== '') : [word],
	);
	scan(split, out);
	const seen = new Set<number>();
	return out.filter((entry) => (seen.has(entry.port) ? false : (seen.add(entry.port), true)));
}

/**
 * Reads a process's namespaces from /proc/PID/ns/*. Two processes are in the same namespace
 * exactly when the links read the same (`net:[4026532177]`). Needs the right to read the other
 * process's /proc entries: root, or the same user.
 */
import {readlink} from 'node:fs/promises';
import {NS_TYPES, type NsInodes} from './backend.js';

export type ReadLink = (path: string) => Promise<string>;

export async function readProcNamespaces(pid: number, read: ReadLink = readlink): Promise<{inodes: NsInodes; errors: string[]}> {
	const inodes: Record<string, string> = {};
	const errors: string[] = [];
	await Promise.all(
		NS_TYPES.map(async (type) => {
			try {
				inodes[type] = await read(`/proc/${pid}/ns/${type}`);
			} catch (error) {
				const code = (error as NodeJS.ErrnoException).code;
				errors.push(
					code === 'EACCES' || code === 'EPERM'
						? `/proc/${pid}/ns/${type}: permission denied (run as root or as the user the container runs as)`
						: `/proc/${pid}/ns/${type}: ${code ?? String(error)}`,
				);
			}
		}),
	);
	return {inodes: inodes as NsInodes, errors};
}

/** Parses `readlink /proc/self/ns/net` output from inside a container. */
export function parseNsLink(text: string): string | undefined {
	const match = /^(net|uts|ipc|pid|mnt):\[\d+\]$/m.exec(text.trim());
	return match ? match[0] : undefined;
}

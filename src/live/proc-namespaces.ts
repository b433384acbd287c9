/**
 * Reads a process's namespaces from /proc/PID/ns/*. Two processes are in the same namespace
 * exactly when the links read the same (`net:[4026532177]`). Needs the right to read the other
 * process's /proc entries: root, or the same user.
 */
import {readlink} from 'node:fs/promises';
import {NS_TYPES, type NsInodes} from './backend.js';
import {lastLines, succeeded, type RunResult} from './command-runner.js';

export type ReadLink = (path: string) => Promise<string>;

export async function readProcNamespaces(
	pid: number,
	read: ReadLink = readlink,
): Promise<{inodes: NsInodes; errors: string[]}> {
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

/**
 * Reads each namespace link from inside a container (kubectl exec, crictl exec), where the
 * host's /proc is out of reach: `run` runs `readlink /proc/self/ns/TYPE` there. busybox's
 * readlink takes one file, hence one run per kind.
 */
export async function readNamespacesInside(
	who: string,
	run: (type: string) => Promise<RunResult>,
): Promise<{inodes: NsInodes; errors: string[]}> {
	const inodes: Record<string, string> = {};
	const errors: string[] = [];
	await Promise.all(
		NS_TYPES.map(async (type) => {
			const result = await run(type);
			const link = succeeded(result) ? parseNsLink(result.stdout) : undefined;
			if (link) inodes[type] = link;
			else
				errors.push(
					`${who}: readlink /proc/self/ns/${type} failed: ${lastLines(result.stderr, 2) || result.error || 'no output'}`,
				);
		}),
	);
	return {inodes: inodes as NsInodes, errors};
}

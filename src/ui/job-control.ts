import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';

/** What job control needs to know of a process: its parent, its process group and its session. */
export interface ProcessIds {
	readonly pid: number;
	readonly ppid: number;
	readonly pgid: number;
	readonly sid: number;
}

/** Enough for any real process tree; a loop in a made-up one ends here. */
const MAX_ANCESTORS = 64;

/**
 * Whether stopping the process `self` (Ctrl+Z) leaves someone who can continue it: a job-control
 * shell. Such a shell puts each job in a process group of its own and stays in the session, outside
 * that group, to `fg` it. So stopping is safe when the first ancestor outside our process group
 * is in our session: the group is not orphaned, the test the kernel itself applies before it
 * stops a group on SIGTSTP. It is not safe in the session leader's group (`ssh host pod-tutor`,
 * sshd's ForceCommand, `script -c`, `exec pod-tutor`: `sh -c` runs us without job control), nor
 * when what started the group is in another session (sshd) or is unknown.
 */
export function canStopSafely(self: number, lookup: (pid: number) => ProcessIds | undefined): boolean {
	const me = lookup(self);
	if (!me || me.pgid === me.sid) return false;
	let current = me;
	for (let i = 0; i < MAX_ANCESTORS; i++) {
		if (current.ppid <= 0) return false;
		const parent = lookup(current.ppid);
		if (!parent) return false;
		if (parent.pgid !== me.pgid) return parent.sid === me.sid;
		current = parent;
	}
	return false;
}

/** A process's ids from /proc/PID/stat (Linux), where the name in parentheses may hold anything. */
export function parseProcStat(stat: string): ProcessIds | undefined {
	const pid = Number.parseInt(stat, 10);
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	// state ppid pgrp session ...
	const [ppid, pgid, sid] = fields.slice(1, 4).map(Number);
	return [pid, ppid, pgid, sid].every(Number.isInteger) ? {pid, ppid, pgid, sid} : undefined;
}

export function procIds(pid: number): ProcessIds | undefined {
	try {
		return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
	} catch {
		return undefined;
	}
}

/** Without /proc (macOS, the BSDs): one `ps` for every process; `sess` names the session there. */
function fromPs(): (pid: number) => ProcessIds | undefined {
	const table = new Map<number, ProcessIds>();
	const listed = spawnSync('ps', ['-A', '-o', 'pid=,ppid=,pgid=,sess='], {encoding: 'utf8', timeout: 2000});
	for (const line of (listed.stdout ?? '').split('\n')) {
		const [pid, ppid, pgid, sid] = line.trim().split(/\s+/).map(Number);
		if ([pid, ppid, pgid, sid].every(Number.isInteger)) table.set(pid, {pid, ppid, pgid, sid});
	}
	return (pid) => table.get(pid);
}

/**
 * Whether this process may stop itself on Ctrl+Z (see canStopSafely). Asked at the moment of the
 * key, not at start-up: a shell that went away meanwhile leaves the group orphaned.
 */
export function suspendIsSafe(): boolean {
	const lookup = procIds(process.pid) ? procIds : fromPs();
	return canStopSafely(process.pid, lookup);
}

import {spawn} from 'node:child_process';
import {waitFor} from '../helpers/wait-for.js';
import {describe, expect, it} from 'vitest';
import {canStopSafely, parseProcStat, procIds, type ProcessIds} from '../../src/ui/job-control.js';

/** A made-up process table: [pid, ppid, pgid, sid]. */
function table(...rows: Array<[number, number, number, number]>): (pid: number) => ProcessIds | undefined {
	const byPid = new Map(rows.map(([pid, ppid, pgid, sid]) => [pid, {pid, ppid, pgid, sid}]));
	return (pid) => byPid.get(pid);
}

describe('whether Ctrl+Z may stop the tutor', () => {
	it('yes under a job-control shell: the tutor has a group of its own, the shell waits outside it in the session', () => {
		// sshd (its own session) > bash (session leader) > node (job 300).
		const lookup = table([100, 1, 100, 100], [200, 100, 200, 200], [300, 200, 300, 200]);
		expect(canStopSafely(300, lookup)).toBe(true);
		// A wrapper in the same job (npx, a pipeline): the shell is found above it.
		const wrapped = table([100, 1, 100, 100], [200, 100, 200, 200], [300, 200, 300, 200], [301, 300, 300, 200]);
		expect(canStopSafely(301, wrapped)).toBe(true);
	});

	it('no in the session leader’s group: `ssh host pod-tutor`, a ForceCommand, `sh -c`, `exec pod-tutor`', () => {
		// sshd > sh -c (session leader, no job control) > node in the same group.
		expect(canStopSafely(300, table([100, 1, 100, 100], [200, 100, 200, 200], [300, 200, 200, 200]))).toBe(false);
		// sh exec'd node: node leads the session itself.
		expect(canStopSafely(200, table([100, 1, 100, 100], [200, 100, 200, 200]))).toBe(false);
	});

	it('no when what started the group is in another session, or cannot be read', () => {
		// A group of its own whose parent is in another session (setsid'd and reparented, sshd).
		expect(canStopSafely(300, table([100, 1, 100, 100], [300, 100, 300, 250]))).toBe(false);
		// The parent is gone from the table.
		expect(canStopSafely(300, table([300, 200, 300, 200]))).toBe(false);
		expect(canStopSafely(300, table())).toBe(false);
		// A table that loops within the group never answers yes.
		expect(canStopSafely(300, table([300, 301, 300, 200], [301, 300, 300, 200]))).toBe(false);
	});

	it('reads ids from /proc/PID/stat, a command name with spaces and parentheses included', () => {
		expect(parseProcStat('4242 (a (b) c) S 17 4242 17 34816 4242 4194560 0 0')).toEqual({
			pid: 4242,
			ppid: 17,
			pgid: 4242,
			sid: 17,
		});
		expect(parseProcStat('garbage')).toBeUndefined();
	});

	it('answers for real processes: no for a session leader, yes for a group of its own under this one', async () => {
		const started = (argv: string[]) => spawn(argv[0], argv.slice(1), {stdio: 'ignore'});
		// setsid makes the child lead a session of its own: nobody there can fg it.
		const leader = started(['setsid', 'sleep', '30']);
		// A group of its own, its parent (this process) in the same session outside that group, as a
		// shell makes a job (node's `detached` would make a new session instead).
		const job = started(['perl', '-e', 'setpgrp(0, 0); exec "sleep", "30"']);
		try {
			await waitFor(
				() => [leader.pid!, job.pid!].map((pid) => procIds(pid)?.pgid ?? 0),
				(groups) => procIds(leader.pid!)?.sid === leader.pid && groups[1] === job.pid,
				'both children running',
			);
			expect(canStopSafely(leader.pid!, procIds)).toBe(false);
			expect(procIds(job.pid!)!.pgid).toBe(job.pid);
			expect(procIds(job.pid!)!.sid).toBe(procIds(process.pid)!.sid);
			expect(canStopSafely(job.pid!, procIds)).toBe(true);
		} finally {
			leader.kill('SIGKILL');
			job.kill('SIGKILL');
		}
	});
});

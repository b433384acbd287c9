import {EventEmitter} from 'node:events';
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {waitFor} from '../helpers/wait-for.js';
import {describe, expect, it} from 'vitest';
import {oneLine, saveErrorDetails} from '../../src/error-report.js';
import {startCommand} from '../../src/live/command-runner.js';
import {signalExitCode, withTerminal} from '../../src/ui/terminal-session.js';

class FakeStdin extends EventEmitter {
	isTTY = true;
	modes: boolean[] = [];
	setRawMode(on: boolean) {
		this.modes.push(on);
		return this;
	}
	pause() {
		return this;
	}
	resume() {
		return this;
	}
}

class FakeStdout extends EventEmitter {
	columns = 80;
	rows = 24;
	written = '';
	write(data: string) {
		this.written += data;
		return true;
	}
}

function io() {
	const stdin = new FakeStdin();
	const stdout = new FakeStdout();
	return {
		stdin,
		stdout,
		both: {stdin: stdin as unknown as NodeJS.ReadStream, stdout: stdout as unknown as NodeJS.WriteStream},
	};
}

/** Processes of a process group that are still alive (a killed one may linger as a zombie until reaped). */
function liveMembersOf(group: number): number[] {
	const alive: number[] = [];
	for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
		try {
			const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
			const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (Number(pgrp) === group && state !== 'Z') alive.push(Number(pid));
		} catch {
			// Gone meanwhile.
		}
	}
	return alive;
}

const SIGNALS = [
	'SIGHUP',
	'SIGINT',
	'SIGTERM',
	'SIGTSTP',
	'SIGCONT',
	'uncaughtException',
	'unhandledRejection',
] as const;

describe('withTerminal', () => {
	it('restores the terminal and removes its handlers when the body fails, and passes the failure on', async () => {
		const {stdin, stdout, both} = io();
		const before = SIGNALS.map((s) => process.listenerCount(s));
		let during: number[] = [];
		const failure = new Error('boom');
		await expect(
			withTerminal(both, async (terminal) => {
				during = SIGNALS.map((s) => process.listenerCount(s));
				terminal.writer.draw(['frame']);
				throw failure;
			}),
		).rejects.toBe(failure);
		expect(during.every((n, i) => n === before[i] + 1)).toBe(true);
		expect(SIGNALS.map((s) => process.listenerCount(s))).toEqual(before);
		expect(stdin.modes).toEqual([true, false]);
		// Alternate screen and bracketed paste on, the frame, then both off and the cursor shown once.
		expect(stdout.written.indexOf('\u001B[?1049h')).toBeLessThan(stdout.written.indexOf('frame'));
		expect(stdout.written.endsWith('\u001B[?2004l\u001B[?25h\u001B[?1049l')).toBe(true);
		expect(stdout.written.split('\u001B[?25h').length - 1).toBe(1);
	});

	it('resolves with what the body returns after leaving the screen, and nothing is drawn afterwards', async () => {
		const {stdout, both} = io();
		let keep: {draw: (lines: string[]) => void} | undefined;
		const code = await withTerminal(both, async (terminal) => {
			keep = terminal.writer;
			return 0;
		});
		expect(code).toBe(0);
		const after = stdout.written.length;
		keep?.draw(['late']);
		expect(stdout.written.length).toBe(after);
	});

	it('stops the commands still running, their whole process group, before it returns', async () => {
		const {both} = io();
		let group = 0;
		await withTerminal(both, async () => {
			// A command that leaves a grandchild behind in its group, and ignores SIGTERM.
			const command = startCommand({
				file: 'sh',
				args: ['-c', "trap '' TERM; sleep 30 & sleep 30"],
				timeoutMs: 60000,
				killGraceMs: 200,
			});
			group = command.pid!;
			// Both sleeps started: the grandchild is in the group before the tutor ends.
			await waitFor(
				() => liveMembersOf(group).length,
				(n) => n >= 3,
				'sh and its two sleeps',
			);
			return 0;
		});
		expect(group).toBeGreaterThan(0);
		expect(liveMembersOf(group)).toEqual([]);
	});

	it('Ctrl+Z where no shell could resume the tutor: nothing stops, the screen stays, the refusal is reported', async () => {
		const {stdin, stdout, both} = io();
		let refused = 0;
		let asked = 0;
		const keys: string[] = [];
		await withTerminal(
			{
				...both,
				canSuspend: () => {
					asked++;
					return false;
				},
			},
			async (terminal) => {
				terminal.setConsumer((sequence) => keys.push(sequence));
				terminal.onSuspendRefused(() => refused++);
				stdin.emit('data', Buffer.from('a\u001Ab'));
				process.emit('SIGTSTP', 'SIGTSTP');
				// Still on the screen, raw mode never left: the process is running (it got here).
				expect(stdout.written).not.toContain('\u001B[?1049l');
				expect(stdin.modes).toEqual([true]);
				return 0;
			},
		);
		expect([asked, refused]).toEqual([2, 2]);
		expect(keys).toEqual(['a', 'b']);
	});

	it('gives 128 + the signal number for the signals that end the tutor', () => {
		expect([signalExitCode('SIGHUP'), signalExitCode('SIGINT'), signalExitCode('SIGTERM')]).toEqual([
			129, 130, 143,
		]);
	});
});

describe('the report of an unexpected failure', () => {
	it('writes the details to a file only the learner can read, and says it in one line', () => {
		const dir = mkdtempSync(join(tmpdir(), 'pod-tutor-error-'));
		try {
			const file = saveErrorDetails(new Error('it broke'), {POD_TUTOR_CONFIG_DIR: dir});
			expect(file).toBe(join(dir, 'last-error.log'));
			expect(statSync(file!).mode & 0o777).toBe(0o600);
			expect(readFileSync(file!, 'utf8')).toMatch(/it broke\n\s+at /);
			expect(oneLine('two\nlines \u001B]0;title\u0007')).not.toMatch(/[\n\u001B\u0007]/);
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});
});

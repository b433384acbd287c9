/**
 * The terminal owner with a real command under way: a command step that runs for minutes in the
 * lesson Pod (real podman, a real terminal in tmux), and the tutor killed or hung up on meanwhile.
 * It must exit 128 + the signal, give the terminal back, and leave none of its children running.
 */
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {runCommand} from '../../src/live/command-runner.js';
import {LESSON_POD} from '../../src/live/tutor-live-actions.js';
import {TmuxSession} from '../helpers/tmux-session.js';
import {waitFor} from '../helpers/wait-for.js';
import {repoRoot} from '../tutor/course-fixture.js';

const image = process.env.POD_TUTOR_LIVE_IMAGE ?? 'localhost/busybox:tutor';
const pack = mkdtempSync(join(tmpdir(), 'pod-tutor-long-pack-'));
let configDir = '';
let session: TmuxSession | undefined;

// A pack of one lesson whose command step sleeps in app for five minutes.
mkdirSync(join(pack, 'lessons'));
mkdirSync(join(pack, 'exercises'));
writeFileSync(
	join(pack, 'lessons', '01-long.yaml'),
	[
		'id: long-command',
		'title: A command that takes its time',
		'summary: One command step that runs for minutes.',
		'sources: [https://kubernetes.io/docs/concepts/workloads/pods/]',
		'steps:',
		'  - kind: text',
		'    title: Before',
		'    body: The next step runs a long command.',
		'  - kind: command',
		'    title: Sleeping in app',
		'    topics: [pod]',
		'    tool: kubectl',
		'    args: [exec, "{pod}", -c, app, --, sh, -c, "echo sleeping; sleep 300"]',
		'    scenario: web-app',
		'    expect: "^sleeping$"',
		'    podman:',
		'      args: [exec, "{pod}-app", sh, -c, "echo sleeping; sleep 300"]',
		'      expect: "^sleeping$"',
		'    recorded:',
		'      exitCode: 0',
		'      output: sleeping',
		'',
	].join('\n'),
);

afterEach(() => {
	session?.stop();
	session = undefined;
	if (configDir) rmSync(configDir, {recursive: true, force: true});
});

afterAll(async () => {
	rmSync(pack, {recursive: true, force: true});
	await runCommand({
		file: 'podman',
		args: ['pod', 'rm', '--force', '--ignore', '--time', '0', LESSON_POD.pod],
		timeoutMs: 120_000,
	});
});

/** Every descendant of a process, read from /proc (children of children too). */
function descendants(pid: number): number[] {
	const parents = new Map<number, number[]>();
	for (const entry of execFileSync('ps', ['-e', '-o', 'pid=,ppid='], {encoding: 'utf8'}).trim().split('\n')) {
		const [child, parent] = entry.trim().split(/\s+/).map(Number);
		parents.set(parent, [...(parents.get(parent) ?? []), child]);
	}
	const out: number[] = [];
	const queue = [pid];
	while (queue.length > 0) {
		for (const child of parents.get(queue.shift()!) ?? []) {
			out.push(child);
			queue.push(child);
		}
	}
	return out;
}

function alive(pid: number): boolean {
	if (!existsSync(`/proc/${pid}/stat`)) return false;
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
	} catch {
		return false;
	}
}

function tutorPid(tutor: TmuxSession): number | undefined {
	const out = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', tutor.pane('#{pane_pid}')], {encoding: 'utf8'});
	const line = out.split('\n').find((l) => l.trim().endsWith('node'));
	return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
}

describe('a signal while a command runs for real', () => {
	for (const [signal, code] of [
		['SIGTERM', 143],
		['SIGHUP', 129],
	] as const) {
		it(`${signal}: exit ${code}, the terminal restored, none of the tutor's children left`, async () => {
			configDir = mkdtempSync(join(tmpdir(), 'pod-tutor-signal-'));
			session = new TmuxSession(80, 24);
			session.startShell({POD_TUTOR_CONFIG_DIR: configDir, LANG: 'C.UTF-8', TERM: 'xterm-256color'}, repoRoot);
			session.run(
				`node bin/pod-tutor.js --lessons ${pack} long-command --backend podman --image ${image}; echo "[exited $?]"`,
			);
			await session.waitFor((s) => s.includes('step 1/2'), 'the lesson');
			session.keys('Right');
			await session.waitFor((s) => s.includes('Enter: run it for real'), 'the command step');
			session.keys('Enter');
			// The scenario Pod is made (or found) first, then the command runs and prints its first line.
			await session.waitFor(
				(s) => s.includes("$ podman exec web-app-app sh -c 'echo sleeping; sleep 300'") && /running/.test(s),
				'the command under way',
				120_000,
			);
			const tutor = tutorPid(session);
			expect(tutor).toBeGreaterThan(0);
			const children = await waitFor(
				() => descendants(tutor!),
				(pids) =>
					pids.some((pid) => {
						try {
							return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('sleep 300');
						} catch {
							return false;
						}
					}),
				"the podman exec client among the tutor's children",
			);
			process.kill(tutor!, signal);
			const after = await session.waitFor((s) => /\[exited \d+\]/.test(s), 'the tutor to exit', 30_000);
			expect(after).toContain(`[exited ${code}]`);
			expect(session.pane('#{alternate_on}')).toBe('0');
			expect(session.pane('#{cursor_flag}')).toBe('1');
			// Every process the tutor had started is gone (the sleep inside the container is the
			// Pod's own process, not the tutor's: it ends with the Pod, on cleanup).
			expect(children.filter(alive)).toEqual([]);
			session.run('echo cooked-$((40+2))');
			await session.waitFor((s) => s.includes('cooked-42'), 'the shell working normally');
		}, 240_000);
	}
});

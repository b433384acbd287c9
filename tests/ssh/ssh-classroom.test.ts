/**
 * The classroom path end to end: a student logs in over a real sshd (`ssh -tt` inside tmux) and
 * uses the tutor as a class would: a C locale, NO_COLOR, a dumb terminal, and a connection that
 * drops mid-lesson. Run with `npm run test:classroom` (root: it makes a throwaway account).
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {
	chmodSync,
	chownSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {choiceStep, commandStep} from '../classroom/course-steps.js';
import {COLOUR_SGR, RecordedTerminal, SCREEN_CONTROL} from '../classroom/recorded-terminal.js';
import {processesOf, startSshLab, type SshLab} from './ssh-lab.js';

let lab: SshLab;
let terminal: RecordedTerminal | undefined;

beforeAll(async () => {
	lab = await startSshLab();
});
afterAll(() => lab?.stop());
afterEach(() => {
	terminal?.stop();
	terminal = undefined;
});
/** A fresh student each test: a saved position would reopen the tutor elsewhere. */
const forget = () => rmSync(join(lab.home, '.config/pod-tutor'), {recursive: true, force: true});
beforeEach(forget);

/** A student's ssh session running the tutor; `env` is the student's terminal environment, sent over ssh. */
function login(
	args: readonly string[],
	env: Record<string, string>,
	size: [number, number] = [80, 24],
): RecordedTerminal {
	const all = {POD_TUTOR_LAB_CONFIG: lab.labConfig, ...env};
	// TERM travels with -tt; the rest as a lab's sshd accepts them (AcceptEnv).
	const sent = Object.keys(all).filter((name) => name !== 'TERM');
	terminal = new RecordedTerminal(lab.sshArgv(['node', lab.bin, ...args], sent), all, size);
	return terminal;
}

/** Waits until none of the student's processes is left (sshd ends the session's on a hang-up). */
async function nothingLeftRunning(): Promise<void> {
	const deadline = Date.now() + 15_000;
	for (;;) {
		const left = processesOf(lab.user);
		if (left.length === 0) return;
		if (Date.now() > deadline) throw new Error(`still running for ${lab.user}:\n${left.join('\n')}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

function progress(): {
	exercises: Record<string, {attempts: number; correct: boolean}>;
	last?: {lessonId: string; step: number};
} {
	return JSON.parse(readFileSync(join(lab.home, '.config/pod-tutor/progress.json'), 'utf8'));
}

describe('over ssh', () => {
	it('under LANG=C the student gets ASCII; quitting restores the terminal and leaves nothing running', async () => {
		const t = login([], {LANG: 'C', TERM: 'xterm-256color'});
		const home = await t.session.waitFor((s) => s.includes('lessons done'), 'the home screen');
		expect(home).toMatch(/^[\x20-\x7E\n]*$/);
		t.session.keys('q');
		await t.session.waitFor((s) => s.includes('[exited 0]'), 'ssh to end');
		const output = t.output();
		// The alternate screen entered once and left at the end.
		expect(output.lastIndexOf('\u001B[?1049l')).toBeGreaterThan(output.lastIndexOf('\u001B[?1049h'));
		expect(output.lastIndexOf('\u001B[?1049h')).toBeGreaterThanOrEqual(0);
		await nothingLeftRunning();
	});

	it('under NO_COLOR no colour reaches the terminal, command steps included (coloured without it)', async () => {
		const {lesson, step} = commandStep();
		const open = async (env: Record<string, string>) => {
			forget();
			const t = login([lesson.id], {LANG: 'C.UTF-8', TERM: 'xterm-256color', ...env});
			await t.session.waitFor((s) => s.includes(`step 1/${lesson.steps.length}`), 'the lesson');
			for (let i = 0; i < step; i++) {
				t.session.keys('Right');
				await t.session.waitFor((s) => s.includes(`step ${i + 2}/${lesson.steps.length}`), `step ${i + 2}`);
			}
			await t.session.waitFor((s) => s.includes('recorded output'), 'the command step');
			t.session.keys('q');
			await t.session.waitFor((s) => s.includes('lessons done'), 'the home screen');
			t.session.keys('q');
			await t.session.waitFor((s) => s.includes('[exited 0]'), 'ssh to end');
			return t.output();
		};
		expect(await open({})).toMatch(COLOUR_SGR);
		terminal?.stop();
		expect(await open({NO_COLOR: '1'})).not.toMatch(COLOUR_SGR);
		await nothingLeftRunning();
	});

	it('under TERM=dumb the student gets plain lines: no alternate screen, no cursor addressing', async () => {
		const t = login([], {LANG: 'C', TERM: 'dumb'});
		await t.session.waitFor((s) => s.includes('Lesson number 1-'), 'the plain lesson list');
		t.session.keys('1', 'Enter');
		await t.session.waitFor((s) => s.includes('Step 1 of'), 'the first step');
		t.session.keys('quit', 'Enter');
		await t.session.waitFor((s) => s.includes('[exited 0]'), 'ssh to end');
		const output = t.output();
		expect(output).toContain('pod-tutor, plain mode.');
		expect(output).not.toMatch(SCREEN_CONTROL);
		expect(output).not.toMatch(COLOUR_SGR);
		await nothingLeftRunning();
	});

	it('from a login shell: 60x20 and back gives the fresh screen; Ctrl+Z and fg come back to it', async () => {
		// No remote command: the student's own interactive shell, with job control, as a lab login gives.
		const all = {POD_TUTOR_LAB_CONFIG: lab.labConfig, LANG: 'C.UTF-8', TERM: 'xterm-256color'};
		terminal = new RecordedTerminal(
			lab.sshArgv(
				[],
				Object.keys(all).filter((n) => n !== 'TERM'),
			),
			all,
		);
		const t = terminal;
		await t.session.waitFor((s) => /\$ *$/m.test(s), 'the shell prompt');
		t.session.keys(`node ${lab.bin}`, 'Enter');
		const fresh = await t.session.waitFor((s) => s.includes('lessons done'), 'the home screen');
		t.session.resize(60, 20);
		await t.session.waitFor(
			(s) => s.split('\n')[0].trimEnd().length <= 60 && s.includes('lessons done'),
			'the 60x20 screen',
		);
		t.session.resize(80, 24);
		const back = await t.session.waitFor((s) => s === fresh, 'the screen a fresh start draws at 80x24', 5000);
		expect(back).toBe(fresh);

		t.session.keys('C-z');
		await t.session.waitFor(
			(s) => /Stopped|suspended/i.test(s) && !s.includes('lessons done'),
			'the shell after Ctrl+Z',
		);
		t.session.keys('fg', 'Enter');
		const resumed = await t.session.waitFor((s) => s === fresh, 'the same screen after fg');
		expect(resumed).toBe(fresh);
		t.session.keys('q');
		await t.session.waitFor((s) => /\$ *$/m.test(s) && !s.includes('lessons done'), 'the shell after quitting');
		t.session.keys('exit', 'Enter');
		await t.session.waitFor((s) => s.includes('[exited 0]'), 'ssh to end');
		await nothingLeftRunning();
	});

	it('with no shell (`ssh -tt host pod-tutor`), Ctrl+Z does not stop the tutor: it says so and keeps the screen', async () => {
		const {lesson, step, exercise} = choiceStep();
		const t = login([lesson.id], {LANG: 'C.UTF-8', TERM: 'xterm-256color'});
		await t.session.waitFor((s) => s.includes(`step 1/${lesson.steps.length}`), 'the lesson');
		for (let i = 0; i < step; i++) {
			t.session.keys('Right');
			await t.session.waitFor((s) => s.includes(`step ${i + 2}/${lesson.steps.length}`), `step ${i + 2}`);
		}
		const before = await t.session.waitFor((s) => s.includes('Choose one:'), 'the exercise');
		t.session.keys('Down');
		const moved = await t.session.waitFor((s) => s !== before, 'the highlight moved');
		t.session.keys('C-z');
		const refused = await t.session.waitFor(
			(s) => s.includes('Suspending is not available here'),
			'the message that suspending is not available',
		);
		// The same screen above the message line: the lesson, the step and the highlight where they were.
		const body = (s: string) => s.split('\n').slice(0, -3).join('\n');
		expect(body(refused)).toBe(body(moved));
		// Running, not stopped: no process of the student's is in state T.
		const states = execFileSync('ps', ['-u', lab.user, '-o', 'stat='], {encoding: 'utf8'});
		expect(states).not.toMatch(/^T/m);
		// And still answering keys: the highlight moves back.
		t.session.keys('Up');
		await t.session.waitFor((s) => body(s) === body(before), 'the highlight back on the first choice');
		t.session.keys('q');
		await t.session.waitFor((s) => s.includes('lessons done'), 'the home screen');
		t.session.keys('q');
		await t.session.waitFor((s) => s.includes('[exited 0]'), 'ssh to end');
		expect(progress().exercises[exercise.id]?.attempts ?? 0).toBe(0);
		await nothingLeftRunning();
	});

	it('with live detection on (lazy, podman installed), start-up runs no container tool and quitting leaves nothing', async () => {
		await liveRunLeavesNothing('lazy');
	});

	it('with live detection at start-up (live: on, podman installed), quitting leaves nothing, no podman pause process', async () => {
		await liveRunLeavesNothing('on');
	});

	async function liveRunLeavesNothing(mode: 'lazy' | 'on'): Promise<void> {
		// The lab config of a lab that offers live mode: lazy waits for the learner's first live key,
		// on detects kubectl, crictl and podman as the tutor starts.
		const lazy = join(lab.dir, `lab-${mode}.yaml`);
		writeFileSync(lazy, `live: ${mode}\n`);
		chmodSync(lazy, 0o644);
		// What podman makes for a user the first time it runs: none of it may be there before or after.
		const podmanState = ['.local/share/containers', '.config/containers', '.config/cni'].map((d) =>
			join(lab.home, d),
		);
		for (const dir of podmanState) rmSync(dir, {recursive: true, force: true});
		const ownedInTmp = () =>
			readdirSync('/tmp').filter((name) => {
				try {
					return statSync(join('/tmp', name)).uid === lab.uid;
				} catch {
					return false;
				}
			});
		const tmpBefore = ownedInTmp();
		expect(processesOf(lab.user)).toEqual([]);

		const t = login([], {LANG: 'C.UTF-8', TERM: 'xterm-256color', POD_TUTOR_LAB_CONFIG: lazy});
		await t.session.waitFor((s) => s.includes('lessons done'), 'the home screen');
		// Lazy: the tutor's own process and nothing else of a container tool while it runs.
		const running = processesOf(lab.user).join('\n');
		expect(running).toContain(lab.bin);
		if (mode === 'lazy') expect(running).not.toMatch(/podman|catatonit|conmon|kubectl|crictl/);
		t.session.keys('Down', 'Up', 'Enter');
		await t.session.waitFor((s) => /step 1\//.test(s), 'the first lesson');
		t.session.keys('q');
		await t.session.waitFor((s) => s.includes('lessons done'), 'the home screen again');
		t.session.keys('q');
		await t.session.waitFor((s) => s.includes('[exited 0]'), 'ssh to end');
		await nothingLeftRunning();
		expect(podmanState.filter((dir) => existsSync(dir))).toEqual([]);
		expect(ownedInTmp()).toEqual(tmpBefore);
	}

	it('hands in to a shared class folder the student can write to but not list; the report reads it', async () => {
		// The folder as docs/CLASSROOM.md makes it: root's, the instructors' group, 3733.
		const folder = join(lab.dir, 'submit');
		mkdirSync(folder);
		const group = Number(execFileSync('id', ['-g', 'nobody'], {encoding: 'utf8'}).trim());
		chownSync(folder, 0, group);
		chmodSync(folder, 0o3733);
		const run = (remote: string[]) =>
			spawnSync(
				lab.sshArgv(remote, [])[0],
				lab
					.sshArgv(remote, [])
					.slice(1)
					.filter((a) => a !== '-tt'),
				{encoding: 'utf8'},
			);
		const submitted = run(['sh', '-c', `'umask 000; node ${lab.bin} submit --to ${folder}'`]);
		expect(submitted.stderr).toBe('');
		expect(submitted.stdout).toContain(`Handed in ${folder}/${lab.user}.json`);
		const file = statSync(join(folder, `${lab.user}.json`));
		expect(file.uid).toBe(lab.uid);
		expect(file.gid).toBe(group);
		expect(file.mode & 0o777).toBe(0o640);
		// A student cannot see who else handed in.
		expect(run(['ls', folder]).stderr).toContain('Permission denied');
		const report = spawnSync(process.execPath, [lab.bin, 'report', folder, '--json'], {encoding: 'utf8'});
		expect(JSON.parse(report.stdout).students.map((s: {user: string}) => s.user)).toEqual([lab.user]);
		expect(report.stderr).toBe('');
	});

	it('a connection cut mid-lesson loses nothing: a new session resumes at the step, the answer kept', async () => {
		const {lesson, step, exercise, answerIndex} = choiceStep();
		const t = login([lesson.id], {LANG: 'C.UTF-8', TERM: 'xterm-256color'});
		await t.session.waitFor((s) => s.includes(`step 1/${lesson.steps.length}`), 'the lesson');
		for (let i = 0; i < step; i++) {
			t.session.keys('Right');
			await t.session.waitFor((s) => s.includes(`step ${i + 2}/${lesson.steps.length}`), `step ${i + 2}`);
		}
		await t.session.waitFor((s) => s.includes('Choose one:'), 'the exercise');
		for (let i = 0; i < answerIndex; i++) t.session.keys('Down');
		t.session.keys('Enter');
		await t.session.waitFor((s) => s.includes('Right.'), 'the verdict');
		t.session.keys('Right');
		await t.session.waitFor(
			(s) => s.includes(`step ${step + 2}/${lesson.steps.length}`),
			'the step after the exercise',
		);

		// The network goes: the ssh client dies without a word, and sshd hangs up on the session.
		const client = Number(
			execFileSync('ps', ['--ppid', String(t.session.panePid()), '-o', 'pid='], {encoding: 'utf8'})
				.trim()
				.split('\n')[0],
		);
		expect(execFileSync('ps', ['-p', String(client), '-o', 'comm='], {encoding: 'utf8'}).trim()).toBe('ssh');
		process.kill(client, 'SIGKILL');
		await t.session.waitFor((s) => s.includes('[exited'), 'the ssh client to be gone');
		await nothingLeftRunning();
		expect(progress().exercises[exercise.id]).toMatchObject({attempts: 1, correct: true});
		expect(progress().last).toMatchObject({lessonId: lesson.id, step: step + 1});
		t.stop();

		const again = login([], {LANG: 'C.UTF-8', TERM: 'xterm-256color'});
		await again.session.waitFor(
			(s) => s.includes(`step ${step + 2}/${lesson.steps.length}`),
			'the same step in a new session',
		);
		again.session.keys('Left');
		const back = await again.session.waitFor(
			(s) => s.includes(`step ${step + 1}/${lesson.steps.length}`),
			'the exercise again',
		);
		expect(back).toContain('answered right before');
		again.session.keys('q');
		await again.session.waitFor((s) => s.includes('lessons done'), 'the home screen');
		again.session.keys('q');
		await again.session.waitFor((s) => s.includes('[exited 0]'), 'ssh to end');
		await nothingLeftRunning();
	});
});

import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {findExerciseStep, repoCourse, repoRoot} from '../tutor/course-fixture.js';
import {writeProgressAt} from '../helpers/progress-at.js';
import {TmuxSession} from '../helpers/tmux-session.js';
import {waitFor} from '../helpers/wait-for.js';

/**
 * The tutor as a learner starts it: from an interactive shell (job control on) in a real
 * terminal (tmux), killed, hung up on, suspended and resumed there.
 */
let configDir: string;
let session: TmuxSession | undefined;
const TUTOR = 'node bin/pod-tutor.js; echo "[exited $?]"';

beforeEach(() => {
	configDir = mkdtempSync(join(tmpdir(), 'pod-tutor-owner-'));
});

afterEach(() => {
	session?.stop();
	session = undefined;
	rmSync(configDir, {recursive: true, force: true});
});

function shell(size: [number, number] = [80, 24], env: Record<string, string> = {}): TmuxSession {
	session = new TmuxSession(...size);
	session.startShell({POD_TUTOR_CONFIG_DIR: configDir, LANG: 'C.UTF-8', TERM: 'xterm-256color', ...env}, repoRoot);
	return session;
}

/** The tutor's process: the shell's child running node. */
function tutorPid(tutor: TmuxSession): number {
	const out = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', tutor.pane('#{pane_pid}')], {encoding: 'utf8'});
	const line = out.split('\n').find((l) => l.trim().endsWith('node'));
	if (!line) throw new Error(`no tutor process under the shell:\n${out}`);
	return Number(line.trim().split(/\s+/)[0]);
}

function progress(): {last?: {lessonId: string; step: number}; exercises: Record<string, {attempts: number}>} {
	return JSON.parse(readFileSync(join(configDir, 'progress.json'), 'utf8'));
}

const HOME = (s: string) => s.includes('lessons done');

describe('the terminal owner', () => {
	for (const [signal, code] of [
		['SIGTERM', 143],
		['SIGHUP', 129],
		['SIGINT', 130],
	] as const) {
		it(`${signal} mid-lesson: the terminal is restored, progress kept, exit ${code}`, async () => {
			const course = repoCourse();
			const tutor = shell();
			tutor.run(TUTOR);
			await tutor.waitFor(HOME, 'the home screen');
			expect(tutor.pane('#{alternate_on}')).toBe('1');
			tutor.keys('Enter');
			await tutor.waitFor((s) => s.includes(`step 1/${course.lessons[0].steps.length}`), 'the first step');
			tutor.keys('l');
			await tutor.waitFor((s) => s.includes(`step 2/${course.lessons[0].steps.length}`), 'the second step');
			await waitFor(
				() => {
					try {
						return progress().last?.step;
					} catch {
						return undefined; // Not written yet.
					}
				},
				(step) => step === 1,
				'the step saved',
			);
			process.kill(tutorPid(tutor), signal);
			const after = await tutor.waitFor((s) => /\[exited \d+\]/.test(s), 'the tutor to exit');
			expect(after).toContain(`[exited ${code}]`);
			expect(tutor.pane('#{alternate_on}')).toBe('0');
			expect(tutor.pane('#{cursor_flag}')).toBe('1');
			// Raw mode is off again: the shell echoes what is typed.
			tutor.run('echo cooked-$((40+2))');
			await tutor.waitFor((s) => s.includes('cooked-42'), 'the shell working normally');
			expect(progress().last).toMatchObject({lessonId: course.lessons[0].id, step: 1});
		});
	}

	it('SIGTERM the moment the first frame shows (Ink still loading): exit 143, terminal restored', async () => {
		const tutor = shell();
		tutor.run(TUTOR);
		await tutor.waitFor(HOME, 'the first frame');
		process.kill(tutorPid(tutor), 'SIGTERM');
		const after = await tutor.waitFor((s) => /\[exited \d+\]/.test(s), 'the tutor to exit');
		expect(after).toContain('[exited 143]');
		expect(tutor.pane('#{alternate_on}')).toBe('0');
		expect(tutor.pane('#{cursor_flag}')).toBe('1');
	});

	it('Ctrl+Z suspends like a full-screen program; fg comes back to the same screen with nothing recorded', async () => {
		const {lesson, step, exercise} = findExerciseStep('single-choice');
		writeProgressAt(configDir, lesson.id, step);
		const tutor = shell();
		tutor.run(TUTOR);
		const before = await tutor.waitFor((s) => s.includes('Choose one:'), 'the exercise');
		tutor.keys('Down');
		const moved = await tutor.waitFor((s) => s !== before, 'the highlight moved');
		tutor.keys('C-z');
		await tutor.waitFor((s) => s.includes('Stopped'), 'the shell saying the job stopped');
		expect(tutor.pane('#{alternate_on}')).toBe('0');
		tutor.run('fg');
		const back = await tutor.waitFor((s) => s === moved, 'the same screen after fg');
		expect(back).toBe(moved);
		expect(tutor.pane('#{alternate_on}')).toBe('1');
		// The keys still work, and neither "fg" nor Enter reached the tutor as an answer.
		tutor.keys('q');
		await tutor.waitFor(HOME, 'the home screen');
		tutor.keys('q');
		await tutor.waitFor((s) => !HOME(s), 'the tutor to exit');
		// fg returns the job's exit code.
		tutor.run('echo "[fg gave $?]"');
		await tutor.waitFor((s) => s.includes('[fg gave 0]'), 'the exit code of the resumed tutor');
		expect(progress().exercises[exercise.id]?.attempts ?? 0).toBe(0);
	});

	it('sends ESC[?25h to the terminal once and nothing to a redirected stderr', async () => {
		const tutor = shell();
		const log = join(configDir, 'stderr.log');
		const script = join(configDir, 'typescript.out');
		// script(1) records every byte the tutor sends to its terminal.
		tutor.run(`script -q -c 'node bin/pod-tutor.js 2>${log}' ${script}; echo "[exited $?]"`);
		await tutor.waitFor(HOME, 'the home screen');
		tutor.keys('q');
		await tutor.waitFor((s) => s.includes('[exited 0]'), 'the tutor to exit');
		expect(readFileSync(log, 'utf8')).toBe('');
		const sent = readFileSync(script, 'latin1');
		expect(sent.split('\u001B[?25h').length - 1).toBe(1);
		expect(sent.split('\u001B[?1049l').length - 1).toBe(1);
	});

	it('a terminal that reports 0x0 is drawn as 80x24', async () => {
		const tutor = shell();
		tutor.run('stty cols 0 rows 0');
		tutor.run(TUTOR);
		const home = await tutor.waitFor(HOME, 'the home screen');
		const header = home.split('\n')[0];
		expect(header.length).toBe(80);
		expect(header).toMatch(/^pod-tutor: Pods and containers +\d+\/\d+ lessons done$/);
	});
});

describe('keys a terminal can send', () => {
	it('function keys with every modifier, reports, SGR/OSC sequences and a 100 KB paste: no crash, screen intact', async () => {
		const tutor = shell();
		tutor.run(TUTOR);
		const home = await tutor.waitFor(HOME, 'the home screen');
		const ESC = '\u001B';
		const hostile: string[] = [];
		for (const l of ['P', 'Q', 'R', 'S', 'E'])
			for (let m = 2; m <= 8; m++) hostile.push(`${ESC}[1;${m}${l}`, `${ESC}O${l}`);
		for (const n of [2, 11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 23, 24])
			for (let m = 1; m <= 8; m++) hostile.push(m === 1 ? `${ESC}[${n}~` : `${ESC}[${n};${m}~`);
		hostile.push(
			`${ESC}[31m`,
			`${ESC}[0m`,
			`${ESC}]0;PWNED\u0007`,
			`${ESC}]52;c;UFdORUQ=\u0007`,
			`${ESC}[<0;10;5M`,
			`${ESC}[I`,
			`${ESC}[O`,
			`${ESC}[2J`,
		);
		// One tmux call for all of them: as fast as a terminal would send a burst.
		tutor.type(hostile.join(''));
		tutor.paste(`pasted ${ESC}[31mred${ESC}[0m ${ESC}]0;PWNED\u0007 text`);
		tutor.paste('y'.repeat(100 * 1024));
		// A key after all of them is answered: everything before it was read, and nothing moved.
		tutor.keys('j');
		const after = await tutor.waitFor(
			(s) => s !== home && s.includes('\u276F \u00B7  2.'),
			'the cursor on lesson 2',
		);
		expect(
			after
				.replace('\u276F \u00B7  2.', '  \u00B7  2.')
				.replace('  \u00B7  1.', '\u276F \u00B7  1.')
				.split('\n')
				.slice(0, 5),
		).toEqual(home.split('\n').slice(0, 5));
		expect(tutor.pane('#{pane_title}')).not.toContain('PWNED');
		tutor.keys('q');
		await tutor.waitFor((s) => s.includes('[exited 0]'), 'the tutor to exit');
	}, 60000);
});

describe('resizing', () => {
	/** What a tutor started fresh at this size shows (same progress). */
	async function freshScreen(columns: number, rows: number): Promise<string> {
		const other = new TmuxSession(columns, rows);
		try {
			other.startShell({POD_TUTOR_CONFIG_DIR: configDir, LANG: 'C.UTF-8', TERM: 'xterm-256color'}, repoRoot);
			other.run(`clear; ${TUTOR}`);
			let first = await other.waitFor(
				(s) => HOME(s) || s.includes('Terminal too small') || s.includes('step '),
				'a fresh start',
			);
			// On a loaded machine tmux can be read in the middle of the frame: the reference is the
			// screen once two looks 200 ms apart agree.
			for (let look = 0; look < 25; look++) {
				await new Promise((resolve) => setTimeout(resolve, 200));
				const again = other.screen();
				if (again === first) break;
				first = again;
			}
			return first;
		} finally {
			other.stop();
		}
	}

	for (const where of ['the home screen', 'a diagram step'] as const) {
		it(`after any resize or burst of resizes ${where} is what a fresh start at that size draws`, async () => {
			if (where === 'a diagram step') {
				const lesson = repoCourse().lessons[0];
				const step = lesson.steps.findIndex((s) => s.kind === 'diagram');
				const last = {lessonId: lesson.id, step, at: new Date().toISOString()};
				writeFileSync(
					join(configDir, 'progress.json'),
					JSON.stringify({version: 1, lessons: {}, exercises: {}, predictions: {}, drafts: {}, last}),
				);
			}
			const tutor = shell([80, 24]);
			tutor.run(`clear; ${TUTOR}`);
			await tutor.waitFor((s) => HOME(s) || s.includes('step '), where);
			const sequences: Array<Array<[number, number]>> = [
				[[60, 20]],
				[[120, 40]],
				[[80, 24]],
				[
					[100, 30],
					[61, 17],
					[90, 25],
					[70, 22],
				],
				[[80, 24]],
			];
			for (const sizes of sequences) {
				for (const [c, r] of sizes) tutor.resize(c, r);
				const [c, r] = sizes[sizes.length - 1];
				const want = await freshScreen(c, r);
				const got = await tutor
					.waitFor((s) => s === want, `the screen at ${c}x${r} to equal a fresh start`)
					.catch((error: Error) => error.message);
				expect({size: `${c}x${r}`, screen: got}).toEqual({size: `${c}x${r}`, screen: want});
			}
		}, 90000);
	}
});

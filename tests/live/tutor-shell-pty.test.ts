/**
 * The tutor in a real terminal with real podman: p creates the lesson Pod, x opens a shell in it
 * (the terminal is handed over and taken back), as a learner on a lab machine would use them.
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {runCommand} from '../../src/live/command-runner.js';
import {LESSON_POD} from '../../src/live/tutor-live-actions.js';
import {writeProgressAt} from '../helpers/progress-at.js';
import {TmuxSession} from '../helpers/tmux-session.js';
import {repoCourse, repoRoot} from '../tutor/course-fixture.js';

const image = process.env.POD_TUTOR_LIVE_IMAGE ?? 'localhost/busybox:tutor';
const configDir = mkdtempSync(join(tmpdir(), 'pod-tutor-shell-'));
const session = new TmuxSession(80, 24);

afterAll(async () => {
	session.stop();
	rmSync(configDir, {recursive: true, force: true});
	await runCommand({
		file: 'podman',
		args: ['pod', 'rm', '--force', '--ignore', '--time', '0', LESSON_POD.pod],
		timeoutMs: 120_000,
	});
});

describe('live mode in a real terminal', () => {
	it('creates the lesson Pod with p, opens a shell in it with x, and comes back', async () => {
		await runCommand({
			file: 'podman',
			args: ['pod', 'rm', '--force', '--ignore', '--time', '0', LESSON_POD.pod],
			timeoutMs: 120_000,
		});
		const course = repoCourse();
		const lesson = course.lessons.find((l) => l.steps.some((s) => s.kind === 'command'))!;
		const step = lesson.steps.findIndex((s) => s.kind === 'command');
		writeProgressAt(configDir, lesson.id, step);
		session.start(
			['node', 'bin/pod-tutor.js', '--backend', 'podman', '--image', image],
			{POD_TUTOR_CONFIG_DIR: configDir, LANG: 'C.UTF-8', TERM: 'xterm-256color'},
			repoRoot,
		);
		await session.waitFor((s) => s.includes(`step ${step + 1}/${lesson.steps.length}`), 'the command step');
		// Detection runs in the background; p pressed before it answers waits for it.
		session.keys('p');
		const created = await session.waitFor(
			(s) => /Created Pod|already running|Could not create|No cluster/.test(s),
			'the outcome of p',
			60_000,
		);
		expect(created).toContain('Created Pod web-app with podman');
		session.keys('x');
		await session.waitFor((s) => /\/ #|# $/m.test(s), 'the shell prompt', 30_000);
		session.keys('hostname', 'Enter');
		const inside = await session.waitFor(
			(s) => s.split('\n').some((line) => line.trim() === LESSON_POD.pod),
			'the Pod hostname printed by the shell',
		);
		expect(inside).toContain('hostname');
		session.keys('exit', 'Enter');
		const back = await session.waitFor((s) => s.includes('Back from the shell (exit code 0)'), 'the tutor again');
		expect(back).toContain(`step ${step + 1}/${lesson.steps.length}`);

		// The nearest diagram step: v draws the real Pod over the lesson's own diagram.
		const diagram = lesson.steps.findIndex((s) => s.kind === 'diagram');
		const moves = diagram - step;
		for (let i = 0; i < Math.abs(moves); i++) {
			session.keys(moves < 0 ? 'Left' : 'Right');
			await session.waitFor((s) => s.includes(`step ${step + 1 + Math.sign(moves) * (i + 1)}/`), 'the next step');
		}
		session.keys('v');
		const real = await session.waitFor((s) => s.includes('Pod web-app as podman sees it'), 'the real Pod drawn');
		expect(real).toMatch(/\b40265\d{5}\b/);
		session.keys('v');
		await session.waitFor((s) => !s.includes('as podman sees it'), 'the lesson diagram again');
		session.keys('C-c');
		await session.waitFor((s) => s.includes('[exited 0]'), 'the tutor to exit');
	});
});

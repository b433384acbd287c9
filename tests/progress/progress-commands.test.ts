import {copyFileSync, existsSync, readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {EXIT_FAIL, EXIT_NOT_SAVED, EXIT_OK, EXIT_USAGE} from '../../src/commands/command-io.js';
import {runProgress} from '../../src/commands/progress.js';
import {parseResetArgs, runReset} from '../../src/commands/reset.js';
import {readProgressSnapshot} from '../../src/progress/progress-snapshot.js';
import {openProgressStore} from '../../src/progress/progress-store.js';
import {captureIO, optionsFor} from './command-io-capture.js';
import {useTempConfig, type TempConfig} from './temp-config.js';

const newConfig = useTempConfig();

/** A learner who finished "sandbox" (one exercise right, one revealed) and tried "sizing" once. */
function seed(config: TempConfig): void {
	const {store} = openProgressStore(config.env);
	for (const result of [
		store.visitStep('sandbox', 2, 3),
		store.recordAttempt('sandbox-ip', {correct: false}),
		store.recordAttempt('sandbox-ip', {correct: true}),
		store.recordReveal('sandbox-restart'),
		store.recordAttempt('sizing-cpu', {correct: false, answer: '300m'}),
		store.visitStep('sandbox', 1, 3),
	]) {
		if (!result.ok) throw new Error(result.error);
	}
}

describe('pod-tutor progress', () => {
	it('--json: per lesson state, step reached and exercises, with totals and the resume point', async () => {
		const config = newConfig();
		seed(config);
		const cap = captureIO({}, false);
		expect(await runProgress(['--json'], cap.io, optionsFor(config.dir))).toBe(EXIT_OK);
		expect(cap.stderr()).toBe('');
		const report = JSON.parse(cap.stdout());
		expect(report.file).toBe(config.file);
		expect(report.lessons).toEqual([
			{
				id: 'sandbox',
				title: 'The Pod sandbox',
				state: 'done',
				steps: 3,
				stepReached: 3,
				exercises: {total: 2, attempted: 1, correct: 1, revealed: 1},
			},
			{
				id: 'sizing',
				title: 'Sizing a Pod',
				state: 'in-progress',
				steps: 2,
				stepReached: 0,
				exercises: {total: 1, attempted: 1, correct: 0, revealed: 0},
			},
		]);
		expect(report.totals).toEqual({
			lessons: 2,
			done: 1,
			inProgress: 1,
			notStarted: 0,
			exercises: 3,
			attempted: 2,
			correct: 1,
		});
		expect(report.resume).toEqual({lessonId: 'sandbox', title: 'The Pod sandbox', step: 2});
	});

	it('prints a table a person can read, using the env when no configDir is given', async () => {
		const config = newConfig();
		seed(config);
		const cap = captureIO(config.env, false);
		expect(await runProgress([], cap.io, optionsFor())).toBe(EXIT_OK);
		const lines = cap.stdout().split('\n');
		expect(lines[0]).toMatch(
			/^ {2}done {9}The Pod sandbox {2}step 3\/3 +exercises 1\/2 correct, 1 attempted, 1 revealed$/,
		);
		expect(lines[1]).toMatch(/^ {2}in progress {2}Sizing a Pod {5}- +exercises 0\/1 correct, 1 attempted$/);
		expect(cap.stdout()).toContain(
			'2 lessons: 1 done, 1 in progress, 0 not started. Exercises: 1/3 correct, 2 attempted.',
		);
		expect(cap.stdout()).toContain('Resumes at: The Pod sandbox, step 2.');
	});

	it('shows every lesson as not started when there is no progress file', async () => {
		const config = newConfig();
		const cap = captureIO({}, false);
		expect(await runProgress(['--json'], cap.io, optionsFor(config.dir))).toBe(EXIT_OK);
		expect(JSON.parse(cap.stdout()).lessons.map((l: {state: string}) => l.state)).toEqual([
			'not-started',
			'not-started',
		]);
		expect(existsSync(config.file)).toBe(false);
	});

	it('reports a damaged file (exit 1) without touching it', async () => {
		const config = newConfig();
		copyFileSync(new URL('../fixtures/progress/truncated.json', import.meta.url).pathname, config.file);
		const before = readFileSync(config.file, 'utf8');
		const cap = captureIO({}, false);
		expect(await runProgress([], cap.io, optionsFor(config.dir))).toBe(EXIT_FAIL);
		expect(cap.stderr()).toContain(`${config.file}: it is not valid JSON`);
		expect(cap.stderr()).toContain('Start pod-tutor to move it aside');
		expect(readFileSync(config.file, 'utf8')).toBe(before);
	});

	it('rejects an unknown argument with exit 2', async () => {
		const cap = captureIO({}, false);
		expect(await runProgress(['--yaml'], cap.io, optionsFor(newConfig().dir))).toBe(EXIT_USAGE);
		expect(cap.stderr()).toBe(
			'pod-tutor progress: unknown argument "--yaml". Usage: pod-tutor progress [--json]\n',
		);
	});
});

describe('pod-tutor reset', () => {
	it('--lesson: forgets the lesson and its exercises only', async () => {
		const config = newConfig();
		seed(config);
		const cap = captureIO({}, false);
		expect(await runReset(['--lesson', 'sandbox', '--yes'], cap.io, optionsFor(config.dir))).toBe(EXIT_OK);
		expect(cap.stdout()).toBe('Reset lesson "sandbox" (its steps and 2 exercises).\n');
		const data = readProgressSnapshot(config.env).data;
		expect(data.lessons).toEqual({});
		expect(Object.keys(data.exercises)).toEqual(['sizing-cpu']);
		expect(data.last).toBeUndefined();
	});

	it('--exercise=ID: forgets one exercise', async () => {
		const config = newConfig();
		seed(config);
		const cap = captureIO({}, false);
		expect(await runReset(['--exercise=sandbox-ip', '-y'], cap.io, optionsFor(config.dir))).toBe(EXIT_OK);
		const data = readProgressSnapshot(config.env).data;
		expect(Object.keys(data.exercises).sort()).toEqual(['sandbox-restart', 'sizing-cpu']);
		expect(data.lessons.sandbox.completed).toBe(true);
	});

	it('--all: empty progress', async () => {
		const config = newConfig();
		seed(config);
		const cap = captureIO({}, false);
		expect(await runReset(['--all', '--yes', '--progress-only'], cap.io, optionsFor(config.dir))).toBe(EXIT_OK);
		const data = readProgressSnapshot(config.env).data;
		expect([Object.keys(data.lessons), Object.keys(data.exercises), data.last]).toEqual([[], [], undefined]);
	});

	it('refuses without --yes when there is no terminal, and changes nothing', async () => {
		const config = newConfig();
		seed(config);
		const before = readFileSync(config.file, 'utf8');
		const cap = captureIO({}, false);
		expect(await runReset(['--all'], cap.io, optionsFor(config.dir))).toBe(EXIT_USAGE);
		expect(cap.stderr()).toContain('there is no terminal to ask on. Add --yes to reset anyway.');
		expect(readFileSync(config.file, 'utf8')).toBe(before);
	});

	it('asks on a terminal: "y" resets, anything else leaves progress alone', async () => {
		const config = newConfig();
		seed(config);
		const no = captureIO({}, true);
		const declined = runReset(['--exercise', 'sizing-cpu'], no.io, optionsFor(config.dir));
		no.stdin.end('n\n');
		expect(await declined).toBe(EXIT_FAIL);
		expect(no.stdout()).toBe('Reset exercise "sizing-cpu"? This cannot be undone. [y/N] Nothing was reset.\n');
		expect(readProgressSnapshot(config.env).data.exercises['sizing-cpu']).toBeDefined();

		const yes = captureIO({}, true);
		const accepted = runReset(['--exercise', 'sizing-cpu'], yes.io, optionsFor(config.dir));
		yes.stdin.write('y\n');
		expect(await accepted).toBe(EXIT_OK);
		expect(readProgressSnapshot(config.env).data.exercises['sizing-cpu']).toBeUndefined();
	});

	it('names an unknown lesson or exercise (exit 2)', async () => {
		const config = newConfig();
		const lesson = captureIO({}, false);
		expect(await runReset(['--lesson', 'pauses', '--yes'], lesson.io, optionsFor(config.dir))).toBe(EXIT_USAGE);
		expect(lesson.stderr()).toBe('pod-tutor reset: there is no lesson "pauses" (lessons: sandbox, sizing).\n');
		const exercise = captureIO({}, false);
		expect(await runReset(['--exercise', 'nope', '--yes'], exercise.io, optionsFor(config.dir))).toBe(EXIT_USAGE);
		expect(exercise.stderr()).toContain('there is no exercise "nope"');
		expect(existsSync(config.file)).toBe(false);
	});

	it('requires exactly one scope', () => {
		expect(parseResetArgs(['--yes'])).toEqual({
			ok: false,
			error: 'choose exactly one of --lesson ID, --exercise ID or --all (none was given)',
		});
		expect(parseResetArgs(['--all', '--lesson', 'sandbox'])).toMatchObject({
			ok: false,
			error: expect.stringContaining('2 were given'),
		});
		expect(parseResetArgs(['--lesson'])).toEqual({ok: false, error: '--lesson needs an id, e.g. --lesson pause'});
		expect(parseResetArgs(['--lesson', '--yes'])).toMatchObject({ok: false});
		expect(parseResetArgs(['sandbox'])).toEqual({ok: false, error: 'unknown argument "sandbox"'});
		expect(parseResetArgs(['--lesson=sizing', '--yes'])).toEqual({
			ok: true,
			scope: {kind: 'lesson', id: 'sizing'},
			yes: true,
			progressOnly: false,
		});
		expect(parseResetArgs(['--lesson', 'sizing', '--progress-only'])).toMatchObject({
			ok: false,
			error: expect.stringContaining('--progress-only goes with --all'),
		});
	});

	it('exits 2 with the usage line when the scope is missing', async () => {
		const cap = captureIO({}, false);
		expect(await runReset([], cap.io, optionsFor(newConfig().dir))).toBe(EXIT_USAGE);
		expect(cap.stderr()).toContain(
			'Usage: pod-tutor reset (--lesson ID | --exercise ID | --all [--progress-only]) [--yes]',
		);
	});

	it('refuses to reset a file from a newer pod-tutor', async () => {
		const config = newConfig();
		copyFileSync(new URL('../fixtures/progress/future-v7.json', import.meta.url).pathname, config.file);
		const cap = captureIO({}, false);
		expect(await runReset(['--all', '--yes'], cap.io, optionsFor(config.dir))).toBe(EXIT_NOT_SAVED);
		expect(cap.stderr()).toContain('format version 7');
		expect(JSON.parse(readFileSync(config.file, 'utf8')).version).toBe(7);
	});
});

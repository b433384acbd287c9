/**
 * Drives the built CLI (bin/pod-tutor.js over dist/) as a learner's shell would, with pipes for
 * stdin and stdout. dist/ is built once by tests/global-setup.ts; npm pack runs with
 * --ignore-scripts so it packs that build instead of rebuilding under other running tests.
 */
import {execFile} from 'node:child_process';
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import yaml from 'js-yaml';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
/** Set in beforeAll: the built package copied aside, so a rebuild elsewhere cannot pull dist/ from under a test. */
let bin = '';
const brokenPack = join(root, 'tests/fixtures/lessons-broken');
const goodPack = join(root, 'tests/fixtures/lessons-good');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const temps: string[] = [];
function tempDir(prefix: string): string {
	const dir = mkdtempSync(join(tmpdir(), `pod-tutor-${prefix}-`));
	temps.push(dir);
	return dir;
}
afterAll(() => {
	for (const dir of temps) rmSync(dir, {recursive: true, force: true});
});

interface Run {
	readonly code: number;
	readonly stdout: string;
	readonly stderr: string;
}

/** The environment of a learner on a UTF-8 terminal, minus CI (Ink draws nothing under CI). */
function learnerEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {...process.env, LANG: 'C.UTF-8', ...extra};
	for (const key of ['CI', 'LC_ALL', 'LC_CTYPE', 'NO_COLOR', 'POD_TUTOR_DEBUG']) delete env[key];
	return env;
}

function runWith(
	command: string,
	args: readonly string[],
	options: {env?: NodeJS.ProcessEnv; input?: string; cwd?: string} = {},
): Promise<Run> {
	return new Promise((resolve) => {
		const child = execFile(
			command,
			[...args],
			{env: options.env ?? learnerEnv(), cwd: options.cwd ?? root, encoding: 'utf8', timeout: 60_000},
			(error, stdout, stderr) => {
				const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
				resolve({code, stdout, stderr});
			},
		);
		child.stdin?.end(options.input ?? '');
	});
}

/** pod-tutor with progress in its own fresh folder (or `config` when given). */
function tutor(
	args: readonly string[],
	options: {config?: string; env?: NodeJS.ProcessEnv; input?: string} = {},
): Promise<Run> {
	const config = options.config ?? tempDir('config');
	return runWith(process.execPath, [bin, ...args], {
		env: options.env ?? learnerEnv({POD_TUTOR_CONFIG_DIR: config}),
		input: options.input,
	});
}

const readYaml = (file: string): any => yaml.load(readFileSync(join(root, file), 'utf8'));
const choiceExercise = readYaml('exercises/container/container-process.yaml');
const manifestExercise = readYaml('exercises/pod/pod-two-containers.yaml');
const quantityExercise = readYaml('exercises/resources/res-sum-simple.yaml');
const firstLesson = readYaml('lessons/01-container.yaml');
const ESC = '\u001B';

beforeAll(() => {
	const copy = tempDir('built');
	for (const part of ['package.json', 'bin', 'dist', 'lessons', 'exercises', 'schema'])
		cpSync(join(root, part), join(copy, part), {recursive: true});
	bin = join(copy, 'bin/pod-tutor.js');
}, 120_000);

describe('help and version', () => {
	it('--help prints the usage and exits 0', async () => {
		const run = await tutor(['--help']);
		expect(run.code).toBe(0);
		for (const word of ['list', 'show', 'check', 'validate', '--lessons']) expect(run.stdout).toContain(word);
		expect(run.stderr).toBe('');
	});
	it('--version prints the version of package.json', async () => {
		const run = await tutor(['--version']);
		expect(run).toEqual({code: 0, stdout: `${pkg.version}\n`, stderr: ''});
	});
	it('an option without its value is a usage error', async () => {
		const run = await tutor(['--lessons']);
		expect(run.code).toBe(2);
		expect(run.stderr).toContain('--lessons needs a folder');
	});
});

describe('list', () => {
	it('lists every lesson with its exercises, as text', async () => {
		const run = await tutor(['list']);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain(firstLesson.title);
		expect(run.stdout).toContain(choiceExercise.id);
	});
	it('--json: lessons[].id/state/exercises[].id/state', async () => {
		const run = await tutor(['list', '--json']);
		expect(run.code).toBe(0);
		const listing = JSON.parse(run.stdout);
		expect(listing.lessons.length).toBeGreaterThanOrEqual(10);
		expect(listing.lessons[0].id).toBe(firstLesson.id);
		expect(listing.broken).toEqual([]);
		for (const lesson of listing.lessons) {
			expect(lesson).toMatchObject({id: expect.any(String), state: 'not-started', exercises: expect.any(Array)});
			for (const exercise of lesson.exercises)
				expect(exercise).toMatchObject({id: expect.any(String), state: 'not-started'});
		}
		const ids = listing.lessons.flatMap((l: any) => l.exercises.map((e: any) => e.id));
		expect(ids).toContain(choiceExercise.id);
	});
	it('--lessons DIR adds a pack after the bundled lessons', async () => {
		const run = await tutor(['--lessons', goodPack, 'list', '--json']);
		expect(run.code).toBe(0);
		const listing = JSON.parse(run.stdout);
		expect(listing.lessons.at(-1)).toMatchObject({
			id: 'extra-pack',
			exercises: [{id: 'extra-pack-choice', state: 'not-started'}],
		});
	});

	it('--lessons with a folder that does not exist is refused, naming it, for every command', async () => {
		for (const args of [['list'], [], ['show', firstLesson.id]]) {
			const run = await tutor(['--lessons', join(root, 'no-such-pack'), ...args]);
			expect(run.code).toBe(2);
			expect(run.stderr).toContain(`--lessons ${join(root, 'no-such-pack')}: no such folder`);
			expect(run.stdout).toBe('');
		}
	});
});

describe('show', () => {
	it('prints the lesson title and every step heading', async () => {
		const run = await tutor(['show', firstLesson.id]);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain(firstLesson.title);
		for (const step of firstLesson.steps) if (step.title) expect(run.stdout).toContain(step.title);
		expect(run.stdout).not.toContain(ESC);
	});
	it('writes only ASCII bytes when the locale is not UTF-8', async () => {
		const run = await tutor(['show', 'pod'], {
			env: learnerEnv({LANG: 'C', POD_TUTOR_CONFIG_DIR: tempDir('config')}),
		});
		expect(run.code).toBe(0);
		expect(run.stdout.length).toBeGreaterThan(500);
		const bytes = Buffer.from(run.stdout, 'utf8');
		expect(bytes.every((b) => b === 0x0a || (b >= 0x20 && b < 0x7f))).toBe(true);
	});
	it('show nope exits 2 and names the lessons', async () => {
		const run = await tutor(['show', 'nope']);
		expect(run.code).toBe(2);
		expect(run.stderr).toContain('no lesson "nope"');
		expect(run.stderr).toContain(`${firstLesson.id}, `);
	});
});

describe('check', () => {
	it('exit 0 for the reference answer, 1 for a listed wrong one, with its feedback', async () => {
		const right = await tutor(['check', choiceExercise.id, choiceExercise.answer]);
		expect(right.code).toBe(0);
		expect(right.stdout.startsWith('Right.')).toBe(true);
		const wrong = await tutor(['check', choiceExercise.id, choiceExercise.wrong[0].answer]);
		expect(wrong.code).toBe(1);
		expect(wrong.stdout).toContain(choiceExercise.wrong[0].feedback.split('\n')[0].trim());
	});
	it("a predict exercise's output is labelled by what it is: a sample, or printed on a real system", async () => {
		const sample = await tutor(['check', 'ns-pid-predict', 'same']);
		expect(sample.stdout).toContain(
			"$ kubectl exec web-app -c log-shipper -- readlink /proc/self/ns/pid\nsample output (an illustration in kubectl's format, not recorded from a real system):\npid:[4026532256]\n",
		);
		expect(sample.stdout).toContain(
			'measured just before in app, in the same run, to compare with:\npid:[4026532254]\n',
		);
		const real = await tutor(['check', 'pause-infra-count', 'three']);
		expect(real.stdout).toContain('recorded output (what podman printed on a real system):\nweb-app 3\n');
	});
	it('exit 2 for an unknown exercise and for an answer that cannot be read', async () => {
		const unknown = await tutor(['check', 'no-such-exercise', 'a']);
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toContain('no exercise "no-such-exercise"');
		const badChoice = await tutor(['check', choiceExercise.id, 'zz']);
		expect(badChoice.code).toBe(2);
		expect(badChoice.stderr).toContain('"zz"');
		const badQuantity = await tutor(['check', quantityExercise.id, 'lots']);
		expect(badQuantity.code).toBe(2);
		expect(badQuantity.stdout + badQuantity.stderr).toContain('"lots"');
	});
	it('--json: {id, correct, checks[{name, passed, message}], feedback, saved}', async () => {
		const run = await tutor(['check', quantityExercise.id, quantityExercise.answer, '--json']);
		expect(run.code).toBe(0);
		const result = JSON.parse(run.stdout);
		expect(Object.keys(result).sort()).toEqual(['checks', 'correct', 'feedback', 'id', 'saved']);
		expect(result).toMatchObject({
			id: quantityExercise.id,
			correct: true,
			feedback: expect.any(String),
			saved: true,
		});
		expect(result.checks.length).toBeGreaterThan(0);
		for (const check of result.checks) {
			expect(Object.keys(check).sort()).toEqual(['message', 'name', 'passed']);
			expect(check.passed).toBe(true);
		}
	});
	it('records the attempt, which progress --json then shows', async () => {
		const config = tempDir('config');
		const before = JSON.parse((await tutor(['progress', '--json'], {config})).stdout);
		expect(before.lessons[0].exercises.attempted).toBe(0);
		expect((await tutor(['check', choiceExercise.id, choiceExercise.wrong[0].answer], {config})).code).toBe(1);
		const after = await tutor(['progress', '--json'], {config});
		expect(after.code).toBe(0);
		const report = JSON.parse(after.stdout);
		expect(report.lessons[0]).toMatchObject({
			id: firstLesson.id,
			state: 'in-progress',
			exercises: {attempted: 1, correct: 0},
		});
		const listing = JSON.parse((await tutor(['list', '--json'], {config})).stdout);
		expect(listing.lessons[0].exercises.find((e: any) => e.id === choiceExercise.id)).toMatchObject({
			state: 'attempted',
			attempts: 1,
		});
	});
	it('checks a manifest from --file and from --file - (standard input)', async () => {
		const file = join(tempDir('answer'), 'pod.yaml');
		writeFileSync(file, manifestExercise.answer);
		const fromFile = await tutor(['check', manifestExercise.id, '--file', file]);
		expect(fromFile.code).toBe(0);
		const fromStdin = await tutor(['check', manifestExercise.id, '--file', '-'], {input: manifestExercise.answer});
		expect(fromStdin.code).toBe(0);
		expect(fromStdin.stdout.startsWith('Right.')).toBe(true);
		const template = await tutor(['check', manifestExercise.id, '--file', '-', '--json'], {
			input: manifestExercise.template,
		});
		expect(template.code).toBe(1);
		expect(JSON.parse(template.stdout).checks.some((c: any) => !c.passed)).toBe(true);
	});
});

describe('validate', () => {
	it('exits 0 on the repository', async () => {
		const run = await tutor(['validate']);
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/^\d+ lessons and \d+ exercises: no problems\.\n$/);
	});
	it('exits 1 on the broken pack, one line per problem with file, line and field', async () => {
		const run = await tutor(['validate', brokenPack]);
		expect(run.code).toBe(1);
		const lines = run.stdout.trim().split('\n');
		const problems = lines.slice(0, -1);
		for (const name of ['02-syntax-error', '03-unknown-kind', '04-duplicate-id', '05-missing-exercise']) {
			expect(problems.filter((l) => l.includes(`lessons/${name}.yaml:`))).toHaveLength(1);
		}
		expect(problems.filter((l) => l.includes('exercises/hintless/hintless-choice.yaml:'))).toEqual([
			expect.stringContaining(': hints: missing (required list)'),
		]);
		for (const line of problems) expect(line).toMatch(/^tests\/fixtures\/lessons-broken\/\S+\.yaml:\d+: /);
		expect(lines.at(-1)).toBe(
			`${problems.length} problem${problems.length === 1 ? '' : 's'} (1 lessons loaded, 5 broken).`,
		);
	});
});

describe('pod-tutor without a terminal', () => {
	it('prints the current lesson as plain text and points to pod-tutor check', async () => {
		const run = await tutor([]);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain(`Lesson 1: ${firstLesson.title}`);
		expect(run.stdout).toContain('pod-tutor check');
		expect(run.stdout).not.toContain(ESC);
		expect(run.stderr).not.toMatch(/raw mode/i);
		expect(run.stderr).toBe('');
	});
	it('opens at the first lesson not yet completed', async () => {
		const config = tempDir('config');
		writeFileSync(
			join(config, 'progress.json'),
			JSON.stringify({
				version: 1,
				lessons: {[firstLesson.id]: {completed: true, currentStep: 0}},
				exercises: {},
				predictions: {},
				drafts: {},
			}),
		);
		const run = await tutor([], {config});
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('Lesson 2: ');
	});
});

describe('a truncated progress file', () => {
	async function damagedConfig(): Promise<string> {
		const config = tempDir('config');
		expect((await tutor(['check', choiceExercise.id, choiceExercise.answer], {config})).code).toBe(0);
		const file = join(config, 'progress.json');
		const text = readFileSync(file, 'utf8');
		JSON.parse(text);
		writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
		return config;
	}
	it('list still works and says the file is damaged', async () => {
		const config = await damagedConfig();
		const run = await tutor(['list', '--json'], {config});
		expect(run.code).toBe(0);
		expect(JSON.parse(run.stdout).lessons[0].state).toBe('not-started');
		expect(run.stderr).toMatch(/progress file .*progress\.json is damaged/);
	});
	it('show still works', async () => {
		const run = await tutor(['show', firstLesson.id], {config: await damagedConfig()});
		expect(run.code).toBe(0);
		expect(run.stdout).toContain(firstLesson.title);
	});
	it('check still works, says so and starts afresh', async () => {
		const config = await damagedConfig();
		const run = await tutor(['check', choiceExercise.id, choiceExercise.answer], {config});
		expect(run.code).toBe(0);
		expect(run.stderr).toMatch(/damaged/);
		expect(
			JSON.parse(readFileSync(join(config, 'progress.json'), 'utf8')).exercises[choiceExercise.id],
		).toMatchObject({attempts: 1, correct: true});
	});
	it('pod-tutor without a terminal still prints the lesson and says the file is damaged', async () => {
		const run = await tutor([], {config: await damagedConfig()});
		expect(run.code).toBe(0);
		expect(run.stdout).toContain(`Lesson 1: ${firstLesson.title}`);
		expect(run.stderr).toMatch(/damaged/);
	});
});

describe('npm pack', () => {
	it('packs a tarball with no runtime dependencies that installs and runs', async () => {
		expect(pkg.dependencies === undefined || Object.keys(pkg.dependencies).length === 0).toBe(true);
		const packDir = tempDir('pack');
		const npmEnv = learnerEnv({
			npm_config_update_notifier: 'false',
			npm_config_fund: 'false',
			npm_config_audit: 'false',
		});
		const packed = await runWith('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', packDir], {
			env: npmEnv,
		});
		expect(packed.code, packed.stderr).toBe(0);
		const tarball = join(packDir, packed.stdout.trim().split('\n').at(-1)!);
		expect(existsSync(tarball)).toBe(true);

		const prefix = tempDir('prefix');
		const installed = await runWith(
			'npm',
			['install', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball],
			{env: npmEnv, cwd: prefix},
		);
		expect(installed.code, installed.stderr).toBe(0);
		const installedBin = join(prefix, 'node_modules/.bin/pod-tutor');
		const env = learnerEnv({POD_TUTOR_CONFIG_DIR: tempDir('config')});
		const run = (args: string[]) => runWith(installedBin, args, {env, cwd: prefix});

		expect(await run(['--version'])).toEqual({code: 0, stdout: `${pkg.version}\n`, stderr: ''});
		const listed = await run(['list', '--json']);
		expect(listed.code, listed.stderr).toBe(0);
		expect(JSON.parse(listed.stdout).lessons.map((l: any) => l.id)).toContain('pod');
		const shown = await run(['show', 'pod']);
		expect(shown.code, shown.stderr).toBe(0);
		expect(shown.stdout).toContain(readYaml('lessons/03-pod.yaml').title);
		const checked = await run(['check', choiceExercise.id, choiceExercise.answer]);
		expect(checked.code, checked.stderr).toBe(0);
		expect(checked.stdout.startsWith('Right.')).toBe(true);
	}, 180_000);
});

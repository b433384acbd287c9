/**
 * A class of 30 generated students hands in through the same code `pod-tutor submit` runs; next
 * to their files sit damaged and hostile ones (another student can write in the folder). The
 * report must count the 30, say where they get stuck, and skip every bad file with a clean name.
 */
import {execFileSync} from 'node:child_process';
import {
	chownSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync,
	chmodSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {writeSubmissionFile} from '../../src/commands/submit.js';
import {emptyProgress, type ProgressData} from '../../src/progress/progress-data.js';
import {buildSubmission} from '../../src/lab/submission.js';
import {repoCourse} from '../tutor/course-fixture.js';
import {runBuilt} from './built-cli.js';

const STUDENTS = 30;
const uid = process.getuid?.() ?? 0;
let dir: string;
let folder: string;
/** What the generated class did, summed here without the report's code. */
const expected = {attempts: new Map<string, number>(), reveals: new Map<string, number>()};
let hardest = '';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
}

function studentProgress(n: number): ProgressData {
	const course = repoCourse();
	const next = random(n + 1);
	const data = emptyProgress();
	const start = Date.parse('2026-12-01T09:00:00Z') + n * 1000;
	const lessonsDone = Math.floor(next() * course.lessons.length);
	course.lessons.forEach((lesson, i) => {
		if (i <= lessonsDone)
			data.lessons[lesson.id] = {
				currentStep: lesson.steps.length - 1,
				furthestStep: lesson.steps.length - 1,
				completed: i < lessonsDone,
				updatedAt: new Date(start).toISOString(),
			};
	});
	for (const [i, exercise] of [...course.exercises.values()].entries()) {
		if (next() < 0.3) continue;
		// Everyone struggles with the hardest one: many attempts, and half of them give up and look.
		const attempts = exercise.id === hardest ? 6 + (n % 4) : 1 + Math.floor(next() * 3);
		const revealed = exercise.id === hardest ? n % 2 === 0 : next() < 0.05;
		const first = start + i * 60_000;
		data.exercises[exercise.id] = {
			attempts,
			correct: !revealed,
			hintsUsed: Math.floor(next() * 2),
			revealed,
			firstAttemptAt: new Date(first).toISOString(),
			lastAttemptAt: new Date(first + attempts * 20_000).toISOString(),
			...(revealed ? {} : {correctAt: new Date(first + attempts * 20_000).toISOString()}),
		};
		expected.attempts.set(exercise.id, (expected.attempts.get(exercise.id) ?? 0) + attempts);
		if (revealed) expected.reveals.set(exercise.id, (expected.reveals.get(exercise.id) ?? 0) + 1);
	}
	return data;
}

const validJson = (user: string, extra: Record<string, unknown> = {}) =>
	JSON.stringify({
		...buildSubmission(repoCourse(), emptyProgress(), 'template', '2026-12-01T10:00:00.000Z', uid),
		user,
		...extra,
	});

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'pod-tutor-class-'));
	folder = join(dir, 'submit');
	mkdirSync(folder);
	hardest = [...repoCourse().exercises.keys()][3];
	for (let n = 1; n <= STUDENTS; n++) {
		const user = `student${String(n).padStart(2, '0')}`;
		const submission = buildSubmission(repoCourse(), studentProgress(n), user, '2026-12-01T12:00:00.000Z', uid);
		const written = writeSubmissionFile(folder, `${user}.json`, JSON.stringify(submission), 0o600);
		if (!written.ok) throw new Error(written.error);
	}
	// Damaged and hostile neighbours.
	writeFileSync(join(folder, 'cut.json'), validJson('cut').slice(0, 200));
	writeFileSync(join(folder, '\u001B]0;owned\u0007evil.json'), validJson('evil'));
	writeFileSync(join(folder, 'escape.json'), validJson('\u001B[2Jescape'));
	writeFileSync(join(folder, 'deep.json'), `${'['.repeat(200_000)}${']'.repeat(200_000)}`);
	writeFileSync(join(folder, 'huge.json'), `{"pad": "${'x'.repeat(1100 * 1024)}"}`);
	writeFileSync(join(folder, 'mallory.json'), validJson('student01'));
	writeFileSync(
		join(folder, 'counts.json'),
		validJson('counts', {
			exercises: [
				{
					id: 'x',
					lesson: 'y',
					kind: 'quantity',
					attempts: -5,
					correct: true,
					hintsUsed: 0,
					revealed: false,
					secondsSpent: 1e308,
				},
			],
		}),
	);
	writeFileSync(join(folder, 'proto.json'), validJson('proto').replace('{', '{"__proto__": {"polluted": true},'));
	writeFileSync(
		join(folder, 'title.json'),
		validJson('title', {
			lessons: [{id: 'a', title: 'Pods \u001B[31mred\u001B[0m', state: 'done', steps: 3, stepReached: 3}],
		}),
	);
	symlinkSync('/etc/shadow', join(folder, 'eve.json'));
	mkdirSync(join(folder, 'dir.json'));
	execFileSync('mkfifo', [join(folder, 'fifo.json')]);
	writeFileSync(join(folder, 'notes.txt'), 'hello');
	writeFileSync(join(folder, '.student05.json.tmp-abc'), 'half a write');
});
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe('pod-tutor report over a class folder', () => {
	it('tables the 30 students and skips every damaged or hostile file with its reason', async () => {
		const run = await runBuilt(['report', folder], {});
		expect(run.code).toBe(0);
		const rows = run.stdout.split('\n').filter((line) => /^student\d\d /.test(line));
		expect(rows).toHaveLength(STUDENTS);
		expect(run.stdout).toContain(`Class report: ${STUDENTS + 2} students`);
		// proto.json and title.json are well-formed; their odd content is harmless once checked and cleaned.
		expect(run.stdout).toMatch(/^proto /m);
		expect(run.stdout).toMatch(/^title /m);
		const skipped = run.stderr.split('\n').filter(Boolean);
		const reason = (name: string) => skipped.find((line) => line.startsWith(`report: skipped ${name}:`));
		expect(reason('cut.json')).toContain('not valid JSON');
		expect(reason('deep.json')).toContain('not a pod-tutor submission: the file is not an object');
		expect(reason('huge.json')).toContain('larger than 1 MiB');
		expect(reason('mallory.json')).toContain('says it is from student01, but is named mallory.json');
		expect(reason('counts.json')).toContain('exercises[0].attempts is not a whole number');
		expect(reason('escape.json')).toContain('user is not an id');
		expect(reason('eve.json')).toContain('a symbolic link');
		expect(reason('dir.json')).toContain('a folder');
		expect(reason('fifo.json')).toContain('a named pipe (FIFO), not a regular file');
		expect(reason('notes.txt')).toContain('not a .json file');
		expect(
			reason(']0;owned\\u0007evil.json') ?? reason('evil.json') ?? skipped.find((l) => l.includes('evil.json')),
		).toBeDefined();
		expect(skipped.some((l) => l.includes('.student05'))).toBe(false);
		expect(skipped).toHaveLength(11);
		// Nothing from the folder reaches the terminal as a control sequence.
		expect(run.stdout + run.stderr).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('puts the exercise everyone struggled with first, by attempts and by reveals', async () => {
		const run = await runBuilt(['report', folder, '--json'], {});
		const report = JSON.parse(run.stdout);
		const stat = report.exercises.find((e: {id: string}) => e.id === hardest);
		expect(stat.attempts).toBe(expected.attempts.get(hardest));
		expect(stat.reveals).toBe(expected.reveals.get(hardest));
		const text = await runBuilt(['report', folder], {});
		const section = (title: string) => text.stdout.split(`  ${title}:`)[1].split('\n')[1].trim();
		const mostAttempts = [...expected.attempts.entries()].sort(
			(a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
		)[0][0];
		expect(mostAttempts).toBe(hardest);
		expect(section('Most attempts')).toMatch(
			new RegExp(`^${hardest} \\(.*\\): ${expected.attempts.get(hardest)} attempts`),
		);
		expect(section('Most reveals')).toMatch(new RegExp(`^${hardest} `));
		expect(report.students).toHaveLength(STUDENTS + 2);
	});

	it('writes CSV a spreadsheet cannot be tricked by', async () => {
		const run = await runBuilt(['report', folder, '--csv'], {});
		const lines = run.stdout.trim().split('\n');
		expect(lines[0]).toBe(
			'student,lessons_done,lessons,exercises_right,exercises_tried,exercises,' +
				'attempts,hints,reveals,seconds_spent,submitted_at',
		);
		expect(lines).toHaveLength(STUDENTS + 3);
		expect(lines.every((line) => line.split(',').length === 11)).toBe(true);
	});

	it('says what is wrong with the arguments or the folder', async () => {
		expect((await runBuilt(['report'], {})).stderr).toContain('name the submit folder');
		expect((await runBuilt(['report', folder, '--csv', '--json'], {})).stderr).toContain(
			'choose one of --csv and --json',
		);
		const missing = await runBuilt(['report', join(dir, 'nope')], {});
		expect(missing.code).toBe(1);
		expect(missing.stderr).toContain('no such folder');
	});
});

describe('pod-tutor submit', () => {
	it('writes <user>.json atomically, 0600, leaving no temp file, whatever the umask', async () => {
		const out = join(dir, 'own');
		mkdirSync(out);
		const configDir = mkdtempSync(join(dir, 'learner-'));
		const run = await runBuilt(['submit', '--to', out], {
			POD_TUTOR_CONFIG_DIR: configDir,
			POD_TUTOR_LAB_CONFIG: join(dir, 'none.yaml'),
		});
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		const files = readdirSync(out);
		expect(files).toHaveLength(1);
		const file = join(out, files[0]);
		expect(statSync(file).mode & 0o777).toBe(0o600);
		const saved = JSON.parse(readFileSync(file, 'utf8'));
		expect(saved).toMatchObject({format: 'pod-tutor-submission', version: 1, uid});
		expect(run.stdout).toContain(`Handed in ${file}: 0 of ${repoCourse().lessons.length} lessons done`);
		// The report reads what submit wrote.
		const report = await runBuilt(['report', out, '--json'], {});
		expect(JSON.parse(report.stdout).students).toHaveLength(1);
	});

	it("in a setgid class folder the file is 0640, for the instructors' group", () => {
		const shared = join(dir, 'shared');
		mkdirSync(shared);
		chmodSync(shared, 0o3733);
		const written = writeSubmissionFile(shared, 'ana.json', '{}', 0o640);
		expect(written.ok).toBe(true);
		expect(statSync(join(shared, 'ana.json')).mode & 0o777).toBe(0o640);
	});

	it.skipIf(uid !== 0)("never replaces a file another account planted under the student's name", () => {
		const shared = join(dir, 'planted');
		mkdirSync(shared);
		writeFileSync(join(shared, 'ana.json'), 'fake');
		chownSync(join(shared, 'ana.json'), 4242, 4242);
		const written = writeSubmissionFile(shared, 'ana.json', '{}', 0o600);
		expect(written).toMatchObject({
			ok: false,
			error: expect.stringContaining('is there already and is not yours (owned by uid 4242)'),
		});
		expect(readFileSync(join(shared, 'ana.json'), 'utf8')).toBe('fake');
		expect(readdirSync(shared)).toEqual(['ana.json']);
	});

	it.skipIf(uid !== 0)('report skips a file whose owner is not the uid it claims', async () => {
		const shared = join(dir, 'owners');
		mkdirSync(shared);
		writeFileSync(join(shared, 'bob.json'), validJson('bob'));
		chownSync(join(shared, 'bob.json'), 4243, 4243);
		const run = await runBuilt(['report', shared], {});
		expect(run.stderr).toContain(
			`report: skipped bob.json: says it was written by uid ${uid}, but uid 4243 owns it`,
		);
	});

	it('without a folder says where one comes from', async () => {
		const run = await runBuilt(['submit'], {
			POD_TUTOR_CONFIG_DIR: dir,
			POD_TUTOR_LAB_CONFIG: join(dir, 'none.yaml'),
		});
		expect(run.code).toBe(2);
		expect(run.stderr).toContain('no submit folder is set');
	});
});
